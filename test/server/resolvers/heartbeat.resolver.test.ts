import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstError, startTestApp, type TestApp } from '../../support/server';

/**
 * Camera health through GraphQL (R10): heartbeat tokens (issue, list, revoke) as the roles that
 * manage them, the health figures per ward, and the heartbeat fields of Camera (lastHeartbeatAt,
 * monitored, statusHistory), including the history that users' own edits write.
 */
let app: TestApp;
/** A point inside a residential group of ward 2 (chair.p02's) and of ward 3. */
const spot: Record<number, { lon: number; lat: number }> = {};

const TOKEN = 'id wardId cameraId operatorId label createdAt createdBy lastUsedAt revokedAt';
const ISSUE = `mutation($i: IssueHeartbeatTokenInput!) { issueHeartbeatToken(input: $i) { token heartbeatToken { ${TOKEN} } } }`;
const REVOKE = `mutation($id: Int!) { revokeHeartbeatToken(id: $id) { ${TOKEN} } }`;
const TOKENS = `query($c: Int, $o: Int) { heartbeatTokens(cameraId: $c, operatorId: $o) { ${TOKEN} } }`;
const FIGURES = 'cameras monitored online stale offline maintenance lastHeartbeatAt';
const HEALTH = `query($w: Int) { cameraHealth(wardId: $w) { asOf timeoutSeconds wardId total { ${FIGURES} } wards { wardId ward { id } figures { ${FIGURES} } } } }`;

beforeAll(async () => {
  app = await startTestApp();
  for (const ward of [2, 3]) {
    const r = await app.sql.query(
      `SELECT ST_X(p) AS lon, ST_Y(p) AS lat FROM residential_group g, LATERAL (SELECT ST_PointOnSurface(g.boundary) p) s
        WHERE g.ward_id = $1 ORDER BY g.id LIMIT 1`,
      [ward],
    );
    spot[ward] = r.rows[0];
  }
  // A first login writes an audit row of its own: log everyone in before rows are counted.
  for (const user of ['admin', 'planner', 'chair.p02', 'chair.p01', 'police', 'homeaffairs']) await app.cookieOf(user);
});
afterAll(() => app?.close());

/** A fresh camera in `ward`, registered by the admin; its id. */
async function newCamera(ward = 2, status = 'ACTIVE'): Promise<number> {
  const r = await app.gql(`mutation($i: RegisterCameraInput!) { registerCamera(input: $i) { id } }`, {
    i: { type: 'DOME', ownerKind: 'PUBLIC', status, location: { type: 'Point', coordinates: [spot[ward]!.lon, spot[ward]!.lat] } },
  });
  expect(r.errors).toBeUndefined();
  return r.data.registerCamera.id;
}

const counts = async () => ({ tokens: await app.count('heartbeat_token'), audit: await app.count('audit_log'), events: await app.count('camera_status_event') });

