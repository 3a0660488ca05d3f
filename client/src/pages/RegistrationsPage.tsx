/**
 * #/registrations: the ward's review queue of cameras that owners registered on the public page
 * (R1). A ward chair sees their ward's, the ADMIN every ward's (without the owners' contact
 * details: personal data). Pending ones first (oldest first); a registration opens with a mini-map
 * of where it is and what it would see, the owner's details, and the decision: approve (turning
 * the camera if the owner's direction is off; the camera is created and covers from then on) or
 * reject with the reason the owner will read.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCode, GraphQLClientError } from '../api/graphql';
import {
  approveRegistration,
  fetchRegistrations,
  fetchWardOutline,
  REGISTRATION_STATES,
  rejectRegistration,
  type CameraRegistration,
  type RegistrationState,
} from '../api/registrations';
import { can } from '../auth/access';
import { ErrorNotice, Pager, Personal, Row, useLanguage } from '../components/registries/common';
import { currentAfter, FIRST_PAGE, nextPage, pageNumber, previousPage, type CursorPager } from '../components/registries/logic';
import { compassPoint, formatDateTime, formatLatLng, formatNumber, type Language } from '../format';
import { hasDirection, normaliseBearing, parseNumber } from '../registration/cameraForm';
import { formatReference } from '../registration/publicForm';
import { RegistrationMiniMap } from '../registration/RegistrationMiniMap';
import { useRemote } from '../useRemote';
import type { PageProps } from './routes';
import './registries.css';
import './selfRegister.css';

const PAGE_SIZE = 25;

export function RegistrationsPage({ user }: PageProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const locked = user.wardId != null;
  const [state, setState] = useState<RegistrationState | ''>('PENDING');
  const [pager, setPager] = useState<CursorPager>(FIRST_PAGE);
  const [revision, setRevision] = useState(0);
  const after = currentAfter(pager);
  const list = useRemote(JSON.stringify([state, after]), revision, (o) => fetchRegistrations(state || null, { first: PAGE_SIZE, after }, o));
  const [selected, setSelected] = useState<CameraRegistration | null>(null);
  const mayDecide = can(user, 'approveCameraRegistration');

  // The first one opens when a list arrives with nothing open (the oldest pending: the next to
  // decide); one just decided stays open, with its outcome, until another is picked.
  const items = list.data?.items;
  useEffect(() => {
    if (!items) return;
    setSelected((s) => (s ? (items.find((i) => i.id === s.id) ?? s) : (items[0] ?? null)));
  }, [items]);

  return (
    <div className="ww-reg-page" data-testid="registrations-page">
      <div className="ww-reg-toolbar">
        <h1 className="ww-reg-title">{t('registrations.title')}</h1>
        {list.data && (
          <span className="ww-selfreg-badge" data-testid="registrations-pending" data-value={list.data.pendingCount}>
            {t('registrations.pending', { count: list.data.pendingCount, n: formatNumber(list.data.pendingCount, language) })}
          </span>
        )}
      </div>
      <p className="ww-reg-intro">{t('registrations.intro')}</p>
      <div className="ww-reg-filters">
        <label className="ww-reg-field">
          <span className="ww-label">{t('registrations.filter.state')}</span>
          <select
            className="ww-select"
            value={state}
            data-testid="registrations-state"
            onChange={(e) => {
              setState(e.target.value as RegistrationState | '');
              setPager(FIRST_PAGE);
              setSelected(null);
            }}
          >
            {REGISTRATION_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`selfRegister.state.${s}`)}
              </option>
            ))}
            <option value="">{t('registrations.filter.all')}</option>
          </select>
        </label>
      </div>

      <div className="ww-cases-layout">
        <section className="ww-reg-card" aria-label={t('registrations.listTitle')}>
          {list.status === 'error' && <ErrorNotice code={list.code} onRetry={list.retry} />}
          {list.status === 'loading' && !list.data && (
            <div className="ww-reg-loading">
              <span className="ww-spinner" aria-hidden="true" /> {t('report.loading')}
            </div>
          )}
          {list.data && (
            <>
              <p className="ww-muted" data-testid="registrations-count" data-value={list.data.totalCount}>
                {t('registrations.count', { count: list.data.totalCount, n: formatNumber(list.data.totalCount, language) })}
              </p>
              {list.data.items.length > 0 && (
                <div className="ww-reg-table-wrap">
                  <table className="ww-reg-table" data-testid="registrations-table">
                    <thead>
                      <tr>
                        <th>{t('registrations.col.reference')}</th>
                        {!locked && <th>{t('registrations.col.ward')}</th>}
                        <th>{t('registrations.col.camera')}</th>
                        <th>{t('registrations.col.submitted')}</th>
                        <th>{t('registrations.col.state')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {list.data.items.map((r) => (
                        <tr
                          key={r.id}
                          data-testid="registration-row"
                          data-id={r.id}
                          data-reference={r.reference}
                          data-state={r.state}
                          className={`is-clickable${selected?.id === r.id ? ' is-selected' : ''}`}
                          onClick={() => setSelected(r)}
                        >
                          <td>
                            <button
                              type="button"
                              className="ww-link ww-selfreg-mono"
                              onClick={(e) => {
                                e.stopPropagation();
                                setSelected(r);
                              }}
                            >
                              {formatReference(r.reference)}
                            </button>
                          </td>
                          {!locked && <td>{r.ward.name}</td>}
                          <td>
                            {t(`enum.CameraType.${r.type}`)}
                            <div className="ww-small ww-muted">{t(`enum.OwnerKind.${r.ownerKind}`)}</div>
                          </td>
                          <td className="ww-nowrap">{formatDateTime(r.submittedAt, language)}</td>
                          <td>
                            <StatePill state={r.state} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              {list.data.items.length === 0 && (
                <p className="ww-muted" data-testid="registrations-empty">
                  {t('registrations.empty')}
                </p>
              )}
              <Pager
                page={pageNumber(pager)}
                total={Math.max(1, Math.ceil(list.data.totalCount / PAGE_SIZE))}
                hasPrevious={pageNumber(pager) > 1}
                hasNext={list.data.pageInfo.hasNextPage}
                onPrevious={() => setPager(previousPage)}
                onNext={() => setPager((p) => nextPage(p, list.data!.pageInfo.endCursor))}
                testId="registrations-pager"
              />
            </>
          )}
        </section>

        <section className="ww-reg-card ww-case-panel" data-testid="registration-panel" aria-live="polite">
          {selected ? (
            <RegistrationDetail
              key={selected.id}
              reg={selected}
              language={language}
              canSeePersonalData={user.canSeePersonalData === true}
              mayDecide={mayDecide}
              onDecided={(r) => {
                setSelected(r);
                setRevision((n) => n + 1);
              }}
            />
          ) : (
            <p className="ww-muted">{t('registrations.pick')}</p>
          )}
        </section>
      </div>
    </div>
  );
}

function StatePill({ state }: { state: RegistrationState }) {
  const { t } = useTranslation();
  const tone = state === 'APPROVED' ? ' is-good' : state === 'REJECTED' ? ' is-bad' : ' is-state-open';
  return <span className={`ww-reg-pill${tone}`}>{t(`selfRegister.state.${state}`)}</span>;
}

function RegistrationDetail({
  reg,
  language,
  canSeePersonalData,
  mayDecide,
  onDecided,
}: {
  reg: CameraRegistration;
  language: Language;
  canSeePersonalData: boolean;
  mayDecide: boolean;
  onDecided: (r: CameraRegistration) => void;
}) {
  const { t } = useTranslation();
  const outline = useRemote(`ward-outline:${reg.wardId}`, 0, (o) => fetchWardOutline(reg.wardId, o));
  const [bearingText, setBearingText] = useState(String(reg.bearing));
  const typed = parseNumber(bearingText);
  const bearingOk = Number.isFinite(typed) && typed >= 0 && typed < 360;
  const adjusted = bearingOk ? typed : reg.bearing;
  const directed = hasDirection(reg.fieldOfView);
  const pending = reg.state === 'PENDING';
  const dt = (v: string | null) => formatDateTime(v, language) ?? t('common.none');

  return (
    <div data-testid="registration-detail" data-id={reg.id} data-state={reg.state}>
      <div className="ww-case-head">
        <h2 className="ww-reg-card-title">
          {t('registrations.detailTitle')} <span className="ww-selfreg-mono">{formatReference(reg.reference)}</span>
        </h2>
        <StatePill state={reg.state} />
      </div>
      <RegistrationMiniMap
        latitude={reg.latitude}
        longitude={reg.longitude}
        bearing={reg.bearing}
        adjustedBearing={pending ? adjusted : (reg.camera?.bearing ?? reg.bearing)}
        fieldOfView={reg.fieldOfView}
        rangeMeters={reg.rangeMeters}
        wardOutline={outline.data}
      />
      <dl className="ww-dl ww-case-dl">
        <Row label={t('selfRegister.receipt.field.ward')}>{reg.ward.name}</Row>
        <Row label={t('selfRegister.receipt.field.location')}>{formatLatLng(reg.latitude, reg.longitude)}</Row>
        <Row label={t('selfRegister.receipt.field.type')}>
          {t(`enum.CameraType.${reg.type}`)} · {formatNumber(reg.fieldOfView, language)}° · {formatNumber(reg.rangeMeters, language)} m
        </Row>
        <Row label={t('selfRegister.receipt.field.direction')}>
          {directed
            ? t('units.bearing', { degrees: `${formatNumber(reg.bearing, language)}°`, direction: t(`compass.${compassPoint(reg.bearing)}`) })
            : t('selfRegister.receipt.allAround')}
          {directed && reg.camera && reg.camera.bearing !== reg.bearing && (
            <div className="ww-small" data-testid="registration-camera-bearing">
              {t('registrations.cameraBearing', { degrees: `${formatNumber(reg.camera.bearing, language)}°`, direction: t(`compass.${compassPoint(reg.camera.bearing)}`) })}
            </div>
          )}
        </Row>
        <Row label={t('selfRegister.receipt.field.policeAccess')}>{t(`selfRegister.police.${reg.policeAccess}.label`)}</Row>
        <Row label={t('selfRegister.receipt.field.ownerKind')}>{t(`enum.OwnerKind.${reg.ownerKind}`)}</Row>
        <Row label={t('selfRegister.ownerName')}>
          <Personal value={reg.ownerName} canSee={canSeePersonalData} testId="registration-owner" />
        </Row>
        <Row label={t('selfRegister.ownerPhone')}>
          <Personal value={reg.ownerPhone} canSee={canSeePersonalData} />
          {reg.ownerEmail && (
            <>
              {' · '}
              <Personal value={reg.ownerEmail} canSee={canSeePersonalData} />
            </>
          )}
        </Row>
        <Row label={t('selfRegister.address')}>
          <Personal value={reg.address} canSee={canSeePersonalData} />
        </Row>
        <Row label={t('selfRegister.receipt.field.submittedAt')}>{dt(reg.submittedAt)}</Row>
        {!pending && (
          <Row label={t('registrations.decided')}>
            <span data-testid="registration-decided">
              {t('registrations.decidedBy', { at: dt(reg.reviewedAt), user: reg.reviewedBy ?? t('common.none') })}
            </span>
            {reg.reviewNote && <div className="ww-prewrap" data-testid="registration-note">{reg.reviewNote}</div>}
            {reg.cameraId != null && <div data-testid="registration-camera">{t('registrations.camera', { id: reg.cameraId })}</div>}
          </Row>
        )}
      </dl>
      {pending && mayDecide && (
        <>
          <ApproveForm reg={reg} bearingText={bearingText} onBearing={setBearingText} bearingOk={bearingOk} directed={directed} onDone={onDecided} />
          <RejectForm reg={reg} onDone={onDecided} />
        </>
      )}
    </div>
  );
}

function useDecision(onDone: (r: CameraRegistration) => void) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ code: string; field: string | null; message: string } | null>(null);
  const run = async (call: () => Promise<CameraRegistration>) => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      onDone(await call());
    } catch (error) {
      setFailure({
        code: errorCode(error),
        field: error instanceof GraphQLClientError ? (error.field ?? null) : null,
        message: error instanceof Error ? error.message : '',
      });
    } finally {
      setBusy(false);
    }
  };
  return { busy, failure, run };
}

function ApproveForm({
  reg,
  bearingText,
  onBearing,
  bearingOk,
  directed,
  onDone,
}: {
  reg: CameraRegistration;
  bearingText: string;
  onBearing: (text: string) => void;
  bearingOk: boolean;
  directed: boolean;
  onDone: (r: CameraRegistration) => void;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const { busy, failure, run } = useDecision(onDone);
  const bearing = parseNumber(bearingText);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (directed && !bearingOk) return;
    const changed = directed && bearingOk && bearing !== reg.bearing;
    void run(() => approveRegistration(reg.id, { ...(changed ? { bearing } : {}), ...(note.trim() ? { note: note.trim() } : {}) }));
  };
  return (
    <form className="ww-reg-form" onSubmit={submit} noValidate data-testid="registration-approve-form">
      <div className="ww-reg-form-title">{t('registrations.approve.title')}</div>
      <p className="ww-muted ww-small">{t('registrations.approve.intro')}</p>
      {directed && (
        <div className="ww-form-row">
          <label className="ww-form-label" htmlFor="ww-approve-bearing">
            {t('registrations.approve.bearing')}
          </label>
          <div className="ww-bearing">
            <input
              id="ww-approve-bearing"
              className="ww-input ww-input-number"
              data-testid="registration-bearing"
              inputMode="decimal"
              value={bearingText}
              aria-invalid={bearingOk ? undefined : true}
              onChange={(e) => onBearing(e.target.value)}
            />
            <input
              className="ww-range"
              type="range"
              min={0}
              max={359}
              step={1}
              data-testid="registration-bearing-slider"
              aria-label={t('registrations.approve.bearing')}
              value={bearingOk ? Math.min(359, bearing) : reg.bearing}
              onChange={(e) => onBearing(String(normaliseBearing(Number(e.target.value))))}
            />
            <span className="ww-bearing-compass" aria-hidden="true">
              {bearingOk ? t(`compass.${compassPoint(bearing)}`) : ''}
            </span>
          </div>
          {!bearingOk && <p className="ww-field-error">{t('register.error.bearing.outOfRange')}</p>}
        </div>
      )}
      <label className="ww-reg-field">
        <span className="ww-label">{t('registrations.approve.note')}</span>
        <input className="ww-input" data-testid="registration-approve-note" maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      {failure && <DecisionFailure failure={failure} />}
      <div className="ww-reg-form-actions">
        <button type="submit" className="ww-button" data-testid="registration-approve" disabled={busy}>
          {busy ? t('registrations.approve.submitting') : t('registrations.approve.submit')}
        </button>
      </div>
    </form>
  );
}

function RejectForm({ reg, onDone }: { reg: CameraRegistration; onDone: (r: CameraRegistration) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const { busy, failure, run } = useDecision(onDone);
  const short = reason.trim().length < 3;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (short) return;
    void run(() => rejectRegistration(reg.id, reason.trim()));
  };
  return (
    <form className="ww-reg-form" onSubmit={submit} noValidate data-testid="registration-reject-form">
      <div className="ww-reg-form-title">{t('registrations.reject.title')}</div>
      <label className="ww-reg-field">
        <span className="ww-label">{t('registrations.reject.reason')}</span>
        <textarea
          className="ww-input"
          rows={2}
          maxLength={1000}
          data-testid="registration-reject-reason"
          value={reason}
          placeholder={t('registrations.reject.placeholder')}
          data-invalid={tried && short ? 'true' : undefined}
          onChange={(e) => setReason(e.target.value)}
        />
        {tried && short && <span className="ww-reg-field-error">{t('registrations.reject.required')}</span>}
      </label>
      {failure && <DecisionFailure failure={failure} />}
      <div className="ww-reg-form-actions">
        <button type="submit" className="ww-button ww-button-secondary ww-selfreg-reject" data-testid="registration-reject" disabled={busy}>
          {busy ? t('registrations.reject.submitting') : t('registrations.reject.submit')}
        </button>
      </div>
    </form>
  );
}

function DecisionFailure({ failure }: { failure: { code: string; field: string | null; message: string } }) {
  const { t } = useTranslation();
  return (
    <div className="ww-error" role="alert" data-testid="registration-failure" data-code={failure.code}>
      <p>{t('registrations.failed')}</p>
      <p>
        {failure.code === 'BAD_USER_INPUT' && failure.field === 'id'
          ? t('registrations.alreadyDecided')
          : t(`errors.${failure.code}`, { defaultValue: t('errors.UNKNOWN_ERROR') })}
      </p>
    </div>
  );
}

export default RegistrationsPage;
