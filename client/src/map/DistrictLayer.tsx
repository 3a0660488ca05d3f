/** The district's outer boundary: a firm line above the ward fills, not clickable, always on. */
import type { Geometry } from 'geojson';
import L from 'leaflet';
import { useEffect, useMemo } from 'react';
import { useMap } from 'react-leaflet';
import { DISTRICT_OUTLINE_STYLE } from './styles';

export const DISTRICT_PANE = 'ww-district';

export function DistrictLayer({ boundary }: { boundary: Geometry }) {
  const map = useMap();
  const renderer = useMemo(() => L.svg({ pane: DISTRICT_PANE, padding: 0.5 }), []);
  useEffect(() => {
    const options = { ...DISTRICT_OUTLINE_STYLE, renderer, pane: DISTRICT_PANE };
    const layer = L.geoJSON(boundary, { ...options, style: () => options } as L.GeoJSONOptions).addTo(map);
    return () => {
      layer.remove();
    };
  }, [map, renderer, boundary]);
  return null;
}
