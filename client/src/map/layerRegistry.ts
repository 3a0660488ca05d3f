/**
 * The map's overlay layers in drawing order (bottom to top) and which are on at start: all but the
 * coverage gaps, which hatch most of the district (88% of it is seen by no camera) and are for a
 * closer look.
 * LayerManager adds and removes layers from this list only; the legend's checkboxes edit it.
 */
import { MAP_LAYERS, type MapLayer } from '../types';

export const LAYER_ORDER: readonly MapLayer[] = MAP_LAYERS;

export type LayerVisibility = Record<MapLayer, boolean>;

export const DEFAULT_VISIBILITY: LayerVisibility = {
  WARDS: true,
  RESIDENTIAL_GROUPS: true,
  COVERAGE_GAPS: false,
  VIEW_SECTORS: true,
  RENTAL_HOUSES: true,
  CAMERAS: true,
};

/** What is on at start for a user who may read `kinds`: the defaults, and nothing they may not read. */
export function initialVisibility(kinds: readonly MapLayer[]): LayerVisibility {
  const visibility = { ...DEFAULT_VISIBILITY };
  for (const kind of MAP_LAYERS) if (!kinds.includes(kind)) visibility[kind] = false;
  return visibility;
}

export function toggleLayer(visibility: LayerVisibility, kind: MapLayer, on?: boolean): LayerVisibility {
  return { ...visibility, [kind]: on ?? !visibility[kind] };
}

/** The layers to draw, bottom first. */
export function visibleLayers(visibility: LayerVisibility): MapLayer[] {
  return LAYER_ORDER.filter((kind) => visibility[kind]);
}

/** Test ids of the legend rows and their checkboxes, spelled with the GraphQL enum: `layer-toggle-VIEW_SECTORS`. */
export function layerTestId(prefix: string, kind: MapLayer): string {
  return `${prefix}-${kind}`;
}
