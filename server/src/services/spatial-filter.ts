import type { Geometry } from 'geojson';
import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { metresEnvelope } from '../../../shared/geo/metres-envelope';
import { BadUserInputError, NotFoundError } from '../errors';
import { assertGeometry } from './geometry.service';
import { scopeSql, type Scope } from './scope';
import { assertWardInScope } from './ward.service';

export interface BBox {
  west: number;
  south: number;
  east: number;
  north: number;
}

export interface Near {
  longitude: number;
  latitude: number;
  radiusMeters: number;
}

/** Where-filters every point layer (cameras, rental houses) accepts. */
export interface PointFilter {
  wardId?: number | null;
  residentialGroupId?: number | null;
  bbox?: BBox | null;
  within?: unknown;
  near?: Near | null;
}

/**
 * Adds the filters to a query over `alias` (a table with `location`, `ward_id`,
 * `residential_group_id`). Spatial predicates use the GiST index on `location`; `near` is exact
 * (geodesic metres) after an index prefilter. Returns the SQL expression of the distance in metres
 * when `near` is given, for ordering.
 */
export async function applyPointFilter<T extends ObjectLiteral>(
  m: EntityManager,
  qb: SelectQueryBuilder<T>,
  alias: string,
  filter: PointFilter | null | undefined,
  scope: Scope,
): Promise<string | null> {
  if (!filter) return null;
  if (filter.wardId != null) {
    await assertWardInScope(m, scope, filter.wardId, 'filter.wardId');
    qb.andWhere(`${alias}.ward_id = :wardId`, { wardId: filter.wardId });
  }
  if (filter.residentialGroupId != null) {
    const [group] = await m.query(
      `SELECT 1 FROM residential_group g WHERE g.id = $1 AND ${scopeSql('g', '$2', '$3')}`,
      [filter.residentialGroupId, scope.districtId, scope.wardId],
    );
    if (!group) throw new NotFoundError('ResidentialGroup', filter.residentialGroupId, 'filter.residentialGroupId');
    qb.andWhere(`${alias}.residential_group_id = :groupId`, { groupId: filter.residentialGroupId });
  }
  if (filter.bbox) {
    const b = filter.bbox;
    if (!(b.west < b.east)) throw new BadUserInputError('filter.bbox', 'west must be less than east');
    if (!(b.south < b.north)) throw new BadUserInputError('filter.bbox', 'south must be less than north');
    qb.andWhere(`${alias}.location && ST_MakeEnvelope(:bw, :bs, :be, :bn, 4326)`, {
      bw: b.west,
      bs: b.south,
      be: b.east,
      bn: b.north,
    });
  }
  if (filter.within != null) {
    const g = await assertGeometry<Geometry>(m, filter.within, ['Polygon', 'MultiPolygon'], 'filter.within');
    qb.andWhere(`ST_Intersects(${alias}.location, ST_SetSRID(ST_GeomFromGeoJSON(:within), 4326))`, {
      within: JSON.stringify(g),
    });
  }
  if (filter.near) {
    const n = filter.near;
    const [w, s, e, no] = metresEnvelope(n.longitude, n.latitude, n.radiusMeters);
    const point = `ST_SetSRID(ST_MakePoint(:nlon, :nlat), 4326)`;
    const distance = `ST_Distance(${alias}.location::geography, ${point}::geography)`;
    qb.andWhere(`${alias}.location && ST_MakeEnvelope(:nw, :ns, :ne, :nn, 4326)`, { nw: w, ns: s, ne: e, nn: no });
    qb.andWhere(`ST_DWithin(${alias}.location::geography, ${point}::geography, :nr)`, {
      nlon: n.longitude,
      nlat: n.latitude,
      nr: n.radiusMeters,
    });
    return distance;
  }
  return null;
}