describe('heartbeat tokens', () => {
  it("are issued by a ward chair for their ward's camera, shown once, and listed without the token", async () => {
    const camera = await newCamera(2);
    const before = await app.count('audit_log', `entity = 'heartbeat_token'`);
    const r = await app.gql(ISSUE, { i: { cameraId: camera, label: '  Camera at the market gate  ' } }, { as: 'chair.p02' });
    expect(r.errors).toBeUndefined();
    const { token, heartbeatToken: t } = r.data.issueHeartbeatToken;
    expect(token).toMatch(/^wwhb_[A-Za-z0-9_-]{43}$/);
    expect(t).toMatchObject({ wardId: 2, cameraId: camera, operatorId: null, label: 'Camera at the market gate', createdBy: 'chair.p02', lastUsedAt: null, revokedAt: null });
    expect(await app.count('audit_log', `entity = 'heartbeat_token'`)).toBe(before + 1);
    const listed = await app.gql(TOKENS, { c: camera }, { as: 'chair.p02' });
    expect(listed.data.heartbeatTokens).toEqual([t]);
    expect(JSON.stringify(listed.data)).not.toContain(token);
  });

  it("refuse a ward chair another ward's camera, and an operator's token, and every other role, writing nothing", async () => {
    const other = await newCamera(3);
    const own = await newCamera(2);
    const [op] = (await app.system(`INSERT INTO network_operator (district_id, code, name, kind) VALUES (1, 'hb-res-op', 'Resolver test operator', 'other') RETURNING id`)).rows;
    const before = await counts();
    expect(firstError(await app.gql(ISSUE, { i: { cameraId: other, label: 'x' } }, { as: 'chair.p02' }))).toMatchObject({ code: 'NOT_FOUND', field: 'input.cameraId' });
    expect(firstError(await app.gql(ISSUE, { i: { operatorId: op.id, label: 'x' } }, { as: 'chair.p02' }))).toMatchObject({ code: 'FORBIDDEN', field: 'input.operatorId' });
    for (const as of ['planner', 'police', 'homeaffairs']) {
      expect(firstError(await app.gql(ISSUE, { i: { cameraId: own, label: 'x' } }, { as })).code, as).toBe('FORBIDDEN');
    }
    expect(firstError(await app.gql(ISSUE, { i: { cameraId: own, label: 'x' } }, { as: null })).code).toBe('UNAUTHENTICATED');
    expect(await counts()).toEqual(before);
    const byAdmin = await app.gql(ISSUE, { i: { operatorId: op.id, label: 'Operator gateway' } });
    expect(byAdmin.data.issueHeartbeatToken.heartbeatToken).toMatchObject({ operatorId: op.id, cameraId: null, wardId: null });
    // A chair sees no operator's tokens: asking for them is FORBIDDEN; the ADMIN lists them.
    expect(firstError(await app.gql(TOKENS, { o: op.id }, { as: 'chair.p02' }))).toMatchObject({ code: 'FORBIDDEN', field: 'operatorId' });
    expect((await app.gql(TOKENS, { o: op.id })).data.heartbeatTokens.map((t: { label: string }) => t.label)).toEqual(['Operator gateway']);
    const chairs = await app.gql(TOKENS, {}, { as: 'chair.p02' });
    expect(chairs.data.heartbeatTokens.length).toBeGreaterThan(0);
    expect(chairs.data.heartbeatTokens.every((t: { wardId: number; cameraId: number | null }) => t.wardId === 2 && t.cameraId !== null)).toBe(true);
  });

  it('name the field of bad input, and write nothing', async () => {
    const camera = await newCamera(2);
    const gone = await newCamera(2);
    await app.gql(`mutation($id: Int!) { decommissionCamera(id: $id) { id } }`, { id: gone });
    const before = await counts();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ label: 'nothing to heartbeat' }, 'input.cameraId'],
      [{ cameraId: camera, operatorId: 1, label: 'both' }, 'input.operatorId'],
      [{ cameraId: camera, label: '   ' }, 'input.label'],
      [{ cameraId: camera, label: 'x'.repeat(121) }, 'input.label'],
      [{ cameraId: gone, label: 'retired' }, 'input.cameraId'],
    ];
    for (const [i, field] of cases) {
      expect(firstError(await app.gql(ISSUE, { i })), JSON.stringify(i).slice(0, 60)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(firstError(await app.gql(ISSUE, { i: { cameraId: 999_999_999, label: 'none' } }))).toMatchObject({ code: 'NOT_FOUND', field: 'input.cameraId' });
    expect(firstError(await app.gql(`{ heartbeatTokens(first: 0) { id } }`))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(await counts()).toEqual(before);
  });

  it('are revoked for good by whoever manages them, once; another ward looks like none', async () => {
    const camera = await newCamera(2);
    const id = (await app.gql(ISSUE, { i: { cameraId: camera, label: 'to revoke' } })).data.issueHeartbeatToken.heartbeatToken.id;
    const before = await counts();
    expect(firstError(await app.gql(REVOKE, { id }, { as: 'chair.p01' }))).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect(firstError(await app.gql(REVOKE, { id }, { as: 'planner' })).code).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);
    const r = await app.gql(REVOKE, { id }, { as: 'chair.p02' });
    expect(r.errors).toBeUndefined();
    expect(Date.now() - Date.parse(r.data.revokeHeartbeatToken.revokedAt)).toBeLessThan(60_000);
    const after = await counts();
    expect(firstError(await app.gql(REVOKE, { id }, { as: 'chair.p02' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(await counts()).toEqual(after);
  });
});

describe('the heartbeat fields of a camera', () => {
  it('are null and false for a camera that never reported, and follow its heartbeats', async () => {
    const id = await newCamera(2);
    const q = `query($id: Int!) { camera(id: $id) { lastHeartbeatAt monitored } }`;
    expect((await app.gql(q, { id })).data.camera).toEqual({ lastHeartbeatAt: null, monitored: false });
    const token = (await app.gql(ISSUE, { i: { cameraId: id, label: 'fields' } })).data.issueHeartbeatToken.token;
    const res = await fetch(`${app.server.url}/api/heartbeat`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ cameraId: id }),
    });
    expect(res.status).toBe(200);
    const c = (await app.gql(q, { id })).data.camera;
    expect(c.monitored).toBe(true);
    const [db] = (await app.sql.query(`SELECT last_heartbeat_at FROM camera WHERE id = $1`, [id])).rows;
    expect(Date.parse(c.lastHeartbeatAt)).toBe(db.last_heartbeat_at.getTime());
  });

  it("record a user's status edit and a decommissioning in the history as EDIT, by that user, newest first", async () => {
    const id = await newCamera(2);
    const up = await app.gql(`mutation($id: Int!) { updateCamera(id: $id, input: { status: MAINTENANCE }) { status } }`, { id }, { as: 'chair.p02' });
    expect(up.errors).toBeUndefined();
    await app.gql(`mutation($id: Int!) { updateCamera(id: $id, input: { label: "only the label" }) { status } }`, { id }, { as: 'chair.p02' });
    await app.gql(`mutation($id: Int!) { decommissionCamera(id: $id) { status } }`, { id }, { as: 'chair.p02' });
    const r = await app.gql(`query($id: Int!) { camera(id: $id) { statusHistory { id cameraId status previousStatus reason username at } } }`, { id }, { as: 'chair.p02' });
    const history = r.data.camera.statusHistory;
    expect(history.map((e: Record<string, unknown>) => [e.status, e.previousStatus, e.reason, e.username])).toEqual([
      ['DECOMMISSIONED', 'MAINTENANCE', 'EDIT', 'chair.p02'],
      ['MAINTENANCE', 'ACTIVE', 'EDIT', 'chair.p02'],
      ['ACTIVE', null, 'EDIT', 'admin'],
    ]);
    expect(history.every((e: { cameraId: number }) => e.cameraId === id)).toBe(true);
    expect(history[0].id).toBeGreaterThan(history[1].id);
  });

  it('keep the last 20 changes of each camera of a list, newest first by number', async () => {
    // A seeded camera whose first event's id sorts after the next ids as text ("857" > "2101"): a
    // history ordered by the text of its ids would show that event first.
    const [{ m }] = (await app.sql.query(`SELECT max(id)::text AS m FROM camera_status_event`)).rows;
    const [old] = (await app.sql.query(
      `SELECT c.id FROM camera c JOIN camera_status_event e ON e.camera_id = c.id
        WHERE c.ward_id = 2 AND c.status = 'active' AND length(e.id::text) < length($1) AND e.id::text > $1
        ORDER BY e.id LIMIT 1`,
      [m],
    )).rows;
    expect(old).toBeDefined();
    await app.gql(`mutation($id: Int!) { updateCamera(id: $id, input: { status: OFFLINE }) { id } }`, { id: old.id });
    await app.gql(`mutation($id: Int!) { updateCamera(id: $id, input: { status: ACTIVE }) { id } }`, { id: old.id });
    const id = await newCamera(2);
    for (let i = 0; i < 22; i++) {
      await app.gql(`mutation($id: Int!, $s: CameraStatus!) { updateCamera(id: $id, input: { status: $s }) { id } }`, { id, s: i % 2 ? 'ACTIVE' : 'OFFLINE' });
    }
    const r = await app.gql(`{ cameras(first: 500, filter: { wardId: 2 }) { edges { node { id statusHistory { id } } } } }`);
    expect(r.errors).toBeUndefined();
    const nodes: { id: number; statusHistory: { id: number }[] }[] = r.data.cameras.edges.map((e: { node: unknown }) => e.node);
    const mine = nodes.find((n) => n.id === id)!;
    expect(mine.statusHistory).toHaveLength(20); // of 23
    expect(mine.statusHistory[0].id).toBe(Math.max(...mine.statusHistory.map((e) => e.id)));
    const { rows } = await app.sql.query(`SELECT camera_id, count(*)::int AS n FROM camera_status_event WHERE ward_id = 2 GROUP BY 1`);
    const stored = new Map(rows.map((x) => [x.camera_id, x.n]));
    for (const n of nodes) {
      expect(n.statusHistory.length, `camera ${n.id}`).toBe(Math.min(20, stored.get(n.id) ?? 0));
      const ids = n.statusHistory.map((e) => e.id);
      expect(ids, `camera ${n.id}: newest first`).toEqual([...ids].sort((a, b) => b - a));
    }
  });
});

