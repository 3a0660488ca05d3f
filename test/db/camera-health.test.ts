import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { APP_ROLE } from '../../db/migrations/1764662400000-access';
import { DEMO_GATEWAY_LABEL, FAULTY_CAMERAS } from '../../db/seed/demo-health';

/**
 * Camera health in the database itself (db/migrations/1764835300000-camera-health.ts): the status
 * history written by the camera's trigger, heartbeats and the timeout, tokens, and their row-level
 * security. Every test runs in a transaction that is rolled back: the demo seed stays as it was.
 */
let sql: pg.Client;
beforeAll(async () => {
  sql = new pg.Client({ connectionString: inject('databaseUrl') });
  await sql.connect();
});
afterAll(() => sql?.end());
beforeEach(async () => {
  await sql.query('BEGIN');
  await sql.query(`SET LOCAL ww.system = 'on'`);
});
afterEach(async () => {
  await sql.query('ROLLBACK');
});

const rows = async <T = any>(text: string, params: unknown[] = []): Promise<T[]> => (await sql.query(text, params)).rows as T[];
const one = async <T = any>(text: string, params: unknown[] = []): Promise<T> => (await rows<T>(text, params))[0]!;
const sha = (token: string) => createHash('sha256').update(token).digest();
const outcome = (p: Promise<unknown>) => p.then(() => 'ok', (e: { code?: string; constraint?: string }) => `${e.code} ${e.constraint ?? ''}`.trim());

/** Runs `fn` as the app role with a scope (inside the test's transaction), then switches back. */
async function asApp<T>(scope: { ward?: number | null; role?: string; username?: string }, fn: () => Promise<T>): Promise<T> {
  await sql.query('SAVEPOINT app');
  await sql.query(`SET LOCAL ROLE ${APP_ROLE}`);
  await sql.query(
    `SELECT set_config('ww.district_id', '1', true), set_config('ww.ward_id', $1, true), set_config('ww.role', $2, true),
            set_config('ww.username', $3, true), set_config('ww.system', 'off', true)`,
    [scope.ward == null ? '' : String(scope.ward), scope.role ?? '', scope.username ?? ''],
  );
  let result: T | undefined;
  let failure: unknown;
  try {
    result = await fn();
  } catch (err) {
    failure = err;
  }
  // A statement that failed inside `fn` (and was caught there) aborted the savepoint: undo it, keep the rest.
  if (!(await sql.query('RELEASE SAVEPOINT app').then(() => true, () => false))) {
    await sql.query('ROLLBACK TO SAVEPOINT app');
    await sql.query('RELEASE SAVEPOINT app');
  }
  await sql.query(`RESET ROLE`);
  await sql.query(`SELECT set_config('ww.system', 'on', true), set_config('ww.username', '', true), set_config('ww.district_id', '', true),
                          set_config('ww.ward_id', '', true), set_config('ww.role', '', true)`);
  if (failure !== undefined) throw failure;
  return result as T;
}

/** A camera token for a camera (as the owner), returning the plaintext. */
async function cameraToken(cameraId: number, label = 'test'): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await sql.query(`INSERT INTO heartbeat_token (camera_id, label, token_hash) VALUES ($1, $2, $3)`, [cameraId, label, sha(token)]);
  return token;
}

const beat = (token: string, ids: number[]) =>
  rows<{ camera_id: number; accepted: boolean; status: string | null }>(`SELECT * FROM ww_camera_heartbeat($1, $2)`, [sha(token), ids]);

/** An active camera (not monitored) alone in a residential group no other sector reaches: its own coverage. */
async function loneCamera(): Promise<{ id: number; group: number; ward: number }> {
  const g = await one(
    `SELECT c.residential_group_id AS id, g.ward_id, ST_X(ST_PointOnSurface(g.boundary)) AS x, ST_Y(ST_PointOnSurface(g.boundary)) AS y
       FROM residential_group_coverage c JOIN residential_group g ON g.id = c.residential_group_id
      WHERE g.district_id = 1 AND c.sector_count = 0 ORDER BY g.id LIMIT 1`,
  );
  const c = await one(
    `INSERT INTO camera (district_id, location, bearing, field_of_view, range_m, camera_type, owner_kind, status)
     VALUES (1, ST_SetSRID(ST_MakePoint($1, $2), 4326), 0, 360, 15, 'dome', 'public', 'active') RETURNING id, residential_group_id, ward_id`,
    [g.x, g.y],
  );
  expect(c.residential_group_id).toBe(g.id);
  return { id: c.id, group: g.id, ward: c.ward_id };
}
const covered = async (group: number) =>
  Number((await one(`SELECT covered_percent FROM residential_group_coverage WHERE residential_group_id = $1`, [group])).covered_percent);

