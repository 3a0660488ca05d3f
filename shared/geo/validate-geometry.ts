import type { Position } from 'geojson';

export type GeometryKind = 'Point' | 'Polygon' | 'MultiPolygon';

/** What is wrong with a GeoJSON geometry, and where (a path inside it, e.g. `coordinates[0][3]`). */
export interface GeometryProblem {
  path: string;
  message: string;
}

/**
 * Checks that a value is a structurally sound RFC 7946 geometry of one of the allowed kinds:
 * positions are [longitude, latitude] (an optional third number, height, is allowed) with
 * longitude in [-180, 180] and latitude in [-90, 90] degrees; polygon rings are closed and have at
 * least 4 positions. Topology (self-intersections) is checked by PostGIS, not here.
 *
 * @param value anything (parsed JSON)
 * @param allowed the geometry types accepted
 * @returns the first problem found, or null when the geometry is sound
 * @example
 * validateGeometry({ type: 'Point', coordinates: [108.2, 95] }, ['Point'])
 * // => { path: 'coordinates[1]', message: 'latitude 95 is outside [-90, 90]' }
 */
export function validateGeometry(value: unknown, allowed: readonly GeometryKind[]): GeometryProblem | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { path: '', message: 'must be a GeoJSON geometry object' };
  }
  const g = value as { type?: unknown; coordinates?: unknown };
  if (typeof g.type !== 'string' || !(allowed as readonly string[]).includes(g.type)) {
    return { path: 'type', message: `must be one of ${allowed.join(', ')} (got ${JSON.stringify(g.type ?? null)})` };
  }
  const c = g.coordinates;
  switch (g.type as GeometryKind) {
    case 'Point':
      return checkPosition(c, 'coordinates');
    case 'Polygon':
      return checkPolygon(c, 'coordinates');
    case 'MultiPolygon': {
      if (!Array.isArray(c) || c.length === 0) return { path: 'coordinates', message: 'must be a non-empty array of polygons' };
      for (let i = 0; i < c.length; i++) {
        const p = checkPolygon(c[i], `coordinates[${i}]`);
        if (p) return p;
      }
      return null;
    }
  }
}

function checkPolygon(rings: unknown, path: string): GeometryProblem | null {
  if (!Array.isArray(rings) || rings.length === 0) return { path, message: 'must be a non-empty array of linear rings' };
  for (let r = 0; r < rings.length; r++) {
    const ring = rings[r] as unknown;
    const rp = `${path}[${r}]`;
    if (!Array.isArray(ring) || ring.length < 4) return { path: rp, message: 'a linear ring needs at least 4 positions' };
    for (let i = 0; i < ring.length; i++) {
      const p = checkPosition(ring[i], `${rp}[${i}]`);
      if (p) return p;
    }
    const first = ring[0] as Position;
    const last = ring[ring.length - 1] as Position;
    if (first[0] !== last[0] || first[1] !== last[1]) {
      return { path: rp, message: 'a linear ring must end where it starts (closed)' };
    }
  }
  return null;
}

function checkPosition(pos: unknown, path: string): GeometryProblem | null {
  if (!Array.isArray(pos) || pos.length < 2 || pos.length > 3) {
    return { path, message: 'a position must be [longitude, latitude] (optionally with height)' };
  }
  for (let i = 0; i < pos.length; i++) {
    if (typeof pos[i] !== 'number' || !Number.isFinite(pos[i])) {
      return { path: `${path}[${i}]`, message: 'must be a finite number' };
    }
  }
  const [lon, lat] = pos as number[];
  if (lon < -180 || lon > 180) return { path: `${path}[0]`, message: `longitude ${lon} is outside [-180, 180]` };
  if (lat < -90 || lat > 90) return { path: `${path}[1]`, message: `latitude ${lat} is outside [-90, 90]` };
  return null;
}
