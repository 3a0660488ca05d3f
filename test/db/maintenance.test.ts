import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { APP_ROLE } from '../../db/migrations/1764662400000-access';
import { TICKET_DAYS, TICKETS } from '../../db/seed/demo-maintenance';

/**
 * Maintenance tickets (R10) in the database itself: the demo seed's tickets and timelines, the state
 * machine and its times as the app role meets them, the camera's status following the work, the
 * tickets the heartbeat timeout opens, and the ward a ticket follows.
 */
let owner: pg.Client;

beforeAll(async () => {
  owner = new pg.Client({ connectionString: inject('databaseUrl') });
  await owner.connect();
});
afterAll(() => owner?.end());

/** One statement as the database's owner with ww.system on, committed. */
async function system(sql: string, params: unknown[] = []): Promise<pg.QueryResult> {
  await owner.query('BEGIN');
  try {
    await owner.query(`SET LOCAL ww.system = 'on'`);
    const r = await owner.query(sql, params);
    await owner.query('COMMIT');
    return r;
  } catch (err) {
    await owner.query('ROLLBACK');
    throw err;
  }
}

/** Runs `fn` as the app role with a user's scope (district 1, `ward`), committing unless `rollback`. */
async function asApp<T>(ward: number | null, fn: (c: pg.Client) => Promise<T>, options: { rollback?: boolean; user?: string } = {}): Promise<T> {
  const c = new pg.Client({ connectionString: inject('appDatabaseUrl') || inject('databaseUrl') });
  await c.connect();
  await c.query('BEGIN');
  try {
    await c.query(`SET LOCAL ROLE ${APP_ROLE}`);
    await c.query(
      `SELECT set_config('ww.district_id', '1', true), set_config('ww.ward_id', $1, true), set_config('ww.role', 'ward_chair', true),
              set_config('ww.username', $2, true), set_config('ww.action', 'test', true)`,
      [ward == null ? '' : String(ward), options.user ?? 'chair.p02'],
    );
    const r = await fn(c);
    await c.query(options.rollback ? 'ROLLBACK' : 'COMMIT');
    return r;
  } catch (err) {
    await c.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    await c.end();
  }
}

/** The database error a promise rejects with (fails if it resolves). */
async function dbError(p: Promise<unknown>): Promise<{ code?: string; constraint?: string; column?: string }> {
  try {
    await p;
  } catch (err) {
    return err as { code?: string; constraint?: string; column?: string };
  }
  throw new Error('expected the database to refuse');
}

/**
 * A new ACTIVE camera of `ward` (monitored: with a heartbeat just now), for a test of its own: the
 * seeded cameras stay as the seed left them.
 */
async function freshCamera(ward: number, monitored = false): Promise<number> {
  const { rows } = await system(
    `INSERT INTO camera (district_id, label, location, bearing, field_of_view, range_m, camera_type, owner_kind, last_heartbeat_at)
     SELECT 1, 'Maintenance test', ST_PointOnSurface(g.boundary), 90, 85, 20, 'fixed', 'public', CASE WHEN $2 THEN now() END
       FROM residential_group g WHERE g.ward_id = $1 ORDER BY g.id LIMIT 1
     RETURNING id, ward_id, status`,
    [ward, monitored],
  );
  expect(rows[0]).toMatchObject({ ward_id: ward, status: 'active' });
  return rows[0].id;
}

async function statusEvents(cameraId: number): Promise<Array<{ status: string; previous_status: string | null; reason: string }>> {
  return (await owner.query(`SELECT status, previous_status, reason FROM camera_status_event WHERE camera_id = $1 ORDER BY id`, [cameraId])).rows;
}

/** The demo seed's own tickets (earlier test files may have let the heartbeat timeout open more). */
const SEEDED = `EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = 'maintenance_ticket' AND a.entity_id = t.id
                  AND a.operation = 'INSERT' AND a.action = 'seed demo district')`;

