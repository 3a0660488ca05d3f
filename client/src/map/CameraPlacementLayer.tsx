/**
 * Placing a new camera on the map while the "add camera" form is open:
 * - a click anywhere on the map (not on a control) puts the camera there, instead of selecting what
 *   is under the pointer;
 * - the camera marker can be dragged; a camera that looks one way (field of view under 360°) also
 *   gets a handle to drag round it, which sets the bearing;
 * - the view sector is previewed live with the shared `viewSector` (the shape the server will store).
 * Leaflet objects are managed here directly: a drag redraws the preview without re-rendering React,
 * and reports the new location or bearing when it ends (the bearing also once per frame during it).
 */
import L from 'leaflet';
import { useEffect, useMemo, useRef } from 'react';
import { useMap, useMapEvents } from 'react-leaflet';
import { viewSector } from '../../../shared/geo/view-sector';
import { hasDirection, normaliseBearing } from '../registration/cameraForm';
import { bearingBetween, destinationPoint, type LatLngTuple } from './geometry';

export const PLACEMENT_PANE = 'ww-placement';

export interface PlacementPreview {
  latitude: number;
  longitude: number;
  bearing: number;
  fieldOfView: number;
  rangeMeters: number;
}

interface Props {
  active: boolean;
  /** where the camera is (null until the user clicks the map) */
  location: { latitude: number; longitude: number } | null;
  /** what to draw; null while the form's numbers are incomplete (the marker still shows) */
  preview: PlacementPreview | null;
  onPlace: (latitude: number, longitude: number) => void;
  onBearing: (bearing: number) => void;
  /** tooltips of the marker and of the bearing handle */
  titles: { camera: string; bearing: string };
}

const SECTOR_STYLE: L.PathOptions = {
  color: '#0b7285',
  weight: 2,
  opacity: 0.95,
  dashArray: '6 4',
  fillColor: '#22b8cf',
  fillOpacity: 0.3,
  interactive: false,
  className: 'ww-placement-sector',
};
const ARM_STYLE: L.PolylineOptions = { color: '#0b7285', weight: 1.5, opacity: 0.9, dashArray: '2 4', interactive: false };

/** The bearing handle sits at the range, but never closer than this to the camera on screen. */
const HANDLE_MIN_PX = 44;

function icon(className: string, title: string): L.DivIcon {
  const span = document.createElement('span');
  span.className = className;
  span.title = title;
  return L.divIcon({ className: 'ww-placement-handle', html: span, iconSize: [0, 0], iconAnchor: [0, 0] });
}

