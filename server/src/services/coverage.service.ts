import { NotFoundError } from '../errors';
import type { ScopedDb } from './scoped-db';
import { scopeSql } from './scope';
import { assertWardInScope } from './ward.service';

/**
 * R8's deadline: every residential group has at least one camera by 30 September 2017, unless the
 * district's R8 directive says another date (directive.deadline).
 */
export const R8_DEADLINE = '2017-09-30';

/** The R8 deadline of district `district` (a parameter such as '$1') as a date: the directive's, else R8_DEADLINE. */
export const r8DeadlineSql = (district: string) =>
  `coalesce((SELECT d.deadline FROM directive d WHERE d.district_id = ${district} AND d.code = 'R8'), DATE '${R8_DEADLINE}')`;

/** Coverage of an area (a group, a ward, the district): areas in square metres on the spheroid. */
export interface CoverageFigures {
  areaM2: number;
  coveredAreaM2: number;
  gapAreaM2: number;
  coveredPercent: number;
  activeCameraCount: number;
  residentialGroupCount: number;
  residentialGroupsWithoutCamera: number;
  computedAt: Date | null;
}

export interface GroupCoverageFigures extends CoverageFigures {
  residentialGroupId: number;
  sectorCount: number;
  gap: unknown;
}

// Roll-ups weight by area: covered % of a ward = its covered m² / its area m², never a mean of %.
const ROLL_UP = `
  coalesce(sum(rc.area_m2), 0) AS "areaM2",
  coalesce(sum(rc.covered_area_m2), 0) AS "coveredAreaM2",
  coalesce(sum(rc.gap_area_m2), 0) AS "gapAreaM2",
  CASE WHEN sum(rc.area_m2) > 0 THEN least(100, 100 * sum(rc.covered_area_m2) / sum(rc.area_m2)) ELSE 0 END AS "coveredPercent",
  coalesce(sum(rc.active_camera_count), 0)::int AS "activeCameraCount",
  count(rc.*)::int AS "residentialGroupCount",
  count(*) FILTER (WHERE rc.active_camera_count = 0)::int AS "residentialGroupsWithoutCamera",
  max(rc.computed_at) AS "computedAt"`;

/**
 * `n.m`: metres from rental house `h` to the nearest ACTIVE camera of its district (NULL if none),
 * whichever ward that camera is in: the database computes it (ww_nearest_active_camera_m) and lets
 * only the number out, so every role that sees the house gets the same figure.
 */
const NEAREST_ACTIVE_CAMERA = `CROSS JOIN LATERAL (SELECT ww_nearest_active_camera_m(h.id) AS m) n`;

export class CoverageService {
  constructor(private readonly db: ScopedDb) {}

  /** $n (district) and $n+1 (ward or null) of the user's scope. */
  private get scopeParams(): [number, number | null] {
    const { districtId, wardId } = this.db.scope;
    return [districtId, wardId];
  }

  /** Coverage of residential groups, in the order asked (batched per request). */
  async ofGroups(groupIds: readonly number[]): Promise<(GroupCoverageFigures | NotFoundError)[]> {
    const rows: GroupCoverageFigures[] = await this.db.query(
      `SELECT rc.residential_group_id AS "residentialGroupId", rc.area_m2 AS "areaM2",
              rc.covered_area_m2 AS "coveredAreaM2", rc.gap_area_m2 AS "gapAreaM2",
              rc.covered_percent AS "coveredPercent", rc.active_camera_count AS "activeCameraCount",
              1 AS "residentialGroupCount", (rc.active_camera_count = 0)::int AS "residentialGroupsWithoutCamera",
              rc.sector_count AS "sectorCount", rc.computed_at AS "computedAt", ST_AsGeoJSON(rc.gap, 7)::json AS gap
         FROM residential_group_coverage rc
        WHERE rc.residential_group_id = ANY($1::int[]) AND ${scopeSql('rc', '$2', '$3')}`,
      [groupIds, ...this.scopeParams],
    );
    const byId = new Map(rows.map((r) => [r.residentialGroupId, r]));
    return groupIds.map((id) => byId.get(id) ?? new NotFoundError('ResidentialGroupCoverage', id));
  }

