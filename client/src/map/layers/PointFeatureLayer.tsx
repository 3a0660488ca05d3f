/**
 * The shared body of the point layers (cameras, rental houses): markers sized with the zoom, a lazy
 * translated tooltip, and a click that selects the point nearest the pointer (Leaflet would report
 * the last of several overlapping markers).
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type L from 'leaflet';
import type { TFunction } from 'i18next';
import { useEffect, useRef } from 'react';
import { GeoJSON, useMap } from 'react-leaflet';
import type { MapLayer, Selection } from '../../types';
import { nearestPointFeature } from '../hitTest';
import { useZoom } from '../useZoom';
import { clickPoint, escapeHtml, featureOf, useLatestT, type OverlayProps } from './common';

type Style = L.CircleMarkerOptions & { radius: number };

interface Props<P extends { id: number }, S extends Style> extends OverlayProps {
  kind: MapLayer;
  data: FeatureCollection<Point, P>;
  /** Marker style for a feature at a zoom level. */
  style: (properties: P, zoom: number) => S;
  /** Makes the marker (a circle, or a shape). */
  marker: (latlng: L.LatLng, style: S) => L.CircleMarker;
  /** Tooltip text (plain: it is escaped here). */
  tooltip: (properties: P, t: TFunction) => string;
  /** What a click on the feature with this id selects. */
  select: (id: number) => Selection;
}

export function PointFeatureLayer<P extends { id: number }, S extends Style>({
  kind,
  data,
  style,
  marker,
  tooltip,
  select,
  register,
  onSelect,
}: Props<P, S>) {
  const map = useMap();
  const zoom = useZoom();
  const zoomRef = useRef(zoom);
  zoomRef.current = zoom;
  const layerRef = useRef<L.GeoJSON | null>(null);
  const tRef = useLatestT();

  // Restyled on zoom, and when the same features come back changed in place (a live status change).
  useEffect(() => {
    layerRef.current?.eachLayer((layer) => {
      const m = layer as L.CircleMarker & { feature: Feature<Point, P> };
      const { radius, ...rest } = style(m.feature.properties, zoom);
      m.setRadius(radius);
      m.setStyle(rest);
    });
  }, [zoom, style, data]);

  return (
    <GeoJSON
      data={data}
      ref={(layer) => {
        layerRef.current = layer;
        register(kind, layer);
      }}
      pointToLayer={(feature: Feature<Point, P>, latlng) => marker(latlng, style(feature.properties, zoomRef.current))}
      onEachFeature={(feature: Feature<Point, P>, layer) =>
        layer.bindTooltip(() => escapeHtml(tooltip(feature.properties, tRef.current)), {
          direction: 'top',
          className: 'ww-tooltip',
          offset: [0, -6],
        })
      }
      eventHandlers={{
        click: (e) => {
          const point = clickPoint(map, e);
          const id = (point && nearestPointFeature(layerRef.current ?? undefined, point)) ?? featureOf<P>(e)?.properties.id;
          if (id != null) onSelect(select(id));
        },
      }}
    />
  );
}
