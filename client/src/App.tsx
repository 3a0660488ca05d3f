/**
 * WardWatch's map page for a signed-in user: a header (with the user and sign-out), a side panel
 * (ward picker, legend with layer switches) and a full-height map with a floating details panel.
 * It shows only what the user's role may use and requests only the layers it may read; a ward
 * chair's map opens on their ward. Signing out unmounts it (Root.tsx), which drops everything it loaded.
 */
import type { Feature } from 'geojson';
import type L from 'leaflet';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCode } from './api/graphql';
import { fetchDistrictCoverage, fetchUncoveredGroups, fetchWardCoverage } from './api/queries';
import { accessOf, homeWardName } from './auth/access';
import { CoverageKey } from './components/CoverageKey';
import { CoveragePanel } from './components/CoveragePanel';
import { DetailsPanel } from './components/DetailsPanel';
import { Header } from './components/Header';
import { Legend, type LayerLoadState } from './components/Legend';
import { LiveStatus } from './components/LiveStatus';
import { RegisterCameraPanel } from './components/RegisterCameraPanel';
import { WardPicker } from './components/WardPicker';
import type { Language } from './format';
import { countByCoverageClass, gapTotal } from './map/coverage';
import { bboxToBounds, containsPoint, featuresBBox, geometryBBox, labelPoint } from './map/geometry';
import { initialVisibility, toggleLayer, type LayerVisibility } from './map/layerRegistry';
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
import { useLiveCameras } from './map/useLiveCameras';
import { initialCameraForm, normaliseBearing, previewOf, type CameraFormValues } from './registration/cameraForm';
import './testHook';
import type { BBox, CurrentUser, LayerData, MapLayer, RegisteredCamera, Selection, Ward } from './types';
import { loadedLayers, useMapData } from './useMapData';
import { useRemote } from './useRemote';

/** What a new camera changes on the map: its point, its sector, its group's coverage and gaps. */
const LAYERS_A_CAMERA_CHANGES: MapLayer[] = ['CAMERAS', 'VIEW_SECTORS', 'RESIDENTIAL_GROUPS', 'COVERAGE_GAPS'];

/** Padding when zooming to an area: the floating details panel covers the map's right side. */
function fitOptions(map: L.Map): L.FitBoundsOptions {
  const detailsWidth = 352;
  const right = map.getSize().x > 2.2 * detailsWidth ? detailsWidth + 24 : 24;
  return { paddingTopLeft: [24, 24], paddingBottomRight: [right, 24] };
}

interface Props {
  user: CurrentUser;
  onLogout: () => void;
  loggingOut: boolean;
  logoutError: string | null;
}

