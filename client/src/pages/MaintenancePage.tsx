/**
 * R10: maintenance of the installed cameras. The time to repair per ward (mean, median, open tickets
 * and the oldest one's age) over a chosen period; the tickets, filtered by state and ward (a ward
 * user: their own), newest first; a ticket opens in a detail panel with its camera, its timeline and
 * the actions the server allows this viewer now; "report a problem" opens a ticket for a camera.
 * `#/maintenance?ticket=12` opens ticket 12.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  fetchMaintenanceStats,
  fetchMaintenanceTicket,
  fetchMaintenanceTickets,
  MAINTENANCE_CSV_URL,
  STATS_PERIODS,
  type MaintenanceSource,
  type MaintenanceState,
  type MaintenanceTicket,
} from '../api/maintenance';
import { fetchWards } from '../api/registries';
import { can } from '../auth/access';
import { Duration, MttrTable } from '../components/maintenance/MttrTable';
import { ReportProblemForm } from '../components/maintenance/ReportProblemForm';
import { TicketActions } from '../components/maintenance/TicketActions';
import { STATE_FILTERS, statesOf, type StateFilter } from '../components/maintenance/logic';
import { ErrorNotice, Milestones, Pager, Row, useLanguage, WardSelect } from '../components/registries/common';
import { currentAfter, FIRST_PAGE, formatVnd, nextPage, pageNumber, previousPage, type CursorPager } from '../components/registries/logic';
import { formatDate, formatDateTime, formatNumber, type Language } from '../format';
import { useRemote } from '../useRemote';
import type { PageProps } from './routes';
import './registries.css';
import '../components/maintenance/maintenance.css';

const PAGE_SIZE = 25;

/** The ticket a `#/maintenance?ticket=12` link names, if any. */
function ticketOfHash(hash: string): number | null {
  const m = /[?&]ticket=(\d{1,9})\b/.exec(hash);
  return m ? Number(m[1]) : null;
}

