/**
 * The public registration page's map: the wards' outlines and names on a plain background (a
 * basemap when /config.json names one), and the ward chair's placement layer (click to place, drag
 * the camera to move it, drag the handle to turn it) reused as it is. The wards are not clickable:
 * every click places the camera.
 */
import L from 'leaflet';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { MapContainer, ScaleControl, TileLayer, useMap, useMapEvents, ZoomControl } from 'react-leaflet';
import { useTranslation } from 'react-i18next';
import type { RegistrationArea } from '../api/registrations';
import { CameraPlacementLayer, PLACEMENT_PANE, type PlacementPreview } from '../map/CameraPlacementLayer';
import { viewSector } from '../../../shared/geo/view-sector';
import { placeLabels } from '../map/declutter';
import { areaKm2, bboxToBounds, labelPoint } from '../map/geometry';
import type { ClientConfig } from '../types';

const WARD_PANE = 'ww-register-wards';
const LABEL_PANE = 'ww-register-labels';
/** Placing the camera zooms in this far (if the map is further out), so its view and handle can be seen. */
const PLACE_ZOOM = 18;
const WARD_STYLE: L.PathOptions = { color: '#334155', weight: 1.4, opacity: 0.8, fillColor: '#ffffff', fillOpacity: 0.55, interactive: false };
const CHOSEN_STYLE: L.PathOptions = { color: '#0b7285', weight: 2.5, opacity: 1, fillColor: '#e3f4f7', fillOpacity: 0.7, interactive: false };

/** What the browser tests read (window.__wardwatchRegister). */
export interface RegisterMapHook {
  map: L.Map;
  /** a point well inside the ward with this code */
  insidePointOf: (code: string) => { lat: number; lng: number } | null;
  containerPointOf: (lat: number, lng: number) => { x: number; y: number };
}

declare global {
  interface Window {
    __wardwatchRegister?: RegisterMapHook;
  }
}

interface Props {
  config: ClientConfig;
  area: RegistrationArea | null;
  /** the code of the ward holding the camera (highlighted) */
  chosenWard: string | null;
  location: { latitude: number; longitude: number } | null;
  preview: PlacementPreview | null;
  onPlace: (latitude: number, longitude: number) => void;
  onBearing: (bearing: number) => void;
  /** false once submitted: the map only shows */
  active: boolean;
}

export function RegistrationMap({ config, area, chosenWard, location, preview, onPlace, onBearing, active }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <div className="ww-selfreg-map" data-testid="selfreg-map" role="region" aria-label={t('selfRegister.mapLabel')}>
      <MapContainer center={[16.05, 108.2]} zoom={14} minZoom={10} maxZoom={20} zoomControl={false} zoomSnap={0.25} className="ww-leaflet">
        <Panes />
        <ZoomControl key={i18n.language} position="topleft" zoomInTitle={t('map.zoomIn')} zoomOutTitle={t('map.zoomOut')} />
        <ScaleControl position="bottomleft" imperial={false} />
        {config.tileUrl && <TileLayer url={config.tileUrl} attribution={config.tileAttribution ?? undefined} maxNativeZoom={19} maxZoom={20} />}
        {area && <Wards area={area} chosen={chosenWard} />}
        <ZoomToPlacement location={location} />
        {!active && preview && <SentCamera camera={preview} />}
        <CameraPlacementLayer
          active={active}
          location={location}
          preview={preview}
          onPlace={onPlace}
          onBearing={onBearing}
          titles={{ camera: t('register.dragCamera'), bearing: t('register.dragBearing') }}
        />
        {area && <TestHook area={area} />}
      </MapContainer>
    </div>
  );
}

function Panes() {
  const map = useMap();
  useState(() => {
    for (const [name, z] of [[WARD_PANE, 350], [LABEL_PANE, 352], [PLACEMENT_PANE, 455]] as const) {
      const pane = map.getPane(name) ?? map.createPane(name);
      pane.style.zIndex = String(z);
      pane.classList.add('ww-pane-passive');
    }
    return true;
  });
  return null;
}

