/**
 * The deadline dashboard (#/dashboard; R8, R2, R4, R7): for the district or one ward, the share of
 * residential groups with an active camera against the R8 deadline, of rental houses with a camera
 * (target 100%), the civil servants' uptake and the open penalty cases; their trend over the daily
 * snapshots; the wards compared in a chart and a sortable table, downloadable as CSV. A ward-bound
 * user sees their ward only. PLANNER and ADMIN can take today's snapshot now.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import {
  complianceCsvUrl,
  DEFAULT_TREND_DAYS,
  fetchComplianceDashboard,
  fetchDashboardScopes,
  takeComplianceSnapshot,
  TREND_SPANS,
  type ComplianceDashboard,
  type ComplianceFigures,
  type WardCompliance,
} from '../api/compliance';
import { errorCode } from '../api/graphql';
import { can } from '../auth/access';
import { formatDate, formatNumber, formatPercent, type Language } from '../format';
import { useRemote } from '../useRemote';
import {
  deadlineState,
  formatDay,
  nextSort,
  percentages,
  SERIES,
  showDots,
  sortWards,
  spansYears,
  trendRows,
  wardChartRows,
  type WardSort,
  type WardSortKey,
} from './dashboard';
import type { PageProps } from './routes';

type SnapshotState = { state: 'idle' } | { state: 'taking' } | { state: 'done'; wards: number } | { state: 'failed'; code: string };

export function DashboardPage({ user }: PageProps) {
  const { t, i18n } = useTranslation();
  const language: Language = (i18n.resolvedLanguage ?? i18n.language) === 'en' ? 'en' : 'vi';
  const homeWardId = user.wardId ?? null;
  const [wardId, setWardId] = useState<number | null>(homeWardId);
  const [days, setDays] = useState<number>(DEFAULT_TREND_DAYS);
  const [revision, setRevision] = useState(0);
  const [snapshot, setSnapshot] = useState<SnapshotState>({ state: 'idle' });

  // A ward-bound user has nothing to pick; everyone else picks the district or a ward.
  const scopes = useRemote(homeWardId == null ? 'dashboard-scopes' : null, 0, (o) => fetchDashboardScopes(o));
  const dashboard = useRemote(`dashboard-${wardId ?? 'district'}-${days}`, revision, (o) => fetchComplianceDashboard({ wardId, days }, o));
  const data = dashboard.data;

  const canSnapshot = can(user, 'takeComplianceSnapshot');
  const takeSnapshot = async () => {
    setSnapshot({ state: 'taking' });
    try {
      const wards = await takeComplianceSnapshot();
      setSnapshot({ state: 'done', wards });
      setRevision((r) => r + 1); // the trend gains (or renews) today's point
    } catch (error) {
      setSnapshot({ state: 'failed', code: errorCode(error) });
    }
  };

  const sortedScopes = useMemo(
    () => [...(scopes.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, language, { numeric: true })),
    [scopes.data, language],
  );
  const wardName = homeWardId != null ? (user.ward?.name ?? data?.wards.find((w) => w.wardId === homeWardId)?.ward.name ?? '…') : null;

  return (
    <div
      className="ww-page"
      data-testid="dashboard-page"
      data-ready={dashboard.status === 'ready'}
      data-ward-id={wardId ?? ''}
      data-as-of={data?.asOf ?? ''}
    >
      <div className="ww-page-head">
        <div className="ww-page-heading">
          <h1 className="ww-page-title">{t('dashboard.title')}</h1>
          <p className="ww-page-subtitle">
            {t('dashboard.subtitle')}
            {data && (
              <>
                {' · '}
                <span data-testid="dashboard-as-of">{t('dashboard.asOf', { date: formatDate(data.asOf, language) })}</span>
              </>
            )}
          </p>
        </div>
        <div className="ww-page-tools">
          {homeWardId == null ? (
            <label className="ww-tool-field">
              <span className="ww-label">{t('dashboard.scope')}</span>
              <select
                className="ww-select"
                data-testid="dashboard-scope"
                value={wardId == null ? '' : String(wardId)}
                onChange={(e) => setWardId(e.target.value === '' ? null : Number(e.target.value))}
              >
                <option value="">{t('dashboard.district')}</option>
                {sortedScopes.map((w) => (
                  <option key={w.id} value={String(w.id)}>
                    {w.name}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <div className="ww-tool-field">
              <span className="ww-label">{t('dashboard.yourWard')}</span>
              <span className="ww-ward-scope" data-testid="dashboard-scope-locked" data-ward-id={homeWardId}>
                {wardName}
              </span>
            </div>
          )}
          <a className="ww-button ww-button-secondary ww-tool-button" href={complianceCsvUrl(wardId)} download data-testid="dashboard-csv" title={t('dashboard.csvTitle')}>
            <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
              <path d="M8 2v8M4.5 6.5 8 10l3.5-3.5M3 13h10" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
            {t('dashboard.csv')}
          </a>
          {canSnapshot && (
            <button
              type="button"
              className="ww-button ww-tool-button"
              data-testid="take-snapshot"
              disabled={snapshot.state === 'taking'}
              aria-busy={snapshot.state === 'taking'}
              title={t('dashboard.snapshot.hint')}
              onClick={() => void takeSnapshot()}
            >
              {snapshot.state === 'taking' ? t('dashboard.snapshot.taking') : t('dashboard.snapshot.button')}
            </button>
          )}
        </div>
      </div>

      {snapshot.state === 'done' && (
        <p className="ww-page-notice" role="status" data-testid="snapshot-result" data-wards={snapshot.wards}>
          {t('dashboard.snapshot.done', { count: snapshot.wards })}
        </p>
      )}
      {snapshot.state === 'failed' && (
        <p className="ww-page-notice is-error" role="alert" data-testid="snapshot-result" data-code={snapshot.code}>
          {t('dashboard.snapshot.failed', { reason: t(`errors.${snapshot.code}`, { defaultValue: t('errors.UNKNOWN_ERROR') }) })}
        </p>
      )}

      {dashboard.status === 'error' && (
        <div className="ww-page-status is-error" role="alert" data-testid="dashboard-error" data-code={dashboard.code}>
          <strong>{t('errors.title')}</strong>
          <span>{t(`errors.${dashboard.code}`, { defaultValue: t('errors.UNKNOWN_ERROR') })}</span>
          <button type="button" className="ww-button" onClick={dashboard.retry}>
            {t('errors.retry')}
          </button>
        </div>
      )}
      {data == null && dashboard.status === 'loading' && (
        <div className="ww-page-status" role="status" data-testid="dashboard-loading">
          <span className="ww-spinner" aria-hidden="true" /> {t('dashboard.loading')}
        </div>
      )}

      {data && (
        <div className={dashboard.status === 'loading' ? 'ww-page-body is-refreshing' : 'ww-page-body'} aria-busy={dashboard.status === 'loading'}>
          <Cards data={data} language={language} />
          <div className={data.wards.length > 1 ? 'ww-dash-charts' : 'ww-dash-charts is-single'}>
            <TrendPanel data={data} language={language} days={days} onDays={setDays} height={chartHeight(data.wards.length)} />
            {data.wards.length > 1 && <WardChartPanel wards={data.wards} language={language} height={chartHeight(data.wards.length)} />}
          </div>
          <WardTable
            data={data}
            language={language}
            onPick={homeWardId == null && data.wards.length > 1 ? (id) => setWardId(id) : null}
          />
        </div>
      )}
    </div>
  );
}

export default DashboardPage;

/** The two charts share a height: enough for a bar pair per ward. */
function chartHeight(wards: number): number {
  return wards > 1 ? Math.max(300, wards * 24 + 72) : 300;
}