describe('cameraHealth', () => {
  it('counts per ward what the cameras say, and adds the wards up to the total', async () => {
    const r = await app.gql(HEALTH, {}, { as: 'planner' });
    expect(r.errors).toBeUndefined();
    const h = r.data.cameraHealth;
    expect(h.timeoutSeconds).toBe(300);
    expect(h.wards).toHaveLength(13);
    const { rows } = await app.sql.query(
      `SELECT ward_id, count(*)::int AS cameras, count(last_heartbeat_at)::int AS monitored,
              count(*) FILTER (WHERE last_heartbeat_at IS NOT NULL AND status = 'offline')::int AS offline,
              count(*) FILTER (WHERE last_heartbeat_at IS NOT NULL AND status = 'maintenance')::int AS maintenance
         FROM camera WHERE district_id = 1 AND status <> 'decommissioned' GROUP BY 1`,
    );
    for (const w of h.wards) {
      const row = rows.find((x) => x.ward_id === w.wardId)!;
      expect(w.ward.id).toBe(w.wardId);
      expect(w.figures).toMatchObject({ cameras: row.cameras, monitored: row.monitored, offline: row.offline, maintenance: row.maintenance });
      expect(w.figures.online + w.figures.stale + w.figures.offline + w.figures.maintenance).toBeLessThanOrEqual(w.figures.monitored);
    }
    for (const k of ['cameras', 'monitored', 'online', 'stale', 'offline', 'maintenance']) {
      expect(h.total[k], k).toBe(h.wards.reduce((s: number, w: { figures: Record<string, number> }) => s + w.figures[k]!, 0));
    }
    expect(h.total.monitored).toBeGreaterThan(100);
    expect(h.total.online + h.total.stale).toBeGreaterThan(0);
  });

  it("shows a ward chair their ward alone, and another ward as NOT_FOUND", async () => {
    const mine = await app.gql(HEALTH, {}, { as: 'chair.p02' });
    expect(mine.data.cameraHealth.wards.map((w: { wardId: number }) => w.wardId)).toEqual([2]);
    expect(mine.data.cameraHealth.total).toEqual(mine.data.cameraHealth.wards[0].figures);
    expect(firstError(await app.gql(HEALTH, { w: 3 }, { as: 'chair.p02' }))).toMatchObject({ code: 'NOT_FOUND', field: 'wardId' });
    const one = await app.gql(HEALTH, { w: 3 }, { as: 'homeaffairs' });
    expect(one.data.cameraHealth).toMatchObject({ wardId: 3, wards: [{ wardId: 3 }] });
  });

  it('counts a camera silent for more than half the timeout as stale, and an OFFLINE monitored one as offline', async () => {
    const [stale, off] = [await newCamera(3), await newCamera(3)];
    const before = (await app.gql(HEALTH, { w: 3 })).data.cameraHealth.total;
    await app.system(`UPDATE camera SET last_heartbeat_at = now() - interval '200 seconds' WHERE id = $1`, [stale]);
    await app.system(`UPDATE camera SET last_heartbeat_at = now() - interval '1 hour', status = 'offline' WHERE id = $1`, [off]);
    const after = (await app.gql(HEALTH, { w: 3 })).data.cameraHealth.total;
    expect(after).toMatchObject({ cameras: before.cameras, monitored: before.monitored + 2, offline: before.offline + 1 });
    // (seeded cameras may cross from online to stale meanwhile: the two add up all the same)
    expect(after.online + after.stale).toBe(before.online + before.stale + 1);
    expect(after.stale).toBeGreaterThanOrEqual(before.stale + 1);
  });
});
