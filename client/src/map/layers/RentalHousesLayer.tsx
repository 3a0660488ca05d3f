/** Rental houses: green squares with an active camera, orange diamonds without one (R2, R5). */
import type L from 'leaflet';
import { useEffect, useRef } from 'react';
import { GeoJSON, useMap } from 'react-leaflet';
import type { LayerCollection, RentalHouseFeature } from '../../types';
import { ShapeMarker } from '../shapeMarker';
import { rentalHouseStyle } from '../styles';
import { useZoom } from '../useZoom';
import { nearestPointFeature } from '../hitTest';
import { clickPoint, escapeHtml, featureOf, useLatestT, type OverlayProps } from './common';

interface Props extends OverlayProps {
  data: LayerCollection<'RENTAL_HOUSES'>;
}

export function RentalHousesLayer({ data, register, onSelect }: Props) {
  const map = useMap();
  const zoom = useZoom();
  const zoomRef = useRef(zoom);
  zoomRef.current = zoom;
  const layerRef = useRef<L.GeoJSON | null>(null);
  const tRef = useLatestT();

  useEffect(() => {
    layerRef.current?.eachLayer((layer) => {
      const marker = layer as L.CircleMarker & { feature: RentalHouseFeature };
      const { radius, ...style } = rentalHouseStyle(marker.feature.properties, zoom);
      marker.setRadius(radius);
      marker.setStyle(style);
    });
  }, [zoom]);

  return (
    <GeoJSON
      data={data}
      ref={(layer) => {
        layerRef.current = layer;
        register('RENTAL_HOUSES', layer);
      }}
      pointToLayer={(feature: RentalHouseFeature, latlng) =>
        new ShapeMarker(latlng, rentalHouseStyle(feature.properties, zoomRef.current))
      }
      onEachFeature={(feature: RentalHouseFeature, layer) =>
        layer.bindTooltip(
          () => {
            const t = tRef.current;
            const p = feature.properties;
            return escapeHtml(
              t('map.houseTooltip', {
                address: p.address,
                state: t(p.hasActiveCamera ? 'details.houseCovered' : 'details.houseUncovered'),
              }),
            );
          },
          { direction: 'top', className: 'ww-tooltip', offset: [0, -6] },
        )
      }
      eventHandlers={{
        click: (e) => {
          const point = clickPoint(map, e);
          const id =
            (point && nearestPointFeature(layerRef.current ?? undefined, point)) ?? featureOf<RentalHouseFeature['properties']>(e)?.properties.id;
          if (id != null) onSelect({ kind: 'rentalHouse', id });
        },
      }}
    />
  );
}
