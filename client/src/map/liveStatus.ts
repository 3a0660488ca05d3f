/**
 * Live status changes applied to the map's loaded layers (pure of React; the hook is useLiveCameras).
 *
 * A change updates the camera's features where they are: the CAMERAS point and the VIEW_SECTORS
 * polygon get a new `properties` object with the new status. The Leaflet layers hold those same
 * feature objects, so restyling them (PointFeatureLayer, ViewSectorsLayer) shows the change without
 * rebuilding the layers or asking the server again.
 */
import type { CameraStatus, LayerData, MapLayer } from '../types';

/** The newest known status of each camera that changed (by camera id). */
export type StatusById = ReadonlyMap<number, CameraStatus>;

export interface Applied {
  /** Layers whose features changed (to re-publish). */
  kinds: MapLayer[];
  /** Cameras whose status changed on the map. */
  changed: number[];
  /** Cameras of the changes that the loaded CAMERAS layer does not have (new ones: reload it). */
  unknown: number[];
}

const KINDS = ['CAMERAS', 'VIEW_SECTORS'] as const;

/** Sets each camera's status on its loaded point and sector, in place. */
export function applyStatusChanges(data: Partial<LayerData>, statuses: StatusById): Applied {
  const kinds: MapLayer[] = [];
  const changed = new Set<number>();
  const found = new Set<number>();
  for (const kind of KINDS) {
    const features = data[kind]?.features;
    if (!features) continue;
    let touched = false;
    for (const f of features) {
      const status = statuses.get(f.properties.id);
      if (status === undefined) continue;
      if (kind === 'CAMERAS') found.add(f.properties.id);
      if (f.properties.status === status) continue;
      f.properties = { ...f.properties, status } as typeof f.properties;
      touched = true;
      changed.add(f.properties.id);
    }
    if (touched) kinds.push(kind);
  }
  const unknown = data.CAMERAS ? [...statuses.keys()].filter((id) => !found.has(id)) : [];
  return { kinds, changed: [...changed], unknown };
}

/**
 * Collects changes and lets them out after a quiet spell: `push` each change, and `flush` is
 * called `waitMs` after the last one (at most `maxWaitMs` after the first), with everything since.
 */
export function debounce<T>(flush: (items: T[]) => void, waitMs: number, maxWaitMs: number) {
  let items: T[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let first = 0;
  const run = () => {
    timer = undefined;
    const out = items;
    items = [];
    if (out.length) flush(out);
  };
  return {
    push(item: T) {
      if (items.length === 0) first = Date.now();
      items.push(item);
      if (timer) clearTimeout(timer);
      timer = setTimeout(run, Math.max(0, Math.min(waitMs, first + maxWaitMs - Date.now())));
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      items = [];
    },
  };
}
