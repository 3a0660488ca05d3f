import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { APP_ROLE } from '../../db/migrations/1764662400000-access';

/**
 * The daily compliance snapshot in the database itself (ww_take_compliance_snapshot, ww_today): one
 * row per ward and day, replaced when taken again, figures as they stood at the end of that day,
 * the district's own only, and read back under row-level security. Every test runs in a transaction
 * that is rolled back, so the demo district stays as seeded for the files after this one.
 */
describe('the compliance snapshot', () => {
  let db: pg.Client;

  beforeAll(async () => {
    db = new pg.Client({ connectionString: inject('databaseUrl') });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
  });

  /** Runs `fn` in a transaction as the schema's owner (ww.system on), then rolls back. */
  async function rolledBack<T>(fn: () => Promise<T>): Promise<T> {
    await db.query('BEGIN');
    try {
      await db.query(`SET LOCAL ww.system = 'on'`);
      return await fn();
    } finally {
      await db.query('ROLLBACK');
    }
  }

  /** As `rolledBack`, but acting as the app role with a user's scope after the owner's setup. */
  async function asApp(scope: { district: number; ward?: number | null; role: string }): Promise<void> {
    await db.query(`SET LOCAL ww.system = 'off'`);
    await db.query(`SET LOCAL ROLE ${APP_ROLE}`);
    await db.query(`SELECT set_config('ww.district_id', $1, true), set_config('ww.ward_id', $2, true), set_config('ww.role', $3, true)`, [
      String(scope.district),
      scope.ward == null ? '' : String(scope.ward),
      scope.role,
    ]);
  }

  const one = async <T = any>(sql: string, params: unknown[] = []): Promise<T> => (await db.query(sql, params)).rows[0]; // eslint-disable-line @typescript-eslint/no-explicit-any

  it('counts days in Asia/Ho_Chi_Minh (UTC+7, no summer time)', async () => {
    const { today } = await one(`SELECT to_char(ww_today(), 'YYYY-MM-DD') AS today`);
    const before = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    expect(today).toBe(before);
  });

  it("writes one row per ward of the district for the day, and replaces them when taken again", async () => {
    await rolledBack(async () => {
      const wards = (await one(`SELECT count(*)::int AS n FROM ward WHERE district_id = 1`)).n;
      expect(wards).toBe(13);
      await db.query(`DELETE FROM compliance_snapshot WHERE taken_on = ww_today() - 3`);
      expect((await one(`SELECT ww_take_compliance_snapshot(1, ww_today() - 3) AS n`)).n).toBe(13);
      const first = await db.query(`SELECT id, ward_id, taken_at FROM compliance_snapshot WHERE taken_on = ww_today() - 3 ORDER BY ward_id`);
      expect(first.rows.map((r) => r.ward_id)).toEqual((await db.query(`SELECT id FROM ward WHERE district_id = 1 ORDER BY id`)).rows.map((r) => r.id));
      expect((await one(`SELECT ww_take_compliance_snapshot(1, ww_today() - 3) AS n`)).n).toBe(13);
      const again = await db.query(`SELECT id, ward_id FROM compliance_snapshot WHERE taken_on = ww_today() - 3 ORDER BY ward_id`);
      expect(again.rows).toEqual(first.rows.map(({ id, ward_id }) => ({ id, ward_id })));
    });
  });

  it("gives the figures as they stood at the end of that day: a camera installed today is not in yesterday's", async () => {
    await rolledBack(async () => {
      const group = await one(
        `SELECT g.id, g.ward_id AS "wardId", ST_X(ST_PointOnSurface(g.boundary)) AS lon, ST_Y(ST_PointOnSurface(g.boundary)) AS lat
           FROM residential_group g
          WHERE g.district_id = 1 AND NOT EXISTS (SELECT 1 FROM camera c WHERE c.residential_group_id = g.id AND c.status = 'active')
          ORDER BY g.id LIMIT 1`,
      );
      expect(group, 'the demo district has a residential group without an active camera').toBeDefined();
      const figures = async (day: string) =>
        one(`SELECT groups_with_camera, active_cameras FROM compliance_snapshot WHERE ward_id = $1 AND taken_on = ${day}`, [group.wardId]);
      await db.query(`SELECT ww_take_compliance_snapshot(1, ww_today() - 1), ww_take_compliance_snapshot(1, ww_today())`);
      const [yesterday, today] = [await figures('ww_today() - 1'), await figures('ww_today()')];
      await db.query(
        `INSERT INTO camera (district_id, location, bearing, field_of_view, range_m, camera_type, owner_kind, installed_on)
         VALUES (1, ST_SetSRID(ST_MakePoint($1, $2), 4326), 0, 360, 15, 'dome', 'public', ww_today())`,
        [group.lon, group.lat],
      );
      await db.query(`SELECT ww_take_compliance_snapshot(1, ww_today() - 1), ww_take_compliance_snapshot(1, ww_today())`);
      expect(await figures('ww_today() - 1')).toEqual(yesterday);
      expect(await figures('ww_today()')).toEqual({
        groups_with_camera: today.groups_with_camera + 1,
        active_cameras: today.active_cameras + 1,
      });
    });
  });

  it('refuses a future day', async () => {
    await rolledBack(async () => {
      await expect(db.query(`SELECT ww_take_compliance_snapshot(1, ww_today() + 1)`)).rejects.toMatchObject({ code: '22023' });
    });
  });

  it("lets the app role take its own district's snapshot, not another district's", async () => {
    await rolledBack(async () => {
      await asApp({ district: 1, role: 'planner' });
      expect((await one(`SELECT ww_take_compliance_snapshot(1, ww_today()) AS n`)).n).toBe(13);
      await db.query('SAVEPOINT other');
      await expect(db.query(`SELECT ww_take_compliance_snapshot(2, ww_today())`)).rejects.toMatchObject({ code: '42501' });
      await db.query('ROLLBACK TO SAVEPOINT other');
      // ... and it cannot write the rows itself.
      await expect(
        db.query(`INSERT INTO compliance_snapshot (district_id, ward_id, taken_on, groups_total, groups_with_camera, houses_total,
                    houses_with_camera, houses_verified, civil_servants_total, civil_servants_verified, active_cameras, open_cases)
                  VALUES (1, 1, ww_today() - 400, 1, 1, 1, 1, 1, 1, 1, 1, 1)`),
      ).rejects.toMatchObject({ code: '42501' });
    });
  });

  it("shows a ward chair only their ward's snapshot rows", async () => {
    await rolledBack(async () => {
      await db.query(`SELECT ww_take_compliance_snapshot(1, ww_today())`);
      await asApp({ district: 1, ward: 2, role: 'ward_chair' });
      const seen = await db.query(`SELECT DISTINCT ward_id FROM compliance_snapshot`);
      expect(seen.rows).toEqual([{ ward_id: 2 }]);
    });
  });
});
