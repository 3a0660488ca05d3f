import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDataSource } from '../../../db/data-source';
import { DEMO_GATEWAY_LABEL } from '../../../db/seed/demo-health';
import { startDemoGateway } from '../../../server/src/services/demo-gateway';
import { startHeartbeatMonitor } from '../../../server/src/services/heartbeat-monitor';
import { startTestApp, type TestApp } from '../../support/server';

/**
 * Heartbeats over HTTP (POST /api/heartbeat), the timeout job and the demo gateway (R10), against the
 * suite's database. Every camera and token here is the test's own (registered and issued through the
 * API), except the demo gateway's, which the last test puts back as it found them.
 */
const RATE = 6;
let app: TestApp;
let owner: DataSource;

beforeAll(async () => {
  app = await startTestApp({ config: { heartbeatRateLimitPerMinute: RATE } });
  owner = createDataSource({ url: inject('databaseUrl'), poolSize: 1, system: true });
  await owner.initialize();
  for (const user of ['admin', 'chair.p02']) await app.cookieOf(user); // a login's own audit row is not counted below
});
afterAll(async () => {
  if (owner?.isInitialized) await owner.destroy();
  await app?.close();
});

interface Reply {
  status: number;
  body: any;
  headers: Headers;
}

async function post(body: unknown, token: string | null, raw?: string): Promise<Reply> {
  const res = await fetch(`${app.server.url}/api/heartbeat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token === null ? {} : { authorization: `Bearer ${token}` }) },
    body: raw ?? JSON.stringify(body),
  });
  return { status: res.status, body: await res.json(), headers: res.headers };
}

/** A point inside a residential group that no camera's sector reaches (its coverage is this test's camera's alone). */
async function uncoveredSpot(): Promise<{ group: number; lon: number; lat: number }> {
  const { rows } = await app.sql.query(
    `SELECT g.id AS "group", ST_X(p) AS lon, ST_Y(p) AS lat
       FROM residential_group_coverage c JOIN residential_group g ON g.id = c.residential_group_id,
            LATERAL (SELECT ST_PointOnSurface(g.boundary) AS p) s
      WHERE g.district_id = 1 AND c.sector_count = 0 AND NOT EXISTS (SELECT 1 FROM camera k WHERE ST_DWithin(k.location::geography, p::geography, 60))
      ORDER BY g.id LIMIT 1`,
  );
  expect(rows).toHaveLength(1);
  return rows[0];
}

let spots = 0;
/** Somewhere else in the district each time: a point inside one of its residential groups. */
async function somewhere(): Promise<{ lon: number; lat: number }> {
  const { rows } = await app.sql.query(
    `SELECT ST_X(p) AS lon, ST_Y(p) AS lat FROM residential_group g, LATERAL (SELECT ST_PointOnSurface(g.boundary) AS p) s
      WHERE g.district_id = 1 ORDER BY g.id DESC OFFSET $1 LIMIT 1`,
    [spots++],
  );
  return rows[0];
}

/** A camera of its own (the admin registers it), with a token issued for it; its id and the token. */
async function cameraWithToken(at: { lon: number; lat: number } | null = null, status = 'ACTIVE'): Promise<{ id: number; token: string; tokenId: number }> {
  at ??= await somewhere();
  const made = await app.gql(`mutation($i: RegisterCameraInput!) { registerCamera(input: $i) { id } }`, {
    i: { location: { type: 'Point', coordinates: [at.lon, at.lat] }, type: 'DOME', ownerKind: 'PUBLIC', fieldOfView: 360, rangeMeters: 20, status },
  });
  expect(made.errors).toBeUndefined();
  const id = made.data.registerCamera.id;
  const issued = await app.gql(`mutation($c: Int!) { issueHeartbeatToken(input: { cameraId: $c, label: "test camera" }) { token heartbeatToken { id } } }`, { c: id });
  expect(issued.errors).toBeUndefined();
  return { id, token: issued.data.issueHeartbeatToken.token, tokenId: issued.data.issueHeartbeatToken.heartbeatToken.id };
}

const camera = async (id: number) =>
  (await app.gql(`query($id: Int!) { camera(id: $id) { status monitored lastHeartbeatAt statusHistory { status previousStatus reason username } } }`, { id }))
    .data.camera;
const coveredPercent = async (group: number) =>
  (await app.gql(`query($id: Int!) { residentialGroup(id: $id) { coverage { coveredPercent } } }`, { id: group })).data.residentialGroup.coverage.coveredPercent;

/** What a refused heartbeat must leave as it was. */
async function footprint(cameraId: number): Promise<unknown> {
  const { rows } = await app.sql.query(
    `SELECT (SELECT count(*)::int FROM camera_status_event) AS events, (SELECT count(*)::int FROM audit_log) AS audit,
            (SELECT last_heartbeat_at FROM camera WHERE id = $1) AS beat, (SELECT status FROM camera WHERE id = $1) AS status,
            (SELECT max(last_used_at) FROM heartbeat_token) AS used`,
    [cameraId],
  );
  return rows[0];
}

describe('POST /api/heartbeat', () => {
  it('takes a camera\'s heartbeat with its token: the camera is monitored, heard from now, and an OFFLINE one is ACTIVE again', async () => {
    const c = await cameraWithToken(null, 'OFFLINE');
    expect(await camera(c.id)).toMatchObject({ status: 'OFFLINE', monitored: false, lastHeartbeatAt: null });
    const r = await post({ cameraId: c.id }, c.token);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ accepted: [c.id], rejected: [], statuses: { [c.id]: 'ACTIVE' } });
    const now = await camera(c.id);
    expect(now).toMatchObject({ status: 'ACTIVE', monitored: true });
    expect(Date.now() - Date.parse(now.lastHeartbeatAt)).toBeLessThan(60_000);
    expect(now.statusHistory[0]).toEqual({ status: 'ACTIVE', previousStatus: 'OFFLINE', reason: 'HEARTBEAT', username: null });
    const used = await app.gql(`query($c: Int!) { heartbeatTokens(cameraId: $c) { id lastUsedAt } }`, { c: c.id });
    expect(used.data.heartbeatTokens[0].lastUsedAt).not.toBeNull();
  });

  it("drives the camera's status and its group's coverage: OFFLINE past the timeout, covering again with its next heartbeat", async () => {
    const spot = await uncoveredSpot();
    const c = await cameraWithToken(spot);
    const on = await coveredPercent(spot.group);
    expect(on).toBeGreaterThan(0);
    expect((await post({ cameraIds: [c.id] }, c.token)).status).toBe(200);
    // Silent for two days; the timeout (passed to the SQL function, as the job does) is one day.
    await app.system(`UPDATE camera SET last_heartbeat_at = now() - interval '2 days' WHERE id = $1`, [c.id]);
    const timedOut = await app.system(`SELECT ww_camera_heartbeat_timeout(interval '1 day') AS n`);
    expect(timedOut.rows[0].n).toBeGreaterThanOrEqual(1);
    expect((await camera(c.id)).status).toBe('OFFLINE');
    expect(await coveredPercent(spot.group)).toBe(0);
    const back = await post({ cameraIds: [c.id] }, c.token);
    expect(back.body.statuses).toEqual({ [c.id]: 'ACTIVE' });
    expect(await coveredPercent(spot.group)).toBe(on);
    const history = (await camera(c.id)).statusHistory.map((e: { reason: string; status: string }) => `${e.reason} ${e.status}`);
    expect(history.slice(0, 2)).toEqual(['HEARTBEAT ACTIVE', 'TIMEOUT OFFLINE']);
  });

  it('times out through the server\'s job as well, and leaves alone the cameras heard from within the timeout', async () => {
    const [silent, alive] = [await cameraWithToken(), await cameraWithToken()];
    await post({ cameraId: silent.id }, silent.token);
    await post({ cameraId: alive.id }, alive.token);
    await app.system(`UPDATE camera SET last_heartbeat_at = now() - interval '3 hours' WHERE id = $1`, [silent.id]);
    const lines: string[] = [];
    const job = startHeartbeatMonitor(owner, { timeoutSeconds: 2 * 3600, checkSeconds: 0, log: (l) => lines.push(l), error: (l) => lines.push(l) });
    try {
      expect(await job.tick()).toBeGreaterThanOrEqual(1);
      expect(lines[0]).toMatch(/^\[wardwatch\] heartbeat timeout: \d+ camera\(s\) silent for 7200 s went OFFLINE$/);
    } finally {
      await job.stop();
    }
    expect((await camera(silent.id)).status).toBe('OFFLINE');
    expect((await camera(alive.id)).status).toBe('ACTIVE');
    expect(await job.tick()).toBe(0); // stopped: no more checks
  });

  it('refuses a request without a token, or with an unknown one, with 401 UNAUTHENTICATED, and writes nothing', async () => {
    const c = await cameraWithToken(null, 'OFFLINE');
    const before = await footprint(c.id);
    for (const token of [null, 'wwhb_not-a-token', c.token.slice(0, -1) + (c.token.endsWith('A') ? 'B' : 'A')]) {
      const r = await post({ cameraId: c.id }, token);
      expect(r.status, String(token)).toBe(401);
      expect(r.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(r.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
    const basic = await fetch(`${app.server.url}/api/heartbeat`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Basic YWRtaW46eA==' }, body: JSON.stringify({ cameraId: c.id }),
    });
    expect(basic.status).toBe(401);
    expect(await footprint(c.id)).toEqual(before);
  });

  it('refuses a revoked token for good, and writes nothing', async () => {
    const c = await cameraWithToken(null, 'OFFLINE');
    const revoked = await app.gql(`mutation($id: Int!) { revokeHeartbeatToken(id: $id) { revokedAt } }`, { id: c.tokenId });
    expect(revoked.data.revokeHeartbeatToken.revokedAt).not.toBeNull();
    const before = await footprint(c.id);
    const r = await post({ cameraId: c.id }, c.token);
    expect(r.status).toBe(401);
    expect(r.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(await footprint(c.id)).toEqual(before);
    expect((await camera(c.id)).status).toBe('OFFLINE');
  });

  it("rejects the cameras a token may not heartbeat: another camera, another operator's, none such", async () => {
    const a = await cameraWithToken(null, 'OFFLINE');
    const b = await cameraWithToken(null, 'OFFLINE');
    const r = await post({ cameraIds: [b.id, a.id, 2_000_000_000] }, a.token);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      accepted: [a.id],
      rejected: [{ cameraId: b.id, reason: 'NOT_ALLOWED' }, { cameraId: 2_000_000_000, reason: 'NOT_ALLOWED' }],
      statuses: { [a.id]: 'ACTIVE' },
    });
    expect((await camera(b.id)).status).toBe('OFFLINE');

    // Two operators; b is connected through the first. Only the first's token reaches it.
    const ops = await app.system(
      `INSERT INTO network_operator (district_id, code, name, kind) VALUES (1, 'hb-test-1', 'Heartbeat test 1', 'other'), (1, 'hb-test-2', 'Heartbeat test 2', 'other')
       RETURNING id`,
    );
    const [first, second] = ops.rows.map((o) => o.id as number);
    await app.system(`INSERT INTO camera_connection (camera_id, operator_id, plan, monthly_fee_vnd) VALUES ($1, $2, 'test', 0)`, [b.id, first]);
    const tokenOf = async (operatorId: number) =>
      (await app.gql(`mutation($o: Int!) { issueHeartbeatToken(input: { operatorId: $o, label: "gateway" }) { token } }`, { o: operatorId }))
        .data.issueHeartbeatToken.token as string;
    const wrong = await post({ cameraIds: [b.id] }, await tokenOf(second));
    expect(wrong.body).toEqual({ accepted: [], rejected: [{ cameraId: b.id, reason: 'NOT_ALLOWED' }], statuses: {} });
    expect((await camera(b.id)).status).toBe('OFFLINE');
    const right = await post({ cameraIds: [b.id, a.id] }, await tokenOf(first));
    expect(right.body).toEqual({ accepted: [b.id], rejected: [{ cameraId: a.id, reason: 'NOT_ALLOWED' }], statuses: { [b.id]: 'ACTIVE' } });
  });

  it('names the field of a bad body with 400 BAD_USER_INPUT, and writes nothing', async () => {
    const c = await cameraWithToken();
    const before = await footprint(c.id);
    const cases: Array<[unknown, string]> = [
      [{}, 'cameraIds'],
      [[c.id], 'cameraIds'],
      [{ cameraIds: [] }, 'cameraIds'],
      [{ cameraIds: Array.from({ length: 501 }, (_, i) => i + 1) }, 'cameraIds'],
      [{ cameraIds: [c.id, 'x'] }, 'cameraIds[1]'],
      [{ cameraIds: [c.id, 1.5] }, 'cameraIds[1]'],
      [{ cameraId: 0 }, 'cameraId'],
      [{ cameraId: c.id, cameraIds: [c.id] }, 'cameraId'],
    ];
    // A fresh token per few requests: the per-token limit is low in this file.
    let token = c.token;
    for (const [i, [body, field]] of cases.entries()) {
      if (i > 0 && i % (RATE - 1) === 0) {
        token = (await app.gql(`mutation($c: Int!) { issueHeartbeatToken(input: { cameraId: $c, label: "more" }) { token } }`, { c: c.id })).data.issueHeartbeatToken.token;
      }
      const r = await post(body, token);
      expect(r.status, JSON.stringify(body).slice(0, 40)).toBe(400);
      expect(r.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const malformed = await post(null, token, '{"cameraIds": [1');
    expect(malformed.status).toBe(400);
    expect(await footprint(c.id)).toMatchObject({ events: (before as { events: number }).events, beat: null, used: (before as { used: Date }).used });
  });

  it(`answers a flood from one token with 429 TOO_MANY_REQUESTS after ${RATE} a minute, and the refused ones write nothing`, async () => {
    const c = await cameraWithToken();
    for (let i = 0; i < RATE; i++) expect((await post({ cameraId: c.id }, c.token)).status).toBe(200);
    const before = await footprint(c.id);
    const flood = await Promise.all(Array.from({ length: 5 }, () => post({ cameraId: c.id }, c.token)));
    for (const r of flood) {
      expect(r.status).toBe(429);
      expect(r.body.errors[0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 60 });
    }
    expect(await footprint(c.id)).toEqual(before);
    // Another token is counted apart.
    const other = await cameraWithToken();
    expect((await post({ cameraId: other.id }, other.token)).status).toBe(200);
  });

  it('keeps only the SHA-256 of an issued token', async () => {
    const c = await cameraWithToken();
    const { rows } = await app.sql.query(`SELECT token_hash FROM heartbeat_token WHERE id = $1`, [c.tokenId]);
    expect(Buffer.from(rows[0].token_hash).equals(createHash('sha256').update(c.token).digest())).toBe(true);
    expect(c.token).toMatch(/^wwhb_[A-Za-z0-9_-]{43}$/);
  });
});

describe('the demo gateway', () => {
  it('heartbeats the cameras of its tokens, but not the faulty ones, which go OFFLINE past the timeout', async () => {
    // The seed's faulty cameras: monitored, active, without a token of the gateway (nor any other).
    const faulty: number[] = (
      await app.sql.query(
        `SELECT id FROM camera c WHERE c.district_id = 1 AND c.last_heartbeat_at IS NOT NULL AND c.status = 'active'
            AND NOT EXISTS (SELECT 1 FROM heartbeat_token t WHERE t.camera_id = c.id) ORDER BY id`,
      )
    ).rows.map((r) => r.id);
    const fleet: number[] = (
      await app.sql.query(`SELECT camera_id AS id FROM heartbeat_token WHERE label = $1 AND revoked_at IS NULL ORDER BY 1`, [DEMO_GATEWAY_LABEL])
    ).rows.map((r) => r.id);
    expect(faulty.length).toBeGreaterThan(0);
    expect(fleet.length).toBeGreaterThan(100);
    const statuses = async (ids: number[]) =>
      (await app.sql.query(`SELECT status, count(*)::int AS n FROM camera WHERE id = ANY ($1) GROUP BY 1 ORDER BY 1`, [ids])).rows;
    const fleetActive: number[] = (await app.sql.query(`SELECT id FROM camera WHERE id = ANY ($1) AND status = 'active'`, [fleet])).rows.map((r) => r.id);
    try {
      // All of them silent for two hours; then the gateway reports its fleet; the timeout is one hour.
      await app.system(`UPDATE camera SET last_heartbeat_at = now() - interval '2 hours' WHERE id = ANY ($1)`, [[...faulty, ...fleet]]);
      const errors: string[] = [];
      const gateway = startDemoGateway(owner, { error: (l) => errors.push(l) });
      try {
        expect(await gateway.beat()).toBe(fleet.length);
      } finally {
        await gateway.stop();
      }
      expect(errors).toEqual([]);
      const job = startHeartbeatMonitor(owner, { timeoutSeconds: 3600, checkSeconds: 0, log: () => {} });
      await job.tick();
      await job.stop();
      expect(await statuses(faulty)).toEqual([{ status: 'offline', n: faulty.length }]);
      expect(await statuses(fleetActive)).toEqual([{ status: 'active', n: fleetActive.length }]);
    } finally {
      // Back as the seed left them (their events stay: the history is append-only).
      await app.system(`UPDATE camera SET status = 'active', last_heartbeat_at = now() WHERE id = ANY ($1)`, [faulty]);
      await app.system(`UPDATE camera SET last_heartbeat_at = now() WHERE id = ANY ($1)`, [fleet]);
    }
  });
});
