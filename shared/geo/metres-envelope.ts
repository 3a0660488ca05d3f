/**
 * A longitude/latitude box that surely contains every point within `metres` of a point: a cheap
 * prefilter for a GiST index before an exact geodesic distance test.
 *
 * Uses the smallest length of a degree of latitude on the WGS 84 spheroid (110,574 m, at the
 * equator) and the length of a degree of longitude at the point's latitude, with a 1% margin.
 * Not for circles that reach a pole or cross the antimeridian.
 *
 * @param lon longitude of the centre, degrees
 * @param lat latitude of the centre, degrees
 * @param metres radius in metres (>= 0)
 * @returns [west, south, east, north] in degrees
 * @example
 * metresEnvelope(108.2, 16.05, 500) // ≈ [108.19529, 16.04548, 108.20471, 16.05452]
 */
export function metresEnvelope(lon: number, lat: number, metres: number): [number, number, number, number] {
  const margin = 1.01;
  const dLat = (metres / 110_574) * margin;
  const cos = Math.cos((Math.min(Math.abs(lat) + dLat, 89.9) * Math.PI) / 180);
  const dLon = (metres / (111_320 * cos)) * margin;
  return [lon - dLon, lat - dLat, lon + dLon, lat + dLat];
}
