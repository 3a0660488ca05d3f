/**
 * Loads what the map needs: the district with its wards, the map layers the user's role may read
 * (in parallel, each on its own so one failure does not blank the map; a layer the role may not
 * read is never requested) and the optional basemap configuration.
 *
 * `refresh(kinds)` reloads some layers and the district after a change (a camera registered) while
 * the old data stays on the map, and bumps `revision`, which the coverage figures and the details
 * panel depend on, so everything refetches without a page reload.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchConfig, fetchLayer, fetchOverview, type Overview } from './api/queries';
import { isAbortError } from './api/graphql';
import { MAP_LAYERS, type ClientConfig, type LayerData, type MapLayer } from './types';

export type Loadable<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; error: unknown };

/** The state of each layer the map loads; a layer it does not load (the role may not read it) has none. */
export type LayerStates = { [K in MapLayer]?: Loadable<LayerData[K]> };

const loadingLayers = (kinds: readonly MapLayer[]): LayerStates =>
  Object.fromEntries(kinds.map((kind) => [kind, { status: 'loading' }])) as LayerStates;

export interface MapData {
  overview: Loadable<Overview>;
  layers: LayerStates;
  config: ClientConfig;
  reload: () => void;
  /** Reloads these layers and the district in place; resolves when they are all back (or failed). */
  refresh: (kinds: readonly MapLayer[]) => Promise<void>;
  /** Bumped by every refresh: what shows server figures refetches when it changes. */
  revision: number;
  /** Refreshes still running. */
  refreshing: number;
  /**
   * Re-publishes these layers after their features were changed in place (live status changes): the
   * same features in a new collection, so what counts them recomputes and the map restyles them
   * without rebuilding the layer.
   */
  touch: (kinds: readonly MapLayer[]) => void;
}

/** `kinds`: the layers to load (those the user's role may read), in drawing order. */
export function useMapData(kinds: readonly MapLayer[] = MAP_LAYERS): MapData {
  const [overview, setOverview] = useState<Loadable<Overview>>({ status: 'loading' });
  const [layers, setLayers] = useState<LayerStates>(() => loadingLayers(kinds));
  const [config, setConfig] = useState<ClientConfig>({ tileUrl: null, tileAttribution: null, demo: false });
  const [attempt, setAttempt] = useState(0);
  const kindsKey = kinds.join(',');
  const kindsRef = useRef(kinds);
  kindsRef.current = kinds;

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    const wanted = kindsRef.current;
    setOverview({ status: 'loading' });
    setLayers(loadingLayers(wanted));

    fetchOverview({ signal }).then(
      (data) => setOverview({ status: 'ready', data }),
      (error) => {
        if (!isAbortError(error)) setOverview({ status: 'error', error });
      },
    );
    for (const kind of wanted) {
      fetchLayer<LayerData[typeof kind]>(kind, null, { signal }).then(
        (data) => setLayers((prev) => ({ ...prev, [kind]: { status: 'ready', data: normalise(data) } })),
        (error) => {
          if (!isAbortError(error)) setLayers((prev) => ({ ...prev, [kind]: { status: 'error', error } }));
        },
      );
    }
    fetchConfig({ signal }).then(setConfig);
    return () => controller.abort();
  }, [attempt, kindsKey]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  const [revision, setRevision] = useState(0);
  const [refreshing, setRefreshing] = useState(0);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const refresh = useCallback(async (kinds: readonly MapLayer[]) => {
    setRevision((n) => n + 1);
    setRefreshing((n) => n + 1);
    // A failed refresh keeps what the map showed: stale for a moment beats blank.
    const overviewDone = fetchOverview().then(
      (data) => mounted.current && setOverview({ status: 'ready', data }),
      () => undefined,
    );
    const layersDone = kinds.filter((kind) => kindsRef.current.includes(kind)).map((kind) =>
      fetchLayer<LayerData[typeof kind]>(kind, null).then(
        (data) => mounted.current && setLayers((prev) => ({ ...prev, [kind]: { status: 'ready', data: normalise(data) } })),
        () => undefined,
      ),
    );
    await Promise.all([overviewDone, ...layersDone]);
    if (mounted.current) setRefreshing((n) => n - 1);
  }, []);

  const touch = useCallback((kinds: readonly MapLayer[]) => {
    setLayers((prev) => {
      const next: LayerStates = { ...prev };
      for (const kind of kinds) {
        const state = prev[kind];
        if (state?.status === 'ready') (next as Record<MapLayer, unknown>)[kind] = { status: 'ready', data: { ...state.data } };
      }
      return next;
    });
  }, []);

  return { overview, layers, config, reload, refresh, revision, refreshing, touch };
}

/** A FeatureCollection with an empty or missing feature list is still a FeatureCollection. */
function normalise<T extends { features?: unknown[] | null }>(data: T): T {
  return { ...data, type: 'FeatureCollection', features: data?.features ?? [] } as T;
}

/** The loaded layers only. */
export function loadedLayers(layers: LayerStates): Partial<LayerData> {
  const loaded: Partial<LayerData> = {};
  for (const kind of MAP_LAYERS) {
    const state = layers[kind];
    if (state?.status === 'ready') (loaded as Record<MapLayer, unknown>)[kind] = state.data;
  }
  return loaded;
}