function pct(value: number | null, language: Language, t: (key: string) => string): string {
  return value == null ? t('dashboard.noFigure') : formatPercent(value, language);
}

/** How far a share is from its target: the colour of its figure and bar. */
function level(value: number | null): 'none' | 'low' | 'mid' | 'full' {
  if (value == null) return 'none';
  if (value >= 100) return 'full';
  return value >= 60 ? 'mid' : 'low';
}

function Cards({ data, language }: { data: ComplianceDashboard; language: Language }) {
  const { t } = useTranslation();
  const f = data.totals;
  const p = percentages(f);
  const n = (value: number) => formatNumber(value, language);
  return (
    <section className="ww-cards" aria-label={t('dashboard.title')}>
      <StatCard
        id="groups"
        title={t('dashboard.card.groups')}
        hint={t('dashboard.card.groupsHint')}
        part={f.groupsWithCamera}
        total={f.groupsTotal}
        percent={p.groups}
        language={language}
      >
        <Deadline id="groups" deadline={data.groupDeadline} daysLeft={data.groupDaysLeft} done={f.groupsTotal > 0 && f.groupsWithCamera >= f.groupsTotal} language={language} />
      </StatCard>
      <StatCard
        id="houses"
        title={t('dashboard.card.houses')}
        hint={t('dashboard.card.housesHint')}
        part={f.housesWithCamera}
        total={f.housesTotal}
        percent={p.houses}
        language={language}
      >
        <p className="ww-stat-extra" data-testid="card-houses-verified" data-value={f.housesVerified}>
          {t('dashboard.card.housesVerified', { count: f.housesVerified, n: n(f.housesVerified) })}
        </p>
        {data.houseDeadline ? (
          <Deadline id="houses" deadline={data.houseDeadline} daysLeft={data.houseDaysLeft} done={f.housesTotal > 0 && f.housesWithCamera >= f.housesTotal} language={language} />
        ) : (
          <span className="ww-due">{t('dashboard.card.target')}</span>
        )}
      </StatCard>
      <StatCard
        id="servants"
        title={t('dashboard.card.servants')}
        hint={f.civilServantsTotal > 0 ? t('dashboard.card.servantsHint') : t('dashboard.card.servantsNone')}
        part={f.civilServantsVerified}
        total={f.civilServantsTotal}
        percent={p.servants}
        language={language}
      />
      <article className="ww-stat" data-testid="card-cases" data-value={f.openCases}>
        <h2 className="ww-stat-title">{t('dashboard.card.cases')}</h2>
        <div className={f.openCases > 0 ? 'ww-stat-value is-warn' : 'ww-stat-value'}>{n(f.openCases)}</div>
        <p className="ww-stat-hint">{t('dashboard.card.casesHint')}</p>
        <p className="ww-stat-extra" data-testid="card-active-cameras" data-value={f.activeCameras}>
          {t('dashboard.card.activeCameras', { count: f.activeCameras, n: n(f.activeCameras) })}
        </p>
      </article>
    </section>
  );
}