describe('the status history of cameras', () => {
  it('starts every camera with an event of no previous status, dated when it was registered, and ends with its status', async () => {
    const r = await one(
      `SELECT count(*)::int AS cameras,
              count(*) FILTER (WHERE f.previous_status IS NULL AND f.reason IN ('seed', 'registration') AND f.at = c.registered_at
                                 AND l.status = c.status)::int AS ok
         FROM camera c
         JOIN LATERAL (SELECT * FROM camera_status_event e WHERE e.camera_id = c.id ORDER BY e.id LIMIT 1) f ON true
         JOIN LATERAL (SELECT * FROM camera_status_event e WHERE e.camera_id = c.id ORDER BY e.id DESC LIMIT 1) l ON true
        WHERE c.district_id = 1`,
    );
    expect(r.cameras).toBeGreaterThan(1000);
    expect(r.ok).toBe((await one(`SELECT count(*)::int AS n FROM camera WHERE district_id = 1`)).n);
  });

  it('writes an edit with who made it and the previous status, and nothing for a change that keeps the status', async () => {
    const [c] = await rows(`SELECT id, ward_id FROM camera WHERE district_id = 1 AND status = 'active' AND ward_id = 2 ORDER BY id LIMIT 1`);
    const before = await one(`SELECT count(*)::int AS n FROM camera_status_event`);
    await asApp({ ward: 2, role: 'ward_chair', username: 'chair.p02' }, async () => {
      await sql.query(`UPDATE camera SET label = 'renamed' WHERE id = $1`, [c.id]);
      await sql.query(`UPDATE camera SET status = 'offline' WHERE id = $1`, [c.id]);
    });
    const events = await rows(`SELECT status, previous_status, reason, username, ward_id FROM camera_status_event WHERE id > (SELECT max(id) - 1 FROM camera_status_event)`);
    expect((await one(`SELECT count(*)::int AS n FROM camera_status_event`)).n).toBe(before.n + 1);
    expect(events).toEqual([{ status: 'offline', previous_status: 'active', reason: 'edit', username: 'chair.p02', ward_id: 2 }]);
  });

  it('takes the reason a writer sets, and one event per camera a statement changes', async () => {
    const ids = (await rows(`SELECT id FROM camera WHERE district_id = 1 AND status = 'active' ORDER BY id LIMIT 3`)).map((r) => r.id);
    const max = (await one(`SELECT max(id) AS m FROM camera_status_event`)).m;
    await sql.query(`SELECT set_config('ww.status_reason', 'maintenance', true)`);
    await sql.query(`UPDATE camera SET status = 'maintenance' WHERE id = ANY ($1)`, [ids]);
    const events = await rows(`SELECT camera_id, status, previous_status, reason FROM camera_status_event WHERE id > $1 ORDER BY camera_id`, [max]);
    expect(events).toEqual(ids.map((id) => ({ camera_id: id, status: 'maintenance', previous_status: 'active', reason: 'maintenance' })));
  });

  it('is append-only for everyone, and goes with its camera when the camera is deleted', async () => {
    const [e] = await rows(`SELECT id, camera_id FROM camera_status_event ORDER BY id LIMIT 1`);
    expect(await outcome(sql.query(`SAVEPOINT s; UPDATE camera_status_event SET reason = 'edit' WHERE id = ${e.id}`))).toBe('42501');
    await sql.query('ROLLBACK TO SAVEPOINT s');
    expect(await outcome(sql.query(`DELETE FROM camera_status_event WHERE id = $1`, [e.id]))).toBe('42501');
    await sql.query('ROLLBACK TO SAVEPOINT s');
    await sql.query(`DELETE FROM camera WHERE id = $1`, [e.camera_id]);
    expect((await one(`SELECT count(*)::int AS n FROM camera_status_event WHERE camera_id = $1`, [e.camera_id])).n).toBe(0);
    const app = await asApp({ role: 'admin' }, () =>
      outcome(sql.query(`INSERT INTO camera_status_event (camera_id, status, reason) VALUES ($1, 'active', 'edit')`, [e.camera_id])),
    );
    expect(app).toBe('42501');
  });

  it("follows its camera, with the camera's tokens, into another ward", async () => {
    const c = await one(`SELECT id FROM camera WHERE district_id = 1 AND ward_id = 2 ORDER BY id LIMIT 1`);
    await cameraToken(c.id);
    const p = await one(`SELECT ST_X(pt) AS x, ST_Y(pt) AS y FROM (SELECT ST_PointOnSurface(boundary) AS pt FROM residential_group WHERE ward_id = 3 LIMIT 1) s`);
    await sql.query(`UPDATE camera SET location = ST_SetSRID(ST_MakePoint($1, $2), 4326) WHERE id = $3`, [p.x, p.y, c.id]);
    expect(await rows(`SELECT DISTINCT ward_id FROM camera_status_event WHERE camera_id = $1`, [c.id])).toEqual([{ ward_id: 3 }]);
    expect(await rows(`SELECT DISTINCT ward_id FROM heartbeat_token WHERE camera_id = $1`, [c.id])).toEqual([{ ward_id: 3 }]);
  });

  it("shows a ward chair only their ward's events, and the whole district's to a planner", async () => {
    const ward2 = (await one(`SELECT count(*)::int AS n FROM camera_status_event WHERE ward_id = 2`)).n;
    const all = (await one(`SELECT count(*)::int AS n FROM camera_status_event WHERE district_id = 1`)).n;
    expect(ward2).toBeGreaterThan(0);
    expect(await asApp({ ward: 2, role: 'ward_chair' }, () => rows(`SELECT ward_id, count(*)::int AS n FROM camera_status_event GROUP BY 1`)))
      .toEqual([{ ward_id: 2, n: ward2 }]);
    expect((await asApp({ role: 'planner' }, () => one(`SELECT count(*)::int AS n FROM camera_status_event`))).n).toBe(all);
  });
});

