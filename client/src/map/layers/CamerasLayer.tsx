/** Cameras as circle markers: colour by status, size by type, scaled with the zoom. */
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { GeoJSON, useMap } from 'react-leaflet';
import type { CameraFeature, LayerCollection } from '../../types';
import { cameraStyle } from '../styles';
import { useZoom } from '../useZoom';
import { nearestPointFeature } from '../hitTest';
import { clickPoint, escapeHtml, featureOf, useLatestT, type OverlayProps } from './common';

interface Props extends OverlayProps {
  data: LayerCollection<'CAMERAS'>;
}

export function CamerasLayer({ data, register, onSelect }: Props) {
  const map = useMap();
  const zoom = useZoom();
  const zoomRef = useRef(zoom);
  zoomRef.current = zoom;
  const layerRef = useRef<L.GeoJSON | null>(null);
  const tRef = useLatestT();

  useEffect(() => {
    layerRef.current?.eachLayer((layer) => {
      const marker = layer as L.CircleMarker & { feature: CameraFeature };
      const { radius, ...style } = cameraStyle(marker.feature.properties, zoom);
      marker.setRadius(radius);
      marker.setStyle(style);
    });
  }, [zoom]);

  return (
    <GeoJSON
      data={data}
      ref={(layer) => {
        layerRef.current = layer;
        register('CAMERAS', layer);
      }}
      pointToLayer={(feature: CameraFeature, latlng) => L.circleMarker(latlng, cameraStyle(feature.properties, zoomRef.current))}
      onEachFeature={(feature: CameraFeature, layer) =>
        layer.bindTooltip(
          () => {
            const t = tRef.current;
            const p = feature.properties;
            return escapeHtml(
              t('map.cameraTooltip', {
                name: p.label || t('details.cameraTitle', { id: p.id }),
                status: t(`enum.CameraStatus.${p.status}`),
              }),
            );
          },
          { direction: 'top', className: 'ww-tooltip', offset: [0, -6] },
        )
      }
      eventHandlers={{
        click: (e) => {
          const point = clickPoint(map, e);
          const id = (point && nearestPointFeature(layerRef.current ?? undefined, point)) ?? featureOf<CameraFeature['properties']>(e)?.properties.id;
          if (id != null) onSelect({ kind: 'camera', id });
        },
      }}
    />
  );
}
