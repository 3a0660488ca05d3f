import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_LIMITS } from '../../server/src/live/ws';
import { POLL_SQL } from '../../server/src/live/live-events';
import { openLive, liveUrl, type LiveConnection } from '../support/live';
import { DEMO_PASSWORD, gqlWith, loginOver, startTestApp, type TestApp } from '../support/server';

/**
 * Live camera status (Subscription.cameraStatusChanged over graphql-ws at /graphql): who receives
 * what, who is refused, and how fast a change arrives, against the real server and database.
 */
const CHANGES = `subscription($wardId: Int) { cameraStatusChanged(wardId: $wardId) { eventId cameraId wardId status previousStatus reason at lastHeartbeatAt } }`;
const POLL_MS = 200;
const SESSION_CHECK_MS = 300;

interface Change {
  eventId: number;
  cameraId: number;
  wardId: number;
  status: string;
  previousStatus: string | null;
  reason: string;
  at: string;
  lastHeartbeatAt: string | null;
}
type Changes = { cameraStatusChanged: Change };

let app: TestApp;
let stopped = false;
/** An active, unmonitored camera in ward 1 and one in ward 2 (their status is put back after each test). */
let cameraA: number;
let cameraB: number;
const open: LiveConnection[] = [];

async function live(username: string | null): Promise<LiveConnection> {
  const c = await openLive(app.server.url, { cookie: username ? await app.cookieOf(username) : null });
  open.push(c);
  return c;
}

async function setStatus(id: number, status: string): Promise<void> {
  const r = await app.gql(`mutation($id: Int!, $s: CameraStatus!) { updateCamera(id: $id, input: { status: $s }) { status } }`, { id, s: status });
  expect(r.errors).toBeUndefined();
  expect(r.data.updateCamera.status).toBe(status);
}

/** Waits long enough for several polls, so that anything that was going to arrive has. */
const settle = () => new Promise((r) => setTimeout(r, POLL_MS * 6));
/** The changes of these cameras after event `after` (an earlier test's last events may still arrive). */
const of = (changes: Changes[], after: number, ...ids: number[]) =>
  changes.map((c) => c.cameraStatusChanged).filter((c) => c.eventId > after && ids.includes(c.cameraId));
/** The newest status event's id now. */
const newest = async (): Promise<number> => Number((await app.system(`SELECT coalesce(max(id), 0) AS id FROM camera_status_event`)).rows[0].id);

beforeAll(async () => {
  app = await startTestApp({ config: { livePollMs: POLL_MS, liveSessionCheckMs: SESSION_CHECK_MS } });
  const pick = async (ward: number) =>
    (await app.sql.query(`SELECT min(id) AS id FROM camera WHERE ward_id = $1 AND status = 'active' AND last_heartbeat_at IS NULL`, [ward])).rows[0].id;
  cameraA = await pick(1);
  cameraB = await pick(2);
});

afterAll(async () => {
  await Promise.all(open.map((c) => c.dispose().catch(() => undefined)));
  if (!stopped) {
    await app.system(`UPDATE camera SET status = 'active' WHERE id = ANY ($1) AND status <> 'active'`, [[cameraA, cameraB]]);
    await app.close();
  }
});

