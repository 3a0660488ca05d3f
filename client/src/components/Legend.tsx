/**
 * The legend doubles as the layer control: one block per layer (topmost first) with a checkbox,
 * its symbol, its feature count for the current scope and the classes it is drawn in.
 */
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatArea, formatDensity, formatNumber, type Language } from '../format';
import { COVERAGE_CLASSES, COVERAGE_RAMP, GAP_COLOR, type CoverageClass } from '../map/coverage';
import { layerTestId, type LayerVisibility } from '../map/layerRegistry';
import {
  HIGHLIGHT_LINE,
  PALETTE,
  STATUS_COLORS,
  TYPE_RADIUS,
  classRanges,
  rentalHouseStyle,
  sectorStyle,
} from '../map/styles';
import { CAMERA_STATUSES, CAMERA_TYPES, type CameraStatus, type MapLayer } from '../types';
import { AreaSymbol, CircleSymbol, DiamondSymbol, HatchSymbol, LineSymbol, SectorSymbol, SquareSymbol } from './Symbols';

export type LayerLoadState = { state: 'loading' } | { state: 'ready' } | { state: 'error'; code: string };

interface Props {
  language: Language;
  /** the layers the user's role may read: only these have a row and a switch */
  kinds: readonly MapLayer[];
  visibility: LayerVisibility;
  onToggle: (kind: MapLayer) => void;
  loadStates: Partial<Record<MapLayer, LayerLoadState>>;
  counts: Record<MapLayer, number | null>;
  cameraStatus: Record<CameraStatus, number> | null;
  houses: { withCamera: number; withoutCamera: number } | null;
  groups: { covered: number; uncovered: number } | null;
  /** groups per coverage class (index = class) and without a figure, for the current scope */
  groupCoverage: { counts: number[]; unknown: number } | null;
  /** m² of the gaps in scope */
  gapArea: number | null;
  densityBreaks: number[];
}

const LEGEND_ORDER: MapLayer[] = ['CAMERAS', 'VIEW_SECTORS', 'RENTAL_HOUSES', 'COVERAGE_GAPS', 'RESIDENTIAL_GROUPS', 'WARDS'];

/** The legend text of a coverage class: "0%: seen by no camera", "under 5%", "5–10%", "50% or more". */
function coverageLabel(c: CoverageClass, t: TFunction, language: Language): string {
  const n = (v: number) => formatNumber(v, language);
  if (c.from == null) return t('legend.coverageZero');
  if (c.from === 0 && c.to != null) return t('legend.coverageBelow', { to: n(c.to) });
  if (c.to == null) return t('legend.coverageAbove', { from: n(c.from) });
  return t('legend.coverageRange', { from: n(c.from), to: n(c.to) });
}

