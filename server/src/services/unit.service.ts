import { Unit } from '../entities';
import { UnitKind } from '../entities/enums';
import { NotFoundError } from '../errors';
import type { ScopedDb } from './scoped-db';
import { scopeSql } from './scope';

/** A civil servant counts as verified when the database says so (verified_since) and their home camera is ACTIVE. */
export const SERVANT_VERIFIED = `(s.verified_since IS NOT NULL AND c.status = 'active')`;

/**
 * The district's units with their figures, in one statement: headcount and verified count over the
 * civil servants in the viewer's scope (a ward chair: those living in their ward; $1 district, $2 the
 * user's ward or NULL), the uptake in percent, and when the unit reached 100% (the latest
 * verified_since of its members, only while every member is verified). `where` limits the units
 * (over `u`, and `f` for the figures); parameters from $3 on are the caller's.
 */
function unitsSql(where: string, order: string): string {
  return `
    WITH f AS (
      SELECT u.id,
             count(s.id)::int AS headcount,
             (count(s.id) FILTER (WHERE ${SERVANT_VERIFIED}))::int AS verified,
             max(s.verified_since) AS latest
        FROM unit u
        LEFT JOIN civil_servant s ON s.unit_id = u.id AND ${scopeSql('s', '$1', '$2')}
        LEFT JOIN camera c ON c.id = s.camera_id AND c.district_id = $1
       WHERE u.district_id = $1
       GROUP BY u.id
    )
    SELECT u.id, u.district_id AS "districtId", u.ward_id AS "wardId", u.code, u.name, u.kind, u.created_at AS "createdAt",
           f.headcount, f.verified AS "verifiedCount",
           CASE WHEN f.headcount > 0 THEN round(100.0 * f.verified / f.headcount, 1)::float8 END AS "uptakePercent",
           CASE WHEN f.headcount > 0 AND f.verified = f.headcount THEN f.latest END AS "reachedFullAt"
      FROM unit u JOIN f ON f.id = u.id
     WHERE ${where}
     ORDER BY ${order}`;
}

const BY_KIND_AND_CODE = `u.kind, u.code, u.id`;

export class UnitService {
  constructor(private readonly db: ScopedDb) {}

  private get scopeParams(): [number, number | null] {
    const { districtId, wardId } = this.db.scope;
    return [districtId, wardId];
  }

  private async rows(where: string, order: string, params: unknown[]): Promise<Unit[]> {
    const rows: Record<string, unknown>[] = await this.db.query(unitsSql(where, order), [...this.scopeParams, ...params]);
    return rows.map((r) => Object.assign(new Unit(), r));
  }

  /** The district's units (every role sees them all), divisions first, by code; figures over the viewer's scope. */
  list(kind?: UnitKind | null): Promise<Unit[]> {
    return this.rows(`($3::text IS NULL OR u.kind = $3)`, BY_KIND_AND_CODE, [kind ?? null]);
  }

  /** The units whose every member (in the viewer's scope; at least one) is verified, by when they got there. */
  commendationRoster(): Promise<Unit[]> {
    return this.rows(`f.headcount > 0 AND f.verified = f.headcount`, `f.latest, u.id`, []);
  }

  /** Units by id, in the order asked (batched per request); NOT_FOUND for another district's or none. */
  async byIds(ids: readonly number[]): Promise<(Unit | NotFoundError)[]> {
    const rows = await this.rows(`u.id = ANY($3::int[])`, `u.id`, [ids]);
    const byId = new Map(rows.map((u) => [u.id, u]));
    return ids.map((id) => byId.get(id) ?? new NotFoundError('Unit', id));
  }

  /** Whether the unit is one of the user's district (a unit belongs to the district, not to a ward). */
  async exists(id: number): Promise<boolean> {
    const [row] = await this.db.query(`SELECT 1 FROM unit u WHERE u.id = $1 AND u.district_id = $2`, [id, this.db.scope.districtId]);
    return Boolean(row);
  }

  /** The units and their figures as rows for the uptake report (GET /export/unit-uptake.csv). */
  async uptakeRows(kind?: UnitKind | null): Promise<Record<string, unknown>[]> {
    return (await this.list(kind)).map((u) => ({
      id: u.id,
      code: u.code,
      name: u.name,
      kind: u.kind === UnitKind.DIVISION ? 'DIVISION' : 'WARD_COMMITTEE',
      wardId: u.wardId,
      headcount: u.headcount,
      verifiedCount: u.verifiedCount,
      uptakePercent: u.uptakePercent,
      reachedFullAt: u.reachedFullAt,
    }));
  }
}
