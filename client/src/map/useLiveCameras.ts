/**
 * Keeps the open map's cameras current: subscribes to camera status changes (api/live.ts) while the
 * map is mounted, restyles the changed cameras in place (applyStatusChanges + `touch`), and a moment
 * after a burst of changes reloads what coverage depends on (residential groups' coverage, the gaps,
 * the district's figures) and, for a camera the map does not know yet, the cameras themselves.
 * Also keeps the last few changes as notices, and exposes window.__wardwatchLive for browser tests.
 */
import type L from 'leaflet';
import { useEffect, useRef, useState } from 'react';
import { startLiveFeed, type CameraStatusChange, type LiveState } from '../api/live';
import type { CameraStatus, LayerData, MapLayer } from '../types';
import { applyStatusChanges, debounce } from './liveStatus';

/** What coverage follows: reloaded after status changes. */
const COVERAGE_LAYERS: MapLayer[] = ['RESIDENTIAL_GROUPS', 'COVERAGE_GAPS'];
/** Reloaded as well when a change names a camera the map has not loaded (a new registration). */
const CAMERA_LAYERS: MapLayer[] = ['CAMERAS', 'VIEW_SECTORS'];
/** Quiet time after the last change before coverage reloads, and the longest wait in a steady stream. */
const REFRESH_WAIT_MS = 1500;
const REFRESH_MAX_WAIT_MS = 6000;
/** Changes received this recently are applied again to layers that (re)load: their data may predate them. */
const REAPPLY_WINDOW_MS = 20_000;
/** How long a notice stays, and how many show at once. */
export const NOTICE_MS = 10_000;
const MAX_NOTICES = 3;

export interface LiveNotice {
  eventId: number;
  cameraId: number;
  /** the camera's label, or null */
  label: string | null;
  status: CameraStatus;
  previousStatus: CameraStatus | null;
  reason: CameraStatusChange['reason'];
}

export interface LiveCameras {
  state: LiveState;
  notices: LiveNotice[];
  dismiss: (eventId: number) => void;
}

interface Options {
  map: L.Map | null;
  /** the loaded layers (all of the user's scope, not only the chosen ward) */
  data: Partial<LayerData>;
  /** re-publishes layers whose features changed in place (useMapData) */
  touch: (kinds: readonly MapLayer[]) => void;
  /** reloads layers and the district's figures (useMapData) */
  refresh: (kinds: readonly MapLayer[]) => Promise<void>;
}

/** For browser tests: the feed's state and what the map draws for a camera. */
export interface LiveHook {
  state: LiveState;
  /** changes received so far */
  received: number;
  /** The camera's marker as drawn: its status and fill colour, or null if not on the map. */
  markerOf: (cameraId: number) => { status: CameraStatus; fillColor: string | undefined } | null;
}

declare global {
  interface Window {
    __wardwatchLive?: LiveHook;
  }
}

export function useLiveCameras({ map, data, touch, refresh }: Options): LiveCameras {
  const [state, setState] = useState<LiveState>('connecting');
  const [notices, setNotices] = useState<LiveNotice[]>([]);
  const latest = useRef({ data, touch, refresh, map });
  latest.current = { data, touch, refresh, map };
  /** camera id -> the newest change received, and when */
  const recent = useRef(new Map<number, { change: CameraStatusChange; receivedAt: number }>());
  const received = useRef(0);

  useEffect(() => {
    const refresher = debounce<MapLayer>(
      (kinds) => void latest.current.refresh([...new Set([...COVERAGE_LAYERS, ...kinds])]),
      REFRESH_WAIT_MS,
      REFRESH_MAX_WAIT_MS,
    );
    // Changes arriving together are applied together, on the next frame.
    let pending = new Map<number, CameraStatusChange>();
    let frame: ReturnType<typeof setTimeout> | undefined;
    const apply = () => {
      frame = undefined;
      const batch = pending;
      pending = new Map();
      const statuses = new Map([...batch].map(([id, c]) => [id, c.status]));
      const { kinds, unknown } = applyStatusChanges(latest.current.data, statuses);
      if (kinds.length) latest.current.touch(kinds);
      // Coverage follows the cameras' status: reload it once the changes settle (and the cameras, for one not on the map).
      if (kinds.length || unknown.length) refresher.push('COVERAGE_GAPS');
      if (unknown.length) CAMERA_LAYERS.forEach((kind) => refresher.push(kind));
    };
    const stop = startLiveFeed({
      onState: setState,
      onResync: () => {
        // Changes may have been missed while the feed was down: reload the cameras too.
        CAMERA_LAYERS.forEach((kind) => refresher.push(kind));
      },
      onChange: (change) => {
        received.current += 1;
        const known = recent.current.get(change.cameraId);
        if (known && known.change.eventId >= change.eventId) return; // seen, or older than what was applied
        recent.current.set(change.cameraId, { change, receivedAt: Date.now() });
        const queued = pending.get(change.cameraId);
        if (!queued || queued.eventId < change.eventId) pending.set(change.cameraId, change);
        frame ??= setTimeout(apply, 50);
        if (change.reason !== 'SEED' && change.previousStatus !== change.status) {
          const label = latest.current.data.CAMERAS?.features.find((f) => f.properties.id === change.cameraId)?.properties.label ?? null;
          const notice: LiveNotice = { ...change, label };
          setNotices((list) => [notice, ...list.filter((n) => n.cameraId !== change.cameraId)].slice(0, MAX_NOTICES));
          setTimeout(() => setNotices((list) => list.filter((n) => n.eventId !== change.eventId)), NOTICE_MS);
        }
      },
    });
    return () => {
      stop();
      refresher.cancel();
      if (frame) clearTimeout(frame);
    };
  }, []);

  // A layer that (re)loaded may predate the changes of the last moments: apply them again.
  const cameras = data.CAMERAS?.features;
  const sectors = data.VIEW_SECTORS?.features;
  useEffect(() => {
    const since = Date.now() - REAPPLY_WINDOW_MS;
    const statuses = new Map<number, CameraStatus>();
    for (const [id, { change, receivedAt }] of recent.current) if (receivedAt >= since) statuses.set(id, change.status);
    if (statuses.size === 0) return;
    const { kinds } = applyStatusChanges(latest.current.data, statuses);
    if (kinds.length) latest.current.touch(kinds);
  }, [cameras, sectors]);

  useEffect(() => {
    window.__wardwatchLive = {
      state,
      get received() {
        return received.current;
      },
      markerOf: (cameraId) => {
        let found: { status: CameraStatus; fillColor: string | undefined } | null = null;
        latest.current.map?.eachLayer((layer) => {
          const marker = layer as L.CircleMarker & { feature?: { properties?: { id?: number; status?: CameraStatus } } };
          const className = String(marker.options?.className ?? '');
          if (marker.feature?.properties?.id === cameraId && className.includes('ww-camera')) {
            found = { status: marker.feature.properties.status!, fillColor: marker.options.fillColor };
          }
        });
        return found;
      },
    };
    return () => void delete window.__wardwatchLive;
  });

  return { state, notices, dismiss: (eventId) => setNotices((list) => list.filter((n) => n.eventId !== eventId)) };
}
