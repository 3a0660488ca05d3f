/**
 * R3: the network operators. What the programme's connections cost and how much of it the
 * operators' agreements cover: figures for the district (or one ward; a ward chair: theirs), a bar
 * chart of the monthly fees covered and not covered per operator, the report table (operator × ward,
 * with each operator's subtotal and the total, as the CSV has it), the agreements with whether they
 * are in force, and the operators. ADMIN and PLANNER add agreements and operators; ADMIN and a
 * ward's chair connect a camera.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { fetchOperatorsPage, operatorReportCsvUrl, type OperatorReport, type OperatorsPageData } from '../api/operations';
import { fetchWards } from '../api/registries';
import { can } from '../auth/access';
import { AgreementForm, ConnectCameraForm, OperatorForm } from '../components/operations/OperatorForms';
import { chartRows, compactVnd, operatorColour, reportTable } from '../components/operations/logic';
import { ErrorNotice, useLanguage, WardSelect } from '../components/registries/common';
import { formatVnd } from '../components/registries/logic';
import { formatDate, formatNumber, type Language } from '../format';
import { useRemote } from '../useRemote';
import type { PageProps } from './routes';
import '../components/operations/operations.css';
import './registries.css';

const percent = (value: number | null, language: Language) =>
  value == null ? '—' : `${formatNumber(value, language, value < 10 ? 1 : 0)}%`;

export function OperatorsPage({ user }: PageProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const locked = user.wardId != null;
  const wards = useRemote('wards', 0, (o) => fetchWards(o));
  const [wardId, setWardId] = useState<number | null>(user.wardId ?? null);
  const [revision, setRevision] = useState(0);
  const page = useRemote(`operators:${wardId ?? 'all'}`, revision, (o) => fetchOperatorsPage(wardId, o));
  const [form, setForm] = useState<'agreement' | 'operator' | 'connect' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const mayPlan = can(user, 'createSupportAgreement');
  const mayConnect = can(user, 'setCameraConnection');
  const data = page.data;

  const done = (message: string) => {
    setForm(null);
    setSaved(message);
    setRevision((r) => r + 1);
  };

  return (
    <div className="ww-reg-page" data-testid="operators-page">
      <div className="ww-reg-toolbar">
        <h1 className="ww-reg-title">{t('operators.title')}</h1>
        <div className="ww-reg-toolbar-actions">
          <a className="ww-button ww-button-secondary" href={operatorReportCsvUrl(wardId)} download data-testid="operators-csv">
            {t('operators.csv')}
          </a>
        </div>
      </div>
      <p className="ww-reg-intro">{t('operators.subtitle')}</p>

      <div className="ww-reg-filters">
        <label className="ww-reg-field">
          <span className="ww-label">{t('operators.ward')}</span>
          <WardSelect wards={wards.data ?? []} value={wardId} onChange={setWardId} locked={locked} allowAll testId="operators-ward" />
        </label>
        {data && <span className="ww-muted ww-small">{t('operators.asOf', { date: formatDate(data.report.asOf, language) })}</span>}
      </div>

      {page.status === 'error' && <ErrorNotice code={page.code} onRetry={page.retry} />}
      {!data && page.status === 'loading' && (
        <div className="ww-reg-loading">
          <span className="ww-spinner" aria-hidden="true" /> {t('operators.loading')}
        </div>
      )}
      {data && (
        <>
          <Tiles report={data.report} language={language} />
          <div className="ww-ops-two">
            <section className="ww-reg-card" aria-label={t('operators.chart.title')}>
              <h2 className="ww-reg-card-title">{t('operators.chart.title')}</h2>
              <FeeChart report={data.report} language={language} />
            </section>
            <section className="ww-reg-card" aria-label={t('operators.operatorsTitle')}>
              <h2 className="ww-reg-card-title">{t('operators.operatorsTitle')}</h2>
              <OperatorCards data={data} language={language} />
            </section>
          </div>
          <ReportTable report={data.report} language={language} showWard={!locked || wardId == null} />
          <Agreements data={data} language={language} />

          {(mayPlan || mayConnect) && (
            <section className="ww-reg-card" data-testid="operators-actions">
              <div className="ww-ops-forms">
                {mayConnect && (
                  <button type="button" className={`ww-button${form === 'connect' ? '' : ' ww-button-secondary'}`} onClick={() => setForm(form === 'connect' ? null : 'connect')} data-testid="operators-connect">
                    {t('operators.connect.button')}
                  </button>
                )}
                {mayPlan && (
                  <button type="button" className={`ww-button${form === 'agreement' ? '' : ' ww-button-secondary'}`} onClick={() => setForm(form === 'agreement' ? null : 'agreement')} data-testid="operators-new-agreement">
                    {t('operators.newAgreement.button')}
                  </button>
                )}
                {can(user, 'createNetworkOperator') && (
                  <button type="button" className={`ww-button${form === 'operator' ? '' : ' ww-button-secondary'}`} onClick={() => setForm(form === 'operator' ? null : 'operator')} data-testid="operators-new-operator">
                    {t('operators.newOperator.button')}
                  </button>
                )}
                {saved && !form && (
                  <span className="ww-ops-saved" role="status" data-testid="operators-saved">
                    {saved}
                  </span>
                )}
              </div>
              {form === 'agreement' && (
                <AgreementForm operators={data.operators} onCancel={() => setForm(null)} onSaved={(a) => done(t('operators.newAgreement.saved', { title: a.title }))} />
              )}
              {form === 'operator' && <OperatorForm onCancel={() => setForm(null)} onSaved={(o) => done(t('operators.newOperator.saved', { name: o.name }))} />}
              {form === 'connect' && (
                <ConnectCameraForm
                  operators={data.operators}
                  agreements={data.agreements}
                  onCancel={() => setForm(null)}
                  onSaved={(k) =>
                    done(
                      t('operators.connect.saved', {
                        id: k.cameraId,
                        state: k.supported ? t('operators.connect.supported', { amount: formatVnd(k.feeCoveredVnd, language) }) : t('operators.connect.notSupported'),
                      }),
                    )
                  }
                />
              )}
            </section>
          )}
        </>
      )}
    </div>
  );
}

function Tiles({ report, language }: { report: OperatorReport; language: Language }) {
  const { t } = useTranslation();
  const total = report.totals;
  return (
    <div className="ww-ops-tiles" data-testid="operators-tiles">
      <div className="ww-ops-tile" data-testid="tile-cameras" data-value={total.cameras}>
        <span className="ww-ops-tile-label">{t('operators.summary.cameras')}</span>
        <span className="ww-ops-tile-value">{formatNumber(total.cameras, language)}</span>
      </div>
      <div className="ww-ops-tile" data-testid="tile-supported" data-value={total.supportedCameras}>
        <span className="ww-ops-tile-label">{t('operators.summary.supported')}</span>
        <span className="ww-ops-tile-value">{formatNumber(total.supportedCameras, language)}</span>
        <span className="ww-ops-tile-note">{t('operators.summary.share', { percent: percent(total.supportedPercent, language) })}</span>
      </div>
      <div className="ww-ops-tile" data-testid="tile-fees" data-value={total.monthlyFeesVnd}>
        <span className="ww-ops-tile-label">{t('operators.summary.fees')}</span>
        <span className="ww-ops-tile-value">{formatVnd(total.monthlyFeesVnd, language)}</span>
      </div>
      <div className="ww-ops-tile is-good" data-testid="tile-covered" data-value={total.feesCoveredVnd}>
        <span className="ww-ops-tile-label">{t('operators.summary.covered')}</span>
        <span className="ww-ops-tile-value">{formatVnd(total.feesCoveredVnd, language)}</span>
      </div>
      <div className="ww-ops-tile is-bad" data-testid="tile-not-covered" data-value={total.feesNotCoveredVnd}>
        <span className="ww-ops-tile-label">{t('operators.summary.notCovered')}</span>
        <span className="ww-ops-tile-value">{formatVnd(total.feesNotCoveredVnd, language)}</span>
      </div>
    </div>
  );
}

function FeeChart({ report, language }: { report: OperatorReport; language: Language }) {
  const { t } = useTranslation();
  const rows = useMemo(() => chartRows(report), [report]);
  if (rows.length === 0) return <p className="ww-muted">{t('operators.report.empty')}</p>;
  return (
    <div className="ww-ops-chart" data-testid="operators-chart" data-bars={rows.length}>
      <BarChart layout="vertical" responsive style={{ width: '100%', height: 70 + rows.length * 46 }} data={rows} margin={{ top: 4, right: 16, bottom: 0, left: 0 }} barCategoryGap="24%">
        <CartesianGrid strokeDasharray="3 3" stroke="#e4e7eb" horizontal={false} />
        <XAxis type="number" tickFormatter={(v: number) => compactVnd(v, language)} tick={{ fontSize: 12, fill: '#52606d' }} tickLine={false} axisLine={{ stroke: '#cbd2d9' }} />
        <YAxis type="category" dataKey="name" width={130} interval={0} tick={{ fontSize: 12, fill: '#1f2933' }} tickLine={false} axisLine={false} />
        <Tooltip formatter={(value) => (typeof value === 'number' ? formatVnd(value, language) : String(value))} cursor={{ fill: 'rgba(11, 114, 133, 0.06)' }} separator=": " />
        <Legend itemSorter={null} wrapperStyle={{ fontSize: 12.5 }} />
        <Bar dataKey="covered" stackId="fees" name={t('operators.chart.covered')} fill="#2b8a3e" isAnimationActive={false} />
        <Bar dataKey="notCovered" stackId="fees" name={t('operators.chart.notCovered')} fill="#f59f00" radius={[0, 3, 3, 0]} isAnimationActive={false} />
      </BarChart>
    </div>
  );
}

function OperatorCards({ data, language }: { data: OperatorsPageData; language: Language }) {
  const { t } = useTranslation();
  return (
    <div className="ww-ops-operators" data-testid="operator-cards">
      {data.operators.map((o) => {
        const line = data.report.operators.find((l) => l.operatorId === o.id);
        const inForce = data.agreements.filter((a) => a.operatorId === o.id && a.inForce).length;
        return (
          <div key={o.id} className="ww-ops-operator-card" data-testid="operator-card" data-code={o.code}>
            <strong className="ww-ops-operator">
              <span className="ww-ops-swatch" style={{ background: operatorColour(o.kind) }} aria-hidden="true" />
              {o.name}
            </strong>
            <span className="ww-small ww-muted">
              {t(`operators.kind.${o.kind}`)} · {t('operators.cameraCount', { count: line?.cameras ?? 0, n: formatNumber(line?.cameras ?? 0, language) })}
            </span>
            <span className="ww-small">{t('operators.agreementsInForce', { count: inForce })}</span>
            {(o.contactName || o.contactPhone) && (
              <span className="ww-small ww-muted">{[o.contactName, o.contactPhone].filter(Boolean).join(' · ')}</span>
            )}
          </div>
        );
      })}
    </div>
  );
}

function ReportTable({ report, language, showWard }: { report: OperatorReport; language: Language; showWard: boolean }) {
  const { t } = useTranslation();
  const lines = useMemo(() => reportTable(report), [report]);
  return (
    <section className="ww-reg-card" aria-label={t('operators.report.title')}>
      <h2 className="ww-reg-card-title">{t('operators.report.title')}</h2>
      <div className="ww-reg-table-wrap">
        <table className="ww-reg-table ww-ops-table" data-testid="operator-report">
          <thead>
            <tr>
              <th>{t('operators.report.operator')}</th>
              {showWard && <th>{t('operators.report.ward')}</th>}
              <th className="is-num">{t('operators.report.cameras')}</th>
              <th className="is-num">{t('operators.report.supported')}</th>
              <th className="is-num">{t('operators.report.share')}</th>
              <th className="is-num">{t('operators.report.fees')}</th>
              <th className="is-num">{t('operators.report.covered')}</th>
              <th className="is-num">{t('operators.report.notCovered')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l, i) => (
              <tr
                key={`${l.kind}-${l.operatorId ?? 'all'}-${l.wardId ?? 'all'}`}
                className={l.kind === 'ward' ? undefined : `is-${l.kind}`}
                data-testid="operator-report-line"
                data-kind={l.kind}
                data-operator={l.operatorCode ?? ''}
                data-ward={l.wardId ?? ''}
                data-cameras={l.cameras}
                data-covered={l.feesCoveredVnd}
              >
                {/* an operator's name once, on its first ward (the rest keep it for screen readers and copying) */}
                <td className={l.kind === 'ward' && i > 0 && lines[i - 1]!.operatorId === l.operatorId ? 'is-repeat' : undefined}>
                  {l.kind === 'total' ? (
                    t('operators.report.total')
                  ) : (
                    <span className="ww-ops-operator">
                      <span className="ww-ops-swatch" style={{ background: operatorColour(l.operatorKind) }} aria-hidden="true" />
                      {l.operatorName}
                    </span>
                  )}
                </td>
                {showWard && <td>{l.kind === 'ward' ? l.wardName : l.kind === 'subtotal' ? t('operators.report.allWards') : ''}</td>}
                <td className="is-num">{formatNumber(l.cameras, language)}</td>
                <td className="is-num">{formatNumber(l.supportedCameras, language)}</td>
                <td className="is-num">
                  <span className="ww-ops-share">
                    <span className="ww-ops-share-bar" aria-hidden="true">
                      <span className="ww-ops-share-fill" style={{ width: `${l.supportedPercent ?? 0}%` }} />
                    </span>
                    {percent(l.supportedPercent, language)}
                  </span>
                </td>
                <td className="is-num">{formatVnd(l.monthlyFeesVnd, language)}</td>
                <td className="is-num">{formatVnd(l.feesCoveredVnd, language)}</td>
                <td className="is-num">{formatVnd(l.feesNotCoveredVnd, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Agreements({ data, language }: { data: OperatorsPageData; language: Language }) {
  const { t } = useTranslation();
  const name = (id: number) => data.operators.find((o) => o.id === id)?.name ?? `#${id}`;
  return (
    <section className="ww-reg-card" aria-label={t('operators.agreements.title')}>
      <h2 className="ww-reg-card-title">{t('operators.agreements.title')}</h2>
      {data.agreements.length === 0 ? (
        <p className="ww-muted">{t('operators.agreements.empty')}</p>
      ) : (
        <div className="ww-reg-table-wrap">
          <table className="ww-reg-table ww-ops-table" data-testid="agreements">
            <thead>
              <tr>
                <th>{t('operators.report.operator')}</th>
                <th>{t('operators.agreements.agreement')}</th>
                <th className="is-num">{t('operators.agreements.support')}</th>
                <th className="is-num">{t('operators.agreements.bandwidth')}</th>
                <th>{t('operators.agreements.period')}</th>
                <th>{t('operators.agreements.status')}</th>
                <th className="is-num">{t('operators.agreements.cameras')}</th>
              </tr>
            </thead>
            <tbody>
              {data.agreements.map((a) => (
                <tr key={a.id} data-testid="agreement-row" data-id={a.id} data-in-force={a.inForce}>
                  <td>{name(a.operatorId)}</td>
                  <td>
                    <div className="ww-strong">{a.title}</div>
                    {a.terms && <div className="ww-small ww-muted">{a.terms}</div>}
                  </td>
                  <td className="is-num">{t('operators.agreements.perMonth', { amount: formatVnd(a.monthlyFeeSupportVnd, language) })}</td>
                  <td className="is-num">{a.bandwidthMbps == null ? t('common.none') : `${formatNumber(a.bandwidthMbps, language, 1)} Mbit/s`}</td>
                  <td className="ww-nowrap">
                    {formatDate(a.startsOn, language)} – {a.endsOn ? formatDate(a.endsOn, language) : t('operators.agreements.openEnded')}
                  </td>
                  <td>
                    <span className={`ww-ops-pill ${a.inForce ? 'is-on' : 'is-off'}`}>
                      {a.inForce ? t('operators.agreements.inForce') : t('operators.agreements.notInForce')}
                    </span>
                  </td>
                  <td className="is-num">{formatNumber(a.connectionCount, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export default OperatorsPage;