  /** Area-weighted coverage of wards, in the order asked (batched per request). */
  async ofWards(wardIds: readonly number[]): Promise<CoverageFigures[]> {
    const rows: (CoverageFigures & { wardId: number })[] = await this.db.query(
      `SELECT w.id AS "wardId", ${ROLL_UP}
         FROM ward w LEFT JOIN residential_group_coverage rc ON rc.ward_id = w.id
        WHERE w.id = ANY($1::int[]) AND ${scopeSql('w', '$2', '$3', 'id')} GROUP BY w.id`,
      [wardIds, ...this.scopeParams],
    );
    const byId = new Map(rows.map((r) => [r.wardId, r]));
    return wardIds.map((id) => byId.get(id) ?? emptyFigures());
  }

  /** Area-weighted coverage of a district, within the user's scope (a chair: their ward). */
  async ofDistrict(districtId: number): Promise<CoverageFigures> {
    const [own, wardId] = this.scopeParams;
    const [row] = await this.db.query(
      `SELECT ${ROLL_UP} FROM residential_group_coverage rc WHERE rc.district_id = $1 AND ${scopeSql('rc', '$2', '$3')}`,
      [districtId, own, wardId],
    );
    return row;
  }

  /**
   * Residential groups of a ward (or the district) that fall short: with no active camera in them
   * (R8), and, given `belowPercent`, also those with less of their area covered than that; with R8's
   * deadline (YYYY-MM-DD) and the days from today (Asia/Ho_Chi_Minh) to it, negative when overdue.
   */
  async shortfall(wardId: number | null, belowPercent: number | null): Promise<{
    groupIds: number[];
    totalGroups: number;
    withoutCamera: number;
    deadline: string;
    daysToDeadline: number;
  }> {
    if (wardId != null) await assertWardInScope(this.db, this.db.scope, wardId);
    const [districtId, own] = this.scopeParams;
    const [row] = await this.db.query(
      `SELECT coalesce(array_agg(rc.residential_group_id ORDER BY rc.covered_percent, rc.residential_group_id)
                FILTER (WHERE rc.active_camera_count = 0 OR rc.covered_percent < $3::float8), '{}') AS "groupIds",
              count(*)::int AS "totalGroups",
              count(*) FILTER (WHERE rc.active_camera_count = 0)::int AS "withoutCamera",
              to_char(${r8DeadlineSql('$1')}, 'YYYY-MM-DD') AS deadline, (${r8DeadlineSql('$1')} - ww_today()) AS "daysToDeadline"
         FROM residential_group_coverage rc
        WHERE ${scopeSql('rc', '$1', '$4')} AND ($2::int IS NULL OR rc.ward_id = $2)`,
      [districtId, wardId, belowPercent, own],
    );
    return row;
  }

  /** Metres from each rental house to the nearest active camera (null when there is none). */
  async nearestActiveCamera(houseIds: readonly number[]): Promise<(number | null)[]> {
    const rows: { id: number; m: number | null }[] = await this.db.query(
      `SELECT h.id, n.m
         FROM rental_house h
         ${NEAREST_ACTIVE_CAMERA}
        WHERE h.id = ANY($1::int[]) AND ${scopeSql('h', '$2', '$3')}`,
      [houseIds, ...this.scopeParams],
    );
    const byId = new Map(rows.map((r) => [r.id, r.m]));
    return houseIds.map((id) => byId.get(id) ?? null);
  }

  /**
   * The rental houses of a ward with no active camera registered to them (R2, R5), with the metres
   * to the nearest active camera, as rows for a report: id order.
   */
  async unregisteredRentalHouseRows(wardId: number): Promise<Record<string, unknown>[]> {
    await assertWardInScope(this.db, this.db.scope, wardId);
    const [districtId] = this.scopeParams;
    return this.db.query(
      `SELECT h.id, w.name AS ward, g.name AS "residentialGroup", h.address, h.owner_name AS "ownerName",
              h.owner_phone AS "ownerPhone", h.rooms, ST_Y(h.location) AS latitude, ST_X(h.location) AS longitude,
              round(n.m::numeric, 1)::float8 AS "nearestActiveCameraMeters"
         FROM rental_house h
         JOIN ward w ON w.id = h.ward_id
         LEFT JOIN residential_group g ON g.id = h.residential_group_id
         ${NEAREST_ACTIVE_CAMERA}
        WHERE h.district_id = $1 AND h.ward_id = $2
          AND NOT ww_has_active_camera(h.id)
        ORDER BY h.id`,
      [districtId, wardId],
    );
  }

}

function emptyFigures(): CoverageFigures {
  return {
    areaM2: 0,
    coveredAreaM2: 0,
    gapAreaM2: 0,
    coveredPercent: 0,
    activeCameraCount: 0,
    residentialGroupCount: 0,
    residentialGroupsWithoutCamera: 0,
    computedAt: null,
  };
}
