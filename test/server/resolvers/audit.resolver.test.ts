import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstError, startTestApp, type TestApp } from '../../support/server';

let app: TestApp;
/** chair.p02, their ward, and a point inside it. */
let chair: { id: number; wardId: number; districtId: number };
let spot: { lon: number; lat: number };
let adminId: number;

const ROLES = ['admin', 'planner', 'chair.p02', 'police', 'police.p01', 'justice', 'homeaffairs'];

beforeAll(async () => {
  app = await startTestApp({ as: 'chair.p02' });
  chair = (await app.sql.query(`SELECT id, ward_id AS "wardId", district_id AS "districtId" FROM app_user WHERE username = 'chair.p02'`)).rows[0];
  adminId = (await app.sql.query(`SELECT id FROM app_user WHERE username = 'admin'`)).rows[0].id;
  spot = (
    await app.sql.query(`SELECT ST_X(p) AS lon, ST_Y(p) AS lat FROM (SELECT ST_PointOnSurface(boundary) p FROM ward WHERE id = $1) s`, [chair.wardId])
  ).rows[0];
  // Log everyone in now, so that no LOGIN row lands among the rows a test counts.
  for (const u of ROLES) await app.cookieOf(u);
});
afterAll(() => app?.close());

const OWNER = 'Trần Thị Riêng Tư';
const PHONE = '0905 777 321';
const HOUSE_OWNER = 'Lê Văn Chủ Trọ';
const HOUSE_PHONE = '0236 3 888 999';

const REGISTER_CAMERA = `mutation($input: RegisterCameraInput!) { registerCamera(input: $input) { id wardId } }`;
const UPDATE_CAMERA = `mutation($id: Int!, $input: UpdateCameraInput!) { updateCamera(id: $id, input: $input) { id } }`;
const DECOMMISSION = `mutation($id: Int!) { decommissionCamera(id: $id) { id status } }`;
const REGISTER_HOUSE = `mutation($input: RegisterRentalHouseInput!) { registerRentalHouse(input: $input) { id wardId } }`;
const UPDATE_HOUSE = `mutation($id: Int!, $input: UpdateRentalHouseInput!) { updateRentalHouse(id: $id, input: $input) { id } }`;
const AUDIT = `query($filter: AuditFilterInput, $first: Int, $after: String) {
  auditLog(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id at userId username role action entity entityId operation before after } } } }`;

const cameraInput = (over: Record<string, unknown> = {}) => ({
  location: { type: 'Point', coordinates: [spot.lon, spot.lat] },
  type: 'FIXED',
  ownerKind: 'HOUSEHOLD',
  bearing: 90,
  ownerName: OWNER,
  ownerPhone: PHONE,
  label: 'AUDIT-TEST',
  ...over,
});
const houseInput = (over: Record<string, unknown> = {}) => ({
  address: 'Kiệt 12 đường Kiểm Toán',
  ownerName: HOUSE_OWNER,
  ownerPhone: HOUSE_PHONE,
  rooms: 6,
  location: { type: 'Point', coordinates: [spot.lon, spot.lat] },
  ...over,
});

const markOf = async (): Promise<number> => Number((await app.sql.query(`SELECT coalesce(max(id), 0) AS m FROM audit_log`)).rows[0].m);
/** Every audit row written after `mark`, oldest first. */
async function rowsSince(mark: number): Promise<any[]> {
  return (
    await app.sql.query(
      `SELECT id, district_id, at, user_id, username, role, action, entity, entity_id, operation, before, after
         FROM audit_log WHERE id > $1 ORDER BY id`,
      [mark],
    )
  ).rows;
}

async function registerCamera(over: Record<string, unknown> = {}): Promise<{ id: number; wardId: number }> {
  const r = await app.gql(REGISTER_CAMERA, { input: cameraInput(over) });
  expect(r.errors).toBeUndefined();
  return r.data.registerCamera;
}
async function registerHouse(over: Record<string, unknown> = {}): Promise<{ id: number; wardId: number }> {
  const r = await app.gql(REGISTER_HOUSE, { input: houseInput(over) });
  expect(r.errors).toBeUndefined();
  return r.data.registerRentalHouse;
}

