/** Residential groups (tổ dân phố): thin outlines; groups without an active camera (R8) stand out. */
import type L from 'leaflet';
import { useCallback } from 'react';
import { GeoJSON } from 'react-leaflet';
import type { GroupFeature, LayerCollection } from '../../types';
import { groupStyle } from '../styles';
import { escapeHtml, featureOf, useLatestT, type OverlayProps } from './common';

interface Props extends OverlayProps {
  data: LayerCollection<'RESIDENTIAL_GROUPS'>;
  /** active cameras per group id; null while the cameras are loading */
  activeByGroup: Map<number, number> | null;
}

export function ResidentialGroupsLayer({ data, activeByGroup, register, onSelect }: Props) {
  const tRef = useLatestT();
  const style = useCallback(
    (feature?: GroupFeature) =>
      groupStyle({ activeCameras: activeByGroup ? (activeByGroup.get(feature?.properties.id ?? -1) ?? 0) : 1 }),
    [activeByGroup],
  );
  return (
    <GeoJSON
      data={data}
      style={style as L.StyleFunction}
      ref={(layer) => register('RESIDENTIAL_GROUPS', layer)}
      onEachFeature={(feature: GroupFeature, layer) =>
        layer.bindTooltip(
          () =>
            `${escapeHtml(feature.properties.name)} · ${tRef.current('units.households', { count: feature.properties.households })}`,
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
  );
}