interface StatCardProps {
  id: string;
  title: string;
  hint: string;
  part: number;
  total: number;
  percent: number | null;
  language: Language;
  children?: ReactNode;
}

function StatCard({ id, title, hint, part, total, percent, language, children }: StatCardProps) {
  const { t } = useTranslation();
  const lv = level(percent);
  return (
    <article className="ww-stat" data-testid={`card-${id}`} data-part={part} data-total={total} data-percent={percent ?? ''}>
      <h2 className="ww-stat-title">{title}</h2>
      <div className="ww-stat-row">
        <span className={`ww-stat-value is-${lv}`} data-testid={`card-${id}-percent`}>
          {pct(percent, language, t)}
        </span>
        <span className="ww-stat-part" data-testid={`card-${id}-part`}>
          {t('dashboard.partOf', { part: formatNumber(part, language), total: formatNumber(total, language) })}
        </span>
      </div>
      <div className="ww-meter" aria-hidden="true">
        <span className={`ww-meter-fill is-${lv}`} style={{ width: `${Math.min(100, Math.max(0, percent ?? 0))}%` }} />
      </div>
      <p className="ww-stat-hint">{hint}</p>
      {children}
    </article>
  );
}

function Deadline({ id, deadline, daysLeft, done, language }: { id: string; deadline: string | null; daysLeft: number | null; done: boolean; language: Language }) {
  const { t } = useTranslation();
  if (!deadline) return <span className="ww-due" data-testid={`${id}-deadline`}>{t('dashboard.noDeadline')}</span>;
  const state = deadlineState(daysLeft);
  const date = t('dashboard.deadline', { date: formatDate(deadline, language) });
  const when =
    state.kind === 'left'
      ? t('dashboard.daysLeft', { count: state.days, n: formatNumber(state.days, language) })
      : state.kind === 'overdue'
        ? t('dashboard.overdue', { count: state.days, n: formatNumber(state.days, language) })
        : state.kind === 'today'
          ? t('dashboard.dueToday')
          : null;
  // Past the deadline and not there yet: red. Reached: the deadline is only a date.
  const tone = done ? 'is-done' : state.kind === 'overdue' ? 'is-overdue' : state.kind === 'left' && state.days <= 30 ? 'is-soon' : '';
  return (
    <span className={`ww-due ${tone}`} data-testid={`${id}-deadline`} data-days-left={daysLeft ?? ''} data-overdue={!done && state.kind === 'overdue'}>
      {date}
      {when && !done && (
        <>
          {' · '}
          <strong>{when}</strong>
        </>
      )}
    </span>
  );
}

/** Tooltips list the series in the legend's order (recharts sorts them by name otherwise). */
function seriesOrder(item: { dataKey?: unknown }): number {
  return SERIES.findIndex((s) => s.key === item.dataKey);
}

function percentTick(value: number): string {
  return `${value}%`;
}

