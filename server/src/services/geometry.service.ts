import type { Geometry, Point } from 'geojson';
import type { EntityManager } from 'typeorm';
import { validateGeometry, type GeometryKind } from '../../../shared/geo/validate-geometry';
import { BadUserInputError, ForbiddenError } from '../errors';
import type { Scope } from './scope';

/**
 * Checks a GeoJSON geometry from a client: structure and coordinate ranges first (shared/geo), then
 * topology in PostGIS (ST_IsValid, e.g. a self-intersecting ring). Throws BAD_USER_INPUT naming
 * `field` and the place inside the geometry.
 */
export async function assertGeometry<T extends Geometry>(
  m: EntityManager,
  value: unknown,
  allowed: readonly GeometryKind[],
  field: string,
): Promise<T> {
  const problem = validateGeometry(value, allowed);
  if (problem) {
    throw new BadUserInputError(problem.path ? `${field}.${problem.path}` : field, problem.message);
  }
  const geometry = value as T;
  if (geometry.type !== 'Point') {
    const [row] = await m.query(
      `SELECT ST_IsValid(g) AS valid, ST_IsValidReason(g) AS reason
         FROM (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1), 4326) AS g) s`,
      [JSON.stringify(geometry)],
    );
    if (!row.valid) throw new BadUserInputError(field, `is not a valid ${geometry.type}: ${row.reason}`);
  }
  return geometry;
}

/**
 * The district whose boundary covers a point, or BAD_USER_INPUT naming `field` if none does.
 * Returns the district id.
 */
export async function districtOfPoint(m: EntityManager, point: Point, field: string): Promise<number> {
  const [row] = await m.query(
    `SELECT d.id FROM district d
      WHERE ST_Covers(d.boundary, ST_SetSRID(ST_MakePoint($1, $2), 4326))
      ORDER BY d.id LIMIT 1`,
    [point.coordinates[0], point.coordinates[1]],
  );
  if (!row) {
    throw new BadUserInputError(
      field,
      `point (${point.coordinates[1]}, ${point.coordinates[0]}) is outside the district`,
    );
  }
  return row.id as number;
}

/**
 * A client's GeoJSON Point, checked (assertGeometry), reduced to 2-D, and placed in the district that
 * covers it (BAD_USER_INPUT naming `field` if none does).
 */
export async function pointInDistrict(m: EntityManager, value: unknown, field: string): Promise<{ point: Point; districtId: number }> {
  const p = await assertGeometry<Point>(m, value, ['Point'], field);
  const point: Point = { type: 'Point', coordinates: [p.coordinates[0], p.coordinates[1]] };
  return { point, districtId: await districtOfPoint(m, point, field) };
}

/**
 * The ward a point will be placed in, by the rule of the database's placement trigger
 * (ww_place_point): the user's own ward if it covers the point, else the lowest-numbered ward that
 * does (a point on a shared border belongs to one). Null: no ward the caller can see covers it.
 */
export async function wardOfPoint(m: EntityManager, districtId: number, point: Point, ownWard: number | null): Promise<number | null> {
  const [row] = await m.query(
    `SELECT w.id FROM ward w WHERE w.district_id = $1 AND ST_Covers(w.boundary, ST_SetSRID(ST_MakePoint($2, $3), 4326))
      ORDER BY (w.id = $4::int) DESC NULLS LAST, w.id LIMIT 1`,
    [districtId, point.coordinates[0], point.coordinates[1], ownWard],
  );
  return row ? (row.id as number) : null;
}

/**
 * pointInDistrict, then the user's scope: FORBIDDEN naming `field` when the point would be placed
 * outside the user's ward (a WARD_CHAIR registers and moves things only in their own ward). Returns
 * the ward it will be placed in.
 */
export async function pointInScope(
  m: EntityManager,
  scope: Scope,
  value: unknown,
  field: string,
): Promise<{ point: Point; districtId: number; wardId: number | null }> {
  const placed = await pointInDistrict(m, value, field);
  if (placed.districtId !== scope.districtId) throw new ForbiddenError(field, `${field} is outside your district`);
  const wardId = await wardOfPoint(m, placed.districtId, placed.point, scope.wardId);
  if (scope.wardId != null && wardId !== scope.wardId) throw new ForbiddenError(field, `${field} is outside your ward`);
  return { ...placed, wardId };
}
