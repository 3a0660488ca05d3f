/**
 * A camera's health in its details panel (R10): its last heartbeat (or that it sends none) and its
 * last few status changes, with why and by whom. Read on its own, so the panel's camera query stays
 * as it is; refetched when the panel's revision changes.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { graphqlRequest, type RequestOptions } from '../api/graphql';
import { formatDateTime, type Language } from '../format';
import { STATUS_COLORS } from '../map/styles';
import type { CameraStatus } from '../types';
import { useRemote } from '../useRemote';
import './cameraHealth.css';

/** Status changes shown (the API keeps the last 20). */
const SHOWN = 5;

interface StatusEvent {
  id: number;
  status: CameraStatus;
  previousStatus: CameraStatus | null;
  reason: string;
  username: string | null;
  at: string;
}

interface CameraHealthData {
  id: number;
  lastHeartbeatAt: string | null;
  monitored: boolean;
  statusHistory: StatusEvent[];
}

const CAMERA_HEALTH = /* GraphQL */ `
  query CameraHealth($id: Int!) {
    camera(id: $id) { id lastHeartbeatAt monitored statusHistory { id status previousStatus reason username at } }
  }
`;

export async function fetchCameraHealth(id: number, options?: RequestOptions): Promise<CameraHealthData> {
  return (await graphqlRequest<{ camera: CameraHealthData }>(CAMERA_HEALTH, { id }, options)).camera;
}

/** How long ago, in the largest whole unit up to days. */
function ago(at: string, now: number, t: TFunction): string {
  const s = Math.max(0, Math.round((now - Date.parse(at)) / 1000));
  if (s < 90) return t('health.secondsAgo', { n: s });
  if (s < 90 * 60) return t('health.minutesAgo', { n: Math.round(s / 60) });
  if (s < 36 * 3600) return t('health.hoursAgo', { n: Math.round(s / 3600) });
  return t('health.daysAgo', { n: Math.round(s / 86400) });
}

export function CameraHealthSection({ id, language, revision }: { id: number; language: Language; revision: number }) {
  const { t } = useTranslation();
  const remote = useRemote(`camera-health-${id}`, revision, (o) => fetchCameraHealth(id, o));
  if (remote.status === 'error' && !remote.data) {
    return (
      <p className="ww-health-error" role="alert" data-testid="camera-health-error">
        {t('health.loadError')}
      </p>
    );
  }
  const h = remote.data;
  if (!h) return null;
  const now = Date.now();
  const events = h.statusHistory.slice(0, SHOWN);
  return (
    <section className="ww-health" data-testid="camera-health" data-monitored={String(h.monitored)}>
      <h3 className="ww-details-subtitle">{t('health.title')}</h3>
      <dl className="ww-dl">
        <div className="ww-dl-row" data-field="lastHeartbeat">
          <dt>{t('health.lastHeartbeat')}</dt>
          <dd className={h.lastHeartbeatAt ? undefined : 'is-empty'} data-testid="camera-last-heartbeat">
            {h.lastHeartbeatAt
              ? `${formatDateTime(h.lastHeartbeatAt, language)} (${ago(h.lastHeartbeatAt, now, t)})`
              : t('health.notMonitored')}
          </dd>
        </div>
      </dl>
      <h3 className="ww-details-subtitle">{t('health.history')}</h3>
      {events.length === 0 ? (
        <p className="ww-health-empty">{t('health.noHistory')}</p>
      ) : (
        <ol className="ww-health-history" data-testid="camera-status-history">
          {events.map((e) => (
            <li key={e.id} data-status={e.status} data-reason={e.reason}>
              <span className="ww-health-dot" style={{ background: STATUS_COLORS[e.status] }} aria-hidden="true" />
              <span className="ww-health-what">
                {e.previousStatus
                  ? t('health.change', { from: t(`enum.CameraStatus.${e.previousStatus}`), to: t(`enum.CameraStatus.${e.status}`) })
                  : t('health.registered', { to: t(`enum.CameraStatus.${e.status}`) })}
                <span className="ww-health-why">
                  {' · '}
                  {t(`health.reason.${e.reason}`, { defaultValue: e.reason })}
                  {e.username ? ` · ${t('health.by', { user: e.username })}` : ''}
                </span>
              </span>
              <time className="ww-health-when" dateTime={e.at}>
                {formatDateTime(e.at, language)}
              </time>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