/** Who did it: chair.p02, as a ward chair. */
const byChair = (action: string, entity: string, entityId: number, operation: string) => ({
  district_id: chair.districtId,
  user_id: chair.id,
  username: 'chair.p02',
  role: 'ward_chair',
  action,
  entity,
  entity_id: String(entityId),
  operation,
});

/** Runs statements as the owner in a transaction that is always rolled back, so a missing guard loses nothing. */
async function asOwner(sql: string, role?: string): Promise<{ rowCount?: number | null; error?: { code?: string; message: string } }> {
  await app.sql.query('BEGIN');
  try {
    await app.sql.query(`SET LOCAL ww.system = 'on'`);
    if (role) await app.sql.query(`SET LOCAL ROLE ${role}`);
    return { rowCount: (await app.sql.query(sql)).rowCount };
  } catch (err) {
    return { error: err as { code?: string; message: string } };
  } finally {
    await app.sql.query('ROLLBACK');
  }
}

describe('every change is audited in its own transaction', () => {
  it('registerCamera writes one INSERT row: who, as what, the camera after, owner redacted', async () => {
    const mark = await markOf();
    const c = await registerCamera();
    expect(c.wardId).toBe(chair.wardId);
    const rows = await rowsSince(mark);
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row).toMatchObject({ ...byChair('registerCamera', 'camera', c.id, 'INSERT'), before: null });
    expect(row.after).toMatchObject({ id: c.id, ward_id: chair.wardId, bearing: 90, label: 'AUDIT-TEST', owner_name: '[redacted]', owner_phone: '[redacted]' });
    expect(row.after.location.type).toBe('Point');
    expect(row.after.location.coordinates[0]).toBeCloseTo(spot.lon, 6);
    expect(row.after).not.toHaveProperty('view_sector');
    // The same transaction: now() is the transaction's start, shared by the row and its audit entry.
    const cam = (await app.sql.query(`SELECT created_at FROM camera WHERE id = $1`, [c.id])).rows[0];
    expect(row.at.getTime()).toBe(cam.created_at.getTime());
  });

  it('updateCamera writes one UPDATE row with before and after', async () => {
    const c = await registerCamera();
    const mark = await markOf();
    const r = await app.gql(UPDATE_CAMERA, { id: c.id, input: { bearing: 180, ownerPhone: '0905 000 111' } });
    expect(r.errors).toBeUndefined();
    const rows = await rowsSince(mark);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject(byChair('updateCamera', 'camera', c.id, 'UPDATE'));
    expect(rows[0].before).toMatchObject({ id: c.id, bearing: 90, owner_name: '[redacted]', owner_phone: '[redacted]' });
    expect(rows[0].after).toMatchObject({ id: c.id, bearing: 180, owner_name: '[redacted]', owner_phone: '[redacted]' });
  });

  it('decommissionCamera writes one UPDATE row from active to decommissioned', async () => {
    const c = await registerCamera();
    const mark = await markOf();
    const r = await app.gql(DECOMMISSION, { id: c.id });
    expect(r.data.decommissionCamera.status).toBe('DECOMMISSIONED');
    const rows = await rowsSince(mark);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject(byChair('decommissionCamera', 'camera', c.id, 'UPDATE'));
    expect(rows[0].before).toMatchObject({ status: 'active', decommissioned_at: null });
    expect(rows[0].after.status).toBe('decommissioned');
    expect(rows[0].after.decommissioned_at).not.toBeNull();
  });

  it('registerRentalHouse writes one INSERT row, owner redacted', async () => {
    const mark = await markOf();
    const h = await registerHouse();
    const rows = await rowsSince(mark);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ ...byChair('registerRentalHouse', 'rental_house', h.id, 'INSERT'), before: null });
    expect(rows[0].after).toMatchObject({ id: h.id, rooms: 6, ward_id: chair.wardId, owner_name: '[redacted]', owner_phone: '[redacted]' });
    const house = (await app.sql.query(`SELECT created_at FROM rental_house WHERE id = $1`, [h.id])).rows[0];
    expect(rows[0].at.getTime()).toBe(house.created_at.getTime());
  });

  it('updateRentalHouse writes one UPDATE row with before and after', async () => {
    const h = await registerHouse();
    const mark = await markOf();
    const r = await app.gql(UPDATE_HOUSE, { id: h.id, input: { rooms: 9 } });
    expect(r.errors).toBeUndefined();
    const rows = await rowsSince(mark);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject(byChair('updateRentalHouse', 'rental_house', h.id, 'UPDATE'));
    expect(rows[0].before).toMatchObject({ rooms: 6, owner_name: '[redacted]' });
    expect(rows[0].after).toMatchObject({ rooms: 9, owner_name: '[redacted]' });
  });

  it('records a change of the owner’s contact alone, without the old or new value', async () => {
    const h = await registerHouse();
    const mark = await markOf();
    const r = await app.gql(UPDATE_HOUSE, { id: h.id, input: { ownerName: 'Chủ Mới Của Nhà', ownerPhone: '0911 222 333' } });
    expect(r.errors).toBeUndefined();
    const rows = await rowsSince(mark);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject(byChair('updateRentalHouse', 'rental_house', h.id, 'UPDATE'));
    const text = JSON.stringify(rows[0]);
    expect(text).not.toContain('Chủ Mới');
    expect(text).not.toContain('0911');
    expect(text).not.toContain(HOUSE_OWNER);
  });

  it('shows who did it through the API as the role they acted in', async () => {
    const c = await registerCamera();
    const r = await app.gql(AUDIT, { filter: { entity: 'camera', entityId: c.id } }, { as: 'admin' });
    expect(r.errors).toBeUndefined();
    expect(r.data.auditLog.totalCount).toBe(1);
    expect(r.data.auditLog.edges[0].node).toMatchObject({
      userId: chair.id,
      username: 'chair.p02',
      role: 'WARD_CHAIR',
      action: 'registerCamera',
      entity: 'camera',
      entityId: c.id,
      operation: 'INSERT',
      before: null,
    });
    expect(r.data.auditLog.edges[0].node.after).toMatchObject({ owner_name: '[redacted]', owner_phone: '[redacted]' });
  });

  it('keeps no owner name, phone number or password hash anywhere in the log', async () => {
    await registerCamera();
    await registerHouse();
    const leaks = await app.sql.query(
      `SELECT count(*) FILTER (WHERE (coalesce(before::text, '') || coalesce(after::text, '')) ~ $1)::int AS personal,
              count(*) FILTER (WHERE before ? 'password_hash' OR after ? 'password_hash'
                                  OR (coalesce(before::text, '') || coalesce(after::text, '')) LIKE '%$argon2%')::int AS hashes,
              count(*) FILTER (WHERE entity = 'app_user')::int AS user_rows
         FROM audit_log`,
      [[OWNER, PHONE, HOUSE_OWNER, HOUSE_PHONE].map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')],
    );
    expect(leaks.rows[0].personal).toBe(0);
    expect(leaks.rows[0].hashes).toBe(0);
    expect(leaks.rows[0].user_rows).toBeGreaterThan(0); // the demo users' own rows were checked too
  });
});

