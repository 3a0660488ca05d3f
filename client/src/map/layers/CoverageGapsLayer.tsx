/**
 * Coverage gaps: per residential group, the part no active camera sees, hatched in red. A canvas
 * cannot fill with a pattern, so the gaps are SVG paths in their own pane under the canvas (over the
 * coverage fill), filled with an SVG <pattern>; they take no clicks (the group outline on the canvas
 * above answers a click, and the sectors and cameras stay clickable).
 */
import L from 'leaflet';
import { useEffect, useMemo, useRef } from 'react';
import { useMap } from 'react-leaflet';
import type { LayerCollection } from '../../types';
import { GAP_COLOR, GAP_PATTERN_ID, gapStyle } from '../coverage';
import { useZoom } from '../useZoom';
import type { OverlayProps } from './common';

export const GAPS_PANE = 'ww-gaps';

interface Props extends Pick<OverlayProps, 'register'> {
  data: LayerCollection<'COVERAGE_GAPS'>;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * The hatching pattern, defined once for the page in a hidden <svg> of its own: `url(#id)` reaches
 * it from any SVG renderer's paths, whichever renderer comes and goes.
 */
function ensurePattern(): void {
  if (typeof document === 'undefined' || document.getElementById(GAP_PATTERN_ID)) return;
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('width', '0');
  svg.setAttribute('height', '0');
  svg.setAttribute('aria-hidden', 'true');
  svg.style.position = 'absolute';
  const defs = document.createElementNS(SVG_NS, 'defs');
  const pattern = document.createElementNS(SVG_NS, 'pattern');
  pattern.setAttribute('id', GAP_PATTERN_ID);
  pattern.setAttribute('patternUnits', 'userSpaceOnUse');
  pattern.setAttribute('width', '7');
  pattern.setAttribute('height', '7');
  pattern.setAttribute('patternTransform', 'rotate(45)');
  const tint = document.createElementNS(SVG_NS, 'rect');
  tint.setAttribute('width', '7');
  tint.setAttribute('height', '7');
  tint.setAttribute('fill', GAP_COLOR);
  tint.setAttribute('fill-opacity', '0.07');
  const line = document.createElementNS(SVG_NS, 'line');
  line.setAttribute('x1', '0');
  line.setAttribute('y1', '0');
  line.setAttribute('x2', '0');
  line.setAttribute('y2', '7');
  line.setAttribute('stroke', GAP_COLOR);
  line.setAttribute('stroke-width', '1.6');
  line.setAttribute('stroke-opacity', '0.5');
  pattern.append(tint, line);
  defs.append(pattern);
  svg.append(defs);
  document.body.append(svg);
}

export function CoverageGapsLayer({ data, register }: Props) {
  const map = useMap();
  const zoom = useZoom();
  const zoomRef = useRef(zoom);
  zoomRef.current = zoom;
  const renderer = useMemo(() => L.svg({ pane: GAPS_PANE, padding: 0.5 }), []);
  const layerRef = useRef<L.GeoJSON | null>(null);

  useEffect(() => {
    ensurePattern();
    const layer = L.geoJSON(data, {
      pane: GAPS_PANE,
      renderer,
      interactive: false,
      style: () => gapStyle(zoomRef.current),
    } as L.GeoJSONOptions).addTo(map);
    layerRef.current = layer;
    register('COVERAGE_GAPS', layer);
    return () => {
      layer.remove();
      layerRef.current = null;
    };
  }, [map, renderer, data, register]);

  useEffect(() => {
    layerRef.current?.setStyle(gapStyle(zoom));
  }, [zoom]);
  return null;
}