describe('the demo seed', () => {
  it(`has about 60 tickets of the last ${TICKET_DAYS} days in every state, one camera each`, async () => {
    const { rows } = await owner.query(
      `SELECT state, count(*)::int AS n, count(DISTINCT camera_id)::int AS cameras,
              bool_and(reported_at > now() - make_interval(days => $1) AND updated_at <= now()) AS recent
         FROM maintenance_ticket t WHERE ${SEEDED} GROUP BY state ORDER BY state`,
      [TICKET_DAYS],
    );
    expect(Object.fromEntries(rows.map((r) => [r.state, r.n]))).toEqual(TICKETS);
    for (const r of rows) expect([r.state, r.cameras, r.recent]).toEqual([r.state, r.n, true]);
    const sources = (await owner.query(`SELECT DISTINCT source FROM maintenance_ticket t WHERE state = 'resolved' AND ${SEEDED} ORDER BY 1`)).rows;
    expect(sources.map((r) => r.source)).toEqual(['heartbeat', 'manual']);
  });

  it("fits each ticket to its camera: work in progress on cameras in MAINTENANCE, repairs done on ACTIVE ones, heartbeat tickets on monitored ones", async () => {
    const { rows } = await owner.query(`
      SELECT t.state, t.source, c.status, c.last_heartbeat_at IS NOT NULL AS monitored, count(*)::int AS n
        FROM maintenance_ticket t JOIN camera c ON c.id = t.camera_id
       WHERE ${SEEDED}
       GROUP BY 1, 2, 3, 4`);
    const bad = rows.filter(
      (r) =>
        (r.state === 'in_progress' && r.status !== 'maintenance') ||
        (r.state === 'resolved' && r.status !== 'active') ||
        (r.state !== 'resolved' && r.monitored) ||
        (r.source === 'heartbeat' && !r.monitored) ||
        r.status === 'decommissioned',
    );
    expect(bad).toEqual([]);
  });

  it('gives every ticket a timeline that matches its times: one entry per step, in order, none after now', async () => {
    const { rows } = await owner.query(`
      SELECT t.id, t.state,
             t.reported_at <= coalesce(t.assigned_at, t.reported_at) AND coalesce(t.assigned_at, t.reported_at) <= coalesce(t.started_at, now())
               AND coalesce(t.started_at, t.reported_at) <= coalesce(t.resolved_at, now()) AND t.updated_at <= now() AS ordered,
             (SELECT array_agg(e.kind ORDER BY e.at, e.id) FILTER (WHERE e.kind <> 'note') FROM maintenance_ticket_event e WHERE e.maintenance_ticket_id = t.id) AS kinds,
             (SELECT e.at FROM maintenance_ticket_event e WHERE e.maintenance_ticket_id = t.id AND e.kind = 'reported') = t.reported_at AS reported_ok,
             (SELECT e.at FROM maintenance_ticket_event e WHERE e.maintenance_ticket_id = t.id AND e.kind = 'started') IS NOT DISTINCT FROM t.started_at AS started_ok,
             (SELECT e.at FROM maintenance_ticket_event e WHERE e.maintenance_ticket_id = t.id AND e.kind = 'resolved') IS NOT DISTINCT FROM t.resolved_at AS resolved_ok,
             (SELECT e.note FROM maintenance_ticket_event e WHERE e.maintenance_ticket_id = t.id AND e.kind = 'resolved') IS NOT DISTINCT FROM t.resolution AS resolution_ok,
             (SELECT bool_and(e.at BETWEEN t.reported_at AND coalesce(t.resolved_at, now()) AND e.ward_id = t.ward_id)
                FROM maintenance_ticket_event e WHERE e.maintenance_ticket_id = t.id) AS within,
             (SELECT bool_and(e.assignee = t.assignee) FROM maintenance_ticket_event e WHERE e.maintenance_ticket_id = t.id AND e.kind = 'started') AS assignee_ok,
             t.assigned_at < t.started_at OR t.started_at IS NULL AS separately_assigned
        FROM maintenance_ticket t WHERE ${SEEDED} ORDER BY t.id`);
    expect(rows.length).toBeGreaterThan(50);
    for (const r of rows) {
      const expected = ['reported', ...(r.state !== 'reported' && r.separately_assigned ? ['assigned'] : []),
        ...(['in_progress', 'resolved'].includes(r.state) ? ['started'] : []), ...(r.state === 'resolved' ? ['resolved'] : [])];
      expect({ id: r.id, kinds: r.kinds, ordered: r.ordered, reported: r.reported_ok, started: r.started_ok, resolved: r.resolved_ok,
        resolution: r.resolution_ok, within: r.within, assignee: r.assignee_ok !== false }).toEqual({
        id: r.id, kinds: expected, ordered: true, reported: true, started: true, resolved: true, resolution: true, within: true, assignee: true,
      });
    }
    // Some tickets went straight to work (no separate assignment), some have notes.
    expect(rows.some((r) => r.state === 'resolved' && !r.separately_assigned)).toBe(true);
    expect((await owner.query(`SELECT count(*)::int AS n FROM maintenance_ticket_event WHERE kind = 'note'`)).rows[0].n).toBeGreaterThan(0);
  });
});