describe('who receives a camera status change', () => {
  it("gives a ward chair their own ward's changes and never another ward's, and the planner both wards'", async () => {
    const [chair1, chair2, planner] = await Promise.all([live('chair.p01'), live('chair.p02'), live('planner')]);
    const s1 = chair1.subscribe<Changes>(CHANGES);
    const s2 = chair2.subscribe<Changes>(CHANGES);
    const sp = planner.subscribe<Changes>(CHANGES);
    await settle(); // the subscriptions have started
    const after = await newest();
    await setStatus(cameraA, 'OFFLINE');
    await setStatus(cameraB, 'OFFLINE');
    await setStatus(cameraA, 'ACTIVE');
    await setStatus(cameraB, 'ACTIVE');
    await sp.until((d) => of(d, after, cameraA, cameraB).length === 4);
    await settle();

    const summary = (d: Changes[]) => of(d, after, cameraA, cameraB).map((c) => `${c.cameraId}:${c.previousStatus}>${c.status}`);
    expect(summary(s1.data)).toEqual([`${cameraA}:ACTIVE>OFFLINE`, `${cameraA}:OFFLINE>ACTIVE`]);
    expect(summary(s2.data)).toEqual([`${cameraB}:ACTIVE>OFFLINE`, `${cameraB}:OFFLINE>ACTIVE`]);
    expect(summary(sp.data)).toEqual([
      `${cameraA}:ACTIVE>OFFLINE`,
      `${cameraB}:ACTIVE>OFFLINE`,
      `${cameraA}:OFFLINE>ACTIVE`,
      `${cameraB}:OFFLINE>ACTIVE`,
    ]);
    // Whatever else changed meanwhile (a heartbeat timeout, say), a chair saw nothing of another ward.
    expect(new Set(s1.data.map((d) => d.cameraStatusChanged.wardId))).toEqual(new Set([1]));
    expect(new Set(s2.data.map((d) => d.cameraStatusChanged.wardId))).toEqual(new Set([2]));
    expect(s1.results.every((r) => r.errors === undefined)).toBe(true);
    const first = of(sp.data, after, cameraA)[0]!;
    expect(first).toMatchObject({ wardId: 1, reason: 'EDIT', lastHeartbeatAt: null });
    const [row] = (await app.sql.query(`SELECT id::text, at FROM camera_status_event WHERE id = $1`, [first.eventId])).rows;
    expect(row.id).toBe(String(first.eventId));
    expect(new Date(first.at).getTime()).toBe(new Date(row.at).getTime());
  });

  it("answers a ward chair's subscription to another ward with NOT_FOUND, as a query for it, and gives a district user one ward when asked", async () => {
    const [chair1, planner] = await Promise.all([live('chair.p01'), live('planner')]);
    const foreign = chair1.subscribe<Changes>(CHANGES, { wardId: 2 });
    const missing = chair1.subscribe<Changes>(CHANGES, { wardId: 999999 });
    expect(await foreign.ended).toEqual({});
    expect(await missing.ended).toEqual({});
    const code = (s: typeof foreign) => s.results[0]?.errors?.map((e) => e.extensions?.code);
    expect(code(foreign)).toEqual(['NOT_FOUND']);
    // The same answer as for a ward that does not exist: nothing says whether ward 2 is there.
    expect(JSON.stringify(foreign.results).replaceAll('999999', '2')).toBe(JSON.stringify(missing.results).replaceAll('999999', '2'));
    const zero = chair1.subscribe<Changes>(CHANGES, { wardId: 0 });
    await zero.ended;
    expect(zero.results[0]?.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'wardId' });

    const ward2 = planner.subscribe<Changes>(CHANGES, { wardId: 2 });
    const absent = planner.subscribe<Changes>(CHANGES, { wardId: 999999 });
    await absent.ended;
    expect(absent.results[0]?.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    await settle();
    const after = await newest();
    await setStatus(cameraA, 'MAINTENANCE');
    await setStatus(cameraB, 'MAINTENANCE');
    await ward2.until((d) => of(d, after, cameraB).length === 1);
    await settle();
    expect(of(ward2.data, after, cameraA, cameraB).map((c) => c.cameraId)).toEqual([cameraB]);
    expect(new Set(ward2.data.map((d) => d.cameraStatusChanged.wardId))).toEqual(new Set([2]));
    await setStatus(cameraA, 'ACTIVE');
    await setStatus(cameraB, 'ACTIVE');
  });
});

