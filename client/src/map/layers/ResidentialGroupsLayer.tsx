/**
 * Residential groups (tổ dân phố): a coverage choropleth (SVG, under the canvas, not clickable, over
 * the ward density fill it hides) and clickable outlines on the shared canvas. Groups without an
 * active camera (R8) are outlined in dashed orange and drawn last, so no neighbour's grey edge
 * covers their outline.
 */
import type L from 'leaflet';
import { useCallback, useMemo, useRef } from 'react';
import { GeoJSON } from 'react-leaflet';
import { formatPercent, type Language } from '../../format';
import type { GroupFeature, LayerCollection } from '../../types';
import { groupCoverageFillStyle, lacksCamera } from '../coverage';
import { groupStyle } from '../styles';
import { escapeHtml, featureOf, useLatestT, type OverlayProps } from './common';
import { SvgFill } from './SvgFill';

export const GROUP_FILL_PANE = 'ww-group-fill';

interface Props extends OverlayProps {
  data: LayerCollection<'RESIDENTIAL_GROUPS'>;
  /** active cameras per group id from the cameras layer; null while the cameras are loading */
  activeByGroup: Map<number, number> | null;
  basemap: boolean;
  language: Language;
}

export function ResidentialGroupsLayer({ data, activeByGroup, basemap, language, register, onSelect }: Props) {
  const tRef = useLatestT();
  const languageRef = useRef(language);
  languageRef.current = language;

  const uncovered = useCallback(
    (feature?: GroupFeature) =>
      feature != null && lacksCamera(feature.properties, activeByGroup ? (activeByGroup.get(feature.properties.id) ?? 0) : null),
    [activeByGroup],
  );
  const style = useCallback((feature?: GroupFeature) => groupStyle({ activeCameras: uncovered(feature) ? 0 : 1 }), [uncovered]);
  // The coverage choropleth, above the ward fill.
  const fillStyle = useCallback((f: GroupFeature) => groupCoverageFillStyle(f.properties, { basemap }), [basemap]);

  // Uncovered groups last: a canvas paints in order, so their dashed outline stays on top.
  const ordered = useMemo(
    () => ({ ...data, features: [...data.features].sort((a, b) => Number(uncovered(a)) - Number(uncovered(b))) }),
    [data, uncovered],
  );
  const key = useMemo(() => `${ordered.features.length}-${ordered.features.filter((f) => uncovered(f)).length}`, [ordered, uncovered]);

  return (
    <>
      <SvgFill<GroupFeature> pane={GROUP_FILL_PANE} data={data} style={fillStyle} />
      <GeoJSON
        key={key}
        data={ordered}
        style={style as L.StyleFunction}
        ref={(layer) => register('RESIDENTIAL_GROUPS', layer)}
        onEachFeature={(feature: GroupFeature, layer) =>
          layer.bindTooltip(
            () => {
              const t = tRef.current;
              const p = feature.properties;
              const parts = [escapeHtml(p.name), escapeHtml(t('units.households', { count: p.households }))];
              if (p.coveredPercent != null) {
                parts.push(escapeHtml(t('map.groupCoverageTooltip', { percent: formatPercent(p.coveredPercent, languageRef.current) })));
              }
              return parts.join(' · ');
            },
            { sticky: true, direction: 'top', className: 'ww-tooltip', offset: [0, -6] },
          )
        }
        eventHandlers={{
          click: (e) => {
            const f = featureOf<GroupFeature['properties']>(e);
            if (f) onSelect({ kind: 'residentialGroup', id: f.properties.id });
          },
        }}
      />
    </>
  );
}