describe('the state machine as the app role', () => {
  it('opens a ticket REPORTED, now, by the user, whatever the insert says; a second unresolved one for the camera is refused', async () => {
    const camera = await freshCamera(2);
    const ticket = await asApp(2, async (c) => {
      const { rows } = await c.query(`INSERT INTO maintenance_ticket (camera_id, problem) VALUES ($1, 'Camera mất hình') RETURNING *, now() AS tx_now`, [camera]);
      return rows[0];
    });
    expect(ticket).toMatchObject({ state: 'reported', source: 'manual', reported_by: 'chair.p02', ward_id: 2, district_id: 1, assignee: null });
    expect(ticket.reported_at).toEqual(ticket.tx_now);
    // The app role may not name the state, the source or the time at all.
    for (const column of ['state', 'source', 'reported_at', 'assignee']) {
      const e = await dbError(asApp(2, (c) => c.query(`INSERT INTO maintenance_ticket (camera_id, problem, ${column}) VALUES ($1, 'x y z', NULL)`, [camera])));
      expect(e.code, column).toBe('42501');
    }
    const twice = await dbError(asApp(2, (c) => c.query(`INSERT INTO maintenance_ticket (camera_id, problem) VALUES ($1, 'Lần hai')`, [camera])));
    expect([twice.code, twice.constraint]).toEqual(['23505', 'maintenance_ticket_one_open_idx']);
    // Another ward's camera is not the chair's to report.
    const other = await freshCamera(3);
    const foreign = await dbError(asApp(2, (c) => c.query(`INSERT INTO maintenance_ticket (camera_id, problem) VALUES ($1, 'x y z')`, [other])));
    expect(foreign.constraint).toBe('ww_maintenance_ticket_parent');
  });

  it('refuses every move the machine does not have, and a resolved ticket changes no more', async () => {
    const camera = await freshCamera(2);
    const id = await asApp(2, async (c) => (await c.query(`INSERT INTO maintenance_ticket (camera_id, problem) VALUES ($1, 'Mờ hình') RETURNING id`, [camera])).rows[0].id);
    const refused = async (set: string) => dbError(asApp(2, (c) => c.query(`UPDATE maintenance_ticket SET ${set} WHERE id = $1`, [id])));
    for (const set of [`state = 'resolved', resolution = 'Đã sửa'`, `state = 'assigned'`, `state = 'in_progress'`]) {
      const e = await refused(set); // to resolved without work; assigned or started without an assignee (the CHECK)
      expect(e.code, set).toBe('23514');
    }
    expect((await refused(`state = 'resolved', resolution = 'Đã sửa'`)).constraint).toBe('ww_maintenance_ticket_transition');
    // The report and the camera are not the app role's to change; not even the owner changes them.
    for (const set of [`problem = 'Khác'`, `camera_id = ${await freshCamera(2)}`, `reported_at = now()`]) expect((await refused(set)).code, set).toBe('42501');
    expect((await dbError(system(`UPDATE maintenance_ticket SET problem = 'Khác' WHERE id = $1`, [id]))).column).toBe('problem');
    expect((await dbError(system(`UPDATE maintenance_ticket SET camera_id = $2 WHERE id = $1`, [id, await freshCamera(2)]))).column).toBe('camera_id');

    // reported -> assigned -> in_progress -> resolved, each time set by the database: the app role may
    // not even name the time columns.
    const past = '2020-01-01T00:00:00Z';
    for (const column of ['assigned_at', 'started_at', 'resolved_at']) {
      const e = await dbError(asApp(2, (c) => c.query(`UPDATE maintenance_ticket SET ${column} = '${past}' WHERE id = $1`, [id])));
      expect(e.code, column).toBe('42501');
    }
    const step = (set: string) =>
      asApp(2, async (c) => (await c.query(`UPDATE maintenance_ticket SET ${set} WHERE id = $1 RETURNING *, now() AS tx_now`, [id])).rows[0]);
    const assigned = await step(`state = 'assigned', assignee = 'Tổ kỹ thuật'`);
    expect([assigned.state, assigned.assigned_at]).toEqual(['assigned', assigned.tx_now]);
    const started = await step(`state = 'in_progress'`);
    expect([started.state, started.started_at, started.assigned_at]).toEqual(['in_progress', started.tx_now, assigned.assigned_at]);
    expect((await refused(`state = 'assigned'`)).constraint).toBe('ww_maintenance_ticket_transition');
    expect((await refused(`resolution = 'Sớm quá'`)).column).toBe('resolution');
    const resolved = await step(`state = 'resolved', resolution = 'Thay nguồn', repair_cost_vnd = 200000`);
    expect([resolved.state, resolved.resolved_at, Number(resolved.repair_cost_vnd)]).toEqual(['resolved', resolved.tx_now, 200000]);
    for (const set of [`state = 'in_progress'`, `assignee = 'Người khác'`, `repair_cost_vnd = 1`]) {
      const e = await refused(set);
      expect([e.code, e.constraint, e.column], set).toEqual(['23514', 'ww_maintenance_ticket_transition', 'state']);
    }
    // The owner's seed and imports write their own history (ww.system): a past time stays.
    const imported = await system(
      `INSERT INTO maintenance_ticket (camera_id, problem, state, reported_at, assignee, assigned_at, started_at, resolved_at, resolution)
       VALUES ($1, 'Nhập từ sổ cũ', 'resolved', $2, 'Đội cũ', $2, $2, $2, 'Đã sửa') RETURNING reported_at, resolved_at, ward_id`,
      [camera, past],
    );
    expect(imported.rows[0]).toEqual({ reported_at: new Date(past), resolved_at: new Date(past), ward_id: 2 });
  });

  it('keeps the timeline append-only, and takes only entries that fit the ticket', async () => {
    const [t] = (await owner.query(`SELECT id, ward_id FROM maintenance_ticket WHERE state = 'resolved' ORDER BY id LIMIT 1`)).rows;
    const e = await dbError(asApp(t.ward_id, (c) => c.query(`INSERT INTO maintenance_ticket_event (maintenance_ticket_id, kind, note) VALUES ($1, 'note', 'Muộn')`, [t.id])));
    expect([e.code, e.constraint]).toEqual(['23514', 'ww_maintenance_ticket_transition']);
    const camera = await freshCamera(2);
    const open = await asApp(2, async (c) => {
      const id = (await c.query(`INSERT INTO maintenance_ticket (camera_id, problem) VALUES ($1, 'Mất hình') RETURNING id`, [camera])).rows[0].id;
      await c.query(`INSERT INTO maintenance_ticket_event (maintenance_ticket_id, kind) VALUES ($1, 'reported')`, [id]);
      return id;
    });
    for (const kind of ['reported', 'started', 'resolved']) {
      expect((await dbError(asApp(2, (c) => c.query(`INSERT INTO maintenance_ticket_event (maintenance_ticket_id, kind) VALUES ($1, $2)`, [open, kind])))).column, kind).toBe('kind');
    }
    const note = await asApp(2, async (c) => (await c.query(`INSERT INTO maintenance_ticket_event (maintenance_ticket_id, kind, note) VALUES ($1, 'note', 'Đã gọi thợ') RETURNING *`, [open])).rows[0], { rollback: true });
    expect(note).toMatchObject({ kind: 'note', username: 'chair.p02', ward_id: 2 });
    for (const sql of [`UPDATE maintenance_ticket_event SET note = 'sửa' WHERE maintenance_ticket_id = $1`, `DELETE FROM maintenance_ticket_event WHERE maintenance_ticket_id = $1`]) {
      expect((await dbError(system(sql, [t.id]))).code, sql).toBe('42501');
    }
  });

  it("limits a ward user to their ward's tickets and timelines", async () => {
    const seen = await asApp(2, async (c) => (await c.query(`
      SELECT (SELECT array_agg(DISTINCT ward_id) FROM maintenance_ticket) AS tickets,
             (SELECT array_agg(DISTINCT ward_id) FROM maintenance_ticket_event) AS events`)).rows[0], { rollback: true });
    expect(seen).toEqual({ tickets: [2], events: [2] });
    const total = (await owner.query(`SELECT count(DISTINCT ward_id)::int AS n FROM maintenance_ticket`)).rows[0].n;
    expect(total).toBeGreaterThan(5);
  });
});