describe('a failed change leaves no audit row', () => {
  const failures: [string, () => Promise<unknown>][] = [
    ['a bearing of 400', () => app.gql(REGISTER_CAMERA, { input: cameraInput({ bearing: 400 }) })],
    ['a point outside the district', () => app.gql(REGISTER_CAMERA, { input: cameraInput({ location: { type: 'Point', coordinates: [105.85, 21.03] } }) })],
    ['a rental house of 0 rooms', () => app.gql(REGISTER_HOUSE, { input: houseInput({ rooms: 0 }) })],
    ['a rental house with an owner name of spaces', () => app.gql(REGISTER_HOUSE, { input: houseInput({ ownerName: '    ' }) })],
  ];
  for (const [what, run] of failures) {
    it(`for ${what}`, async () => {
      const mark = await markOf();
      const cameras = await app.count('camera');
      const houses = await app.count('rental_house');
      const r: any = await run();
      expect(firstError(r).code).toBe('BAD_USER_INPUT');
      expect(await rowsSince(mark)).toEqual([]);
      expect(await app.count('camera')).toBe(cameras);
      expect(await app.count('rental_house')).toBe(houses);
    });
  }

  it('for a bad update of an existing camera, which stays as it was', async () => {
    const c = await registerCamera();
    const mark = await markOf();
    const r = await app.gql(UPDATE_CAMERA, { id: c.id, input: { bearing: 10, rangeMeters: -5 } });
    expect(firstError(r).code).toBe('BAD_USER_INPUT');
    expect(await rowsSince(mark)).toEqual([]);
  });

  it('for a refused change: a planner may not register cameras', async () => {
    const mark = await markOf();
    const r = await app.gql(REGISTER_CAMERA, { input: cameraInput() }, { as: 'planner' });
    expect(firstError(r).code).toBe('FORBIDDEN');
    expect(await rowsSince(mark)).toEqual([]);
  });

  it('while an earlier mutation of the same request keeps its own row, named after it', async () => {
    const mark = await markOf();
    const cameras = await app.count('camera');
    // Mutations run in order, each in a savepoint: the first stands, the second fails (and, being
    // non-null, stops the request there: `data` is null, but what the first did is kept).
    const r = await app.gql(
      `mutation($good: RegisterCameraInput!, $bad: RegisterCameraInput!) {
         good: registerCamera(input: $good) { id }
         bad: registerCamera(input: $bad) { id }
       }`,
      { good: cameraInput({ label: 'AUDIT-GOOD' }), bad: cameraInput({ bearing: 400 }) },
    );
    expect(r.errors).toHaveLength(1);
    expect(firstError(r)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.bearing' });
    expect(await app.count('camera')).toBe(cameras + 1);
    const id = (await app.sql.query(`SELECT max(id) AS id FROM camera`)).rows[0].id;
    const rows = await rowsSince(mark);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject(byChair('registerCamera', 'camera', id, 'INSERT'));
    expect(rows[0].after.label).toBe('AUDIT-GOOD');
  });
});

describe('auditLog', () => {
  for (const as of ['admin', 'planner']) {
    it(`lets ${as} read the district’s log, newest first`, async () => {
      await registerCamera();
      const r = await app.gql(AUDIT, { first: 100 }, { as });
      expect(r.errors).toBeUndefined();
      const ids = r.data.auditLog.edges.map((e: any) => e.node.id);
      expect(ids.length).toBeGreaterThan(1);
      for (let i = 1; i < ids.length; i++) expect(ids[i]).toBeLessThan(ids[i - 1]);
      const ats = r.data.auditLog.edges.map((e: any) => Date.parse(e.node.at));
      for (let i = 1; i < ats.length; i++) expect(ats[i]).toBeLessThanOrEqual(ats[i - 1]);
      // The rows about users (logins, roles) are the ADMIN's alone.
      const seen = `district_id = ${chair.districtId}` + (as === 'admin' ? '' : ` AND entity <> 'app_user'`);
      expect(ids[0]).toBe((await app.sql.query(`SELECT max(id)::int AS id FROM audit_log WHERE ${seen}`)).rows[0].id);
      expect(r.data.auditLog.totalCount).toBe(await app.count('audit_log', seen));
      const users = await app.gql(AUDIT, { filter: { entity: 'app_user' } }, { as });
      if (as === 'admin') expect(users.data.auditLog.totalCount).toBeGreaterThan(0);
      else expect(users.data.auditLog.totalCount).toBe(0);
    });
  }

  for (const as of ['chair.p02', 'police', 'police.p01', 'justice', 'homeaffairs']) {
    it(`refuses ${as} with FORBIDDEN`, async () => {
      const r = await app.gql(AUDIT, {}, { as });
      expect(firstError(r)).toMatchObject({ code: 'FORBIDDEN', field: 'auditLog' });
      expect(r.data).toBeNull();
    });
  }

  it('filters by entity and entity id: one camera’s history, newest first', async () => {
    const c = await registerCamera();
    await app.gql(UPDATE_CAMERA, { id: c.id, input: { bearing: 45 } });
    await app.gql(DECOMMISSION, { id: c.id });
    const r = await app.gql(AUDIT, { filter: { entity: 'camera', entityId: c.id } }, { as: 'planner' });
    expect(r.errors).toBeUndefined();
    expect(r.data.auditLog.totalCount).toBe(3);
    expect(r.data.auditLog.edges.map((e: any) => e.node.action)).toEqual(['decommissionCamera', 'updateCamera', 'registerCamera']);
    for (const e of r.data.auditLog.edges) expect(e.node).toMatchObject({ entity: 'camera', entityId: c.id });
    // The same id as a rental house is another entity's history.
    const house = await app.gql(AUDIT, { filter: { entity: 'rental_house', entityId: c.id } }, { as: 'planner' });
    for (const e of house.data.auditLog.edges) expect(e.node.entity).toBe('rental_house');
  });

  it('filters by user', async () => {
    const r = await app.gql(AUDIT, { filter: { userId: chair.id }, first: 500 }, { as: 'admin' });
    expect(r.errors).toBeUndefined();
    expect(r.data.auditLog.totalCount).toBe(await app.count('audit_log', `user_id = ${chair.id} AND district_id = ${chair.districtId}`));
    expect(r.data.auditLog.totalCount).toBeGreaterThan(5);
    for (const e of r.data.auditLog.edges) expect(e.node).toMatchObject({ userId: chair.id, username: 'chair.p02' });
    const admin = await app.gql(AUDIT, { filter: { userId: adminId, action: 'login' } }, { as: 'admin' });
    expect(admin.data.auditLog.totalCount).toBeGreaterThan(0);
    for (const e of admin.data.auditLog.edges) expect(e.node).toMatchObject({ userId: adminId, action: 'login', operation: 'LOGIN', role: 'ADMIN' });
  });

  it('filters by time, from (inclusive) and to (exclusive)', async () => {
    const c = await registerCamera();
    const at: Date = (await app.sql.query(`SELECT at FROM audit_log WHERE entity = 'camera' AND entity_id = $1`, [c.id])).rows[0].at;
    const iso = (ms: number) => new Date(at.getTime() + ms).toISOString();
    const count = async (filter: Record<string, unknown>) =>
      (await app.gql(AUDIT, { filter: { entity: 'camera', entityId: c.id, ...filter } }, { as: 'planner' })).data.auditLog.totalCount;
    expect(await count({ from: iso(-1), to: iso(1) })).toBe(1);
    expect(await count({ from: iso(1) })).toBe(0);
    expect(await count({ to: iso(-1) })).toBe(0);
  });

  it('pages with first and after, with no row lost or repeated', async () => {
    for (let i = 0; i < 3; i++) await registerCamera();
    const filter = { userId: chair.id, entity: 'camera' };
    const all = await app.gql(AUDIT, { filter, first: 500 }, { as: 'admin' });
    const expected = all.data.auditLog.edges.map((e: any) => e.node.id);
    expect(expected.length).toBeGreaterThanOrEqual(7);
    const seen: number[] = [];
    let after: string | null = null;
    for (let page = 0; page < 100; page++) {
      const r: any = await app.gql(AUDIT, { filter, first: 3, after }, { as: 'admin' });
      expect(r.errors).toBeUndefined();
      expect(r.data.auditLog.totalCount).toBe(expected.length);
      expect(r.data.auditLog.edges.length).toBeLessThanOrEqual(3);
      expect(r.data.auditLog.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...r.data.auditLog.edges.map((e: any) => e.node.id));
      if (!r.data.auditLog.pageInfo.hasNextPage) break;
      after = r.data.auditLog.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
  });

  it('refuses a page of 0 or 501, and a cursor from another filter', async () => {
    expect(firstError(await app.gql(AUDIT, { first: 0 }, { as: 'admin' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(firstError(await app.gql(AUDIT, { first: 501 }, { as: 'admin' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const p = await app.gql(AUDIT, { filter: { entity: 'camera' }, first: 1 }, { as: 'admin' });
    const other = await app.gql(AUDIT, { filter: { entity: 'rental_house' }, first: 1, after: p.data.auditLog.pageInfo.endCursor }, { as: 'admin' });
    expect(firstError(other)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('shows a planner only their own district’s rows', async () => {
    const c = await registerCamera();
    const { rows: [d] } = await app.sql.query(`SELECT max(id) + 1000 AS id FROM district`);
    // Another district's row about an entity with the same id (written as the owner, as the trigger would).
    await app.system(
      `INSERT INTO audit_log (district_id, user_id, username, role, action, entity, entity_id, operation, after)
       VALUES ($1, NULL, 'elsewhere', 'admin', 'registerCamera', 'camera', $2, 'INSERT', '{"label": "ANOTHER-DISTRICT"}')`,
      [d.id, c.id],
    );
    for (const as of ['planner', 'admin']) {
      const one = await app.gql(AUDIT, { filter: { entity: 'camera', entityId: c.id } }, { as });
      expect(one.data.auditLog.totalCount).toBe(1);
      expect(one.data.auditLog.edges[0].node.username).toBe('chair.p02');
      const all = await app.gql(AUDIT, { first: 500 }, { as });
      const seen = `district_id = ${chair.districtId}` + (as === 'admin' ? '' : ` AND entity <> 'app_user'`);
      expect(all.data.auditLog.totalCount).toBe(await app.count('audit_log', seen));
      expect(JSON.stringify(all.data)).not.toContain('ANOTHER-DISTRICT');
    }
  });
});

describe('nothing can edit the audit log', () => {
  it('offers no mutation on it', async () => {
    const r = await app.gql(`{ __schema { mutationType { fields { name } } } }`, {}, { as: 'admin' });
    for (const f of r.data.__schema.mutationType.fields) expect(f.name).not.toMatch(/audit/i);
  });

  for (const [what, sql] of [
    ['UPDATE', `UPDATE audit_log SET action = 'rewritten' WHERE id = (SELECT max(id) FROM audit_log)`],
    ['DELETE', `DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)`],
    ['DELETE of everything', `DELETE FROM audit_log`],
    ['TRUNCATE', `TRUNCATE audit_log`],
  ] as const) {
    it(`refuses ${what} even to the table's owner`, async () => {
      const before = await app.count('audit_log');
      const last = (await app.sql.query(`SELECT id, action FROM audit_log ORDER BY id DESC LIMIT 1`)).rows[0];
      const r = await asOwner(sql);
      expect(r.error?.code).toBe('42501');
      expect(r.error?.message).toMatch(/append-only/);
      expect(await app.count('audit_log')).toBe(before);
      expect((await app.sql.query(`SELECT action FROM audit_log WHERE id = $1`, [last.id])).rows[0].action).toBe(last.action);
    });
  }

  it('gives the app role no privilege but SELECT on it', async () => {
    const { rows } = await app.sql.query(
      `SELECT p, has_table_privilege('wardwatch_app', 'audit_log', p) AS granted
         FROM unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']) p`,
    );
    expect(Object.fromEntries(rows.map((r: any) => [r.p, r.granted]))).toEqual({
      SELECT: true, INSERT: false, UPDATE: false, DELETE: false, TRUNCATE: false, REFERENCES: false, TRIGGER: false,
    });
    for (const sql of [
      `UPDATE audit_log SET action = 'rewritten'`,
      `DELETE FROM audit_log`,
      `TRUNCATE audit_log`,
      `INSERT INTO audit_log (district_id, action, entity, operation) VALUES (1, 'forged', 'camera', 'INSERT')`,
    ]) {
      const r = await asOwner(sql, 'wardwatch_app');
      expect(r.error?.code, sql).toBe('42501');
      expect(r.error?.message, sql).toMatch(/permission denied/);
    }
  });
});