export function App({ user, onLogout, loggingOut, logoutError }: Props) {
  const { t, i18n } = useTranslation();
  const language: Language = (i18n.resolvedLanguage ?? i18n.language) === 'en' ? 'en' : 'vi';
  const access = useMemo(() => accessOf(user), [user]);
  const kinds = access.layers;
  const homeWardId = access.homeWardId;
  const { overview, layers, config, reload, refresh, revision, refreshing, touch } = useMapData(kinds);
  const [map, setMap] = useState<L.Map | null>(null);
  // A ward chair (or a ward's police) sees their ward only: the map opens on it and stays there.
  const [wardId, setWardId] = useState<number | null>(homeWardId);
  const [visibility, setVisibility] = useState<LayerVisibility>(() => initialVisibility(kinds));
  const [selection, setSelection] = useState<Selection | null>(null);
  const [target, setTarget] = useState<number | null>(null);
  /** the "add camera" form's values while it is open */
  const [draft, setDraft] = useState<CameraFormValues | null>(null);

  const district = overview.status === 'ready' ? overview.data.district : null;
  const loaded = useMemo(() => loadedLayers(layers), [layers]);
  // Camera status changes as they happen: restyled in place, coverage reloaded after them.
  const live = useLiveCameras({ map, data: loaded, touch, refresh });
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
  const groupCoverage = useMemo(
    () => (scoped.RESIDENTIAL_GROUPS ? countByCoverageClass(scoped.RESIDENTIAL_GROUPS.features.map((f) => f.properties.coveredPercent)) : null),
    [scoped.RESIDENTIAL_GROUPS],
  );
  const gapArea = useMemo(() => (scoped.COVERAGE_GAPS ? gapTotal(scoped.COVERAGE_GAPS.features) : null), [scoped.COVERAGE_GAPS]);

  // Coverage figures from the server: the district (header), the scope (side panel), the groups short of R8 or a target.
  // (For a ward-bound user the server scopes the district's figure to their ward: no second request.)
  const districtCoverage = useRemote('district', revision, (o) => fetchDistrictCoverage(o));
  const ownScope = wardId == null || wardId === homeWardId;
  const wardCoverage = useRemote(ownScope ? null : `ward-${wardId}`, revision, (o) => fetchWardCoverage(wardId!, o));
  const scopeCoverage = ownScope ? districtCoverage : wardCoverage;
  const uncoveredGroups = useRemote(`uncovered-${wardId ?? ''}-${target ?? ''}`, revision, (o) => fetchUncoveredGroups({ wardId, belowPercent: target }, o));

  const loadStates = useMemo(() => {
    const states: Partial<Record<MapLayer, LayerLoadState>> = {};
    for (const kind of kinds) {
      const s = layers[kind] ?? { status: 'loading' as const };
      states[kind] = s.status === 'error' ? { state: 'error', code: errorCode(s.error) } : { state: s.status };
    }
    return states;
  }, [layers, kinds]);
  const ready = overview.status !== 'loading' && kinds.every((kind) => layers[kind]?.status !== 'loading');
  const failed = overview.status === 'error' || kinds.some((kind) => layers[kind]?.status === 'error');
  const ownWardName = homeWardName(user, wards);

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

  const chooseWard = useCallback(
    (id: number | null) => {
      const next = id ?? homeWardId; // a ward-bound user never leaves their ward
      setWardId(next);
      setSelection(next == null ? null : { kind: 'ward', id: next });
    },
    [homeWardId],
  );

  const pickGroup = useCallback(
    (id: number) => {
      setSelection({ kind: 'residentialGroup', id });
      const bbox = geometryBBox(index.groups.get(id)?.geometry);
      if (map && bbox) map.fitBounds(bboxToBounds(bbox), { ...fitOptions(map), maxZoom: 18 });
    },
    [map, index],
  );

  // Registering a camera: the form's values drive the map's marker and sector preview. A ward chair
  // registers inside their ward only; everyone else inside the district.
  const boundary = homeWardId != null ? (index.wards.get(homeWardId)?.geometry ?? null) : (district?.boundary ?? null);
  const isInside = useMemo(
    () => (boundary ? (longitude: number, latitude: number) => containsPoint(boundary, [longitude, latitude]) : null),
    [boundary],
  );
  const placement = useMemo(
    () =>
      draft == null
        ? null
        : {
            location: draft.location,
            preview: previewOf(draft),
            onPlace: (latitude: number, longitude: number) => setDraft((d) => (d ? { ...d, location: { latitude, longitude } } : d)),
            onBearing: (bearing: number) => setDraft((d) => (d ? { ...d, bearing: String(normaliseBearing(bearing)) } : d)),
          },
    [draft],
  );
  // Escape leaves the form (and the placement) without registering.
  const registering = draft != null;
  useEffect(() => {
    if (!registering) return undefined;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setDraft(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [registering]);

  const onRegistered = useCallback(
    (camera: RegisteredCamera) => {
      setDraft(null);
      setSelection({ kind: 'camera', id: camera.id });
      // Everything that shows the new camera or the coverage it adds reloads in place.
      void refresh(LAYERS_A_CAMERA_CHANGES);
    },
    [refresh],
  );

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

  // The browser-test hook (gone with the map when the user signs out).
  useEffect(() => () => void delete window.__wardwatch, []);
  useEffect(() => {
    if (!map) return;
    window.__wardwatch = {
      map,
      user: { username: user.username, role: user.role, wardId: user.wardId },
      layers: [...kinds],
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
      insidePointOf: (kind, id) => {
        const feature = kind === 'residentialGroup' ? index.groups.get(id) : index.wards.get(id);
        const at = labelPoint(feature?.geometry);
        return at ? { lat: at[0], lng: at[1] } : null;
      },
      groupProperties: (id) => index.groups.get(id)?.properties ?? null,
      revision,
      refreshing: refreshing > 0,
      registering: draft != null,
      draft: draft && { location: draft.location, type: draft.type, bearing: draft.bearing },
    };
  }, [map, user, kinds, counts, visibility, wardId, selection, ready, index, scoped, revision, refreshing, draft]);

  const overviewError = overview.status === 'error' ? errorCode(overview.error) : null;

  return (
    <div className="ww-app" data-testid="app" data-ready={ready} data-language={language}>
      <Header
        districtName={district?.name ?? null}
        loading={overview.status === 'loading'}
        language={language}
        coveredPercent={districtCoverage.data?.coveredPercent ?? null}
        user={user}
        homeWardName={ownWardName}
        onLogout={onLogout}
        loggingOut={loggingOut}
        logoutError={logoutError}
      />
      <div className="ww-body">
        <nav className="ww-panel" aria-label={t('panel.label')} data-testid="side-panel">
          <WardPicker
            wards={wards}
            value={wardId}
            onChange={chooseWard}
            disabled={wards.length === 0}
            lockedWard={homeWardId == null ? null : { id: homeWardId, name: ownWardName }}
          />
          <CoveragePanel
            language={language}
            ward={wardId == null ? null : (wards.find((w) => w.id === wardId) ?? null)}
            wards={wards}
            coverage={scopeCoverage}
            uncovered={uncoveredGroups}
            target={target}
            onTarget={setTarget}
            selectedGroupId={selection?.kind === 'residentialGroup' ? selection.id : null}
            onPick={pickGroup}
          />
          <Legend
            language={language}
            kinds={kinds}
            visibility={visibility}
            onToggle={(kind) => setVisibility((v) => toggleLayer(v, kind))}
            loadStates={loadStates}
            counts={counts}
            cameraStatus={cameraStatus}
            houses={houses}
            groups={groups}
            groupCoverage={groupCoverage}
            gapArea={gapArea}
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
            language={language}
            placement={placement}
          />
          {visibility.RESIDENTIAL_GROUPS && loaded.RESIDENTIAL_GROUPS && <CoverageKey language={language} />}
          <LiveStatus state={live.state} notices={live.notices} onPick={(id) => setSelection({ kind: 'camera', id })} onDismiss={live.dismiss} />
          {access.registerCamera && (
            <div className="ww-map-actions">
              <button
                type="button"
                className={draft ? 'ww-button ww-map-button is-active' : 'ww-button ww-map-button'}
                data-testid="add-camera"
                aria-pressed={draft != null}
                disabled={!ready}
                onClick={() => setDraft((d) => (d ? null : initialCameraForm()))}
              >
                <svg viewBox="0 0 12 12" width="12" height="12" aria-hidden="true">
                  <path d="M6 1v10M1 6h10" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
                </svg>
                {t('map.addCamera')}
              </button>
            </div>
          )}
          {draft && access.registerCamera ? (
            <RegisterCameraPanel
              language={language}
              values={draft}
              onChange={setDraft}
              isInside={isInside}
              area={homeWardId != null ? 'ward' : 'district'}
              onRegistered={onRegistered}
              onCancel={() => setDraft(null)}
            />
          ) : (
            <DetailsPanel
              selection={selection}
              language={language}
              access={access}
              index={index}
              wards={wards}
              data={loaded}
              activeByGroup={activeByGroup}
              camerasByGroup={allByGroup}
              density={density}
              revision={revision}
              onSelect={setSelection}
              onClose={() => setSelection(null)}
              onZoom={zoomTo}
            />
          )}
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

function firstLayerError(states: Partial<Record<MapLayer, LayerLoadState>>): string {
  for (const s of Object.values(states)) {
    if (s?.state === 'error') return s.code;
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
