/**
 * A compact key of the coverage choropleth on the map itself (bottom left, above the scale), so
 * the map reads on its own while the side panel is scrolled elsewhere: the class colours with
 * their bounds, and the R8 outline. The side panel's legend has the same classes with counts.
 */
import { useTranslation } from 'react-i18next';
import { formatNumber, type Language } from '../format';
import { COVERAGE_CLASSES, COVERAGE_RAMP } from '../map/coverage';
import { PALETTE } from '../map/styles';
import { AreaSymbol } from './Symbols';

export function CoverageKey({ language }: { language: Language }) {
  const { t } = useTranslation();
  const n = (v: number) => formatNumber(v, language);
  return (
    <div className="ww-map-key" data-testid="coverage-key" aria-label={t('legend.coverage')}>
      <div className="ww-map-key-title">{t('legend.coverage')}</div>
      <ol className="ww-map-key-ramp">
        {COVERAGE_CLASSES.map((c) => (
          <li key={c.index}>
            <span className="ww-map-key-swatch" style={{ background: COVERAGE_RAMP[c.index] }} />
            <span className="ww-map-key-label">{c.from == null ? '0' : c.to == null ? `≥ ${n(c.from)}` : c.from === 0 ? `< ${n(c.to)}` : `${n(c.from)}–${n(c.to)}`}</span>
          </li>
        ))}
        <li className="ww-map-key-unit">%</li>
      </ol>
      <div className="ww-map-key-r8">
        <AreaSymbol fill={PALETTE.uncoveredGroup} fillOpacity={0.15} stroke={PALETTE.uncoveredGroup} strokeWidth={1.4} dash="3 2" />
        {t('legend.groupUncovered')}
      </div>
    </div>
  );
}