describe('heartbeats', () => {
  it('seeds a tenth of the cameras as monitored, each with a demo gateway token but the faulty ones', async () => {
    const r = await one(
      `SELECT count(*)::int AS cameras, count(*) FILTER (WHERE last_heartbeat_at IS NOT NULL)::int AS monitored,
              count(*) FILTER (WHERE last_heartbeat_at IS NOT NULL AND NOT EXISTS (
                SELECT 1 FROM heartbeat_token t WHERE t.camera_id = c.id AND t.label = $1 AND t.revoked_at IS NULL))::int AS faulty
         FROM camera c WHERE district_id = 1`,
      [DEMO_GATEWAY_LABEL],
    );
    expect(r.monitored / r.cameras).toBeGreaterThan(0.09);
    expect(r.monitored / r.cameras).toBeLessThan(0.11);
    expect(r.faulty).toBe(FAULTY_CAMERAS);
  });

  it('writes neither an audit row nor a coverage refresh nor a new updated_at for a heartbeat, and no event while the status stays', async () => {
    const c = await one(`SELECT id, updated_at FROM camera WHERE district_id = 1 AND status = 'active' AND residential_group_id IS NOT NULL ORDER BY id LIMIT 1`);
    const token = await cameraToken(c.id);
    const counts = async () =>
      one(`SELECT (SELECT count(*)::int FROM audit_log WHERE entity = 'camera') AS audit, (SELECT count(*)::int FROM camera_status_event) AS events,
                  (SELECT max(computed_at) FROM residential_group_coverage) AS computed`);
    const before = await counts();
    expect(await beat(token, [c.id])).toEqual([{ camera_id: c.id, accepted: true, status: 'active' }]);
    expect(await counts()).toEqual(before);
    const after = await one(`SELECT updated_at, last_heartbeat_at = now() AS now FROM camera WHERE id = $1`, [c.id]);
    expect(after).toEqual({ updated_at: c.updated_at, now: true });
  });

  it("lets the app role neither write a camera's last heartbeat nor run the owner's heartbeat functions, but heartbeat with a token", async () => {
    const c = await one(`SELECT id FROM camera WHERE district_id = 1 AND ward_id = 2 AND status = 'active' ORDER BY id LIMIT 1`);
    const token = await cameraToken(c.id);
    for (const q of [
      `UPDATE camera SET last_heartbeat_at = now() WHERE id = ${c.id}`,
      `SELECT ww_camera_heartbeat_timeout(interval '1 second')`,
      `SELECT ww_camera_heartbeat_demo('Demo gateway')`,
      `SELECT * FROM ww_camera_beat(ARRAY[${c.id}])`,
    ]) {
      expect(await asApp({ ward: 2, role: 'admin' }, () => outcome(sql.query(q))), q).toBe('42501');
    }
    expect(await asApp({}, () => beat(token, [c.id]))).toEqual([{ camera_id: c.id, accepted: true, status: 'active' }]);
  });

  it('refuses an unknown or revoked token with SQLSTATE 28000, and writes nothing', async () => {
    const c = await one(`SELECT id FROM camera WHERE district_id = 1 AND status = 'offline' ORDER BY id LIMIT 1`);
    const token = await cameraToken(c.id);
    await sql.query(`UPDATE heartbeat_token SET revoked_at = now() WHERE token_hash = $1`, [sha(token)]);
    await sql.query('SAVEPOINT s');
    expect(await outcome(beat(token, [c.id]))).toBe('28000');
    await sql.query('ROLLBACK TO SAVEPOINT s');
    expect(await outcome(beat('no such token', [c.id]))).toBe('28000');
    await sql.query('ROLLBACK TO SAVEPOINT s');
    expect(await one(`SELECT status, last_heartbeat_at FROM camera WHERE id = $1`, [c.id])).toEqual({ status: 'offline', last_heartbeat_at: null });
  });

  it("accepts a camera token for its own camera only, and an operator's for the cameras connected through it", async () => {
    const [a, b, cc] = await rows(`SELECT id FROM camera WHERE district_id = 1 AND status = 'active' ORDER BY id LIMIT 3`);
    const token = await cameraToken(a.id);
    expect(await beat(token, [b.id, a.id, a.id, 2_000_000_000])).toEqual([
      { camera_id: a.id, accepted: true, status: 'active' },
      { camera_id: b.id, accepted: false, status: null },
      { camera_id: 2_000_000_000, accepted: false, status: null },
    ]);
    const op = await one(`INSERT INTO network_operator (district_id, code, name, kind) VALUES (1, 'test-op', 'Test operator', 'other') RETURNING id`);
    await sql.query(`INSERT INTO camera_connection (camera_id, operator_id, plan, monthly_fee_vnd) VALUES ($1, $2, 'basic', 0), ($3, $2, 'basic', 0)
       ON CONFLICT (camera_id) DO UPDATE SET operator_id = EXCLUDED.operator_id, agreement_id = NULL`,
      [b.id, op.id, cc.id]);
    const opToken = randomBytes(32).toString('base64url');
    await sql.query(`INSERT INTO heartbeat_token (operator_id, label, token_hash) VALUES ($1, 'gateway', $2)`, [op.id, sha(opToken)]);
    expect((await beat(opToken, [a.id, b.id, cc.id])).map((r) => r.accepted)).toEqual([false, true, true]);
    expect((await one(`SELECT last_used_at = now() AS used FROM heartbeat_token WHERE token_hash = $1`, [sha(opToken)])).used).toBe(true);
  });

  it("rejects another district's camera, whatever the token", async () => {
    const square = `MULTIPOLYGON(((109.5 17.5, 109.51 17.5, 109.51 17.51, 109.5 17.51, 109.5 17.5)))`;
    const d = await one(`INSERT INTO district (code, name, boundary) VALUES ('HB-OTHER', 'Other', ST_GeomFromText($1, 4326)) RETURNING id`, [square]);
    await sql.query(`INSERT INTO ward (district_id, code, name, boundary) VALUES ($1, 'O1', 'Other ward', ST_GeomFromText($2, 4326))`, [d.id, square]);
    const far = await one(
      `INSERT INTO camera (district_id, location, bearing, field_of_view, range_m, camera_type, owner_kind, status)
       VALUES ($1, ST_SetSRID(ST_MakePoint(109.505, 17.505), 4326), 0, 360, 10, 'dome', 'public', 'offline') RETURNING id`,
      [d.id],
    );
    const mine = await one(`SELECT id FROM camera WHERE district_id = 1 AND status = 'active' ORDER BY id LIMIT 1`);
    expect(await beat(await cameraToken(mine.id), [far.id])).toEqual([{ camera_id: far.id, accepted: false, status: null }]);
    expect(await one(`SELECT status, last_heartbeat_at FROM camera WHERE id = $1`, [far.id])).toEqual({ status: 'offline', last_heartbeat_at: null });
  });

  it('brings an offline camera back, and leaves one in maintenance or decommissioned as it is', async () => {
    const first = (status: string) => one(`SELECT id FROM camera WHERE district_id = 1 AND status = $1 ORDER BY id LIMIT 1`, [status]);
    const [off, maint, gone] = [await first('offline'), await first('maintenance'), await first('decommissioned')];
    const max = (await one(`SELECT max(id) AS m FROM camera_status_event`)).m;
    for (const c of [off, maint, gone]) {
      const token = await cameraToken(c.id);
      await beat(token, [c.id]);
    }
    expect(await rows(`SELECT id, status, last_heartbeat_at = now() AS beat FROM camera WHERE id = ANY ($1) ORDER BY id`, [[off.id, maint.id, gone.id]]))
      .toEqual([{ id: off.id, status: 'active', beat: true }, { id: maint.id, status: 'maintenance', beat: true }, { id: gone.id, status: 'decommissioned', beat: true }]
        .sort((x, y) => x.id - y.id));
    expect(await rows(`SELECT camera_id, status, previous_status, reason, username FROM camera_status_event WHERE id > $1`, [max]))
      .toEqual([{ camera_id: off.id, status: 'active', previous_status: 'offline', reason: 'heartbeat', username: null }]);
  });

  it("times out a silent monitored camera, and its group's coverage drops with it and comes back with its next heartbeat", async () => {
    const c = await loneCamera();
    const on = await covered(c.group);
    expect(on).toBeGreaterThan(0);
    const token = await cameraToken(c.id);
    await beat(token, [c.id]);
    await sql.query(`UPDATE camera SET last_heartbeat_at = now() - interval '2 hours' WHERE id = $1`, [c.id]);
    const max = (await one(`SELECT max(id) AS m FROM camera_status_event`)).m;
    expect((await one(`SELECT ww_camera_heartbeat_timeout(interval '3 hours') AS n`)).n).toBe(0);
    expect((await one(`SELECT ww_camera_heartbeat_timeout(interval '1 hour') AS n`)).n).toBe(1);
    expect((await one(`SELECT status FROM camera WHERE id = $1`, [c.id])).status).toBe('offline');
    expect(await covered(c.group)).toBe(0);
    await beat(token, [c.id]);
    expect((await one(`SELECT status FROM camera WHERE id = $1`, [c.id])).status).toBe('active');
    expect(await covered(c.group)).toBe(on);
    expect(await rows(`SELECT status, previous_status, reason FROM camera_status_event WHERE id > $1 ORDER BY id`, [max])).toEqual([
      { status: 'offline', previous_status: 'active', reason: 'timeout' },
      { status: 'active', previous_status: 'offline', reason: 'heartbeat' },
    ]);
    const audit = await rows(`SELECT action, after->>'status' AS status FROM audit_log WHERE entity = 'camera' AND entity_id = $1 AND operation = 'UPDATE' ORDER BY id`, [c.id]);
    expect(audit).toEqual([{ action: 'heartbeat timeout', status: 'offline' }, { action: 'heartbeat', status: 'active' }]);
  });

  it('leaves unmonitored and non-active cameras alone at the timeout', async () => {
    const before = await one(`SELECT count(*) FILTER (WHERE status = 'offline')::int AS offline FROM camera`);
    await sql.query(`UPDATE camera SET last_heartbeat_at = now() - interval '2 days' WHERE id IN (SELECT id FROM camera WHERE status = 'maintenance' LIMIT 2)`);
    expect((await one(`SELECT ww_camera_heartbeat_timeout(interval '1 day') AS n`)).n).toBe(0);
    expect(await one(`SELECT count(*) FILTER (WHERE status = 'offline')::int AS offline FROM camera`)).toEqual(before);
  });
});

