/**
 * A non-interactive fill drawn in SVG in its own pane, below the shared canvas of the outlines and
 * points (one canvas must stay on top to receive clicks). Restyled in place when `style` changes.
 */
import type { Feature, FeatureCollection } from 'geojson';
import L from 'leaflet';
import { useEffect, useMemo, useRef } from 'react';
import { useMap } from 'react-leaflet';

export function SvgFill<F extends Feature>({ pane, data, style }: { pane: string; data: FeatureCollection; style: (feature: F) => L.PathOptions }) {
  const map = useMap();
  const renderer = useMemo(() => L.svg({ pane, padding: 0.5 }), [pane]);
  const layerRef = useRef<L.GeoJSON | null>(null);
  const styleRef = useRef(style);
  styleRef.current = style;

  useEffect(() => {
    const layer = L.geoJSON(data, {
      pane,
      renderer,
      interactive: false,
      style: (f) => styleRef.current(f as F),
    } as L.GeoJSONOptions).addTo(map);
    layerRef.current = layer;
    return () => {
      layer.remove();
      layerRef.current = null;
    };
  }, [map, pane, renderer, data]);

  useEffect(() => {
    layerRef.current?.setStyle((f) => style(f as F));
  }, [style]);
  return null;
}
