/**
 * WardWatch's map page: a header, a side panel (ward picker, legend with layer switches) and a
 * full-height map with a floating details panel.
 */
import type { Feature } from 'geojson';
import type L from 'leaflet';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCode } from './api/graphql';
import { DetailsPanel } from './components/DetailsPanel';
import { Header } from './components/Header';
import { Legend, type LayerLoadState } from './components/Legend';
import { WardPicker } from './components/WardPicker';
import type { Language } from './format';
import { bboxToBounds, featuresBBox, geometryBBox } from './map/geometry';
import { DEFAULT_VISIBILITY, toggleLayer, type LayerVisibility } from './map/layerRegistry';
import {
  activeCamerasByGroup,
  camerasByGroup,
  countByStatus,
  indexLayers,
  layerCounts,
  rentalHouseCounts,
  scopeLayers,
  uncoveredGroupCount,
  wardDensity,
  wardSummary,
} from './map/layerStats';
import { MapView } from './map/MapView';
import './testHook';
import { MAP_LAYERS, type BBox, type LayerData, type MapLayer, type Selection, type Ward } from './types';
import { loadedLayers, useMapData } from './useMapData';

/** Padding when zooming to an area: the floating details panel covers the map's right side. */
function fitOptions(map: L.Map): L.FitBoundsOptions {
  const detailsWidth = 352;
  const right = map.getSize().x > 2.2 * detailsWidth ? detailsWidth + 24 : 24;
  return { paddingTopLeft: [24, 24], paddingBottomRight: [right, 24] };
}

