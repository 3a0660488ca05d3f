import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { APP_ROLE } from '../../db/migrations/1764662400000-access';

/**
 * Row-level security proven in the database itself, without the server: a connection as the app
 * role with a ward scope set sees and writes only that ward's rows, whatever SQL it sends.
 * On a real server the connection logs in as `wardwatch_app` itself; the embedded database has a
 * single (superuser) session, so there the transaction switches role exactly as the server does.
 */
const WARD_TABLES = [
  'camera', 'rental_house', 'residential_group', 'residential_group_coverage',
  'rental_house_event', 'civil_servant', 'civil_servant_check', 'compliance_snapshot',
];

describe('row-level security', () => {
  let owner: pg.Client;
  /** The app role's connection of the transaction in progress (a new one each time). */
  let app: pg.Client;

  beforeAll(async () => {
    owner = new pg.Client({ connectionString: inject('databaseUrl') });
    await owner.connect();
  });

  afterAll(async () => {
    await owner?.end();
  });

  /** Runs `fn` in a transaction as the app role with the given scope, then rolls back. */
  async function asApp<T>(scope: { district?: number; ward?: number | null; role?: string; user?: number }, fn: () => Promise<T>): Promise<T> {
    app = new pg.Client({ connectionString: inject('appDatabaseUrl') || inject('databaseUrl') });
    await app.connect();
    await app.query('BEGIN');
    try {
      await app.query(`SET LOCAL ROLE ${APP_ROLE}`);
      await app.query(
        `SELECT set_config('ww.district_id', $1, true), set_config('ww.ward_id', $2, true), set_config('ww.role', $3, true), set_config('ww.user_id', $4, true)`,
        [scope.district == null ? '' : String(scope.district), scope.ward == null ? '' : String(scope.ward), scope.role ?? 'ward_chair', String(scope.user ?? '')],
      );
      return await fn();
    } finally {
      await app.query('ROLLBACK').catch(() => {});
      await app.end();
    }
  }

  it('is enabled and forced on every ward-scoped table, the district, users and the audit log', async () => {
    const { rows } = await owner.query(
      `SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class WHERE relname = ANY($1) ORDER BY relname`,
      [[...WARD_TABLES, 'ward', 'district', 'app_user', 'app_session', 'audit_log']],
    );
    expect(rows).toHaveLength(WARD_TABLES.length + 5);
    for (const r of rows) expect([r.relname, r.relrowsecurity, r.relforcerowsecurity]).toEqual([r.relname, true, true]);
  });

  it('makes the app role neither owner nor superuser, and unable to bypass row-level security', async () => {
    const { rows } = await owner.query(
      `SELECT r.rolsuper, r.rolbypassrls, (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid) AS owns
         FROM pg_roles r WHERE r.rolname = $1`,
      [APP_ROLE],
    );
    expect(rows[0]).toEqual({ rolsuper: false, rolbypassrls: false, owns: 0 });
    const who = await asApp({ district: 1, ward: 2 }, () => app.query(`SELECT current_user AS u`));
    expect(who.rows[0].u).toBe(APP_ROLE);
  });

  it("returns only the scoped ward's rows to a raw SELECT on every ward table", async () => {
    for (const table of WARD_TABLES) {
      const total = (await owner.query(`SELECT count(*)::int AS n FROM ${table} WHERE ward_id = 2`)).rows[0].n;
      expect(total).toBeGreaterThan(0);
      const seen = await asApp({ district: 1, ward: 2 }, () => app.query(`SELECT ward_id, count(*)::int AS n FROM ${table} GROUP BY ward_id`));
      expect(seen.rows, table).toEqual([{ ward_id: 2, n: total }]);
    }
    const wards = await asApp({ district: 1, ward: 2 }, () => app.query(`SELECT id FROM ward`));
    expect(wards.rows).toEqual([{ id: 2 }]);
  });

  it('returns the whole district to a scope without a ward, and nothing at all without a scope', async () => {
    const all = (await owner.query(`SELECT count(*)::int AS n FROM camera WHERE district_id = 1`)).rows[0].n;
    const district = await asApp({ district: 1, ward: null, role: 'planner' }, () => app.query(`SELECT count(*)::int AS n FROM camera`));
    expect(district.rows[0].n).toBe(all);
    for (const table of [...WARD_TABLES, 'ward', 'district', 'app_user', 'audit_log']) {
      const none = await asApp({}, () => app.query(`SELECT count(*)::int AS n FROM ${table}`));
      expect(none.rows[0].n, table).toBe(0);
    }
    const otherDistrict = await asApp({ district: 999, ward: null, role: 'planner' }, () => app.query(`SELECT count(*)::int AS n FROM camera`));
    expect(otherDistrict.rows[0].n).toBe(0);
  });

  it("refuses to write a row into another ward, or to move one there", async () => {
    const [p] = (await owner.query(`SELECT ST_X(pt) AS x, ST_Y(pt) AS y FROM (SELECT ST_PointOnSurface(boundary) AS pt FROM residential_group WHERE ward_id = 3 LIMIT 1) s`)).rows;
    await expect(
      asApp({ district: 1, ward: 2 }, () =>
        app.query(
          `INSERT INTO camera (district_id, location, bearing, field_of_view, range_m, camera_type, owner_kind, network_operator, status, police_access)
           VALUES (1, ST_SetSRID(ST_MakePoint($1, $2), 4326), 0, 360, 15, 'dome', 'household', 'none', 'active', 'none')`,
          [p.x, p.y],
        ),
      ),
    ).rejects.toMatchObject({ code: '42501' });
    const moved = await asApp({ district: 1, ward: 2 }, async () => {
      const [c] = (await app.query(`SELECT id FROM camera LIMIT 1`)).rows;
      return app.query(`UPDATE camera SET location = ST_SetSRID(ST_MakePoint($1, $2), 4326) WHERE id = $3`, [p.x, p.y, c.id]).catch((e) => e);
    });
    expect(moved.code).toBe('42501');
    const foreign = await asApp({ district: 1, ward: 2 }, () => app.query(`UPDATE camera SET label = 'x' WHERE ward_id = 3`));
    expect(foreign.rowCount).toBe(0);
  });

  it('lets the app role read no password hash and no session, and never change or delete audit rows', async () => {
    await expect(asApp({ district: 1, role: 'admin' }, () => app.query(`SELECT password_hash FROM app_user`))).rejects.toMatchObject({ code: '42501' });
    await expect(asApp({ district: 1, role: 'admin' }, () => app.query(`SELECT * FROM app_session`))).rejects.toMatchObject({ code: '42501' });
    await expect(asApp({ district: 1, role: 'admin' }, () => app.query(`DELETE FROM audit_log`))).rejects.toMatchObject({ code: '42501' });
    await expect(asApp({ district: 1, role: 'admin' }, () => app.query(`UPDATE audit_log SET action = 'x'`))).rejects.toMatchObject({ code: '42501' });
    await expect(asApp({ district: 1, role: 'admin' }, () => app.query(`DELETE FROM camera`))).rejects.toMatchObject({ code: '42501' });
  });

  it("lets the app role write none of the columns the database derives, nor run the owner's trigger functions", async () => {
    for (const sql of [
      `UPDATE camera SET ward_id = 3 WHERE ward_id = 2`,
      `UPDATE camera SET residential_group_id = NULL WHERE ward_id = 2`,
      `UPDATE camera SET view_sector = NULL WHERE ward_id = 2`,
      `UPDATE rental_house SET ward_id = 3 WHERE ward_id = 2`,
    ]) {
      await expect(asApp({ district: 1, ward: 2 }, () => app.query(sql)), sql).rejects.toMatchObject({ code: '42501' });
    }
    // A table of its own with the audit trigger attached would let it forge audit rows: refused.
    const forged = await asApp({ district: 1, ward: 2 }, async () => {
      await app.query(`CREATE TEMP TABLE camera (id int, district_id int)`);
      return app.query(`CREATE TRIGGER forge AFTER INSERT ON pg_temp.camera FOR EACH ROW EXECUTE FUNCTION public.ww_audit()`).catch((e) => e);
    });
    expect(forged.code).toBe('42501');
  });

  it('lets only an ADMIN scope write users', async () => {
    const [me] = (await owner.query(`SELECT id FROM app_user WHERE username = 'chair.p02'`)).rows;
    const raised = await asApp({ district: 1, ward: 2, role: 'ward_chair', user: me.id }, () =>
      app.query(`UPDATE app_user SET role = 'admin' WHERE id = $1`, [me.id]).catch((e) => e),
    );
    expect(raised.rowCount ?? 0).toBe(0);
    expect((await owner.query(`SELECT role FROM app_user WHERE id = $1`, [me.id])).rows[0].role).toBe('ward_chair');
  });

  it('shows the audit log to ADMIN and PLANNER scopes only, and its rows about users to ADMIN alone', async () => {
    const total = (await owner.query(`SELECT count(*)::int AS n FROM audit_log WHERE district_id = 1`)).rows[0].n;
    const aboutUsers = (await owner.query(`SELECT count(*)::int AS n FROM audit_log WHERE district_id = 1 AND entity = 'app_user'`)).rows[0].n;
    expect(total).toBeGreaterThan(0);
    expect(aboutUsers).toBeGreaterThan(0);
    for (const [role, expected] of [['admin', total], ['planner', total - aboutUsers], ['ward_chair', 0], ['police', 0], ['justice', 0], ['home_affairs', 0]] as const) {
      const r = await asApp({ district: 1, ward: role === 'ward_chair' ? 2 : null, role }, () => app.query(`SELECT count(*)::int AS n FROM audit_log`));
      expect(r.rows[0].n, role).toBe(expected);
    }
  });

  it('keeps derived coverage right when a ward chair changes a camera whose view crosses into another ward', async () => {
    // The coverage refresh runs as the database owner (SECURITY DEFINER): it sees every ward's cameras.
    const before = (await owner.query(`SELECT count(*)::int AS n FROM residential_group_coverage`)).rows[0].n;
    await asApp({ district: 1, ward: 2 }, async () => {
      const [c] = (await app.query(`SELECT id FROM camera WHERE status = 'active' ORDER BY id LIMIT 1`)).rows;
      await app.query(`UPDATE camera SET status = 'offline' WHERE id = $1`, [c.id]);
      const seen = await app.query(`SELECT count(*)::int AS n FROM residential_group_coverage`);
      expect(seen.rows[0].n).toBeLessThan(before); // still only ward 2's rows visible
    });
  });

  /** The SQLSTATE and constraint of a failed statement (or 'ok'). */
  const outcome = (p: Promise<unknown>) => p.then(() => 'ok', (e: { code?: string; constraint?: string }) => `${e.code} ${e.constraint ?? ''}`.trim());

  it("refuses a penalty case's jump from open to closed-as-paid, a second decision, and back-dated times", async () => {
    const [house] = (await owner.query(`SELECT h.id FROM rental_house h WHERE h.ward_id = 2 AND NOT ww_has_active_camera(h.id)
      AND NOT EXISTS (SELECT 1 FROM penalty_case p WHERE p.rental_house_id = h.id AND p.state <> 'closed') ORDER BY h.id LIMIT 1`)).rows;
    await asApp({ district: 1, ward: 2 }, async () => {
      const [c] = (await app.query(`INSERT INTO penalty_case (rental_house_id) VALUES ($1) RETURNING id`, [house.id])).rows;
      expect(await outcome(app.query(
        `UPDATE penalty_case SET state = 'closed', close_reason = 'fine_paid', closed_at = now(), fine_paid_at = now(), decision = 'fine',
                fine_amount_vnd = 1, legal_basis = 'xxx', decided_at = now() WHERE id = $1`, [c.id]))).toBe('23514 ww_penalty_case_transition');
    });
    await asApp({ district: 1, ward: 2 }, async () => {
      const [c] = (await app.query(`INSERT INTO penalty_case (rental_house_id) VALUES ($1) RETURNING id`, [house.id])).rows;
      await app.query(`UPDATE penalty_case SET state = 'referred', referred_at = '2001-01-01' WHERE id = $1`, [c.id]);
      const [r] = (await app.query(`SELECT referred_at > now() - interval '1 minute' AS now FROM penalty_case WHERE id = $1`, [c.id])).rows;
      expect(r.now).toBe(true); // the database's time, not the one sent
      await app.query(`UPDATE penalty_case SET state = 'decided', decision = 'warning', legal_basis = 'Matrix', decided_at = now() WHERE id = $1`, [c.id]);
      expect(await outcome(app.query(`UPDATE penalty_case SET decision = 'fine', fine_amount_vnd = 5 WHERE id = $1`, [c.id]))).toBe('23514 ww_penalty_case_transition');
    });
  });

  it("lets a user add to a house's history only the ward's checks and a case's opening, and to a case's timeline only what it went through", async () => {
    const [house] = (await owner.query(`SELECT id FROM rental_house WHERE ward_id = 2 AND NOT ww_has_active_camera(id) ORDER BY id LIMIT 1`)).rows;
    const [open] = (await owner.query(`SELECT p.id FROM penalty_case p WHERE p.ward_id = 2 AND p.state = 'open' ORDER BY p.id LIMIT 1`)).rows;
    await asApp({ district: 1, ward: 2 }, async () => {
      const add = (status: string, reason: string) =>
        outcome(app.query(`INSERT INTO rental_house_event (rental_house_id, status, reason) VALUES ($1, $2, $3)`, [house.id, status, reason]));
      expect(await add('camera_installed', 'camera_active')).toBe('23514 ww_rental_house_event_guard');
    });
    await asApp({ district: 1, ward: 2 }, async () => {
      expect(await outcome(app.query(`INSERT INTO rental_house_event (rental_house_id, status, reason) VALUES ($1, 'camera_verified', 'check_passed')`, [house.id])))
        .toBe('23514 ww_rental_house_event_guard'); // no active camera to have passed
    });
    await asApp({ district: 1, ward: 2 }, async () => {
      expect(await outcome(app.query(`INSERT INTO rental_house_event (rental_house_id, status, reason) VALUES ($1, 'camera_verified', 'check_failed')`, [house.id])))
        .toBe('23514 rental_house_event_reason');
    });
    if (open) {
      await asApp({ district: 1, ward: 2 }, async () => {
        expect(await outcome(app.query(`INSERT INTO penalty_case_event (penalty_case_id, kind) VALUES ($1, 'decided')`, [open.id])))
          .toBe('23514 ww_penalty_case_transition');
      });
    }
  });

  it("records a civil servant's check against their current home camera, whatever the app sends", async () => {
    const [s] = (await owner.query(`SELECT id, camera_id FROM civil_servant WHERE ward_id = 2 AND camera_id IS NOT NULL ORDER BY id LIMIT 1`)).rows;
    await asApp({ district: 1, ward: 2 }, async () => {
      expect(await outcome(app.query(`INSERT INTO civil_servant_check (civil_servant_id, camera_id, result, checked_by) VALUES ($1, 1, 'working', 'Matrix')`, [s.id])))
        .toBe('42501'); // not the app's column to write
    });
    await asApp({ district: 1, ward: 2 }, async () => {
      const [k] = (await app.query(`INSERT INTO civil_servant_check (civil_servant_id, result, checked_by) VALUES ($1, 'working', 'Matrix') RETURNING camera_id`, [s.id])).rows;
      expect(k.camera_id).toBe(s.camera_id);
    });
  });

  it("writes a house's history only when it gains its first active camera or loses its last one", async () => {
    // A house found non-compliant while its camera still works (the camera is broken): another camera's change keeps the finding.
    const [h] = (await owner.query(`SELECT h.id FROM rental_house h WHERE h.ward_id = 2 AND ww_has_active_camera(h.id) ORDER BY h.id LIMIT 1`)).rows;
    await asApp({ district: 1, ward: 2 }, async () => {
      await app.query(`INSERT INTO rental_house_event (rental_house_id, status, reason) VALUES ($1, 'non_compliant', 'check_failed')`, [h.id]);
      const events = async () => (await app.query(`SELECT count(*)::int AS n FROM rental_house_event WHERE rental_house_id = $1`, [h.id])).rows[0].n;
      const before = await events();
      const [c] = (await app.query(`SELECT id, status FROM camera WHERE rental_house_id = $1 AND status = 'active' ORDER BY id LIMIT 1`, [h.id])).rows;
      await app.query(`UPDATE camera SET status = status, rental_house_id = rental_house_id WHERE id = $1`, [c.id]); // touches nothing
      expect(await events()).toBe(before);
      const [status] = (await app.query(`SELECT compliance_status FROM rental_house WHERE id = $1`, [h.id])).rows;
      expect(status.compliance_status).toBe('non_compliant');
    });
  });

  it("moves a house's cases and history with it when it moves to another ward", async () => {
    const [c] = (await owner.query(`SELECT p.id, p.rental_house_id AS house, p.ward_id FROM penalty_case p ORDER BY p.id LIMIT 1`)).rows;
    const [target] = (await owner.query(`SELECT id, ST_X(ST_PointOnSurface(boundary)) AS lon, ST_Y(ST_PointOnSurface(boundary)) AS lat FROM ward WHERE id <> $1 ORDER BY id LIMIT 1`, [c.ward_id])).rows;
    await owner.query('BEGIN');
    try {
      await owner.query(`SET LOCAL ww.system = 'on'`);
      await owner.query(`UPDATE rental_house SET location = ST_SetSRID(ST_MakePoint($2, $3), 4326) WHERE id = $1`, [c.house, target.lon, target.lat]);
      const wards = (await owner.query(
        `SELECT (SELECT array_agg(DISTINCT ward_id) FROM rental_house_event WHERE rental_house_id = $1) AS events,
                (SELECT array_agg(DISTINCT ward_id) FROM penalty_case WHERE rental_house_id = $1) AS cases,
                (SELECT array_agg(DISTINCT e.ward_id) FROM penalty_case_event e JOIN penalty_case p ON p.id = e.penalty_case_id WHERE p.rental_house_id = $1) AS timeline`,
        [c.house],
      )).rows[0];
      expect(wards).toEqual({ events: [target.id], cases: [target.id], timeline: [target.id] });
    } finally {
      await owner.query('ROLLBACK');
    }
  });
});
