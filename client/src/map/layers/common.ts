/** What every overlay layer component receives from LayerManager. */
import type { Feature } from 'geojson';
import type L from 'leaflet';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapLayer, Selection } from '../../types';

export interface OverlayProps {
  /** LayerManager keeps the Leaflet layer to restore the drawing order after a toggle. */
  register: (kind: MapLayer, layer: L.Layer | null) => void;
  onSelect: (selection: Selection) => void;
}

/** The feature a click on a GeoJSON layer came from (canvas events carry the hit path). */
export function featureOf<P>(event: L.LeafletEvent): Feature<never, P> | undefined {
  const source = (event as L.LeafletEvent & { propagatedFrom?: { feature?: Feature<never, P> } }).propagatedFrom;
  return source?.feature ?? (event.layer as { feature?: Feature<never, P> } | undefined)?.feature;
}

/** The latest `t`, for tooltip content that Leaflet renders lazily after a language switch. */
export function useLatestT() {
  const { t } = useTranslation();
  const ref = useRef(t);
  ref.current = t;
  return ref;
}

/**
 * Where the pointer really was, as a layer point. Leaflet moves the event of a small circle marker
 * to the marker's centre, so `event.layerPoint` cannot tell two overlapping cameras apart.
 */
export function clickPoint(map: L.Map, event: L.LeafletEvent): L.Point | null {
  const original = (event as L.LeafletMouseEvent).originalEvent;
  return original && 'clientX' in original ? map.mouseEventToLayerPoint(original) : null;
}

/** Tooltip text is set as HTML by Leaflet: names and addresses from the database are escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