export function App() {
  const { t, i18n } = useTranslation();
  const language: Language = (i18n.resolvedLanguage ?? i18n.language) === 'en' ? 'en' : 'vi';
  const { overview, layers, config, reload } = useMapData();
  const [map, setMap] = useState<L.Map | null>(null);
  const [wardId, setWardId] = useState<number | null>(null);
  const [visibility, setVisibility] = useState<LayerVisibility>(DEFAULT_VISIBILITY);
  const [selection, setSelection] = useState<Selection | null>(null);

  const district = overview.status === 'ready' ? overview.data.district : null;
  const loaded = useMemo(() => loadedLayers(layers), [layers]);
  // The ward list comes with the district; if that query failed, the WARDS layer still names them.
  const wards = useMemo(() => (overview.status === 'ready' ? overview.data.wards : wardsFromLayer(loaded)), [overview, loaded]);
  const scoped = useMemo(() => scopeLayers(loaded, wardId), [loaded, wardId]);
  const counts = useMemo(() => layerCounts(scoped), [scoped]);
  const index = useMemo(() => indexLayers(loaded), [loaded]);
  const activeByGroup = useMemo(() => (loaded.CAMERAS ? activeCamerasByGroup(loaded.CAMERAS.features) : null), [loaded.CAMERAS]);
  const allByGroup = useMemo(() => (loaded.CAMERAS ? camerasByGroup(loaded.CAMERAS.features) : null), [loaded.CAMERAS]);
  const density = useMemo(() => wardDensity(loaded.WARDS?.features ?? []), [loaded.WARDS]);

  const cameraStatus = useMemo(() => (scoped.CAMERAS ? countByStatus(scoped.CAMERAS.features) : null), [scoped.CAMERAS]);
  const houses = useMemo(() => (scoped.RENTAL_HOUSES ? rentalHouseCounts(scoped.RENTAL_HOUSES.features) : null), [scoped.RENTAL_HOUSES]);
  const groups = useMemo(() => {
    if (!scoped.RESIDENTIAL_GROUPS) return null;
    const uncovered = uncoveredGroupCount(scoped.RESIDENTIAL_GROUPS.features, activeByGroup);
    return uncovered == null ? null : { uncovered, covered: scoped.RESIDENTIAL_GROUPS.features.length - uncovered };
  }, [scoped.RESIDENTIAL_GROUPS, activeByGroup]);

  const loadStates = useMemo(() => {
    const states = {} as Record<MapLayer, LayerLoadState>;
    for (const kind of MAP_LAYERS) {
      const s = layers[kind];
      states[kind] = s.status === 'error' ? { state: 'error', code: errorCode(s.error) } : { state: s.status };
    }
    return states;
  }, [layers]);
  const ready = overview.status !== 'loading' && MAP_LAYERS.every((kind) => layers[kind].status !== 'loading');
  const failed = overview.status === 'error' || MAP_LAYERS.some((kind) => layers[kind].status === 'error');

  // Zoom to the chosen ward, or to the whole district.
  const scopeBBox: BBox | null = useMemo(() => {
    if (wardId != null) {
      const ward = wards.find((w) => w.id === wardId);
      if (ward) return ward.bbox;
      return geometryBBox(index.wards.get(wardId)?.geometry);
    }
    return district?.bbox ?? geometryBBox(district?.boundary) ?? featuresBBox(loaded.WARDS?.features ?? []);
  }, [wardId, wards, index, district, loaded.WARDS]);
  const scopeKey = scopeBBox?.join(',');
  useEffect(() => {
    if (map && scopeBBox) {
      map.invalidateSize();
      map.fitBounds(bboxToBounds(scopeBBox), { ...fitOptions(map), animate: false });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, scopeKey]);

  const chooseWard = useCallback((id: number | null) => {
    setWardId(id);
    setSelection(id == null ? null : { kind: 'ward', id });
  }, []);

  const zoomTo = useCallback(
    (target: { bbox: BBox } | { point: [number, number] }) => {
      if (!map) return;
      if ('bbox' in target) map.fitBounds(bboxToBounds(target.bbox), { ...fitOptions(map), maxZoom: 18 });
      else map.setView(target.point, Math.max(map.getZoom(), 18));
    },
    [map],
  );

  // What the selection outline draws: the feature, plus a camera's view sector.
  const selectionFeatures = useMemo(() => {
    if (!selection) return [];
    const found: Array<Feature | undefined> =
      selection.kind === 'camera'
        ? [index.sectors.get(selection.id), index.cameras.get(selection.id)]
        : selection.kind === 'rentalHouse'
          ? [index.houses.get(selection.id)]
          : selection.kind === 'residentialGroup'
            ? [index.groups.get(selection.id)]
            : [index.wards.get(selection.id)];
    return found.filter((f): f is Feature => f != null);
  }, [selection, index]);

  // The browser-test hook.
  useEffect(() => {
    if (!map) return;
    window.__wardwatch = {
      map,
      counts,
      visibility,
      wardId,
      selection,
      ready,
      containerPointOf: (kind, id) => {
        const feature = kind === 'camera' ? index.cameras.get(id) : index.houses.get(id);
        if (!feature) return null;
        const [lng, lat] = feature.geometry.coordinates;
        const p = map.latLngToContainerPoint([lat, lng]);
        return { x: p.x, y: p.y };
      },
      featureIds: (kind) => (scoped[kind]?.features ?? []).map((f) => f.properties.id),
    };
  }, [map, counts, visibility, wardId, selection, ready, index, scoped]);

  const overviewError = overview.status === 'error' ? errorCode(overview.error) : null;

  return (
    <div className="ww-app" data-testid="app" data-ready={ready} data-language={language}>
      <Header districtName={district?.name ?? null} loading={overview.status === 'loading'} />
      <div className="ww-body">
        <nav className="ww-panel" aria-label={t('panel.label')} data-testid="side-panel">
          <WardPicker wards={wards} value={wardId} onChange={chooseWard} disabled={wards.length === 0} />
          <Legend
            language={language}
            visibility={visibility}
            onToggle={(kind) => setVisibility((v) => toggleLayer(v, kind))}
            loadStates={loadStates}
            counts={counts}
            cameraStatus={cameraStatus}
            houses={houses}
            groups={groups}
            densityBreaks={density.breaks}
          />
        </nav>
        <main className="ww-map-area">
          <MapView
            config={config}
            districtBoundary={district?.boundary ?? null}
            data={scoped}
            visibility={visibility}
            scopeWardId={wardId}
            selection={selection}
            selectionFeatures={selectionFeatures}
            density={density}
            activeByGroup={activeByGroup}
            onSelect={setSelection}
            onMap={setMap}
          />
          <DetailsPanel
            selection={selection}
            language={language}
            index={index}
            wards={wards}
            data={loaded}
            activeByGroup={activeByGroup}
            camerasByGroup={allByGroup}
            density={density}
            onSelect={setSelection}
            onClose={() => setSelection(null)}
            onZoom={zoomTo}
          />
          {!ready && (
            <div className="ww-loading" role="status" data-testid="map-loading">
              <span className="ww-spinner" aria-hidden="true" /> {t('map.loading')}
            </div>
          )}
          {ready && failed && (
            <div className="ww-banner" role="alert" data-testid="load-error">
              <strong>{t('errors.title')}</strong>
              <span>
                {t(`errors.${overviewError ?? firstLayerError(loadStates)}`, { defaultValue: t('errors.UNKNOWN_ERROR') })}
              </span>
              <button type="button" className="ww-button" onClick={reload}>
                {t('errors.retry')}
              </button>
            </div>
          )}
        </main>
      </div>
    </div>
  );
}

function firstLayerError(states: Record<MapLayer, LayerLoadState>): string {
  for (const kind of MAP_LAYERS) {
    const s = states[kind];
    if (s.state === 'error') return s.code;
  }
  return 'UNKNOWN_ERROR';
}

/** Ward records from the WARDS layer alone (no chair contact, counts from the layer). */
function wardsFromLayer(data: Partial<LayerData>): Ward[] {
  return (data.WARDS?.features ?? []).map((f) => {
    const summary = wardSummary(f.properties.id, data);
    return {
    id: f.properties.id,
    code: f.properties.code,
    name: f.properties.name,
    chairName: f.properties.chairName,
    chairPhone: null,
    chairEmail: null,
    bbox: geometryBBox(f.geometry) ?? [0, 0, 0, 0],
    cameraCount: f.properties.cameraCount,
    rentalHouseCount: summary.rentalHouses ?? 0,
    residentialGroupCount: summary.groups ?? 0,
    };
  });
}
