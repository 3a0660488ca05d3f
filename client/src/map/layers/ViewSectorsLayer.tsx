/** Camera view sectors: translucent polygons coloured by the camera's status. A click opens the camera. */
import type L from 'leaflet';
import { useEffect, useRef } from 'react';
import { GeoJSON } from 'react-leaflet';
import type { LayerCollection, SectorFeature } from '../../types';
import { sectorStyle } from '../styles';
import { featureOf, type OverlayProps } from './common';

interface Props extends OverlayProps {
  data: LayerCollection<'VIEW_SECTORS'>;
}

const style = (feature?: SectorFeature) => sectorStyle({ status: feature?.properties.status ?? 'DECOMMISSIONED' });

export function ViewSectorsLayer({ data, register, onSelect }: Props) {
  // The same features back, changed in place (a live status change): restyle them.
  const layerRef = useRef<L.GeoJSON | null>(null);
  useEffect(() => {
    layerRef.current?.setStyle(style as L.StyleFunction);
  }, [data]);
  return (
    <GeoJSON
      data={data}
      style={style as L.StyleFunction}
      ref={(layer) => {
        layerRef.current = layer;
        register('VIEW_SECTORS', layer);
      }}
      eventHandlers={{
        click: (e) => {
          const f = featureOf<SectorFeature['properties']>(e);
          if (f) onSelect({ kind: 'camera', id: f.properties.id });
        },
      }}
    />
  );
}