export function MaintenancePage({ user }: PageProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const locked = user.wardId != null;
  const wards = useRemote('wards', 0, (o) => fetchWards(o));
  const [revision, setRevision] = useState(0);
  const [periodDays, setPeriodDays] = useState<number | null>(90);
  const stats = useRemote(`mttr:${periodDays}`, revision, (o) => fetchMaintenanceStats(periodDays, o));
  const [wardId, setWardId] = useState<number | null>(user.wardId ?? null);
  const [stateFilter, setStateFilter] = useState<StateFilter>('OPEN');
  const [pager, setPager] = useState<CursorPager>(FIRST_PAGE);
  const after = currentAfter(pager);
  const filter = { wardId, states: statesOf(stateFilter) };
  const list = useRemote(JSON.stringify([filter, after]), revision, (o) => fetchMaintenanceTickets(filter, { first: PAGE_SIZE, after }, o));
  const [selectedId, setSelectedId] = useState<number | null>(() => ticketOfHash(window.location.hash));
  const [reporting, setReporting] = useState(false);
  const mayReport = can(user, 'reportCameraProblem');
  /** the ward column, unless the list is one ward's */
  const showWard = !locked && wardId == null;

  const pickWard = (id: number | null) => {
    setWardId(id);
    setPager(FIRST_PAGE);
  };

  return (
    <div className="ww-reg-page" data-testid="maintenance-page">
      <div className="ww-reg-toolbar">
        <h1 className="ww-reg-title">{t('maintenance.title')}</h1>
        <div className="ww-reg-toolbar-actions">
          <a className="ww-button ww-button-secondary" href={MAINTENANCE_CSV_URL} download data-testid="maintenance-csv">
            {t('maintenance.csv')}
          </a>
          {mayReport && (
            <button
              type="button"
              className="ww-button"
              onClick={() => {
                setReporting(true);
                setSelectedId(null);
              }}
              data-testid="maintenance-report-new"
            >
              {t('maintenance.report.button')}
            </button>
          )}
        </div>
      </div>

      <section className="ww-reg-card ww-mnt-section" aria-label={t('maintenance.mttr.title')} data-testid="mttr-card">
        <div className="ww-mnt-stats-head">
          <h2 className="ww-reg-card-title">{t('maintenance.mttr.title')}</h2>
          <label className="ww-reg-field ww-reg-field-inline">
            <span className="ww-label">{t('maintenance.mttr.period')}</span>
            <select
              className="ww-select"
              value={periodDays ?? ''}
              onChange={(e) => setPeriodDays(e.target.value === '' ? null : Number(e.target.value))}
              data-testid="mttr-period"
            >
              {STATS_PERIODS.map((p) => (
                <option key={p ?? 'all'} value={p ?? ''}>
                  {p == null ? t('maintenance.mttr.allTime') : t('maintenance.mttr.lastDays', { count: p })}
                </option>
              ))}
            </select>
          </label>
        </div>
        <p className="ww-muted ww-small">{t('maintenance.mttr.explain')}</p>
        {stats.status === 'error' && <ErrorNotice code={stats.code} onRetry={stats.retry} />}
        {stats.data ? (
          <MttrTable stats={stats.data} language={language} selectedWardId={locked ? null : wardId} onPickWard={locked ? null : (id) => pickWard(id === wardId ? null : id)} />
        ) : (
          stats.status === 'loading' && (
            <div className="ww-reg-loading">
              <span className="ww-spinner" aria-hidden="true" /> {t('report.loading')}
            </div>
          )
        )}
      </section>

      <div className="ww-reg-filters">
        <label className="ww-reg-field">
          <span className="ww-label">{t('maintenance.filter.ward')}</span>
          <WardSelect wards={wards.data ?? []} value={wardId} onChange={pickWard} locked={locked} allowAll testId="maintenance-ward" />
        </label>
        <label className="ww-reg-field">
          <span className="ww-label">{t('maintenance.filter.state')}</span>
          <select
            className="ww-select"
            value={stateFilter}
            onChange={(e) => {
              setStateFilter(e.target.value as StateFilter);
              setPager(FIRST_PAGE);
            }}
            data-testid="maintenance-state"
          >
            {STATE_FILTERS.map((s) => (
              <option key={s} value={s}>
                {t(`maintenance.filter.states.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>

      <div className="ww-cases-layout">
        <section className="ww-reg-card ww-cases-list" aria-label={t('maintenance.listTitle')}>
          {list.status === 'error' && <ErrorNotice code={list.code} onRetry={list.retry} />}
          {list.status === 'loading' && !list.data && (
            <div className="ww-reg-loading">
              <span className="ww-spinner" aria-hidden="true" /> {t('report.loading')}
            </div>
          )}
          {list.data && (
            <>
              <p className="ww-muted" data-testid="maintenance-count" data-value={list.data.totalCount}>
                {t('maintenance.count', { count: list.data.totalCount, n: formatNumber(list.data.totalCount, language) })}
              </p>
              {list.data.items.length > 0 && (
                <div className="ww-reg-table-wrap">
                  <table className="ww-reg-table" data-testid="maintenance-table">
                    <thead>
                      <tr>
                        <th className="is-num">{t('maintenance.col.id')}</th>
                        <th>{t('maintenance.col.camera')}</th>
                        {showWard && <th>{t('maintenance.col.ward')}</th>}
                        <th>{t('maintenance.col.state')}</th>
                        <th>{t('maintenance.col.problem')}</th>
                        <th>{t('maintenance.col.reported')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {list.data.items.map((ticket) => (
                        <tr
                          key={ticket.id}
                          data-testid="ticket-row"
                          data-id={ticket.id}
                          data-state={ticket.state}
                          data-ward={ticket.wardId}
                          className={`is-clickable${selectedId === ticket.id ? ' is-selected' : ''}`}
                          onClick={() => {
                            setSelectedId(ticket.id);
                            setReporting(false);
                          }}
                        >
                          <td className="is-num">
                            <button
                              type="button"
                              className="ww-link"
                              onClick={(e) => {
                                e.stopPropagation();
                                setSelectedId(ticket.id);
                                setReporting(false);
                              }}
                            >
                              #{ticket.id}
                            </button>
                          </td>
                          <td className="ww-nowrap">
                            {cameraName(ticket.camera, t)}
                            <div>
                              <CameraStatusText status={ticket.camera.status} />
                            </div>
                          </td>
                          {showWard && <td>{ticket.ward.name}</td>}
                          <td>
                            <StatePill state={ticket.state} />
                          </td>
                          <td>
                            <div className="ww-mnt-problem" title={ticket.problem}>
                              {ticket.problem}
                            </div>
                            <Source source={ticket.source} />
                          </td>
                          <td className="ww-nowrap">
                            {formatDate(ticket.reportedAt, language)}
                            <div className="ww-small ww-muted" data-testid="ticket-row-elapsed">
                              {t(ticket.state === 'RESOLVED' ? 'maintenance.took' : 'maintenance.openFor')} <Duration hours={ticket.elapsedHours} language={language} />
                            </div>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              <Pager
                page={pageNumber(pager)}
                total={Math.max(1, Math.ceil(list.data.totalCount / PAGE_SIZE))}
                hasPrevious={pageNumber(pager) > 1}
                hasNext={list.data.pageInfo.hasNextPage}
                onPrevious={() => setPager(previousPage)}
                onNext={() => setPager((p) => nextPage(p, list.data!.pageInfo.endCursor))}
                testId="maintenance-pager"
              />
            </>
          )}
        </section>

        <section className="ww-reg-card ww-case-panel" data-testid="ticket-panel" aria-live="polite">
          {reporting ? (
            <ReportProblemForm
              onReported={(ticket) => {
                setReporting(false);
                setSelectedId(ticket.id);
                setRevision((r) => r + 1);
              }}
              onCancel={() => setReporting(false)}
            />
          ) : selectedId == null ? (
            <p className="ww-muted" data-testid="ticket-panel-empty">
              {t('maintenance.pick')}
            </p>
          ) : (
            <TicketDetail id={selectedId} language={language} listRevision={revision} onChanged={() => setRevision((r) => r + 1)} />
          )}
        </section>
      </div>
    </div>
  );
}

type T = ReturnType<typeof useTranslation>['t'];

function cameraName(camera: { id: number; label: string | null }, t: T): string {
  return camera.label ? `${camera.label} (#${camera.id})` : t('maintenance.cameraNumber', { id: camera.id });
}

function StatePill({ state }: { state: MaintenanceState }) {
  const { t } = useTranslation();
  return (
    <span className={`ww-reg-pill is-mnt-${state.toLowerCase()}`} data-testid="ticket-state-pill">
      {t(`maintenance.state.${state}`)}
    </span>
  );
}

function CameraStatusText({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={`ww-mnt-camera-status is-${status.toLowerCase()}`}>{t(`enum.CameraStatus.${status}`, { defaultValue: status })}</span>;
}

function Source({ source }: { source: MaintenanceSource }) {
  const { t } = useTranslation();
  if (source !== 'HEARTBEAT') return null;
  return (
    <span className="ww-mnt-source is-heartbeat" data-testid="ticket-source-heartbeat">
      <svg viewBox="0 0 16 12" width="14" height="11" aria-hidden="true">
        <path d="M1 6h3l2-4 3 8 2-4h4" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" strokeLinecap="round" />
      </svg>
      {t('maintenance.source.HEARTBEAT')}
    </span>
  );
}

function TicketDetail({ id, language, listRevision, onChanged }: { id: number; language: Language; listRevision: number; onChanged: () => void }) {
  const { t } = useTranslation();
  const remote = useRemote(`ticket:${id}`, listRevision, (o) => fetchMaintenanceTicket(id, o));
  /** the answer of the last action, shown until the reload arrives */
  const [latest, setLatest] = useState<MaintenanceTicket | null>(null);
  useEffect(() => setLatest(null), [remote.data]);
  const ticket = latest?.id === id ? latest : remote.data;

  if (remote.status === 'error' && !ticket) return <ErrorNotice code={remote.code} onRetry={remote.retry} />;
  if (!ticket) {
    return (
      <div className="ww-reg-loading">
        <span className="ww-spinner" aria-hidden="true" /> {t('report.loading')}
      </div>
    );
  }
  const dt = (v: string | null) => formatDateTime(v, language) ?? t('common.none');
  return (
    <div className="ww-case-detail" data-testid="ticket-detail" data-id={ticket.id} data-state={ticket.state}>
      <div className="ww-case-head">
        <h2 className="ww-reg-card-title">{t('maintenance.detailTitle', { id: ticket.id })}</h2>
        <StatePill state={ticket.state} />
      </div>
      <dl className="ww-dl ww-case-dl">
        <Row label={t('maintenance.field.camera')}>
          <div data-testid="ticket-camera" data-camera-status={ticket.camera.status}>
            {cameraName(ticket.camera, t)} · <CameraStatusText status={ticket.camera.status} />
          </div>
          <div className="ww-small ww-muted">
            {ticket.ward.name} · {t(`enum.CameraType.${ticket.camera.type}`, { defaultValue: ticket.camera.type })}
          </div>
        </Row>
        <Row label={t('maintenance.field.problem')}>
          <div className="ww-prewrap" data-testid="ticket-problem">
            {ticket.problem}
          </div>
          <div className="ww-small ww-muted">
            {ticket.source === 'HEARTBEAT' ? t('maintenance.source.openedByHeartbeat') : t('maintenance.source.reportedBy', { user: ticket.reportedBy ?? '?' })}
          </div>
        </Row>
        <Row label={t('maintenance.field.assignee')}>
          <span data-testid="ticket-assignee">{ticket.assignee ?? <span className="ww-muted">{t('maintenance.notAssigned')}</span>}</span>
        </Row>
        {ticket.resolution && (
          <Row label={t('maintenance.field.resolution')}>
            <span className="ww-prewrap" data-testid="ticket-resolution">
              {ticket.resolution}
            </span>
          </Row>
        )}
        {ticket.repairCostVnd != null && (
          <Row label={t('maintenance.field.repairCostVnd')}>
            <span data-testid="ticket-cost" data-value={ticket.repairCostVnd}>
              {formatVnd(ticket.repairCostVnd, language)}
            </span>
          </Row>
        )}
        <Row label={t(ticket.state === 'RESOLVED' ? 'maintenance.field.timeToRepair' : 'maintenance.field.age')}>
          <span data-testid="ticket-elapsed">
            <Duration hours={ticket.elapsedHours} language={language} />
          </span>
        </Row>
        <Row label={t('maintenance.field.dates')}>
          <Milestones
            prefix="maintenance.milestone"
            dt={dt}
            steps={[
              ['reported', ticket.reportedAt],
              ['assigned', ticket.assignedAt],
              ['started', ticket.startedAt],
              ['resolved', ticket.resolvedAt],
            ]}
          />
        </Row>
      </dl>

      <h3 className="ww-case-subtitle">{t('maintenance.actionsTitle')}</h3>
      <TicketActions
        ticket={ticket}
        onChanged={(next) => {
          setLatest(next);
          onChanged();
        }}
      />

      <h3 className="ww-case-subtitle">{t('maintenance.timeline')}</h3>
      <ol className="ww-timeline" data-testid="ticket-timeline">
        {ticket.events.map((e) => (
          <li key={e.id} className={`ww-timeline-item is-${e.kind.toLowerCase()}`} data-testid="ticket-event" data-kind={e.kind}>
            <div className="ww-timeline-head">
              <strong>{t(`maintenance.event.${e.kind}`)}</strong>
              <span className="ww-muted ww-small">
                {dt(e.at)}
                {e.username ? ` · ${e.username}` : ` · ${t('maintenance.bySystem')}`}
              </span>
            </div>
            {e.assignee && <div className="ww-small">{t('maintenance.eventAssignee', { assignee: e.assignee })}</div>}
            {e.note && <div className="ww-timeline-note ww-prewrap">{e.note}</div>}
          </li>
        ))}
      </ol>
    </div>
  );
}

export default MaintenancePage;