describe('who may connect', () => {
  it('refuses a socket without a session, or with a made-up one, at connect (4401, UNAUTHENTICATED)', async () => {
    await expect(openLive(app.server.url, {})).rejects.toMatchObject({ code: 4401, reason: expect.stringContaining('UNAUTHENTICATED') });
    await expect(openLive(app.server.url, { cookie: 'ww_session=made-up-token' })).rejects.toMatchObject({ code: 4401 });
    await expect(openLive(app.server.url, { bearer: 'made-up-token' })).rejects.toMatchObject({ code: 4401 });
  });

  it('accepts the session token in connectionParams (a client that cannot send the cookie)', async () => {
    const token = (await app.cookieOf('police.p01')).split('=')[1]!;
    const c = await openLive(app.server.url, { bearer: token });
    open.push(c);
    const s = c.subscribe<Changes>(CHANGES);
    await settle();
    const after = await newest();
    await setStatus(cameraA, 'OFFLINE');
    await setStatus(cameraB, 'OFFLINE');
    await s.until((d) => of(d, after, cameraA).length === 1);
    await setStatus(cameraA, 'ACTIVE');
    await setStatus(cameraB, 'ACTIVE');
    await s.until((d) => of(d, after, cameraA).length === 2);
    await settle();
    expect(of(s.data, after, cameraB)).toEqual([]); // ward police: ward 1 only
  });

  it('closes the socket when its session ends (logout) with 4401, and ends its subscriptions', async () => {
    const { cookie } = await loginOver(app.server.url, 'chair.p03', DEMO_PASSWORD);
    const c = await openLive(app.server.url, { cookie });
    open.push(c);
    const s = c.subscribe<Changes>(CHANGES);
    await settle();
    const out = await gqlWith(app.server.url, cookie, `mutation { logout }`);
    expect(out.body.errors).toBeUndefined();
    const t0 = Date.now();
    const closed = await c.closed;
    expect(closed.code).toBe(4401);
    expect(Date.now() - t0).toBeLessThan(SESSION_CHECK_MS * 10);
    expect(await s.ended).toHaveProperty('error');
    // And the ended session cannot connect again.
    await expect(openLive(app.server.url, { cookie })).rejects.toMatchObject({ code: 4401 });
  });

  it("closes the socket with 4403 when the user's ward changes (the client reconnects with the new scope)", async () => {
    const { cookie } = await loginOver(app.server.url, 'police.p01', DEMO_PASSWORD);
    const c = await openLive(app.server.url, { cookie });
    open.push(c);
    try {
      await app.system(`UPDATE app_user SET ward_id = 2 WHERE username = 'police.p01'`);
      expect((await c.closed).code).toBe(4403);
      // Connecting again gets the new ward's changes.
      const again = await openLive(app.server.url, { cookie });
      open.push(again);
      const s = again.subscribe<Changes>(CHANGES);
      await settle();
      const after = await newest();
      await setStatus(cameraB, 'OFFLINE');
      await setStatus(cameraB, 'ACTIVE');
      await s.until((d) => of(d, after, cameraB).length === 2);
    } finally {
      await app.system(`UPDATE app_user SET ward_id = 1 WHERE username = 'police.p01'`);
    }
  });

  it('refuses a handshake from a page of another origin (403), and any path but /graphql (404)', async () => {
    const status = (url: string, origin?: string) =>
      new Promise<number>((resolve, reject) => {
        const ws = new WebSocket(url, 'graphql-transport-ws', { headers: origin ? { origin } : {} });
        ws.on('unexpected-response', (_req, res) => {
          resolve(res.statusCode ?? 0);
          ws.terminate();
        });
        ws.on('open', () => {
          resolve(101);
          ws.close();
        });
        ws.on('error', (err) => (err.message.includes('Unexpected server response') ? undefined : reject(err)));
      });
    expect(await status(liveUrl(app.server.url), 'http://elsewhere.example')).toBe(403);
    expect(await status(liveUrl(app.server.url), app.server.url.replace('localhost', '127.0.0.1'))).toBe(101);
    expect(await status(`${app.server.url.replace(/^http/, 'ws')}/other`)).toBe(404);
  });
});