export function CameraPlacementLayer({ active, location, preview, onPlace, onBearing, titles }: Props) {
  const map = useMap();
  const callbacks = useRef({ onPlace, onBearing });
  callbacks.current = { onPlace, onBearing };
  const renderer = useMemo(() => L.svg({ pane: PLACEMENT_PANE, padding: 0.5 }), []);
  const previewRef = useRef(preview);
  previewRef.current = preview;

  // A click on the map places the camera (capture phase: nothing below gets the click).
  useEffect(() => {
    if (!active) return undefined;
    const container = map.getContainer();
    container.classList.add('ww-placing');
    const onClick = (e: MouseEvent) => {
      const target = e.target as Element | null;
      if (target?.closest('.leaflet-control, .ww-placement-handle, .ww-map-actions')) return;
      if ((map.dragging as (L.Handler & { moved?: () => boolean }) | undefined)?.moved?.()) return; // the end of a pan, not a click
      e.stopPropagation();
      e.preventDefault();
      const at = map.mouseEventToLatLng(e);
      callbacks.current.onPlace(at.lat, at.lng);
    };
    container.addEventListener('click', onClick, true);
    return () => {
      container.removeEventListener('click', onClick, true);
      container.classList.remove('ww-placing');
    };
  }, [active, map]);

  // The marker, the bearing handle, the sector and the arm between camera and handle.
  const parts = useRef<{ marker: L.Marker; handle: L.Marker; sector: L.GeoJSON; arm: L.Polyline } | null>(null);

  const handleDistance = (rangeMeters: number): number => {
    const centre = map.getSize().divideBy(2);
    const px = map.distance(map.containerPointToLatLng(centre), map.containerPointToLatLng(centre.add([HANDLE_MIN_PX, 0])));
    return Math.max(rangeMeters, px);
  };

  /** true while the user drags the bearing handle: the form's echo must not move it under the pointer */
  const turning = useRef(false);

  /** Redraws everything for a location and bearing (during a drag, the dragged values). */
  const draw = (at: LatLngTuple, bearing: number, moveHandle = !turning.current) => {
    const p = parts.current;
    if (!p) return;
    const current = previewRef.current;
    p.sector.clearLayers();
    const directed = current != null && hasDirection(current.fieldOfView);
    if (current) p.sector.addData(viewSector(at[1], at[0], bearing, current.fieldOfView, current.rangeMeters));
    if (directed) {
      const tip = destinationPoint(at, bearing, handleDistance(current.rangeMeters));
      if (moveHandle) p.handle.setLatLng(tip);
      p.arm.setLatLngs([at, moveHandle ? tip : p.handle.getLatLng()]);
      if (!map.hasLayer(p.handle)) p.handle.addTo(map);
      if (!map.hasLayer(p.arm)) p.arm.addTo(map);
    } else {
      p.handle.remove();
      p.arm.remove();
    }
  };
  const drawRef = useRef(draw);
  drawRef.current = draw;

  useEffect(() => {
    if (!active || !location) return undefined;
    const at: LatLngTuple = [location.latitude, location.longitude];
    const marker = L.marker(at, { draggable: true, keyboard: false, zIndexOffset: 1000, icon: icon('ww-place-camera', titles.camera) });
    const handle = L.marker(at, { draggable: true, keyboard: false, zIndexOffset: 1001, icon: icon('ww-place-bearing', titles.bearing) });
    const sector = L.geoJSON(undefined, { ...SECTOR_STYLE, renderer, pane: PLACEMENT_PANE, style: () => SECTOR_STYLE } as L.GeoJSONOptions);
    const arm = L.polyline([at, at], { ...ARM_STYLE, renderer, pane: PLACEMENT_PANE } as L.PolylineOptions);
    sector.addTo(map);
    marker.addTo(map);
    parts.current = { marker, handle, sector, arm };

    let frame = 0;
    marker.on('drag', () => {
      const ll = marker.getLatLng();
      drawRef.current([ll.lat, ll.lng], previewRef.current?.bearing ?? 0);
    });
    marker.on('dragend', () => {
      const ll = marker.getLatLng();
      callbacks.current.onPlace(ll.lat, ll.lng);
    });
    const bearingOf = () => {
      const from = marker.getLatLng();
      const to = handle.getLatLng();
      return bearingBetween([from.lat, from.lng], [to.lat, to.lng]);
    };
    handle.on('dragstart', () => {
      turning.current = true;
    });
    handle.on('drag', () => {
      const from = marker.getLatLng();
      const bearing = bearingOf();
      drawRef.current([from.lat, from.lng], bearing, false);
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => callbacks.current.onBearing(normaliseBearing(bearing)));
    });
    handle.on('dragend', () => {
      turning.current = false;
      cancelAnimationFrame(frame);
      const from = marker.getLatLng();
      const bearing = normaliseBearing(bearingOf());
      callbacks.current.onBearing(bearing);
      drawRef.current([from.lat, from.lng], bearing);
    });
    return () => {
      cancelAnimationFrame(frame);
      turning.current = false;
      for (const layer of [marker, handle, sector, arm]) layer.remove();
      parts.current = null;
    };
    // Created once per placement; later moves go through setLatLng below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active, location == null, map, renderer]);

  // Follow the form: a new location, bearing, type, field of view or range.
  useEffect(() => {
    const p = parts.current;
    if (!p || !location) return;
    const at: LatLngTuple = [location.latitude, location.longitude];
    p.marker.setLatLng(at);
    draw(at, preview?.bearing ?? 0);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [location?.latitude, location?.longitude, preview?.bearing, preview?.fieldOfView, preview?.rangeMeters, preview == null]);

  // The handle keeps its distance on screen when the zoom changes.
  useMapEvents({
    zoomend: () => {
      const p = parts.current;
      if (!p || !location) return;
      draw([location.latitude, location.longitude], preview?.bearing ?? 0);
    },
  });

  return null;
}
