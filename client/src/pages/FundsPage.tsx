/**
 * R9: sponsorship funds that keep the residential camera systems running. The balances per ward,
 * the district's own funds and the total (as the CSV has them); the funds, each with what was spent
 * from it (some of it on maintenance tickets, R10) and its balance. ADMIN and PLANNER record funds
 * and spending for everyone; a ward chair for their ward (the district's funds are read-only to them).
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchFundsPage, fundReportCsvUrl, type Fund, type FundReport, type FundReportLine } from '../api/operations';
import { fetchWards } from '../api/registries';
import { can } from '../auth/access';
import { RecordFundForm, SpendingForm } from '../components/operations/FundForms';
import { spentPercent } from '../components/operations/logic';
import { ErrorNotice, Personal, useLanguage, WardSelect } from '../components/registries/common';
import { formatVnd } from '../components/registries/logic';
import { formatDate, formatNumber, type Language } from '../format';
import { useRemote } from '../useRemote';
import type { PageProps } from './routes';
import '../components/operations/operations.css';
import './registries.css';

export function FundsPage({ user }: PageProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const locked = user.wardId != null;
  const wards = useRemote('wards', 0, (o) => fetchWards(o));
  const [wardId, setWardId] = useState<number | null>(user.wardId ?? null);
  const [revision, setRevision] = useState(0);
  const page = useRemote(`funds:${wardId ?? 'all'}`, revision, (o) => fetchFundsPage(wardId, o));
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [recording, setRecording] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const data = page.data;
  const selected = data?.funds.find((f) => f.id === selectedId) ?? null;

  return (
    <div className="ww-reg-page" data-testid="funds-page">
      <div className="ww-reg-toolbar">
        <h1 className="ww-reg-title">{t('operators.funds.title')}</h1>
        <div className="ww-reg-toolbar-actions">
          <a className="ww-button ww-button-secondary" href={fundReportCsvUrl(wardId)} download data-testid="funds-csv">
            {t('operators.csv')}
          </a>
          {can(user, 'recordFund') && (
            <button type="button" className="ww-button" onClick={() => setRecording(!recording)} data-testid="funds-record">
              {t('operators.funds.record.button')}
            </button>
          )}
        </div>
      </div>
      <p className="ww-reg-intro">{t(locked ? 'operators.funds.subtitleWard' : 'operators.funds.subtitle')}</p>

      <div className="ww-reg-filters">
        <label className="ww-reg-field">
          <span className="ww-label">{t('operators.ward')}</span>
          <WardSelect wards={wards.data ?? []} value={wardId} onChange={setWardId} locked={locked} allowAll testId="funds-ward" />
        </label>
        {saved && (
          <span className="ww-ops-saved" role="status" data-testid="funds-saved">
            {saved}
          </span>
        )}
      </div>

      {recording && (
        <section className="ww-reg-card">
          <RecordFundForm
            wards={wards.data ?? []}
            homeWardId={user.wardId ?? null}
            onCancel={() => setRecording(false)}
            onSaved={(f) => {
              setRecording(false);
              setSaved(t('operators.funds.record.saved', { sponsor: f.sponsor, amount: formatVnd(f.amountVnd, language) }));
              setSelectedId(f.id);
              setRevision((r) => r + 1);
            }}
          />
        </section>
      )}

      {page.status === 'error' && <ErrorNotice code={page.code} onRetry={page.retry} />}
      {!data && page.status === 'loading' && (
        <div className="ww-reg-loading">
          <span className="ww-spinner" aria-hidden="true" /> {t('operators.loading')}
        </div>
      )}
      {data && (
        <>
          <Tiles report={data.report} language={language} />
          <Balances report={data.report} language={language} />
          <div className="ww-ops-funds-layout">
            <section className="ww-reg-card" aria-label={t('operators.funds.list.title')}>
              <h2 className="ww-reg-card-title">{t('operators.funds.list.title')}</h2>
              <p className="ww-muted" data-testid="funds-count" data-value={data.funds.length}>
                {t('operators.funds.list.count', { count: data.funds.length, n: formatNumber(data.funds.length, language) })}
              </p>
              <FundList funds={data.funds} selectedId={selectedId} onSelect={setSelectedId} language={language} />
            </section>
            <section className="ww-reg-card" data-testid="fund-panel" aria-live="polite">
              {selected ? (
                <FundDetail
                  key={selected.id}
                  fund={selected}
                  language={language}
                  canSeePersonalData={user.canSeePersonalData === true}
                  maySpend={can(user, 'recordFundSpending') && (user.wardId == null || selected.wardId === user.wardId)}
                  readOnlyNote={can(user, 'recordFundSpending') && user.wardId != null && selected.wardId == null}
                  onSpent={(message) => {
                    setSaved(message);
                    setRevision((r) => r + 1);
                  }}
                />
              ) : (
                <p className="ww-muted" data-testid="fund-panel-empty">
                  {t('operators.funds.list.pick')}
                </p>
              )}
            </section>
          </div>
        </>
      )}
    </div>
  );
}

function Tiles({ report, language }: { report: FundReport; language: Language }) {
  const { t } = useTranslation();
  const total = report.totals;
  const tile = (id: string, label: string, value: number, className = '') => (
    <div className={`ww-ops-tile ${className}`} data-testid={`tile-${id}`} data-value={value}>
      <span className="ww-ops-tile-label">{label}</span>
      <span className="ww-ops-tile-value">{formatVnd(value, language)}</span>
    </div>
  );
  return (
    <div className="ww-ops-tiles" data-testid="funds-tiles">
      {tile('received', t('operators.funds.summary.received'), total.receivedVnd)}
      {tile('spent', t('operators.funds.summary.spent'), total.spentVnd)}
      {tile('balance', t('operators.funds.summary.balance'), total.balanceVnd, 'is-good')}
      {tile('tickets', t('operators.funds.summary.onTickets'), total.spentOnTicketsVnd)}
    </div>
  );
}

function Balances({ report, language }: { report: FundReport; language: Language }) {
  const { t } = useTranslation();
  const row = (l: FundReportLine, kind: 'ward' | 'district' | 'total', label: ReactNode) => (
    <tr key={`${kind}-${l.wardId ?? ''}`} className={kind === 'ward' ? undefined : kind === 'district' ? 'is-subtotal' : 'is-total'} data-testid="fund-balance-line" data-kind={kind} data-ward={l.wardId ?? ''} data-balance={l.balanceVnd}>
      <td>{label}</td>
      <td className="is-num">{formatNumber(l.funds, language)}</td>
      <td className="is-num">{formatVnd(l.receivedVnd, language)}</td>
      <td className="is-num">{formatVnd(l.spentVnd, language)}</td>
      <td className="is-num">{formatVnd(l.spentOnTicketsVnd, language)}</td>
      <td className="is-num ww-strong">{formatVnd(l.balanceVnd, language)}</td>
    </tr>
  );
  return (
    <section className="ww-reg-card" aria-label={t('operators.funds.balances.title')}>
      <h2 className="ww-reg-card-title">{t('operators.funds.balances.title')}</h2>
      <div className="ww-reg-table-wrap">
        <table className="ww-reg-table ww-ops-table" data-testid="fund-balances">
          <thead>
            <tr>
              <th>{t('operators.funds.balances.ward')}</th>
              <th className="is-num">{t('operators.funds.balances.funds')}</th>
              <th className="is-num">{t('operators.funds.summary.received')}</th>
              <th className="is-num">{t('operators.funds.summary.spent')}</th>
              <th className="is-num">{t('operators.funds.summary.onTickets')}</th>
              <th className="is-num">{t('operators.funds.summary.balance')}</th>
            </tr>
          </thead>
          <tbody>
            {report.wards.map((l) => row(l, 'ward', l.wardName))}
            {row(report.district, 'district', t('operators.funds.balances.district'))}
            {row(report.totals, 'total', t('operators.funds.balances.total'))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function targetText(f: Fund, t: (k: string) => string): string {
  if (f.target === 'DISTRICT') return t('operators.funds.target.DISTRICT');
  if (f.target === 'WARD') return f.ward?.name ?? t('operators.funds.target.WARD');
  return `${f.residentialGroupName ?? t('operators.funds.target.RESIDENTIAL_GROUP')} · ${f.ward?.name ?? ''}`;
}

function FundList({ funds, selectedId, onSelect, language }: { funds: Fund[]; selectedId: number | null; onSelect: (id: number) => void; language: Language }) {
  const { t } = useTranslation();
  if (funds.length === 0) return <p className="ww-muted">{t('operators.funds.list.empty')}</p>;
  return (
    <div className="ww-reg-table-wrap">
      <table className="ww-reg-table ww-ops-table" data-testid="funds-table">
        <thead>
          <tr>
            <th>{t('operators.funds.field.sponsor')}</th>
            <th>{t('operators.funds.field.receivedOn')}</th>
            <th className="is-num">{t('operators.funds.field.amount')}</th>
            <th>{t('operators.funds.field.balance')}</th>
          </tr>
        </thead>
        <tbody>
          {funds.map((f) => (
            <tr
              key={f.id}
              className={`is-clickable${selectedId === f.id ? ' is-selected' : ''}`}
              onClick={() => onSelect(f.id)}
              data-testid="fund-row"
              data-id={f.id}
              data-target={f.target}
              data-ward={f.wardId ?? ''}
            >
              <td>
                <button
                  type="button"
                  className="ww-link"
                  onClick={(e) => {
                    e.stopPropagation();
                    onSelect(f.id);
                  }}
                >
                  {f.sponsor}
                </button>
                <div className="ww-ops-target">
                  {t(`operators.funds.target.${f.target}`)}
                  {f.target !== 'DISTRICT' && ` · ${targetText(f, t)}`}
                </div>
              </td>
              <td className="ww-nowrap">{formatDate(f.receivedOn, language)}</td>
              <td className="is-num">{formatVnd(f.amountVnd, language)}</td>
              <td>
                <div className="ww-ops-balance">
                  <span className="ww-small">{formatVnd(f.balanceVnd, language)}</span>
                  <span className="ww-ops-balance-bar" aria-hidden="true">
                    <span className="ww-ops-balance-fill" style={{ width: `${100 - spentPercent(f.amountVnd, f.spentVnd)}%` }} />
                  </span>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function FundDetail({
  fund,
  language,
  canSeePersonalData,
  maySpend,
  readOnlyNote,
  onSpent,
}: {
  fund: Fund;
  language: Language;
  canSeePersonalData: boolean;
  maySpend: boolean;
  readOnlyNote: boolean;
  onSpent: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [spending, setSpending] = useState(false);
  return (
    <div data-testid="fund-detail" data-id={fund.id} data-balance={fund.balanceVnd}>
      <h2 className="ww-reg-card-title">{t('operators.funds.detail.title', { id: fund.id, sponsor: fund.sponsor })}</h2>
      <dl className="ww-dl">
        <div className="ww-dl-row">
          <dt>{t('operators.funds.field.target')}</dt>
          <dd>{targetText(fund, t)}</dd>
        </div>
        <div className="ww-dl-row">
          <dt>{t('operators.funds.field.contact')}</dt>
          <dd>
            <Personal value={fund.sponsorContact} canSee={canSeePersonalData} testId="fund-contact" />
          </dd>
        </div>
        <div className="ww-dl-row">
          <dt>{t('operators.funds.field.purpose')}</dt>
          <dd className="ww-prewrap">{fund.purpose}</dd>
        </div>
        <div className="ww-dl-row">
          <dt>{t('operators.funds.field.amount')}</dt>
          <dd>
            {formatVnd(fund.amountVnd, language)} · {formatDate(fund.receivedOn, language)}
          </dd>
        </div>
        <div className="ww-dl-row">
          <dt>{t('operators.funds.field.spent')}</dt>
          <dd>{formatVnd(fund.spentVnd, language)}</dd>
        </div>
        <div className="ww-dl-row">
          <dt>{t('operators.funds.field.balance')}</dt>
          <dd className="ww-strong" data-testid="fund-balance">
            {formatVnd(fund.balanceVnd, language)}
          </dd>
        </div>
        {fund.createdBy && (
          <div className="ww-dl-row">
            <dt>{t('operators.funds.field.recordedBy')}</dt>
            <dd>{fund.createdBy}</dd>
          </div>
        )}
      </dl>

      {maySpend && !spending && (
        <button type="button" className="ww-button" onClick={() => setSpending(true)} disabled={fund.balanceVnd <= 0} data-testid="fund-spend">
          {t('operators.funds.spend.button')}
        </button>
      )}
      {readOnlyNote && <p className="ww-ops-note">{t('operators.funds.spend.readOnly')}</p>}
      {spending && (
        <SpendingForm
          fund={fund}
          onCancel={() => setSpending(false)}
          onSaved={(_fund, amountVnd) => {
            setSpending(false);
            onSpent(t('operators.funds.spend.saved', { amount: formatVnd(amountVnd, language) }));
          }}
        />
      )}

      <h3 className="ww-case-subtitle">{t('operators.funds.detail.spendings')}</h3>
      {fund.spendings.length === 0 ? (
        <p className="ww-muted">{t('operators.funds.detail.noSpendings')}</p>
      ) : (
        <table className="ww-reg-table ww-ops-table" data-testid="spendings">
          <thead>
            <tr>
              <th>{t('operators.funds.field.spentOn')}</th>
              <th>{t('operators.funds.field.purpose')}</th>
              <th className="is-num">{t('operators.funds.field.amount')}</th>
            </tr>
          </thead>
          <tbody>
            {fund.spendings.map((s) => (
              <tr key={s.id} data-testid="spending-row" data-ticket={s.maintenanceTicketId ?? ''}>
                <td className="ww-nowrap">{formatDate(s.spentOn, language)}</td>
                <td>
                  <div>{s.purpose}</div>
                  {(s.maintenanceTicketId != null || s.ticketElsewhere) && (
                    <div className="ww-small" data-testid="spending-ticket-ref">
                      {s.maintenanceTicket ? (
                        <a className="ww-link" href="#/maintenance">
                          {t('operators.funds.detail.ticket', {
                            id: s.maintenanceTicket.id,
                            camera: s.maintenanceTicket.cameraId,
                            state: t(`maintenance.state.${s.maintenanceTicket.state}`, { defaultValue: s.maintenanceTicket.state }),
                          })}
                        </a>
                      ) : (
                        <span className="ww-muted">{t('operators.funds.detail.ticketElsewhere')}</span>
                      )}
                    </div>
                  )}
                </td>
                <td className="is-num">{formatVnd(s.amountVnd, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export default FundsPage;
