/**
 * The side panel's coverage section for the chosen scope (the district or one ward): how much of it
 * active cameras see, where R8 stands (every residential group has a camera by 30/09/2017) and the
 * groups that fall short, least covered first; a click selects a group and zooms to it. An optional
 * coverage target lists the groups covered less than it instead.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatArea, formatDate, formatNumber, formatPercent, type Language } from '../format';
import { COVERAGE_RAMP, coverageClass, parseCoverageTarget } from '../map/coverage';
import type { Coverage, UncoveredGroups, Ward } from '../types';
import type { Remote } from '../useRemote';
import { CoverageFigure } from './CoverageFigure';

interface Props {
  language: Language;
  /** the ward in scope, or null for the district */
  ward: Ward | null;
  wards: Ward[];
  coverage: Remote<Coverage>;
  uncovered: Remote<UncoveredGroups>;
  /** the coverage target the list uses (null: R8) */
  target: number | null;
  onTarget: (target: number | null) => void;
  selectedGroupId: number | null;
  onPick: (groupId: number) => void;
}

export function CoveragePanel(props: Props) {
  const { t } = useTranslation();
  const { language, coverage, uncovered } = props;
  const [text, setText] = useState(props.target == null ? '' : String(props.target));
  const parsed = parseCoverageTarget(text);
  const { onTarget } = props;
  useEffect(() => {
    if (parsed === 'invalid') return undefined;
    const timer = setTimeout(() => onTarget(parsed), 350); // not one query per keystroke
    return () => clearTimeout(timer);
  }, [parsed, onTarget]);

  const scopeName = props.ward?.name ?? t('coverage.district');
  const c = coverage.data;
  const u = uncovered.data;
  const wardName = (id: number) => props.wards.find((w) => w.id === id)?.name ?? `#${id}`;

  return (
    <section className="ww-coverage" data-testid="coverage-panel" aria-labelledby="ww-coverage-title">
      <h2 id="ww-coverage-title" className="ww-section-title">
        {t('coverage.title')} · <span className="ww-coverage-scope">{scopeName}</span>
      </h2>
      {c ? (
        <>
          <CoverageFigure percent={c.coveredPercent} caption={t('coverage.caption')} language={language} testId="scope-coverage" pending={coverage.status === 'loading'} />
          <p className="ww-coverage-facts">
            {t('coverage.areas', { covered: formatArea(c.coveredAreaM2, language), total: formatArea(c.areaM2, language) })}
            {' · '}
            {t('coverage.activeCameras', { count: c.activeCameraCount, n: formatNumber(c.activeCameraCount, language) })}
          </p>
        </>
      ) : coverage.status === 'error' ? (
        <p className="ww-legend-error">{t(`errors.${coverage.code}`, { defaultValue: t('errors.UNKNOWN_ERROR') })}</p>
      ) : (
        <p className="ww-details-loading">
          <span className="ww-spinner" aria-hidden="true" /> {t('coverage.loading')}
        </p>
      )}

      {u && (
        <div className="ww-r8" data-testid="r8-status" data-deadline={u.deadline} data-days={u.daysToDeadline}>
          <div className="ww-r8-head">
            <strong>{t('coverage.r8')}</strong>
            <span className={u.daysToDeadline < 0 ? 'ww-r8-deadline is-overdue' : 'ww-r8-deadline'}>
              {t('coverage.deadline', { date: formatDate(u.deadline, language) })}
              {' · '}
              {u.daysToDeadline < 0
                ? t('coverage.overdue', { count: -u.daysToDeadline, n: formatNumber(-u.daysToDeadline, language) })
                : u.daysToDeadline === 0
                  ? t('coverage.dueToday')
                  : t('coverage.daysLeft', { count: u.daysToDeadline, n: formatNumber(u.daysToDeadline, language) })}
            </span>
          </div>
          <p className={u.groupsWithoutCamera === 0 ? 'ww-r8-count is-met' : 'ww-r8-count'} data-testid="r8-count" data-without={u.groupsWithoutCamera} data-total={u.totalGroups}>
            {u.groupsWithoutCamera === 0
              ? t('coverage.allHaveCamera', { total: formatNumber(u.totalGroups, language) })
              : t('coverage.lacking', { count: u.groupsWithoutCamera, n: formatNumber(u.groupsWithoutCamera, language), total: formatNumber(u.totalGroups, language) })}
          </p>
        </div>
      )}

      <h3 className="ww-list-title">
        {props.target == null ? t('coverage.listR8') : t('coverage.listBelow', { percent: formatPercent(props.target, language) })}
        {u && <span className="ww-list-count">{formatNumber(u.groups.length, language)}</span>}
      </h3>
      {u ? (
        u.groups.length === 0 ? (
          <p className="ww-muted" data-testid="uncovered-empty">
            {t('coverage.empty')}
          </p>
        ) : (
          <ul className="ww-group-list" data-testid="uncovered-list" data-target={props.target ?? ''} aria-busy={uncovered.status === 'loading'}>
            {u.groups.map((g) => {
              const cls = coverageClass(g.coverage.coveredPercent) ?? 0;
              const selected = g.id === props.selectedGroupId;
              return (
                <li key={g.id}>
                  <button
                    type="button"
                    className={selected ? 'ww-group-item is-selected' : 'ww-group-item'}
                    data-testid="uncovered-item"
                    data-group-id={g.id}
                    aria-pressed={selected}
                    title={t('coverage.item', { name: g.name })}
                    onClick={() => props.onPick(g.id)}
                  >
                    <span className="ww-group-item-class" style={{ background: COVERAGE_RAMP[cls] }} aria-hidden="true" />
                    <span className="ww-group-item-text">
                      <span className="ww-group-item-name">{g.name}</span>
                      <span className="ww-group-item-ward">
                        {wardName(g.wardId)}
                        {g.coverage.activeCameraCount === 0 && <> · {t('coverage.noCamera')}</>}
                      </span>
                    </span>
                    <span className="ww-group-item-percent" data-value={g.coverage.coveredPercent}>
                      {formatPercent(g.coverage.coveredPercent, language)}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        )
      ) : uncovered.status === 'error' ? (
        <p className="ww-legend-error">{t(`errors.${uncovered.code}`, { defaultValue: t('errors.UNKNOWN_ERROR') })}</p>
      ) : (
        <p className="ww-details-loading">
          <span className="ww-spinner" aria-hidden="true" /> {t('coverage.loading')}
        </p>
      )}
      <div className="ww-target">
        <label htmlFor="ww-coverage-target">{t('coverage.target')}</label>
        <span className="ww-target-input">
          <input
            id="ww-coverage-target"
            data-testid="coverage-target"
            type="text"
            inputMode="decimal"
            value={text}
            placeholder={t('coverage.targetPlaceholder')}
            aria-invalid={parsed === 'invalid'}
            aria-describedby="ww-coverage-target-hint"
            onChange={(e) => setText(e.target.value)}
          />
          %
        </span>
      </div>
      <p id="ww-coverage-target-hint" className={parsed === 'invalid' ? 'ww-field-error' : 'ww-visually-hidden'}>
        {parsed === 'invalid' ? t('coverage.targetInvalid') : t('coverage.targetHint')}
      </p>

    </section>
  );
}
