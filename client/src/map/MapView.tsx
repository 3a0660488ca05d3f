/**
 * The Leaflet map: plain background (no basemap unless /config.json names a tile URL), one shared
 * canvas renderer for the ~2,000 cameras and sectors, click-through panes for the ward fill, the
 * district outline and the selection outline, and the overlay layers through LayerManager.
 */
import type { Feature, Geometry } from 'geojson';
import L from 'leaflet';
import { useMemo, useState } from 'react';
import { MapContainer, ScaleControl, TileLayer, useMap, ZoomControl } from 'react-leaflet';
import { useTranslation } from 'react-i18next';
import type { ClientConfig, LayerData, Selection } from '../types';
import { DISTRICT_PANE, DistrictLayer } from './DistrictLayer';
import { LayerManager } from './LayerManager';
import type { LayerVisibility } from './layerRegistry';
import type { WardDensity } from './layerStats';
import { HIGHLIGHT_PANE, SelectionLayer } from './SelectionLayer';
import { WARD_FILL_PANE } from './layers/WardsLayer';
import { GROUP_FILL_PANE } from './layers/ResidentialGroupsLayer';
import { GAPS_PANE } from './layers/CoverageGapsLayer';
import { CameraPlacementLayer, PLACEMENT_PANE, type PlacementPreview } from './CameraPlacementLayer';
import type { Language } from '../format';

/** Somewhere sensible before the district's bounds arrive (Hà Nội). */
const INITIAL_CENTER: [number, number] = [21.0285, 105.8542];

interface Props {
  config: ClientConfig;
  districtBoundary: Geometry | null;
  data: Partial<LayerData>;
  visibility: LayerVisibility;
  scopeWardId: number | null;
  selection: Selection | null;
  selectionFeatures: Feature[];
  density: WardDensity;
  activeByGroup: Map<number, number> | null;
  onSelect: (selection: Selection) => void;
  onMap: (map: L.Map | null) => void;
  language: Language;
  /** the "add camera" form's placement, when the form is open */
  placement: {
    location: { latitude: number; longitude: number } | null;
    preview: PlacementPreview | null;
    onPlace: (latitude: number, longitude: number) => void;
    onBearing: (bearing: number) => void;
  } | null;
}

export function MapView(props: Props) {
  const { t, i18n } = useTranslation();
  const renderer = useMemo(() => L.canvas({ padding: 0.3, tolerance: 3 }), []);
  const basemap = props.config.tileUrl != null;

  return (
    <div className="ww-map" data-testid="map" role="region" aria-label={t('map.label')}>
      <MapContainer
        ref={props.onMap}
        center={INITIAL_CENTER}
        zoom={13}
        minZoom={10}
        maxZoom={20}
        preferCanvas
        renderer={renderer}
        zoomControl={false}
        zoomSnap={0.25}
        zoomDelta={0.5}
        wheelPxPerZoomLevel={90}
        className="ww-leaflet"
      >
        <Panes />
        {/* Leaflet reads the button titles once: remount on a language switch. */}
        <ZoomControl key={i18n.language} position="topleft" zoomInTitle={t('map.zoomIn')} zoomOutTitle={t('map.zoomOut')} />
        <ScaleControl position="bottomleft" imperial={false} />
        {props.config.tileUrl && (
          <TileLayer url={props.config.tileUrl} attribution={props.config.tileAttribution ?? undefined} maxNativeZoom={19} maxZoom={20} />
        )}
        {props.districtBoundary && <DistrictLayer boundary={props.districtBoundary} />}
        <LayerManager
          data={props.data}
          visibility={props.visibility}
          scopeWardId={props.scopeWardId}
          selection={props.selection}
          density={props.density}
          activeByGroup={props.activeByGroup}
          basemap={basemap}
          language={props.language}
          onSelect={props.onSelect}
        />
        <SelectionLayer features={props.selectionFeatures} />
        <CameraPlacementLayer
          active={props.placement != null}
          location={props.placement?.location ?? null}
          preview={props.placement?.preview ?? null}
          onPlace={props.placement?.onPlace ?? noop}
          onBearing={props.placement?.onBearing ?? noop}
          titles={{ camera: t('register.dragCamera'), bearing: t('register.dragBearing') }}
        />
      </MapContainer>
    </div>
  );
}

const noop = () => undefined;

/** Creates the custom panes before any layer is added (during the first render, once). */
function Panes() {
  const map = useMap();
  useState(() => {
    ensurePane(map, WARD_FILL_PANE, 350, false); // under the canvas (overlayPane, 400)
    ensurePane(map, GROUP_FILL_PANE, 355, false); // the coverage choropleth hides the ward fill
    ensurePane(map, GAPS_PANE, 360, false); // hatched gaps over the choropleth, under the canvas
    ensurePane(map, DISTRICT_PANE, 405, false);
    ensurePane(map, HIGHLIGHT_PANE, 450, false);
    ensurePane(map, PLACEMENT_PANE, 455, false); // the new camera's sector preview
    return true;
  });
  return null;
}

function ensurePane(map: L.Map, name: string, zIndex: number, interactive: boolean): HTMLElement {
  // A passive pane never takes a click: the canvas below it must get them all.
  const pane = map.getPane(name) ?? map.createPane(name);
  pane.style.zIndex = String(zIndex);
  if (!interactive) pane.classList.add('ww-pane-passive');
  return pane;
}
