/**
 * window.__wardwatch: a small read-only window into the map for browser tests. With the canvas
 * renderer there are no DOM paths to click, so a test projects a feature to a container point
 * (relative to [data-testid="map"]) and clicks there.
 */
import type L from 'leaflet';
import type { LayerVisibility } from './map/layerRegistry';
import type { CameraType, GroupProps, MapLayer, Role, Selection } from './types';

export interface WardWatchHook {
  map: L.Map;
  /** who is signed in */
  user: { username: string; role: Role; wardId: number | null };
  /** the layers the user's role may read (the only ones requested) */
  layers: MapLayer[];
  /** features per layer in the current scope (null while a layer loads) */
  counts: Record<MapLayer, number | null>;
  visibility: LayerVisibility;
  /** the ward the layers are scoped to, null for the whole district */
  wardId: number | null;
  selection: Selection | null;
  /** true once the district, the wards and every layer the role may read have loaded (or failed) */
  ready: boolean;
  /** A camera's or rental house's position as a point in the map container, or null if unknown. */
  containerPointOf: (kind: 'camera' | 'rentalHouse', id: number) => { x: number; y: number } | null;
  /** Ids of the features drawn in a layer for the current scope. */
  featureIds: (kind: MapLayer) => number[];
  /** A point well inside a residential group or a ward (its pole of inaccessibility), or null. */
  insidePointOf: (kind: 'residentialGroup' | 'ward', id: number) => { lat: number; lng: number } | null;
  /** A residential group's properties in the loaded RESIDENTIAL_GROUPS layer (coveredPercent, ...). */
  groupProperties: (id: number) => GroupProps | null;
  /** bumped after every in-place refresh (a camera registered) */
  revision: number;
  /** layers are being reloaded in place */
  refreshing: boolean;
  /** the "add camera" form is open */
  registering: boolean;
  draft: { location: { latitude: number; longitude: number } | null; type: CameraType; bearing: string } | null;
}

declare global {
  interface Window {
    __wardwatch?: WardWatchHook;
  }
}