describe('what a socket may do', () => {
  it('serves subscriptions only: a query or mutation over the socket is refused (BAD_REQUEST) and runs nothing', async () => {
    const c = await live('admin');
    const before = await app.count('audit_log');
    const q = c.subscribe(`{ wards { id } }`);
    const m = c.subscribe(`mutation($id: Int!) { updateCamera(id: $id, input: { label: "over the socket" }) { id } }`, { id: cameraA });
    expect((await q.ended).error).toEqual([expect.objectContaining({ extensions: { code: 'BAD_REQUEST' } })]);
    expect((await m.ended).error).toEqual([expect.objectContaining({ extensions: { code: 'BAD_REQUEST' } })]);
    expect(await app.count('audit_log')).toBe(before);
    expect(await app.count('camera', `label = 'over the socket'`)).toBe(0);
  });

  it('answers a subscription sent with POST /graphql with BAD_REQUEST (subscriptions are served over the WebSocket)', async () => {
    const r = await app.gql(CHANGES, {}, { as: 'planner' });
    expect(r.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_REQUEST']);
    expect((await app.gql(CHANGES, {}, { as: null })).errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });

  it('codes its errors like POST /graphql: a parse error, an unknown field, a bad variable', async () => {
    const c = await live('planner');
    expect((await c.subscribe(`subscription { cameraStatusChanged(`).ended).error).toEqual([
      expect.objectContaining({ extensions: { code: 'GRAPHQL_PARSE_FAILED' } }),
    ]);
    const unknown = (await c.subscribe(`subscription { cameraStatusChanged { secret } }`).ended).error as { extensions: { code: string } }[];
    expect(unknown.map((e) => e.extensions.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const bad = c.subscribe(CHANGES, { wardId: 'two' });
    await bad.ended;
    expect(bad.results[0]?.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });

  it(`allows at most ${LIVE_LIMITS.maxSubscriptionsPerSocket} subscriptions at once on a socket (TOO_MANY_REQUESTS)`, async () => {
    const c = await live('planner');
    const streams = Array.from({ length: LIVE_LIMITS.maxSubscriptionsPerSocket }, () => c.subscribe(CHANGES));
    await settle();
    const extra = c.subscribe(CHANGES);
    expect((await extra.ended).error).toEqual([expect.objectContaining({ extensions: { code: 'TOO_MANY_REQUESTS' } })]);
    streams.forEach((s) => s.stop());
  });

  it('closes a socket that sends a message over the size limit (1009)', async () => {
    const c = await live('planner');
    c.subscribe(`subscription { cameraStatusChanged { eventId } } # ${'x'.repeat(LIVE_LIMITS.maxMessageBytes)}`);
    expect((await c.closed).code).toBe(1009);
  });
});

describe('how fast a change arrives', () => {
  it('within a few seconds of a change made through the API', async () => {
    const c = await live('chair.p01');
    const s = c.subscribe<Changes>(CHANGES);
    await settle();
    const after = await newest();
    const t0 = Date.now();
    await setStatus(cameraA, 'OFFLINE');
    await s.until((d) => of(d, after, cameraA).length === 1, 5000);
    expect(Date.now() - t0).toBeLessThan(3000);
    await setStatus(cameraA, 'ACTIVE');
  });

  it('within a few seconds of the heartbeat timeout taking a silent camera offline (reason TIMEOUT, with its last heartbeat)', async () => {
    // A camera of its own (the timeout may open a maintenance ticket for it), last heard from two days ago.
    const [{ lon, lat }] = (await app.sql.query(
      `SELECT ST_X(p) AS lon, ST_Y(p) AS lat FROM (SELECT ST_PointOnSurface(boundary) AS p FROM residential_group WHERE ward_id = 1 ORDER BY id LIMIT 1) g`,
    )).rows;
    const made = await app.gql(`mutation($i: RegisterCameraInput!) { registerCamera(input: $i) { id wardId } }`, {
      i: { location: { type: 'Point', coordinates: [lon, lat] }, type: 'DOME', ownerKind: 'PUBLIC', label: 'Live timeout test' },
    });
    expect(made.errors).toBeUndefined();
    const silentOne: number = made.data.registerCamera.id;
    expect(made.data.registerCamera.wardId).toBe(1);
    await app.system(`UPDATE camera SET last_heartbeat_at = now() - interval '2 days' WHERE id = $1`, [silentOne]);
    const c = await live('chair.p01');
    const s = c.subscribe<Changes>(CHANGES);
    await settle();
    const after = await newest();
    const silent = (await app.sql.query(`SELECT id FROM camera WHERE status = 'active' AND last_heartbeat_at < now() - interval '1 day'`)).rows.map((r) => r.id);
    expect(silent).toContain(silentOne);
    const t0 = Date.now();
    try {
      // The job's SQL function, with a one-day timeout.
      const [{ n }] = (await app.system(`SELECT ww_camera_heartbeat_timeout(interval '1 day') AS n`)).rows;
      expect(n).toBe(silent.length);
      const timedOut = (d: Changes[]) => of(d, after, silentOne).filter((c) => c.reason === 'TIMEOUT');
      const [change] = await s.until((d) => timedOut(d).length === 1, 5000).then(timedOut);
      expect(Date.now() - t0).toBeLessThan(3000);
      expect(change).toMatchObject({ cameraId: silentOne, wardId: 1, previousStatus: 'ACTIVE', status: 'OFFLINE', reason: 'TIMEOUT' });
      expect(change!.lastHeartbeatAt).not.toBeNull();
    } finally {
      await app.gql(`mutation($id: Int!) { decommissionCamera(id: $id) { id } }`, { id: silentOne });
      // Any other camera this took offline comes back as it was.
      await app.system(`UPDATE camera SET status = 'active' WHERE id = ANY ($1) AND status = 'offline'`, [silent.filter((id) => id !== silentOne)]);
    }
  });

  it('reads new events along the primary key (the poll is cheap whatever the history holds)', async () => {
    const [{ max }] = (await app.system(`SELECT max(id)::text AS max FROM camera_status_event`)).rows;
    await app.system(`ANALYZE camera_status_event`); // as autovacuum keeps the statistics
    const plan = JSON.stringify((await app.system(`EXPLAIN (FORMAT JSON) ${POLL_SQL.replace('$1::bigint', `${max}::bigint`)}`)).rows);
    expect(plan).toContain('camera_status_event_pkey');
    expect(plan).not.toMatch(/"Seq Scan"[^}]*"Relation Name": "camera_status_event"/);
  });
});

describe('stopping the server', () => {
  it('closes the open sockets (1001) and stops without waiting for the clients', async () => {
    const c = await live('planner');
    c.subscribe(CHANGES);
    await settle();
    const t0 = Date.now();
    stopped = true;
    await app.close();
    expect((await c.closed).code).toBe(1001);
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});
