/**
 * Time to repair per ward (R10), as the server computes it from the tickets: open tickets (and the
 * oldest one's age), tickets resolved in the period, mean and median time from report to repair, and
 * what the repairs cost; the district's total last. A ward's row picks that ward for the list below.
 */
import { useTranslation } from 'react-i18next';
import { durationParts, type MaintenanceFigures, type MaintenanceStats } from '../../api/maintenance';
import { formatNumber, type Language } from '../../format';
import { formatVnd } from '../registries/logic';

export function Duration({ hours, language }: { hours: number | null; language: Language }) {
  const { t } = useTranslation();
  if (hours == null) return <span className="ww-muted">{t('common.none')}</span>;
  const { unit, value } = durationParts(hours);
  return <span title={t('maintenance.duration.exactHours', { value: formatNumber(hours, language, 1) })}>{t(`maintenance.duration.${unit}`, { value: formatNumber(value, language, 1) })}</span>;
}

export function MttrTable({
  stats,
  language,
  selectedWardId,
  onPickWard,
}: {
  stats: MaintenanceStats;
  language: Language;
  selectedWardId: number | null;
  onPickWard: ((wardId: number) => void) | null;
}) {
  const { t } = useTranslation();
  const worst = Math.max(1, ...stats.wards.map((w) => w.meanTimeToRepairHours ?? 0));
  const row = (f: MaintenanceFigures, total: boolean) => (
    <tr
      key={total ? 'total' : f.wardId!}
      className={`${total ? 'is-total' : ''}${!total && onPickWard ? ' is-clickable' : ''}${!total && f.wardId === selectedWardId ? ' is-selected' : ''}`}
      onClick={!total && onPickWard ? () => onPickWard(f.wardId!) : undefined}
      data-testid={total ? 'mttr-total' : 'mttr-row'}
      data-ward={f.wardId ?? ''}
      data-open={f.openTickets}
      data-resolved={f.resolvedTickets}
      data-mean={f.meanTimeToRepairHours ?? ''}
    >
      <th scope="row">{total ? t('maintenance.mttr.total') : (f.ward?.name ?? f.wardId)}</th>
      <td className="is-num">{formatNumber(f.openTickets, language)}</td>
      <td className="is-num">{formatNumber(f.inProgressTickets, language)}</td>
      <td className="is-num">{formatNumber(f.resolvedTickets, language)}</td>
      <td className="is-num ww-mnt-mean">
        {!total && f.meanTimeToRepairHours != null && (
          <span className="ww-mnt-bar" style={{ width: `${Math.round((f.meanTimeToRepairHours / worst) * 100)}%` }} aria-hidden="true" />
        )}
        <span className="ww-mnt-bar-label">
          <Duration hours={f.meanTimeToRepairHours} language={language} />
        </span>
      </td>
      <td className="is-num">
        <Duration hours={f.medianTimeToRepairHours} language={language} />
      </td>
      <td className="is-num">
        <Duration hours={f.oldestOpenAgeHours} language={language} />
      </td>
      <td className="is-num ww-nowrap">{f.repairCostVnd > 0 ? formatVnd(f.repairCostVnd, language) : <span className="ww-muted">{t('common.none')}</span>}</td>
    </tr>
  );
  return (
    <div className="ww-reg-table-wrap">
      <table className="ww-reg-table ww-mnt-mttr" data-testid="mttr-table">
        <thead>
          <tr>
            <th>{t('maintenance.mttr.ward')}</th>
            <th className="is-num">{t('maintenance.mttr.open')}</th>
            <th className="is-num">{t('maintenance.mttr.inProgress')}</th>
            <th className="is-num">{t('maintenance.mttr.resolved')}</th>
            <th className="is-num">{t('maintenance.mttr.mean')}</th>
            <th className="is-num">{t('maintenance.mttr.median')}</th>
            <th className="is-num">{t('maintenance.mttr.oldestOpen')}</th>
            <th className="is-num">{t('maintenance.mttr.cost')}</th>
          </tr>
        </thead>
        <tbody>{stats.wards.map((w) => row(w, false))}</tbody>
        {stats.wards.length > 1 && <tfoot>{row(stats.total, true)}</tfoot>}
      </table>
    </div>
  );
}