describe("the camera's status follows the work", () => {
  it("goes to MAINTENANCE when work starts and back to ACTIVE when it is resolved, each with reason 'maintenance'", async () => {
    const camera = await freshCamera(4);
    const id = await asApp(4, async (c) => (await c.query(`INSERT INTO maintenance_ticket (camera_id, problem) VALUES ($1, 'Lệch hướng') RETURNING id`, [camera])).rows[0].id, { user: 'chair.p04' });
    const before = await statusEvents(camera);
    await asApp(4, (c) => c.query(`UPDATE maintenance_ticket SET state = 'in_progress', assignee = 'Tổ kỹ thuật' WHERE id = $1`, [id]), { user: 'chair.p04' });
    expect((await owner.query(`SELECT status FROM camera WHERE id = $1`, [camera])).rows[0].status).toBe('maintenance');
    await asApp(4, (c) => c.query(`UPDATE maintenance_ticket SET state = 'resolved', resolution = 'Chỉnh lại hướng' WHERE id = $1`, [id]), { user: 'chair.p04' });
    expect((await owner.query(`SELECT status FROM camera WHERE id = $1`, [camera])).rows[0].status).toBe('active');
    expect((await statusEvents(camera)).slice(before.length)).toEqual([
      { status: 'maintenance', previous_status: 'active', reason: 'maintenance' },
      { status: 'active', previous_status: 'maintenance', reason: 'maintenance' },
    ]);
    // The reason was the trigger's own setting: a user's edit later in the same transaction is an edit again.
    const inOneTransaction = await asApp(4, async (c) => {
      await c.query(`UPDATE maintenance_ticket SET state = 'in_progress' WHERE id = $1`, [await reportAndAssign(c, camera)]);
      await c.query(`UPDATE camera SET status = 'offline' WHERE id = $1`, [camera]);
      return (await c.query(`SELECT status, reason FROM camera_status_event WHERE camera_id = $1 ORDER BY id DESC LIMIT 2`, [camera])).rows;
    }, { user: 'chair.p04', rollback: true });
    expect(inOneTransaction).toEqual([{ status: 'offline', reason: 'edit' }, { status: 'maintenance', reason: 'maintenance' }]);
  });

  it('leaves a decommissioned camera decommissioned', async () => {
    const camera = await freshCamera(5);
    const id = await asApp(5, async (c) => {
      const t = await reportAndAssign(c, camera);
      await c.query(`UPDATE maintenance_ticket SET state = 'in_progress' WHERE id = $1`, [t]);
      return t;
    }, { user: 'chair.p05' });
    await system(`UPDATE camera SET status = 'decommissioned', decommissioned_at = now() WHERE id = $1`, [camera]);
    await asApp(5, (c) => c.query(`UPDATE maintenance_ticket SET state = 'resolved', resolution = 'Tháo dỡ, không sửa được' WHERE id = $1`, [id]), { user: 'chair.p05' });
    expect((await owner.query(`SELECT status FROM camera WHERE id = $1`, [camera])).rows[0].status).toBe('decommissioned');
    const e = await dbError(asApp(5, (c) => c.query(`INSERT INTO maintenance_ticket (camera_id, problem) VALUES ($1, 'Hỏng')`, [camera]), { user: 'chair.p05' }));
    expect([e.constraint, e.column]).toEqual(['ww_maintenance_ticket_camera', 'camera_id']);
  });
});