describe('heartbeat tokens', () => {
  it('keep their hash from the app role, and take district, ward and issuer from the database', async () => {
    const c = await one(`SELECT id FROM camera WHERE district_id = 1 AND ward_id = 2 ORDER BY id LIMIT 1`);
    expect(await asApp({ ward: 2, role: 'ward_chair' }, () => outcome(sql.query(`SELECT token_hash FROM heartbeat_token`)))).toBe('42501');
    const t = await asApp({ ward: 2, role: 'ward_chair', username: 'chair.p02' }, () =>
      one(`INSERT INTO heartbeat_token (camera_id, label, token_hash) VALUES ($1, 'x', $2) RETURNING district_id, ward_id, created_by, revoked_at`,
        [c.id, sha('abc')]),
    );
    expect(t).toEqual({ district_id: 1, ward_id: 2, created_by: 'chair.p02', revoked_at: null });
  });

  it("refuse a ward chair another ward's camera, an operator's token, and any other role", async () => {
    const other = await one(`SELECT id FROM camera WHERE district_id = 1 AND ward_id = 3 ORDER BY id LIMIT 1`);
    const own = await one(`SELECT id FROM camera WHERE district_id = 1 AND ward_id = 2 ORDER BY id LIMIT 1`);
    const op = await one(`INSERT INTO network_operator (district_id, code, name, kind) VALUES (1, 'test-op', 'Test operator', 'other') RETURNING id`);
    const before = (await one(`SELECT count(*)::int AS n FROM heartbeat_token`)).n;
    const issue = (scope: { ward?: number | null; role: string }, col: string, id: number) =>
      asApp(scope, () => outcome(sql.query(`INSERT INTO heartbeat_token (${col}, label, token_hash) VALUES ($1, 'x', $2)`, [id, randomBytes(32)])));
    expect(await issue({ ward: 2, role: 'ward_chair' }, 'camera_id', other.id)).toBe('23503 heartbeat_token_camera');
    expect(await issue({ ward: 2, role: 'ward_chair' }, 'operator_id', op.id)).toBe('42501');
    expect(await issue({ role: 'planner' }, 'camera_id', own.id)).toBe('42501');
    expect(await issue({ role: 'police' }, 'camera_id', own.id)).toBe('42501');
    expect((await one(`SELECT count(*)::int AS n FROM heartbeat_token`)).n).toBe(before);
    expect(await issue({ role: 'admin' }, 'operator_id', op.id)).toBe('ok');
  });

  it('stay revoked once revoked, at the time the database gives', async () => {
    const c = await one(`SELECT id FROM camera WHERE district_id = 1 AND ward_id = 2 ORDER BY id LIMIT 1`);
    const token = await cameraToken(c.id);
    const { id } = await one(`SELECT id FROM heartbeat_token WHERE token_hash = $1`, [sha(token)]);
    const t = await asApp({ ward: 2, role: 'ward_chair' }, () =>
      one(`UPDATE heartbeat_token SET revoked_at = '2001-01-01' WHERE id = $1 RETURNING id, revoked_at = now() AS now`, [id]));
    expect(t.now).toBe(true);
    expect(await asApp({ ward: 2, role: 'ward_chair' }, () => outcome(sql.query(`UPDATE heartbeat_token SET revoked_at = NULL WHERE id = $1`, [t.id]))))
      .toBe('23514 heartbeat_token_revoked');
  });
});