export function Legend(props: Props) {
  const { t } = useTranslation();
  const { language } = props;
  const n = (value: number | null | undefined) => (value == null ? '…' : formatNumber(value, language));

  const items: Record<MapLayer, { symbol: ReactNode; body: ReactNode }> = {
    CAMERAS: {
      symbol: <CircleSymbol fill={STATUS_COLORS.ACTIVE} />,
      body: (
        <>
          {CAMERA_STATUSES.map((status) => (
            <Item key={status} symbol={<CircleSymbol fill={STATUS_COLORS[status]} />} count={props.cameraStatus ? n(props.cameraStatus[status]) : undefined} testId={`legend-camera-${status.toLowerCase()}`}>
              {t(`enum.CameraStatus.${status}`)}
            </Item>
          ))}
          <li className="ww-legend-item ww-legend-types">
            <span className="ww-legend-caption">{t('legend.cameraTypes')}:</span>
            {CAMERA_TYPES.map((type) => (
              <span key={type} className="ww-legend-type">
                <CircleSymbol fill="#adb5bd" stroke={type === 'PTZ' ? PALETTE.ink : '#ffffff'} r={TYPE_RADIUS[type]} />
                {t(`enum.CameraType.${type}`)}
              </span>
            ))}
          </li>
        </>
      ),
    },
    VIEW_SECTORS: {
      symbol: <SectorSymbol color={STATUS_COLORS.ACTIVE} fillOpacity={0.2} />,
      body: (
        <li className="ww-legend-item">
          <span className="ww-legend-swatches">
            {CAMERA_STATUSES.map((status) => {
              const s = sectorStyle({ status });
              return <SectorSymbol key={status} color={STATUS_COLORS[status]} fillOpacity={s.fillOpacity ?? 0.2} dash={s.dashArray as string | undefined} />;
            })}
          </span>
          <span className="ww-legend-label">{t('legend.sectorsByStatus')}</span>
        </li>
      ),
    },
    RENTAL_HOUSES: {
      symbol: <SquareSymbol fill={PALETTE.houseWithCamera} />,
      body: (
        <>
          <Item symbol={<SquareSymbol fill={PALETTE.houseWithCamera} />} count={props.houses ? n(props.houses.withCamera) : undefined} testId="legend-house-with-camera">
            {t('legend.houseWithCamera')}
          </Item>
          <Item
            symbol={<DiamondSymbol fill={PALETTE.houseWithoutCamera} stroke={String(rentalHouseStyle({ hasActiveCamera: false }, 16).color)} />}
            count={props.houses ? n(props.houses.withoutCamera) : undefined}
            testId="legend-house-without-camera"
            emphasis
          >
            {t('legend.houseWithoutCamera')}
          </Item>
        </>
      ),
    },
    COVERAGE_GAPS: {
      symbol: <HatchSymbol color={GAP_COLOR} />,
      body: (
        <>
          <li className="ww-legend-item ww-legend-note">{t('legend.gapHatch')}</li>
          <Item symbol={<HatchSymbol color={GAP_COLOR} />} count={props.gapArea == null ? undefined : formatArea(props.gapArea, language)} testId="legend-gap-area">
            {t('legend.gapArea')}
          </Item>
        </>
      ),
    },
    RESIDENTIAL_GROUPS: {
      symbol: <AreaSymbol fill={COVERAGE_RAMP[3]} stroke={PALETTE.groupOutline} strokeWidth={1} />,
      body: (
        <>
          <li className="ww-legend-item ww-legend-subtitle">{t('legend.coverage')}</li>
          {[...COVERAGE_CLASSES].reverse().map((c) => (
            <Item
              key={c.index}
              symbol={<AreaSymbol fill={COVERAGE_RAMP[c.index]} stroke={PALETTE.groupOutline} strokeWidth={0.8} />}
              count={props.groupCoverage ? n(props.groupCoverage.counts[c.index]) : undefined}
              testId={`legend-coverage-${c.index}`}
            >
              {coverageLabel(c, t, language)}
            </Item>
          ))}
          {props.groupCoverage != null && props.groupCoverage.unknown > 0 && (
            <Item symbol={<AreaSymbol fill="#ffffff" stroke={PALETTE.groupOutline} strokeWidth={0.8} />} count={n(props.groupCoverage.unknown)}>
              {t('legend.coverageUnknown')}
            </Item>
          )}
          <Item
            symbol={<AreaSymbol fill={PALETTE.uncoveredGroup} fillOpacity={0.15} stroke={PALETTE.uncoveredGroup} strokeWidth={1.4} dash="3 2" />}
            count={props.groups ? n(props.groups.uncovered) : undefined}
            testId="legend-group-uncovered"
            emphasis
          >
            {t('legend.groupUncovered')}
          </Item>
        </>
      ),
    },
    WARDS: {
      symbol: <AreaSymbol fill={PALETTE.densityRamp[2]} stroke={PALETTE.wardOutline} />,
      body: (
        <>
          <li className="ww-legend-item ww-legend-subtitle">{t('legend.density')}</li>
          {/* The group coverage fill hides the ward fill: its classes show only when that layer is off. */}
          {props.visibility.RESIDENTIAL_GROUPS && <li className="ww-legend-item ww-legend-note">{t('legend.densityWhenGroupsOff')}</li>}
          {!props.visibility.RESIDENTIAL_GROUPS && classRanges(props.densityBreaks).map(([from, to], index) => (
            <Item key={index} symbol={<AreaSymbol fill={PALETTE.densityRamp[Math.min(index, PALETTE.densityRamp.length - 1)]} stroke={PALETTE.wardOutline} strokeWidth={0.8} />}>
              {from == null && to == null
                ? t('legend.densityAll')
                : from == null
                  ? t('legend.densityBelow', { to: formatDensity(to!, language) })
                  : to == null
                    ? t('legend.densityAbove', { from: formatDensity(from, language) })
                    : t('legend.densityRange', { from: formatDensity(from, language), to: formatDensity(to, language) })}
            </Item>
          ))}
          <Item symbol={<LineSymbol color={PALETTE.districtOutline} />}>{t('legend.districtBoundary')}</Item>
          <Item symbol={<LineSymbol color={String(HIGHLIGHT_LINE.color)} width={3} />}>{t('legend.selection')}</Item>
        </>
      ),
    },
  };

  return (
    <section className="ww-legend" data-testid="legend" aria-labelledby="ww-legend-title">
      <h2 id="ww-legend-title" className="ww-section-title">
        {t('layers.title')}
      </h2>
      {LEGEND_ORDER.filter((kind) => props.kinds.includes(kind)).map((kind) => {
        const load = props.loadStates[kind] ?? { state: 'loading' };
        const count = props.counts[kind];
        const on = props.visibility[kind];
        const name = t(`layers.${kind}`);
        return (
          <div
            key={kind}
            className={on ? 'ww-legend-layer' : 'ww-legend-layer is-off'}
            data-testid={layerTestId('legend-row', kind)}
            data-layer={kind}
            data-state={load.state}
            data-count={count ?? ''}
            data-visible={on}
          >
            <label className="ww-legend-head">
              <input
                type="checkbox"
                checked={on}
                onChange={() => props.onToggle(kind)}
                data-testid={layerTestId('layer-toggle', kind)}
                aria-label={t('layers.toggle', { name })}
              />
              {items[kind].symbol}
              <span className="ww-legend-name">{name}</span>
              <span className="ww-legend-count" data-testid={layerTestId('legend-count', kind)}>
                {load.state === 'error' ? (
                  <span className="ww-legend-error" title={t(`errors.${load.code}`, { defaultValue: t('errors.UNKNOWN_ERROR') })}>
                    {t('layers.failed')}
                  </span>
                ) : load.state === 'loading' ? (
                  <span className="ww-spinner" role="status" aria-label={t('layers.loading')} />
                ) : (
                  n(count)
                )}
              </span>
            </label>
            <ul className="ww-legend-items">{items[kind].body}</ul>
          </div>
        );
      })}
    </section>
  );
}

function Item({
  symbol,
  count,
  children,
  testId,
  emphasis,
}: {
  symbol: ReactNode;
  count?: string;
  children: ReactNode;
  testId?: string;
  emphasis?: boolean;
}) {
  return (
    <li className={emphasis ? 'ww-legend-item is-emphasis' : 'ww-legend-item'} data-testid={testId}>
      {symbol}
      <span className="ww-legend-label">{children}</span>
      {count !== undefined && <span className="ww-legend-subcount">{count}</span>}
    </li>
  );
}
