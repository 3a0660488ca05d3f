/**
 * Outlines the selected feature (a camera with its view sector, a rental house, a group or a ward)
 * on an SVG renderer in its own pane, above the canvas and transparent to clicks.
 */
import type { Feature } from 'geojson';
import L from 'leaflet';
import { useEffect, useMemo } from 'react';
import { useMap } from 'react-leaflet';
import { HIGHLIGHT_HALO, HIGHLIGHT_LINE, HIGHLIGHT_RADIUS } from './styles';

export const HIGHLIGHT_PANE = 'ww-highlight';

export function SelectionLayer({ features }: { features: Feature[] }) {
  const map = useMap();
  const renderer = useMemo(() => L.svg({ pane: HIGHLIGHT_PANE, padding: 0.5 }), []);

  useEffect(() => {
    if (features.length === 0) return undefined;
    const group = L.featureGroup();
    for (const style of [HIGHLIGHT_HALO, HIGHLIGHT_LINE]) {
      const options = { ...style, renderer, pane: HIGHLIGHT_PANE };
      L.geoJSON(features, {
        ...options,
        style: () => options,
        pointToLayer: (_feature, latlng) => L.circleMarker(latlng, { ...options, radius: HIGHLIGHT_RADIUS }),
      } as L.GeoJSONOptions).addTo(group);
    }
    group.addTo(map);
    return () => {
      group.remove();
    };
  }, [map, renderer, features]);

  return null;
}
