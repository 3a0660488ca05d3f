/**
 * R7: penalty cases against rental houses without a camera. A list filtered by ward and state; a
 * case opens in a detail panel with its house, decision, fine (VND), legal basis, its full timeline
 * and the actions the server allows this viewer now. A ward chair (or ADMIN) opens a case against
 * one of the ward's houses without a camera.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  fetchPenaltyCase,
  fetchPenaltyCases,
  fetchUnregisteredHouses,
  fetchWards,
  PENALTY_CASE_STATES,
  PENALTY_CASES_CSV_URL,
  type PenaltyCase,
  type PenaltyCaseFilter,
  type PenaltyCaseState,
} from '../api/registries';
import { can } from '../auth/access';
import { CaseActions, OpenCaseForm } from '../components/registries/CaseForms';
import { ErrorNotice, Milestones, Pager, Personal, Row, useLanguage, WardSelect } from '../components/registries/common';
import { currentAfter, FIRST_PAGE, formatVnd, housesForNewCase, nextPage, pageNumber, previousPage, type CursorPager } from '../components/registries/logic';
import { formatDate, formatDateTime, formatNumber, type Language } from '../format';
import { useRemote } from '../useRemote';
import type { PageProps } from './routes';
import './registries.css';

const PAGE_SIZE = 25;

export function PenaltyCasesPage({ user }: PageProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const locked = user.wardId != null;
  const wards = useRemote('wards', 0, (o) => fetchWards(o));
  const [revision, setRevision] = useState(0);
  const [filter, setFilter] = useState<PenaltyCaseFilter>({ wardId: user.wardId ?? null, states: null });
  const [pager, setPager] = useState<CursorPager>(FIRST_PAGE);
  const after = currentAfter(pager);
  const list = useRemote(JSON.stringify([filter, after]), revision, (o) => fetchPenaltyCases(filter, { first: PAGE_SIZE, after }, o));
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [opening, setOpening] = useState(false);
  const mayOpen = can(user, 'openPenaltyCase');

  const changeFilter = (next: Partial<PenaltyCaseFilter>) => {
    setFilter((f) => ({ ...f, ...next }));
    setPager(FIRST_PAGE);
  };
  const state = filter.states?.[0] ?? '';

  return (
    <div className="ww-reg-page" data-testid="cases-page">
      <div className="ww-reg-toolbar">
        <h1 className="ww-reg-title">{t('cases.title')}</h1>
        <div className="ww-reg-toolbar-actions">
          <a className="ww-button ww-button-secondary" href={PENALTY_CASES_CSV_URL} download data-testid="cases-csv">
            {t('cases.csv')}
          </a>
          {mayOpen && (
            <button
              type="button"
              className="ww-button"
              onClick={() => {
                setOpening(true);
                setSelectedId(null);
              }}
              data-testid="cases-open-new"
            >
              {t('cases.open.button')}
            </button>
          )}
        </div>
      </div>

      <div className="ww-reg-filters">
        <label className="ww-reg-field">
          <span className="ww-label">{t('cases.filter.ward')}</span>
          <WardSelect
            wards={wards.data ?? []}
            value={filter.wardId ?? null}
            onChange={(id) => changeFilter({ wardId: id })}
            locked={locked}
            allowAll
            testId="cases-ward"
          />
        </label>
        <label className="ww-reg-field">
          <span className="ww-label">{t('cases.filter.state')}</span>
          <select
            className="ww-select"
            value={state}
            onChange={(e) => changeFilter({ states: e.target.value === '' ? null : [e.target.value as PenaltyCaseState] })}
            data-testid="cases-state"
          >
            <option value="">{t('cases.filter.allStates')}</option>
            {PENALTY_CASE_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`cases.state.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>

      <div className="ww-cases-layout">
        <section className="ww-reg-card ww-cases-list" aria-label={t('cases.listTitle')}>
          {list.status === 'error' && <ErrorNotice code={list.code} onRetry={list.retry} />}
          {list.status === 'loading' && !list.data && (
            <div className="ww-reg-loading">
              <span className="ww-spinner" aria-hidden="true" /> {t('report.loading')}
            </div>
          )}
          {list.data && (
            <>
              <p className="ww-muted" data-testid="cases-count" data-value={list.data.totalCount}>
                {t('cases.count', { count: list.data.totalCount, n: formatNumber(list.data.totalCount, language) })}
              </p>
              {list.data.items.length > 0 && (
                <div className="ww-reg-table-wrap">
                  <table className="ww-reg-table ww-cases-table" data-testid="cases-table">
                    <thead>
                      <tr>
                        <th className="is-num">{t('cases.col.id')}</th>
                        <th>{t('cases.col.house')}</th>
                        {!locked && <th>{t('cases.col.ward')}</th>}
                        <th>{t('cases.col.state')}</th>
                        <th>{t('cases.col.decision')}</th>
                        <th>{t('cases.col.opened')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {list.data.items.map((c) => (
                        <tr
                          key={c.id}
                          data-testid="case-row"
                          data-id={c.id}
                          data-state={c.state}
                          className={`is-clickable${selectedId === c.id ? ' is-selected' : ''}`}
                          onClick={() => {
                            setSelectedId(c.id);
                            setOpening(false);
                          }}
                        >
                          <td className="is-num">
                            <button
                              type="button"
                              className="ww-link"
                              onClick={(e) => {
                                e.stopPropagation();
                                setSelectedId(c.id);
                                setOpening(false);
                              }}
                            >
                              #{c.id}
                            </button>
                          </td>
                          <td>{c.rentalHouse.address}</td>
                          {!locked && <td>{c.ward.name}</td>}
                          <td>
                            <StatePill state={c.state} />
                          </td>
                          <td>
                            {c.decision ? t(`cases.decision.${c.decision}`) : t('common.none')}
                            {c.fineAmountVnd != null && <div className="ww-small ww-muted">{formatVnd(c.fineAmountVnd, language)}</div>}
                          </td>
                          <td className="ww-nowrap">{formatDate(c.openedAt, language)}</td>
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
                testId="cases-pager"
              />
            </>
          )}
        </section>

        <section className="ww-reg-card ww-case-panel" data-testid="case-panel" aria-live="polite">
          {opening ? (
            <OpenCasePanel
              user={user}
              wards={wards.data ?? []}
              defaultWardId={filter.wardId ?? null}
              onOpened={(c) => {
                setOpening(false);
                setSelectedId(c.id);
                setRevision((r) => r + 1);
              }}
              onCancel={() => setOpening(false)}
            />
          ) : selectedId == null ? (
            <p className="ww-muted" data-testid="case-panel-empty">
              {t('cases.pick')}
            </p>
          ) : (
            <CaseDetail
              id={selectedId}
              language={language}
              canSeePersonalData={user.canSeePersonalData === true}
              listRevision={revision}
              onChanged={() => setRevision((r) => r + 1)}
            />
          )}
        </section>
      </div>
    </div>
  );
}

function StatePill({ state }: { state: PenaltyCaseState }) {
  const { t } = useTranslation();
  return <span className={`ww-reg-pill is-state-${state.toLowerCase()}`}>{t(`cases.state.${state}`)}</span>;
}

function CaseDetail({
  id,
  language,
  canSeePersonalData,
  listRevision,
  onChanged,
}: {
  id: number;
  language: Language;
  canSeePersonalData: boolean;
  listRevision: number;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const remote = useRemote(`case:${id}`, listRevision, (o) => fetchPenaltyCase(id, o));
  /** the answer of the last action, shown until the reload arrives */
  const [latest, setLatest] = useState<PenaltyCase | null>(null);
  useEffect(() => setLatest(null), [remote.data]);
  const kase = latest?.id === id ? latest : remote.data;

  if (remote.status === 'error' && !kase) return <ErrorNotice code={remote.code} onRetry={remote.retry} />;
  if (!kase) {
    return (
      <div className="ww-reg-loading">
        <span className="ww-spinner" aria-hidden="true" /> {t('report.loading')}
      </div>
    );
  }
  const dt = (v: string | null) => formatDateTime(v, language) ?? t('common.none');
  const h = kase.rentalHouse;
  return (
    <div className="ww-case-detail" data-testid="case-detail" data-id={kase.id} data-state={kase.state}>
      <div className="ww-case-head">
        <h2 className="ww-reg-card-title">{t('cases.detailTitle', { id: kase.id })}</h2>
        <StatePill state={kase.state} />
      </div>
      <dl className="ww-dl ww-case-dl">
        <Row label={t('cases.field.house')}>
          <div data-testid="case-house-address">{h.address}</div>
          <div className="ww-small ww-muted">
            {kase.ward.name} · {t('cases.rooms', { count: h.rooms })} · {t(`houseStatus.${h.complianceStatus}`)}
          </div>
        </Row>
        <Row label={t('cases.field.owner')}>
          <Personal value={h.ownerName} canSee={canSeePersonalData} testId="case-owner" />
          {' · '}
          <Personal value={h.ownerPhone} canSee={canSeePersonalData} />
        </Row>
        <Row label={t('cases.field.state')}>
          <span data-testid="case-state">{t(`cases.state.${kase.state}`)}</span>
          {kase.closeReason && <span className="ww-muted"> — {t(`cases.closeReason.${kase.closeReason}`)}</span>}
        </Row>
        <Row label={t('cases.field.decision')}>
          <span data-testid="case-decision">{kase.decision ? t(`cases.decision.${kase.decision}`) : t('cases.notDecided')}</span>
        </Row>
        {kase.fineAmountVnd != null && (
          <Row label={t('cases.field.fineAmountVnd')}>
            <span data-testid="case-fine" data-value={kase.fineAmountVnd}>
              {formatVnd(kase.fineAmountVnd, language)}
            </span>
            <span className="ww-muted"> — {kase.finePaidAt ? t('cases.paidAt', { date: dt(kase.finePaidAt) }) : t('cases.unpaid')}</span>
          </Row>
        )}
        {kase.legalBasis && (
          <Row label={t('cases.field.legalBasis')}>
            <span data-testid="case-legal-basis" className="ww-prewrap">
              {kase.legalBasis}
            </span>
          </Row>
        )}
        <Row label={t('cases.field.dates')}>
          <Milestones
            prefix="cases.milestone"
            dt={dt}
            steps={[
              ['opened', kase.openedAt],
              ['referred', kase.referredAt],
              ['decided', kase.decidedAt],
              ['closed', kase.closedAt],
            ]}
          />
        </Row>
      </dl>

      <h3 className="ww-case-subtitle">{t('cases.actionsTitle')}</h3>
      <CaseActions
        kase={kase}
        onChanged={(c) => {
          setLatest(c);
          onChanged();
        }}
      />

      <h3 className="ww-case-subtitle">{t('cases.timeline')}</h3>
      <ol className="ww-timeline" data-testid="case-timeline">
        {kase.events.map((e) => (
          <li key={e.id} className={`ww-timeline-item is-${e.kind.toLowerCase()}`} data-testid="case-event" data-kind={e.kind}>
            <div className="ww-timeline-head">
              <strong>{t(`cases.event.${e.kind}`)}</strong>
              <span className="ww-muted ww-small">
                {dt(e.at)}
                {e.username ? ` · ${e.username}` : ''}
              </span>
            </div>
            {e.note && <div className="ww-timeline-note ww-prewrap">{e.note}</div>}
            {e.fileReference && (
              <div className="ww-timeline-file">
                {t('cases.fileReference')}: <code>{e.fileReference}</code>
              </div>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}

function OpenCasePanel({
  user,
  wards,
  defaultWardId,
  onOpened,
  onCancel,
}: {
  user: PageProps['user'];
  wards: Array<{ id: number; code: string; name: string }>;
  defaultWardId: number | null;
  onOpened: (c: PenaltyCase) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const locked = user.wardId != null;
  const [wardId, setWardId] = useState<number | null>(user.wardId ?? defaultWardId ?? wards[0]?.id ?? null);
  const houses = useRemote(wardId == null ? null : `open-houses:${wardId}`, 0, (o) => fetchUnregisteredHouses(wardId!, o));
  return (
    <div data-testid="open-case-panel">
      <h2 className="ww-reg-card-title">{t('cases.open.title')}</h2>
      <p className="ww-muted ww-small">{t('cases.open.intro')}</p>
      <label className="ww-reg-field">
        <span className="ww-label">{t('cases.filter.ward')}</span>
        <WardSelect wards={wards} value={wardId} onChange={setWardId} locked={locked} testId="open-case-ward" />
      </label>
      {houses.status === 'error' && <ErrorNotice code={houses.code} onRetry={houses.retry} />}
      <OpenCaseForm
        key={wardId ?? 0}
        houses={housesForNewCase(houses.data ?? [])}
        loading={houses.status === 'loading'}
        onOpened={onOpened}
        onCancel={onCancel}
      />
    </div>
  );
}

export default PenaltyCasesPage;