function TrendPanel({ data, language, days, onDays, height }: { data: ComplianceDashboard; language: Language; days: number; onDays: (d: number) => void; height: number }) {
  const { t } = useTranslation();
  const rows = useMemo(() => trendRows(data.trend), [data.trend]);
  const years = spansYears(rows);
  const dots = showDots(rows.length);
  return (
    <section className="ww-panel-card" data-testid="trend-chart" data-points={rows.length} aria-label={t('dashboard.trend.label')}>
      <div className="ww-panel-card-head">
        <div>
          <h2 className="ww-panel-card-title">{t('dashboard.trend.title')}</h2>
          <p className="ww-panel-card-hint">{t('dashboard.trend.hint')}</p>
        </div>
        <label className="ww-inline-field">
          <span>{t('dashboard.trend.span')}</span>
          <select className="ww-select ww-select-small" data-testid="trend-days" value={String(days)} onChange={(e) => onDays(Number(e.target.value))}>
            {TREND_SPANS.map((span) => (
              <option key={span} value={String(span)}>
                {t('dashboard.trend.spanDays', { count: span })}
              </option>
            ))}
          </select>
        </label>
      </div>
      {rows.length === 0 ? (
        <p className="ww-empty" style={{ minHeight: height - 60 }} data-testid="trend-empty">
          {t('dashboard.trend.empty')}
        </p>
      ) : (
        <LineChart responsive style={{ width: '100%', height: height - 60 }} data={rows} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e4e7eb" vertical={false} />
          <XAxis
            dataKey="day"
            tickFormatter={(day: string) => formatDay(day, language, years)}
            minTickGap={28}
            tick={{ fontSize: 12, fill: '#52606d' }}
            tickLine={false}
            axisLine={{ stroke: '#cbd2d9' }}
          />
          <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tickFormatter={percentTick} width={46} tick={{ fontSize: 12, fill: '#52606d' }} tickLine={false} axisLine={false} />
          <Tooltip
            itemSorter={seriesOrder}
            separator=": "
            labelFormatter={(day) => formatDate(String(day), language)}
            formatter={(value) => (typeof value === 'number' ? formatPercent(value, language) : t('dashboard.noFigure'))}
          />
          <Legend iconType="plainline" itemSorter={null} wrapperStyle={{ fontSize: 12.5 }} />
          {SERIES.map((s) => (
            <Line
              key={s.key}
              type="monotone"
              dataKey={s.key}
              name={t(`dashboard.series.${s.key}`)}
              stroke={s.color}
              strokeWidth={2}
              dot={dots ? { r: 2.5 } : false}
              activeDot={{ r: 4 }}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      )}
    </section>
  );
}

function WardChartPanel({ wards, language, height }: { wards: WardCompliance[]; language: Language; height: number }) {
  const { t } = useTranslation();
  const rows = useMemo(() => wardChartRows(sortWards(wards, { key: 'name', direction: 'asc' }, language)), [wards, language]);
  return (
    <section className="ww-panel-card" data-testid="ward-chart" data-wards={rows.length} aria-label={t('dashboard.wardChart.label')}>
      <div className="ww-panel-card-head">
        <h2 className="ww-panel-card-title">{t('dashboard.wardChart.title')}</h2>
      </div>
      <BarChart layout="vertical" responsive style={{ width: '100%', height: height - 60 }} data={rows} margin={{ top: 4, right: 16, bottom: 0, left: 0 }} barGap={1} barCategoryGap="22%">
        <CartesianGrid strokeDasharray="3 3" stroke="#e4e7eb" horizontal={false} />
        <XAxis type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tickFormatter={percentTick} tick={{ fontSize: 12, fill: '#52606d' }} tickLine={false} axisLine={{ stroke: '#cbd2d9' }} />
        <YAxis type="category" dataKey="name" width={92} interval={0} tick={{ fontSize: 12, fill: '#1f2933' }} tickLine={false} axisLine={false} />
        <Tooltip
          labelFormatter={(_label, payload) => (payload?.[0]?.payload as { fullName?: string } | undefined)?.fullName ?? String(_label)}
          formatter={(value) => (typeof value === 'number' ? formatPercent(value, language) : t('dashboard.noFigure'))}
          cursor={{ fill: 'rgba(11, 114, 133, 0.06)' }}
          itemSorter={seriesOrder}
          separator=": "
        />
        <Legend itemSorter={null} wrapperStyle={{ fontSize: 12.5 }} />
        {SERIES.filter((s) => s.key !== 'servants').map((s) => (
          <Bar key={s.key} dataKey={s.key} name={t(`dashboard.series.${s.key}`)} fill={s.color} radius={[0, 3, 3, 0]} isAnimationActive={false} />
        ))}
      </BarChart>
    </section>
  );
}

const COLUMNS: Array<{ key: WardSortKey; label: string; numeric: boolean }> = [
  { key: 'name', label: 'dashboard.table.ward', numeric: false },
  { key: 'groups', label: 'dashboard.table.groups', numeric: true },
  { key: 'houses', label: 'dashboard.table.houses', numeric: true },
  { key: 'verified', label: 'dashboard.table.verified', numeric: true },
  { key: 'servants', label: 'dashboard.table.servants', numeric: true },
  { key: 'cameras', label: 'dashboard.table.cameras', numeric: true },
  { key: 'cases', label: 'dashboard.table.cases', numeric: true },
];

function WardTable({ data, language, onPick }: { data: ComplianceDashboard; language: Language; onPick: ((wardId: number) => void) | null }) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<WardSort>({ key: 'name', direction: 'asc' });
  const rows = useMemo(() => sortWards(data.wards, sort, language), [data.wards, sort, language]);
  const showTotal = data.wardId == null && data.wards.length > 1;
  return (
    <section className="ww-panel-card" aria-labelledby="ww-ward-table-title">
      <div className="ww-panel-card-head">
        <h2 className="ww-panel-card-title" id="ww-ward-table-title">
          {t('dashboard.table.title')}
        </h2>
      </div>
      <div className="ww-table-wrap">
        <table className="ww-table" data-testid="ward-table">
          <thead>
            <tr>
              {COLUMNS.map((col) => {
                const active = sort.key === col.key;
                return (
                  <th
                    key={col.key}
                    scope="col"
                    className={col.numeric ? 'is-num' : undefined}
                    aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
                  >
                    <button
                      type="button"
                      className="ww-sort"
                      data-testid={`sort-${col.key}`}
                      title={t('dashboard.table.sortBy', { column: t(col.label) })}
                      onClick={() => setSort((s) => nextSort(s, col.key))}
                    >
                      {t(col.label)}
                      <span className={active ? 'ww-sort-mark is-active' : 'ww-sort-mark'} aria-hidden="true">
                        {active ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={COLUMNS.length} className="ww-empty">
                  {t('dashboard.table.empty')}
                </td>
              </tr>
            )}
            {rows.map((row) => (
              <tr key={row.wardId} data-testid="ward-row" data-ward-id={row.wardId}>
                <th scope="row">
                  {onPick ? (
                    <button type="button" className="ww-link" title={t('dashboard.table.open', { ward: row.ward.name })} onClick={() => onPick(row.wardId)}>
                      {row.ward.name}
                    </button>
                  ) : (
                    row.ward.name
                  )}
                </th>
                <FigureCells figures={row.figures} language={language} />
              </tr>
            ))}
          </tbody>
          {showTotal && (
            <tfoot>
              <tr data-testid="ward-total">
                <th scope="row">{t('dashboard.table.total')}</th>
                <FigureCells figures={data.totals} language={language} />
              </tr>
            </tfoot>
          )}
        </table>
      </div>
    </section>
  );
}

function FigureCells({ figures: f, language }: { figures: ComplianceFigures; language: Language }) {
  const p = percentages(f);
  const n = (v: number) => formatNumber(v, language);
  return (
    <>
      <ShareCell part={f.groupsWithCamera} total={f.groupsTotal} percent={p.groups} language={language} field="groups" />
      <ShareCell part={f.housesWithCamera} total={f.housesTotal} percent={p.houses} language={language} field="houses" />
      <td className="is-num" data-field="verified">
        {n(f.housesVerified)}
      </td>
      <ShareCell part={f.civilServantsVerified} total={f.civilServantsTotal} percent={p.servants} language={language} field="servants" />
      <td className="is-num" data-field="cameras">
        {n(f.activeCameras)}
      </td>
      <td className={f.openCases > 0 ? 'is-num is-warn' : 'is-num'} data-field="cases">
        {n(f.openCases)}
      </td>
    </>
  );
}

function ShareCell({ part, total, percent, language, field }: { part: number; total: number; percent: number | null; language: Language; field: string }) {
  const { t } = useTranslation();
  return (
    <td className="is-num" data-field={field} data-percent={percent ?? ''}>
      <span className="ww-cell-part">{t('dashboard.partOf', { part: formatNumber(part, language), total: formatNumber(total, language) })}</span>
      <span className={`ww-cell-percent is-${level(percent)}`}>{pct(percent, language, t)}</span>
    </td>
  );
}
