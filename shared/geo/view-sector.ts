import sector from '@turf/sector';
import circle from '@turf/circle';
import type { Feature, Polygon } from 'geojson';

/**
 * The ground a camera sees, as a circular sector around its location.
 *
 * Distances are geodesic on the sphere (turf), in metres; angles are degrees clockwise from true
 * north. A field of view of 360 degrees gives a full circle with no apex. The database computes the
 * stored sector on the spheroid (`ww_view_sector` in db/migrations); this function is the client's
 * preview of the same shape and the tests' independent check of it (they agree to well under 1%).
 *
 * @param lon camera longitude, degrees (WGS 84)
 * @param lat camera latitude, degrees (WGS 84)
 * @param bearing centre of the view, degrees from north in [0, 360)
 * @param fieldOfView horizontal field of view, degrees in (0, 360]
 * @param rangeMeters how far the camera sees, metres (> 0)
 * @param steps vertices along the arc (default 64)
 * @returns a GeoJSON Polygon feature
 * @example
 * viewSector(108.2, 16.05, 90, 85, 30) // an 85-degree wedge facing east, 30 m deep
 */
export function viewSector(
  lon: number,
  lat: number,
  bearing: number,
  fieldOfView: number,
  rangeMeters: number,
  steps = 64,
): Feature<Polygon> {
  const km = rangeMeters / 1000;
  if (fieldOfView >= 360) return circle([lon, lat], km, { steps, units: 'kilometers' });
  const start = bearing - fieldOfView / 2;
  const end = bearing + fieldOfView / 2;
  return sector([lon, lat], km, start, end, { steps, units: 'kilometers' });
}
