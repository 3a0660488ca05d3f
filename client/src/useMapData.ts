/**
 * Loads what the map needs: the district with its wards, the five layers (in parallel, each on its
 * own so one failure does not blank the map) and the optional basemap configuration.
 */
import { useCallback, useEffect, useState } from 'react';
import { fetchConfig, fetchLayer, fetchOverview, type Overview } from './api/queries';
import { isAbortError } from './api/graphql';
import { MAP_LAYERS, type ClientConfig, type LayerData, type MapLayer } from './types';

export type Loadable<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; error: unknown };

export type LayerStates = { [K in MapLayer]: Loadable<LayerData[K]> };

const loadingLayers = (): LayerStates =>
  Object.fromEntries(MAP_LAYERS.map((kind) => [kind, { status: 'loading' }])) as LayerStates;

export interface MapData {
  overview: Loadable<Overview>;
  layers: LayerStates;
  config: ClientConfig;
  reload: () => void;
}

export function useMapData(): MapData {
  const [overview, setOverview] = useState<Loadable<Overview>>({ status: 'loading' });
  const [layers, setLayers] = useState<LayerStates>(loadingLayers);
  const [config, setConfig] = useState<ClientConfig>({ tileUrl: null, tileAttribution: null });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    setOverview({ status: 'loading' });
    setLayers(loadingLayers());

    fetchOverview({ signal }).then(
      (data) => setOverview({ status: 'ready', data }),
      (error) => {
        if (!isAbortError(error)) setOverview({ status: 'error', error });
      },
    );
    for (const kind of MAP_LAYERS) {
      fetchLayer<LayerData[typeof kind]>(kind, null, { signal }).then(
        (data) => setLayers((prev) => ({ ...prev, [kind]: { status: 'ready', data: normalise(data) } })),
        (error) => {
          if (!isAbortError(error)) setLayers((prev) => ({ ...prev, [kind]: { status: 'error', error } }));
        },
      );
    }
    fetchConfig({ signal }).then(setConfig);
    return () => controller.abort();
  }, [attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { overview, layers, config, reload };
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
    if (state.status === 'ready') (loaded as Record<MapLayer, unknown>)[kind] = state.data;
  }
  return loaded;
}
