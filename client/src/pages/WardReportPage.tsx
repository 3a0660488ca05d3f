/**
 * R5: a ward's rental houses without an active camera, as the ward reports them to the district:
 * on screen, as CSV, and as a printable A4 page (ward name, date, counts, table, signature block).
 * A ward chair reports their own ward only; other roles pick a ward.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  fetchUnregisteredHouses,
  fetchWardReportSummary,
  fetchWards,
  unregisteredHousesCsvUrl,
  type ReportHouse,
  type WardReportSummary,
} from '../api/registries';
import { ErrorNotice, Personal, useLanguage, WardSelect } from '../components/registries/common';
import { formatLongDate, groupLabel, reportFigures, todayInVietnam, wardReportView } from '../components/registries/logic';
import { formatMeters, formatNumber, formatPercent } from '../format';
import { useRemote } from '../useRemote';
import type { PageProps } from './routes';
import './registries.css';

export function WardReportPage({ user }: PageProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const locked = user.wardId != null;
  const wards = useRemote('wards', 0, (o) => fetchWards(o));
  const [wardId, setWardId] = useState<number | null>(user.wardId ?? null);
  // Someone who may pick: the first ward until they choose another.
  useEffect(() => {
    if (wardId == null && wards.data && wards.data.length > 0) setWardId(wards.data[0].id);
  }, [wardId, wards.data]);

  const summary = useRemote(wardId == null ? null : `summary:${wardId}`, 0, (o) => fetchWardReportSummary(wardId!, o));
  const houses = useRemote(wardId == null ? null : `houses:${wardId}`, 0, (o) => fetchUnregisteredHouses(wardId!, o));
  const today = useMemo(() => new Date(), []);
  const wardName = summary.data?.ward.name ?? null;
  // The title a printed or saved PDF is named after; the app's own title comes back on leaving.
  useEffect(() => {
    if (!wardName) return undefined;
    document.title = t('report.documentTitle', { ward: wardName, date: todayInVietnam(today) });
    return () => {
      document.title = t('app.documentTitle');
    };
  }, [wardName, today, t]);
  const view = wardReportView({
    wardId,
    wards: wards.status,
    wardCount: wards.data?.length ?? null,
    summary: summary.status,
    houses: houses.status,
  });
  const ready = view === 'ready' && summary.data != null && houses.data != null;

  return (
    <div className="ww-reg-page ww-report" data-testid="report-page">
      <div className="ww-reg-toolbar ww-no-print">
        <h1 className="ww-reg-title">{t('report.title')}</h1>
        <label className="ww-reg-field">
          <span className="ww-label">{t('report.ward')}</span>
          <WardSelect wards={wards.data ?? []} value={wardId} onChange={setWardId} locked={locked} testId="report-ward-select" />
        </label>
        <div className="ww-reg-toolbar-actions">
          {wardId != null && (
            <a className="ww-button ww-button-secondary" href={unregisteredHousesCsvUrl(wardId)} download data-testid="report-csv">
              {t('report.csv')}
            </a>
          )}
          <button type="button" className="ww-button" onClick={() => window.print()} disabled={!ready} data-testid="report-print">
            {t('report.print')}
          </button>
        </div>
      </div>
      {wards.status === 'error' && <ErrorNotice code={wards.code} onRetry={wards.retry} />}
      {summary.status === 'error' && <ErrorNotice code={summary.code} onRetry={summary.retry} />}
      {houses.status === 'error' && <ErrorNotice code={houses.code} onRetry={houses.retry} />}
      {view === 'loading' && (
        <div className="ww-reg-loading" data-testid="report-loading">
          <span className="ww-spinner" aria-hidden="true" /> {t('report.loading')}
        </div>
      )}
      {view === 'noWards' && (
        <p className="ww-muted" data-testid="report-no-wards">
          {t('report.noWards')}
        </p>
      )}
      {ready && (
        <ReportSheet
          summary={summary.data!}
          houses={houses.data!}
          today={today}
          language={language}
          canSeePersonalData={user.canSeePersonalData === true}
        />
      )}
    </div>
  );
}

function ReportSheet({
  summary,
  houses,
  today,
  language,
  canSeePersonalData,
}: {
  summary: WardReportSummary;
  houses: ReportHouse[];
  today: Date;
  language: 'vi' | 'en';
  canSeePersonalData: boolean;
}) {
  const { t } = useTranslation();
  const figures = reportFigures(summary);
  const date = formatLongDate(today, language);
  const n = (v: number) => formatNumber(v, language);
  return (
    <article className="ww-report-sheet" data-testid="report-sheet" data-ward-id={summary.ward.id}>
      <div className="ww-report-letterhead">
        <div className="ww-report-authority">
          <div className="ww-report-authority-name">{t('report.authority', { ward: summary.ward.name })}</div>
          <div className="ww-report-rule" />
        </div>
        <div className="ww-report-motto">
          <div className="ww-report-motto-1">{t('report.motto1')}</div>
          <div className="ww-report-motto-2">{t('report.motto2')}</div>
          <div className="ww-report-rule" />
        </div>
      </div>
      <p className="ww-report-place-date" data-testid="report-date">
        {t('report.placeDate', { ward: summary.ward.name, date })}
      </p>
      <h2 className="ww-report-heading">{t('report.heading')}</h2>
      <p className="ww-report-subheading">
        <span data-testid="report-ward-name">{summary.ward.name}</span>
      </p>

      <section className="ww-report-figures" aria-label={t('report.figures')}>
        <Figure label={t('report.count.total')} value={n(figures.total)} testId="report-count-total" raw={figures.total} />
        <Figure label={t('report.count.withCamera')} value={n(figures.withCamera)} testId="report-count-with" raw={figures.withCamera} />
        <Figure
          label={t('report.count.withoutCamera')}
          value={n(figures.withoutCamera)}
          testId="report-count-without"
          raw={figures.withoutCamera}
          emphasis
        />
        <Figure
          label={t('report.count.percent')}
          value={figures.percentWithCamera == null ? t('common.none') : formatPercent(figures.percentWithCamera, language)}
          testId="report-count-percent"
          raw={figures.percentWithCamera ?? ''}
        />
      </section>
      <section className="ww-report-statuses" aria-label={t('report.byStatus')}>
        <span className="ww-report-statuses-title">{t('report.byStatus')}:</span>
        {figures.byStatus.map(({ status, count }) => (
          <span key={status} className="ww-report-status" data-testid={`report-status-${status}`} data-value={count}>
            <span className={`ww-status-dot is-${status.toLowerCase()}`} aria-hidden="true" />
            {t(`houseStatus.${status}`)}: <strong>{n(count)}</strong>
          </span>
        ))}
      </section>

      <h3 className="ww-report-table-title">{t('report.tableTitle', { count: houses.length })}</h3>
      {houses.length === 0 ? (
        <p className="ww-report-empty" data-testid="report-empty">
          {t('report.none')}
        </p>
      ) : (
        <table className="ww-reg-table ww-report-table" data-testid="report-table">
          <thead>
            <tr>
              <th className="is-num">{t('report.col.index')}</th>
              <th>{t('report.col.address')}</th>
              <th>{t('report.col.owner')}</th>
              <th className="is-num">{t('report.col.rooms')}</th>
              <th>{t('report.col.group')}</th>
              <th>{t('report.col.status')}</th>
              <th className="is-num">{t('report.col.nearestCamera')}</th>
              <th>{t('report.col.case')}</th>
            </tr>
          </thead>
          <tbody>
            {houses.map((h, i) => (
              <tr key={h.id} data-testid="report-row" data-id={h.id}>
                <td className="is-num">{i + 1}</td>
                <td data-field="address">{h.address}</td>
                <td data-field="owner">
                  <div>
                    <Personal value={h.ownerName} canSee={canSeePersonalData} />
                  </div>
                  {h.ownerPhone && canSeePersonalData && (
                    <div className="ww-report-phone">
                      <Personal value={h.ownerPhone} canSee={canSeePersonalData} />
                    </div>
                  )}
                </td>
                <td className="is-num" data-field="rooms">
                  {n(h.rooms)}
                </td>
                <td data-field="group">{groupLabel(summary.groups, h.residentialGroupId) ?? t('common.none')}</td>
                <td data-field="status" data-value={h.complianceStatus}>
                  <span className={`ww-status-dot is-${h.complianceStatus.toLowerCase()}`} aria-hidden="true" />
                  {t(`houseStatus.${h.complianceStatus}`)}
                </td>
                <td className="is-num" data-field="nearest">
                  {h.nearestActiveCameraMeters == null ? t('common.none') : formatMeters(h.nearestActiveCameraMeters, language)}
                </td>
                <td data-field="case" data-value={h.openPenaltyCase?.state ?? ''}>
                  {h.openPenaltyCase ? t('report.caseState', { id: h.openPenaltyCase.id, state: t(`cases.state.${h.openPenaltyCase.state}`) }) : t('report.noCase')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!canSeePersonalData && <p className="ww-report-note">{t('report.personalNote')}</p>}

      <div className="ww-report-signatures">
        <div className="ww-report-signature">
          <div className="ww-report-signature-role">{t('report.preparedBy')}</div>
          <div className="ww-report-signature-hint">{t('report.signHint')}</div>
        </div>
        <div className="ww-report-signature">
          <div className="ww-report-signature-date">{t('report.placeDate', { ward: summary.ward.name, date })}</div>
          <div className="ww-report-signature-role">{t('report.chairRole')}</div>
          <div className="ww-report-signature-hint">{t('report.signHint')}</div>
          <div className="ww-report-signature-name" data-testid="report-chair-name">
            {summary.ward.chairName ?? ''}
          </div>
        </div>
      </div>
    </article>
  );
}

function Figure({ label, value, testId, raw, emphasis }: { label: string; value: string; testId: string; raw: number | string; emphasis?: boolean }) {
  return (
    <div className={`ww-report-figure${emphasis ? ' is-emphasis' : ''}`}>
      <div className="ww-report-figure-value" data-testid={testId} data-value={raw}>
        {value}
      </div>
      <div className="ww-report-figure-label">{label}</div>
    </div>
  );
}

export default WardReportPage;