/** Reports and assigns a ticket for `camera` on the app connection `c`; its id. */
async function reportAndAssign(c: pg.Client, camera: number): Promise<number> {
  const id = (await c.query(`INSERT INTO maintenance_ticket (camera_id, problem) VALUES ($1, 'Mất hình') RETURNING id`, [camera])).rows[0].id;
  await c.query(`UPDATE maintenance_ticket SET state = 'assigned', assignee = 'Tổ kỹ thuật' WHERE id = $1`, [id]);
  return id;
}

describe('tickets from the heartbeat timeout', () => {
  it('opens a HEARTBEAT ticket for a monitored camera that goes OFFLINE on the timeout, once, and none for a camera already being repaired', async () => {
    const silent = await freshCamera(6, true);
    const repaired = await freshCamera(7, true);
    await asApp(7, (c) => c.query(`INSERT INTO maintenance_ticket (camera_id, problem) VALUES ($1, 'Đang kiểm tra')`, [repaired]), { user: 'chair.p07' });
    await system(`UPDATE camera SET last_heartbeat_at = now() - interval '3 hours' WHERE id = ANY ($1)`, [[silent, repaired]]);
    const before = (await owner.query(`SELECT count(*)::int AS n FROM maintenance_ticket`)).rows[0].n;
    const gone = (await system(`SELECT ww_camera_heartbeat_timeout(interval '2 hours') AS n`)).rows[0].n;
    expect(gone).toBeGreaterThanOrEqual(2);
    const { rows } = await owner.query(
      `SELECT t.camera_id, t.state, t.source, t.reported_by, t.ward_id, c.status,
              (SELECT array_agg(e.kind || ':' || coalesce(e.username, '-')) FROM maintenance_ticket_event e WHERE e.maintenance_ticket_id = t.id) AS events
         FROM maintenance_ticket t JOIN camera c ON c.id = t.camera_id
        WHERE t.camera_id = ANY ($1) AND t.state <> 'resolved' ORDER BY t.camera_id = $2 DESC`,
      [[silent, repaired], silent],
    );
    expect(rows).toEqual([
      { camera_id: silent, state: 'reported', source: 'heartbeat', reported_by: null, ward_id: 6, status: 'offline', events: ['reported:-'] },
      { camera_id: repaired, state: 'reported', source: 'manual', reported_by: 'chair.p07', ward_id: 7, status: 'offline', events: null },
    ]);
    expect((await owner.query(`SELECT count(*)::int AS n FROM maintenance_ticket`)).rows[0].n).toBe(before + gone - 1);
    // A second timeout finds the camera offline already: no second ticket.
    await system(`SELECT ww_camera_heartbeat_timeout(interval '2 hours')`);
    expect((await owner.query(`SELECT count(*)::int AS n FROM maintenance_ticket WHERE camera_id = $1`, [silent])).rows[0].n).toBe(1);
  });
});