/** The outlines, a label per ward (the chosen ward's first, then the larger ones; one that overlaps is hidden), and the view fitted to them once they arrive. */
function Wards({ area, chosen }: { area: RegistrationArea; chosen: string | null }) {
  const map = useMap();
  const renderer = useMemo(() => L.svg({ pane: WARD_PANE, padding: 0.5 }), []);
  const labels = useRef<Array<{ marker: L.Marker; priority: number }>>([]);
  const declutter = useCallback(() => {
    const ordered = [...labels.current].sort((a, b) => b.priority - a.priority);
    const elements = ordered.map((l) => l.marker.getElement() ?? null);
    const boxes = elements.map((el) => {
      const r = (el?.firstElementChild as HTMLElement | null)?.getBoundingClientRect();
      return r ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom } : { left: 0, top: 0, right: 0, bottom: 0 };
    });
    const placed = placeLabels(boxes, 3, map.getContainer().getBoundingClientRect(), [0]);
    elements.forEach((el, i) => el?.classList.toggle('is-hidden', !placed.has(i)));
  }, [map]);
  useMapEvents({ zoomend: declutter, moveend: declutter, resize: declutter });
  useEffect(() => {
    const outlines = area.wards.map((w) => {
      const style = w.code === chosen ? CHOSEN_STYLE : WARD_STYLE;
      const options = { ...style, renderer, pane: WARD_PANE };
      return L.geoJSON(w.boundary, { ...options, style: () => options } as L.GeoJSONOptions).addTo(map);
    });
    labels.current = area.wards.flatMap((w) => {
      const at = labelPoint(w.boundary);
      if (!at) return [];
      const marker = L.marker(at, {
        interactive: false,
        keyboard: false,
        pane: LABEL_PANE,
        icon: L.divIcon({ className: w.code === chosen ? 'ww-selfreg-ward-label is-chosen' : 'ww-selfreg-ward-label', html: escapeText(w.name), iconSize: [0, 0] }),
      }).addTo(map);
      return [{ marker, priority: (w.code === chosen ? 1e9 : 0) + areaKm2(w.boundary) }];
    });
    const frame = requestAnimationFrame(declutter);
    return () => {
      cancelAnimationFrame(frame);
      for (const layer of outlines) layer.remove();
      for (const l of labels.current) l.marker.remove();
      labels.current = [];
    };
  }, [map, renderer, area, chosen, declutter]);
  const bboxKey = area.bbox?.join(',');
  useEffect(() => {
    if (area.bbox) map.fitBounds(bboxToBounds(area.bbox), { padding: [12, 12], animate: false });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, bboxKey]);
  return null;
}

/** The camera as it was sent (the placement handles are gone): its point and its view. */
function SentCamera({ camera }: { camera: PlacementPreview }) {
  const map = useMap();
  const { latitude, longitude, bearing, fieldOfView, rangeMeters } = camera;
  useEffect(() => {
    const renderer = L.svg({ pane: PLACEMENT_PANE, padding: 0.5 });
    const sector = L.geoJSON(viewSector(longitude, latitude, bearing, fieldOfView, rangeMeters), {
      style: () => ({ color: '#0b7285', weight: 2, opacity: 0.95, fillColor: '#22b8cf', fillOpacity: 0.35, interactive: false, renderer, className: 'ww-sent-sector' }),
    } as L.GeoJSONOptions).addTo(map);
    const point = L.circleMarker([latitude, longitude], { radius: 7, color: '#ffffff', weight: 3, fillColor: '#0b7285', fillOpacity: 1, interactive: false, renderer, pane: PLACEMENT_PANE }).addTo(map);
    return () => {
      sector.remove();
      point.remove();
      renderer.remove();
    };
  }, [map, latitude, longitude, bearing, fieldOfView, rangeMeters]);
  return null;
}

/** The first placement zooms in on the camera (later moves and drags leave the view as it is). */
function ZoomToPlacement({ location }: { location: { latitude: number; longitude: number } | null }) {
  const map = useMap();
  const placed = location != null;
  useEffect(() => {
    if (location && map.getZoom() < PLACE_ZOOM) map.setView([location.latitude, location.longitude], PLACE_ZOOM, { animate: false });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, placed]);
  return null;
}

function TestHook({ area }: { area: RegistrationArea }) {
  const map = useMap();
  useEffect(() => {
    window.__wardwatchRegister = {
      map,
      insidePointOf: (code) => {
        const at = labelPoint(area.wards.find((w) => w.code === code)?.boundary);
        return at ? { lat: at[0], lng: at[1] } : null;
      },
      containerPointOf: (lat, lng) => {
        const p = map.latLngToContainerPoint([lat, lng]);
        return { x: p.x, y: p.y };
      },
    };
    return () => {
      delete window.__wardwatchRegister;
    };
  }, [map, area]);
  return null;
}

function escapeText(text: string): string {
  const span = document.createElement('span');
  span.textContent = text;
  return span.outerHTML;
}
