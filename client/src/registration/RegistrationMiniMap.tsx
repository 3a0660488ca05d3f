/**
 * The review's mini-map: where the owner put the camera, inside its ward's outline, with the view
 * sector it would have (the shared viewSector, the shape the server will store). When the reviewer
 * turns the camera, the owner's sector stays as a dashed outline under the new one.
 */
import type { Geometry } from 'geojson';
import L from 'leaflet';
import { useEffect, useMemo } from 'react';
import { MapContainer, ScaleControl, useMap } from 'react-leaflet';
import { viewSector } from '../../../shared/geo/view-sector';

interface Props {
  latitude: number;
  longitude: number;
  /** the owner's bearing */
  bearing: number;
  /** the bearing the reviewer settles on (equal to `bearing` unless turned) */
  adjustedBearing: number;
  fieldOfView: number;
  rangeMeters: number;
  wardOutline: Geometry | null;
}

const SECTOR: L.PathOptions = { color: '#0b7285', weight: 2, opacity: 0.95, fillColor: '#22b8cf', fillOpacity: 0.35, className: 'ww-mini-sector' };
const OWNER_SECTOR: L.PathOptions = { color: '#52606d', weight: 1.5, opacity: 0.9, dashArray: '4 4', fill: false, className: 'ww-mini-owner-sector' };
const WARD: L.PathOptions = { color: '#334155', weight: 1.5, opacity: 0.8, fill: false, interactive: false };

export function RegistrationMiniMap(props: Props) {
  return (
    <div className="ww-mini-map" data-testid="registration-mini-map">
      <MapContainer center={[props.latitude, props.longitude]} zoom={18} minZoom={12} maxZoom={20} zoomSnap={0.25} className="ww-leaflet" attributionControl={false}>
        <ScaleControl position="bottomleft" imperial={false} />
        <Drawing {...props} />
      </MapContainer>
    </div>
  );
}

function Drawing({ latitude, longitude, bearing, adjustedBearing, fieldOfView, rangeMeters, wardOutline }: Props) {
  const map = useMap();
  const renderer = useMemo(() => L.svg({ padding: 0.5 }), []);
  useEffect(() => {
    const layers: L.Layer[] = [];
    if (wardOutline) layers.push(L.geoJSON(wardOutline, { style: () => ({ ...WARD, renderer }) } as L.GeoJSONOptions));
    if (adjustedBearing !== bearing && fieldOfView < 360) {
      layers.push(L.geoJSON(viewSector(longitude, latitude, bearing, fieldOfView, rangeMeters), { style: () => ({ ...OWNER_SECTOR, renderer }) } as L.GeoJSONOptions));
    }
    layers.push(L.geoJSON(viewSector(longitude, latitude, adjustedBearing, fieldOfView, rangeMeters), { style: () => ({ ...SECTOR, renderer }) } as L.GeoJSONOptions));
    layers.push(L.circleMarker([latitude, longitude], { radius: 6, color: '#ffffff', weight: 2, fillColor: '#0b7285', fillOpacity: 1, renderer }));
    for (const l of layers) l.addTo(map);
    return () => {
      for (const l of layers) l.remove();
    };
  }, [map, renderer, latitude, longitude, bearing, adjustedBearing, fieldOfView, rangeMeters, wardOutline]);
  // The camera and its whole view in sight.
  useEffect(() => {
    const bounds = L.latLng(latitude, longitude).toBounds(Math.max(60, rangeMeters * 2.6));
    map.fitBounds(bounds, { animate: false });
  }, [map, latitude, longitude, rangeMeters]);
  return null;
}
