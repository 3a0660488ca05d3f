/**
 * The map's live indicator (bottom right): whether camera status changes are arriving (live,
 * connecting, reconnecting, offline), and above it the last few changes as short notices; a notice
 * selects its camera on the map.
 */
import { useTranslation } from 'react-i18next';
import type { LiveState } from '../api/live';
import type { LiveNotice } from '../map/useLiveCameras';
import { STATUS_COLORS } from '../map/styles';
import './live.css';

interface Props {
  state: LiveState;
  notices: LiveNotice[];
  onPick: (cameraId: number) => void;
  onDismiss: (eventId: number) => void;
}

export function LiveStatus({ state, notices, onPick, onDismiss }: Props) {
  const { t } = useTranslation();
  return (
    <div className="ww-live" data-testid="live">
      {notices.length > 0 && (
        <ul className="ww-live-notices" aria-label={t('live.notices')}>
          {notices.map((n) => (
            <li key={n.eventId} className="ww-live-notice" data-testid="live-notice" data-camera-id={n.cameraId} data-status={n.status}>
              <button type="button" className="ww-live-notice-body" title={t('live.show')} onClick={() => onPick(n.cameraId)}>
                <span className="ww-live-swatch" style={{ background: STATUS_COLORS[n.status] }} aria-hidden="true" />
                <span>
                  <strong>{n.label || t('live.camera', { id: n.cameraId })}</strong>{' '}
                  {t('live.notice', { status: t(`enum.CameraStatus.${n.status}`), reason: t(`live.reason.${n.reason}`) })}
                </span>
              </button>
              <button type="button" className="ww-live-dismiss" aria-label={t('live.dismiss')} title={t('live.dismiss')} onClick={() => onDismiss(n.eventId)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className={`ww-live-pill is-${state}`} role="status" data-testid="live-status" data-state={state} title={t(`live.hint.${state}`)}>
        <span className="ww-live-dot" aria-hidden="true" />
        {t(`live.state.${state}`)}
      </div>
    </div>
  );
}
