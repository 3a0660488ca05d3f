/**
 * Wards: a camera-density fill (SVG, under the canvas, not clickable), a clickable outline on the
 * shared canvas, and each ward's name as a permanent label (a divIcon marker at the pole of
 * inaccessibility, in the marker pane). Labels that would overlap a more important one are hidden.
 */
import L from 'leaflet';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { GeoJSON, Marker, useMap, useMapEvents } from 'react-leaflet';
import type { LayerCollection, Selection, WardFeature } from '../../types';
import { placeLabels } from '../declutter';
import { areaKm2, labelPoint } from '../geometry';
import type { WardDensity } from '../layerStats';
import { wardFillStyle, wardOutlineStyle } from '../styles';
import { clickPoint, featureOf, type OverlayProps } from './common';
import { SvgFill } from './SvgFill';

export const WARD_FILL_PANE = 'ww-ward-fill';

interface Props extends OverlayProps {
  data: LayerCollection<'WARDS'>;
  density: WardDensity;
  /** the ward the map is scoped to (others fade) */
  scopeWardId: number | null;
  /** the ward shown in the details panel */
  selectedWardId: number | null;
  basemap: boolean;
  /** what lies under a label on the canvas: a camera under a ward's name wins the click */
  hitTest: (point: L.Point) => Selection | null;
}

export function WardsLayer({ data, density, scopeWardId, selectedWardId, basemap, register, onSelect, hitTest }: Props) {
  const map = useMap();
  const outlineStyle = useCallback(
    (feature?: WardFeature) => {
      const id = feature?.properties.id ?? -1;
      return wardOutlineStyle({
        selected: id === selectedWardId || id === scopeWardId,
        dimmed: scopeWardId != null && id !== scopeWardId,
      });
    },
    [scopeWardId, selectedWardId],
  );
  const fillStyle = useCallback(
    (feature?: WardFeature) => {
      const id = feature?.properties.id ?? -1;
      return wardFillStyle({ densityClass: density.classes.get(id) ?? 0, dimmed: scopeWardId != null && id !== scopeWardId }, { basemap });
    },
    [density, scopeWardId, basemap],
  );

  const labels = useMemo(
    () =>
      data.features
        .map((f) => ({ id: f.properties.id, name: f.properties.name, at: labelPoint(f.geometry), area: areaKm2(f.geometry) }))
        .filter((l): l is { id: number; name: string; at: [number, number]; area: number } => l.at != null),
    [data],
  );
  const icons = useMemo(
    () => new Map(labels.map((l) => [l.id, wardLabelIcon(l.name, l.id, l.id === selectedWardId || l.id === scopeWardId)])),
    [labels, selectedWardId, scopeWardId],
  );

  // Keep labels from overlapping, in priority order: the chosen ward, then larger wards.
  const markers = useRef(new Map<number, L.Marker>());
  const declutter = useCallback(() => {
    const important = (id: number) => (id === selectedWardId || id === scopeWardId ? 1 : 0);
    const ordered = [...labels].sort((a, b) => important(b.id) - important(a.id) || b.area - a.area);
    const elements = ordered.map((l) => markers.current.get(l.id)?.getElement() ?? null);
    const texts = elements.map((el) => (el?.firstElementChild ?? el) as HTMLElement | null);
    for (const text of texts) if (text) text.style.marginTop = ''; // measure where each label stands
    const boxes = texts.map((text) => {
      const r = text?.getBoundingClientRect();
      return r ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom } : { left: 0, top: 0, right: 0, bottom: 0 };
    });
    // A label that collides moves one line up or down if that is free, else hides.
    const placed = placeLabels(boxes, 4, map.getContainer().getBoundingClientRect());
    elements.forEach((el, i) => {
      el?.classList.toggle('is-hidden', !placed.has(i));
      const shift = placed.get(i);
      if (shift && texts[i]) texts[i]!.style.marginTop = `${shift}px`;
    });
  }, [map, labels, selectedWardId, scopeWardId]);
  useMapEvents({ zoomend: declutter, moveend: declutter, viewreset: declutter, resize: declutter });
  useEffect(() => {
    const frame = requestAnimationFrame(declutter);
    return () => cancelAnimationFrame(frame);
  }, [declutter]);

  const registerLayer = useCallback((layer: L.GeoJSON | null) => register('WARDS', layer), [register]);

  return (
    <>
      <SvgFill<WardFeature> pane={WARD_FILL_PANE} data={data} style={fillStyle} />
      <GeoJSON
        data={data}
        style={outlineStyle as L.StyleFunction}
        ref={registerLayer}
        eventHandlers={{
          click: (e) => {
            const f = featureOf<WardFeature['properties']>(e);
            if (f) onSelect({ kind: 'ward', id: f.properties.id });
          },
        }}
      />
      {labels.map((label) => (
        <Marker
          key={label.id}
          ref={(marker) => {
            if (marker) markers.current.set(label.id, marker);
            else markers.current.delete(label.id);
          }}
          position={label.at}
          keyboard={false}
          riseOnHover
          icon={icons.get(label.id)}
          eventHandlers={{
            click: (e) => {
              const point = clickPoint(map, e);
              const under = point ? hitTest(point) : null;
              onSelect(under ?? { kind: 'ward', id: label.id });
            },
          }}
        />
      ))}
    </>
  );
}


function wardLabelIcon(name: string, id: number, selected: boolean): L.DivIcon {
  const span = document.createElement('span');
  span.className = selected ? 'ww-ward-label-text is-selected' : 'ww-ward-label-text';
  span.textContent = name;
  span.dataset.wardId = String(id);
  return L.divIcon({ className: 'ww-ward-label', html: span, iconSize: [0, 0], iconAnchor: [0, 0] });
}