describe("a camera moved to another ward", () => {
  it('takes its tickets and their timelines along', async () => {
    const [t] = (await owner.query(`SELECT id, camera_id, ward_id FROM maintenance_ticket WHERE state = 'resolved' AND source = 'manual' ORDER BY id LIMIT 1`)).rows;
    const [where] = (await owner.query(`SELECT ST_AsText(location) AS loc FROM camera WHERE id = $1`, [t.camera_id])).rows;
    const [spot] = (await owner.query(
      `SELECT ward_id, ST_AsText(ST_PointOnSurface(boundary)) AS p FROM residential_group WHERE ward_id <> $1 ORDER BY id LIMIT 1`, [t.ward_id])).rows;
    const wards = async () =>
      (await owner.query(`SELECT t.ward_id AS ticket, (SELECT array_agg(DISTINCT e.ward_id) FROM maintenance_ticket_event e WHERE e.maintenance_ticket_id = t.id) AS events
                            FROM maintenance_ticket t WHERE t.id = $1`, [t.id])).rows[0];
    await system(`UPDATE camera SET location = ST_SetSRID(ST_GeomFromText($2), 4326) WHERE id = $1`, [t.camera_id, spot.p]);
    try {
      expect(await wards()).toEqual({ ticket: spot.ward_id, events: [spot.ward_id] });
    } finally {
      await system(`UPDATE camera SET location = ST_SetSRID(ST_GeomFromText($2), 4326) WHERE id = $1`, [t.camera_id, where.loc]);
    }
    expect(await wards()).toEqual({ ticket: t.ward_id, events: [t.ward_id] });
  });
});
