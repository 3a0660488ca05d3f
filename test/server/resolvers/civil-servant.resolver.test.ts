import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstError, startTestApp, type TestApp } from '../../support/server';

let app: TestApp;
/** A point deep inside ward 2 (chair.p02's) and one inside ward 1: homes for the fixtures. */
let ward2: { lon: number; lat: number };
let ward1: { lon: number; lat: number };
let unitId: number;

/** The point `metres` from `p` towards `bearing` (degrees), computed on the spheroid. */
async function project(p: { lon: number; lat: number }, metres: number, bearing: number): Promise<{ lon: number; lat: number }> {
  const { rows } = await app.sql.query(
    `SELECT ST_X(q) AS lon, ST_Y(q) AS lat
       FROM (SELECT ST_Project(ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography, $3::float8, radians($4::float8))::geometry AS q) s`,
    [p.lon, p.lat, metres, bearing],
  );
  return rows[0];
}

/** A point `metres` from the ward-2 home that is still inside ward 2. */
async function awayInWard2(metres: number): Promise<{ lon: number; lat: number }> {
  for (let b = 0; b < 360; b += 15) {
    const q = await project(ward2, metres, b);
    const { rows } = await app.sql.query(`SELECT ST_Covers(boundary, ST_SetSRID(ST_MakePoint($1, $2), 4326)) AS inside FROM ward WHERE id = 2`, [q.lon, q.lat]);
    if (rows[0].inside) return q;
  }
  throw new Error(`no point ${metres} m from the home inside ward 2`);
}

/** A district division of its own (made as the owner), so that its figures are this file's alone. */
async function newUnit(code: string): Promise<number> {
  const { rows } = await app.system(
    `INSERT INTO unit (district_id, code, name, kind)
     SELECT district_id, $1, 'Phòng Thử nghiệm ' || $1, 'division' FROM app_user WHERE username = 'admin' RETURNING id`,
    [code],
  );
  return rows[0].id;
}

beforeAll(async () => {
  app = await startTestApp();
  // The group point farthest from its ward's border: a home with room around it.
  const deep = `SELECT ST_X(p) AS lon, ST_Y(p) AS lat
                  FROM residential_group g JOIN ward w ON w.id = g.ward_id, LATERAL (SELECT ST_PointOnSurface(g.boundary) AS p) s
                 WHERE g.ward_id = $1 ORDER BY ST_Distance(p::geography, ST_Boundary(w.boundary)::geography) DESC LIMIT 1`;
  ward2 = (await app.sql.query(deep, [2])).rows[0];
  ward1 = (await app.sql.query(deep, [1])).rows[0];
  unitId = await newUnit('TEST-CS');
});
afterAll(() => app?.close());

const SERVANT = `id wardId unitId fullName position phone homeAddress longitude latitude cameraId verifiedSince hasVerifiedCamera
  createdAt unit { id headcount verifiedCount uptakePercent reachedFullAt } camera { id ownerKind }
  lastCheck { result cameraId checkedAt checkedBy username } checks { id result checkedAt }`;
const REGISTER = `mutation($input: RegisterCivilServantInput!) { registerCivilServant(input: $input) { ${SERVANT} } }`;
const LINK = `mutation($s: Int!, $c: Int) { linkHomeCamera(civilServantId: $s, cameraId: $c) { ${SERVANT} } }`;
const CHECK = `mutation($input: RecordCivilServantCheckInput!) { recordCivilServantCheck(input: $input) { ${SERVANT} } }`;
const CAMERA = `mutation($input: RegisterCameraInput!) { registerCamera(input: $input) { id } }`;

const point = (p: { lon: number; lat: number }) => ({ type: 'Point', coordinates: [p.lon, p.lat] });
const servant = (over: Record<string, unknown> = {}) => ({
  unitId,
  fullName: 'Trần Thị Thử',
  position: 'Chuyên viên',
  phone: '0905 111 222',
  homeAddress: '12 Đường Thử Nghiệm',
  location: point(ward2),
  ...over,
});

async function register(over: Record<string, unknown> = {}, as = 'chair.p02'): Promise<any> {
  const r = await app.gql(REGISTER, { input: servant(over) }, { as });
  expect(r.errors).toBeUndefined();
  return r.data.registerCivilServant;
}

/** A home camera (owner kind CIVIL_SERVANT unless said otherwise) `metres` east of `home`. */
async function camera(home: { lon: number; lat: number }, metres = 5, over: Record<string, unknown> = {}): Promise<number> {
  const at = await project(home, metres, 90);
  const r = await app.gql(CAMERA, { input: { location: point(at), type: 'DOME', ownerKind: 'CIVIL_SERVANT', ...over } });
  expect(r.errors).toBeUndefined();
  return r.data.registerCamera.id;
}

/** Rows that a refused mutation must leave as they were. */
async function counts(): Promise<number[]> {
  return Promise.all(['civil_servant', 'civil_servant_check', 'audit_log'].map((t) => app.count(t)));
}

describe('registering civil servants', () => {
  it('registers a civil servant living in the ward, placed by their home', async () => {
    const before = await counts();
    const s = await register();
    expect(s).toMatchObject({
      wardId: 2,
      unitId,
      fullName: 'Trần Thị Thử',
      phone: '0905 111 222',
      homeAddress: '12 Đường Thử Nghiệm',
      cameraId: null,
      verifiedSince: null,
      hasVerifiedCamera: false,
      camera: null,
      lastCheck: null,
      checks: [],
    });
    expect(s.longitude).toBeCloseTo(ward2.lon, 8);
    const after = await counts();
    expect(after[0]).toBe(before[0] + 1);
    expect(after[2]).toBeGreaterThan(before[2]); // the audit log has the new row
  });

  const bad: [string, Record<string, unknown>, string][] = [
    ['an empty name', { fullName: '' }, 'input.fullName'],
    ['a name of spaces', { fullName: '     ' }, 'input.fullName'],
    ['a phone number with letters', { phone: 'call me' }, 'input.phone'],
    ['an address of spaces', { homeAddress: '      ' }, 'input.homeAddress'],
    ['an unknown unit', { unitId: 987654 }, 'input.unitId'],
    ['a home outside the district', { location: { type: 'Point', coordinates: [106.7, 10.8] } }, 'input.location'],
    ['a polygon for a home', { location: { type: 'Polygon', coordinates: [] } }, 'input.location.type'],
  ];
  for (const [what, over, field] of bad) {
    it(`rejects ${what} with BAD_USER_INPUT naming ${field}, and writes nothing`, async () => {
      const before = await counts();
      const r = await app.gql(REGISTER, { input: servant(over) }, { as: 'chair.p02' });
      expect(firstError(r)).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await counts()).toEqual(before);
    });
  }

  it("refuses a ward chair a resident of another ward (FORBIDDEN naming input.location), and writes nothing", async () => {
    const before = await counts();
    const r = await app.gql(REGISTER, { input: servant({ location: point(ward1) }) }, { as: 'chair.p02' });
    expect(firstError(r)).toMatchObject({ code: 'FORBIDDEN', field: 'input.location' });
    expect(await counts()).toEqual(before);
  });

  it('updates a civil servant, clears the phone with null, and rejects a bad change leaving the row as it was', async () => {
    const s = await register();
    const UPDATE = `mutation($id: Int!, $input: UpdateCivilServantInput!) { updateCivilServant(id: $id, input: $input) { fullName position phone wardId } }`;
    const ok = await app.gql(UPDATE, { id: s.id, input: { fullName: '  Trần Thị Mới ', phone: null } }, { as: 'chair.p02' });
    expect(ok.errors).toBeUndefined();
    expect(ok.data.updateCivilServant).toEqual({ fullName: 'Trần Thị Mới', position: 'Chuyên viên', phone: null, wardId: 2 });
    const before = await counts();
    for (const [input, field] of [
      [{ fullName: 'x' }, 'input.fullName'],
      [{ unitId: 987654 }, 'input.unitId'],
      [{ phone: '12' }, 'input.phone'],
    ] as const) {
      const r = await app.gql(UPDATE, { id: s.id, input }, { as: 'chair.p02' });
      expect(firstError(r)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const moved = await app.gql(UPDATE, { id: s.id, input: { location: point(ward1) } }, { as: 'chair.p02' });
    expect(firstError(moved)).toMatchObject({ code: 'FORBIDDEN', field: 'input.location' });
    expect(await counts()).toEqual(before);
    expect(firstError(await app.gql(UPDATE, { id: 987654, input: { fullName: 'Ai Đó' } }))).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });
});

describe('home cameras and the ward checks', () => {
  it('verifies a home camera with a WORKING check, and a NOT_WORKING check afterwards clears it', async () => {
    const unit = await newUnit('TEST-CS-V');
    const s = await register({ unitId: unit });
    expect(s.unit).toMatchObject({ id: unit, headcount: 1, verifiedCount: 0, uptakePercent: 0, reachedFullAt: null });

    const cameraId = await camera(ward2, 12);
    const linked = await app.gql(LINK, { s: s.id, c: cameraId }, { as: 'chair.p02' });
    expect(linked.errors).toBeUndefined();
    expect(linked.data.linkHomeCamera).toMatchObject({ cameraId, camera: { id: cameraId, ownerKind: 'CIVIL_SERVANT' }, hasVerifiedCamera: false });

    const working = await app.gql(CHECK, { input: { civilServantId: s.id, result: 'WORKING', note: 'Camera hoạt động tốt' } }, { as: 'chair.p02' });
    expect(working.errors).toBeUndefined();
    const v = working.data.recordCivilServantCheck;
    expect(v.hasVerifiedCamera).toBe(true);
    expect(v.verifiedSince).toBe(v.lastCheck.checkedAt);
    expect(v.lastCheck).toMatchObject({ result: 'WORKING', cameraId, username: 'chair.p02' });
    expect(v.lastCheck.checkedBy.length).toBeGreaterThanOrEqual(2); // the chair's display name
    expect(v.checks).toHaveLength(1);
    expect(v.unit).toMatchObject({ headcount: 1, verifiedCount: 1, uptakePercent: 100, reachedFullAt: v.verifiedSince });

    const roster = await app.gql(`{ commendationRoster { id reachedFullAt } }`, {}, { as: 'homeaffairs' });
    expect(roster.data.commendationRoster).toContainEqual({ id: unit, reachedFullAt: v.verifiedSince });

    const failed = await app.gql(CHECK, { input: { civilServantId: s.id, result: 'NOT_WORKING', checkedBy: 'Lê Văn Kiểm' } }, { as: 'chair.p02' });
    expect(failed.errors).toBeUndefined();
    const f = failed.data.recordCivilServantCheck;
    expect(f).toMatchObject({ hasVerifiedCamera: false, verifiedSince: null, lastCheck: { result: 'NOT_WORKING', checkedBy: 'Lê Văn Kiểm', cameraId } });
    expect(f.checks.map((k: { result: string }) => k.result)).toEqual(['NOT_WORKING', 'WORKING']); // newest first
    expect(f.unit).toMatchObject({ headcount: 1, verifiedCount: 0, uptakePercent: 0, reachedFullAt: null });
    const after = await app.gql(`{ commendationRoster { id } }`, {}, { as: 'homeaffairs' });
    expect(after.data.commendationRoster.map((u: { id: number }) => u.id)).not.toContain(unit);
  });

  it('keeps a verified camera unverified once it stops being ACTIVE, and needs a new check for another camera', async () => {
    const s = await register();
    const first = await camera(ward2, 8);
    await app.gql(LINK, { s: s.id, c: first }, { as: 'chair.p02' });
    await app.gql(CHECK, { input: { civilServantId: s.id, result: 'WORKING' } }, { as: 'chair.p02' });
    await app.gql(`mutation { updateCamera(id: ${first}, input: { status: OFFLINE }) { id } }`);
    const offline = await app.gql(`{ civilServant(id: ${s.id}) { verifiedSince hasVerifiedCamera } }`, {}, { as: 'chair.p02' });
    expect(offline.data.civilServant.verifiedSince).not.toBeNull();
    expect(offline.data.civilServant.hasVerifiedCamera).toBe(false);
    const second = await camera(ward2, 20);
    const relinked = await app.gql(LINK, { s: s.id, c: second }, { as: 'chair.p02' });
    expect(relinked.data.linkHomeCamera).toMatchObject({ cameraId: second, verifiedSince: null, hasVerifiedCamera: false });
    const unlinked = await app.gql(LINK, { s: s.id, c: null }, { as: 'chair.p02' });
    expect(unlinked.data.linkHomeCamera).toMatchObject({ cameraId: null, camera: null });
  });

  it('records a check at a given time, and the check names the camera linked then', async () => {
    const s = await register();
    const cameraId = await camera(ward2, 3);
    await app.gql(LINK, { s: s.id, c: cameraId }, { as: 'chair.p02' });
    const at = new Date(Date.now() + 60_000).toISOString(); // a minute of clock skew is allowed
    const r = await app.gql(CHECK, { input: { civilServantId: s.id, result: 'NO_CAMERA', checkedAt: at } }, { as: 'chair.p02' });
    expect(r.errors).toBeUndefined();
    expect(r.data.recordCivilServantCheck.lastCheck).toMatchObject({ result: 'NO_CAMERA', cameraId, checkedAt: at });
  });

  it('refuses a WORKING check dated before the camera was linked (it would never count), naming input.checkedAt, and writes nothing', async () => {
    const s = await register();
    // Registered two hours ago (as the owner): there is a time after registering and before linking.
    await app.system(`UPDATE civil_servant SET created_at = created_at - interval '2 hours' WHERE id = $1`, [s.id]);
    const cameraId = await camera(ward2, 7);
    expect((await app.gql(LINK, { s: s.id, c: cameraId }, { as: 'chair.p02' })).errors).toBeUndefined();
    const anHourAgo = new Date(Date.now() - 3_600_000).toISOString();

    const before = await counts();
    const r = await app.gql(CHECK, { input: { civilServantId: s.id, result: 'WORKING', checkedAt: anHourAgo } }, { as: 'chair.p02' });
    expect(firstError(r)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.checkedAt' });
    expect(firstError(r).message).toMatch(/before home camera \d+ was linked/);
    expect(r.data?.recordCivilServantCheck ?? null).toBeNull();
    expect(await counts()).toEqual(before);
    const [row] = (await app.sql.query(`SELECT verified_since FROM civil_servant WHERE id = $1`, [s.id])).rows;
    expect(row.verified_since).toBeNull();

    // A finding of the same time that is not WORKING is history, and is kept; a WORKING check now counts.
    const failed = await app.gql(CHECK, { input: { civilServantId: s.id, result: 'NOT_WORKING', checkedAt: anHourAgo } }, { as: 'chair.p02' });
    expect(failed.errors).toBeUndefined();
    const now = await app.gql(CHECK, { input: { civilServantId: s.id, result: 'WORKING' } }, { as: 'chair.p02' });
    expect(now.errors).toBeUndefined();
    expect(now.data.recordCivilServantCheck).toMatchObject({ hasVerifiedCamera: true, lastCheck: { result: 'WORKING', cameraId } });
    expect(now.data.recordCivilServantCheck.verifiedSince).toBe(now.data.recordCivilServantCheck.lastCheck.checkedAt);
  });

  it('refuses to move a home out of reach of its linked camera, and writes nothing', async () => {
    const s = await register();
    await app.gql(LINK, { s: s.id, c: await camera(ward2, 5) }, { as: 'chair.p02' });
    const UPDATE = `mutation($id: Int!, $input: UpdateCivilServantInput!) { updateCivilServant(id: $id, input: $input) { id } }`;
    const before = await counts();
    const r = await app.gql(UPDATE, { id: s.id, input: { location: point(await awayInWard2(300)) } }, { as: 'chair.p02' });
    expect(firstError(r)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.location' });
    expect(await counts()).toEqual(before);
    const nearby = await app.gql(UPDATE, { id: s.id, input: { location: point(await project(ward2, 20, 0)) } }, { as: 'chair.p02' });
    expect(nearby.errors).toBeUndefined();
  });

  describe('refuses, with BAD_USER_INPUT naming the field and nothing written', () => {
    let s: any;
    let near: number;
    beforeAll(async () => {
      s = await register();
      near = await camera(ward2, 10);
    });

    async function refusedLink(cameraId: number, message: RegExp): Promise<void> {
      const before = await counts();
      const r = await app.gql(LINK, { s: s.id, c: cameraId }, { as: 'chair.p02' });
      expect(firstError(r)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'cameraId' });
      expect(firstError(r).message).toMatch(message);
      expect(await counts()).toEqual(before);
      expect((await app.sql.query(`SELECT camera_id FROM civil_servant WHERE id = $1`, [s.id])).rows[0].camera_id).toBeNull();
    }

    it('a camera 500 m from the home', async () => {
      const r = await app.gql(CAMERA, { input: { location: point(await awayInWard2(500)), type: 'DOME', ownerKind: 'CIVIL_SERVANT' } });
      await refusedLink(r.data.registerCamera.id, /500 m from the home/);
    });

    it('a camera of another owner kind', async () => {
      await refusedLink(await camera(ward2, 5, { ownerKind: 'HOUSEHOLD' }), /CIVIL_SERVANT/);
    });

    it('a decommissioned camera', async () => {
      const id = await camera(ward2, 5);
      await app.gql(`mutation { decommissionCamera(id: ${id}) { id } }`);
      await refusedLink(id, /decommissioned/);
    });

    it("a camera that is already another civil servant's", async () => {
      const other = await register({ fullName: 'Người Khác' });
      const linked = await app.gql(LINK, { s: other.id, c: near }, { as: 'chair.p02' });
      expect(linked.errors).toBeUndefined();
      await refusedLink(near, /already/);
    });

    it('an unknown camera, and a camera of another ward, alike', async () => {
      const foreign = await camera(ward1, 5);
      await refusedLink(987654, /987654 was not found/);
      await refusedLink(foreign, new RegExp(`${foreign} was not found`));
    });

    const badChecks: [string, () => Record<string, unknown>, string][] = [
      ['a check in the future', () => ({ result: 'NOT_WORKING', checkedAt: new Date(Date.now() + 3_600_000).toISOString() }), 'input.checkedAt'],
      ['a check before the servant was registered', () => ({ result: 'NOT_WORKING', checkedAt: '2016-01-01T00:00:00Z' }), 'input.checkedAt'],
      ['a WORKING check with no home camera linked', () => ({ result: 'WORKING' }), 'input.result'],
      ['a checker name of spaces', () => ({ result: 'NO_CAMERA', checkedBy: '    ' }), 'input.checkedBy'],
    ];
    for (const [what, input, field] of badChecks) {
      it(what, async () => {
        const before = await counts();
        const r = await app.gql(CHECK, { input: { civilServantId: s.id, ...input() } }, { as: 'chair.p02' });
        expect(firstError(r)).toMatchObject({ code: 'BAD_USER_INPUT', field });
        expect(await counts()).toEqual(before);
      });
    }

    it('a WORKING check of a camera that is not ACTIVE', async () => {
      const other = await register({ fullName: 'Người Thứ Ba' });
      const id = await camera(ward2, 6, { status: 'MAINTENANCE' });
      expect((await app.gql(LINK, { s: other.id, c: id }, { as: 'chair.p02' })).errors).toBeUndefined();
      const before = await counts();
      const r = await app.gql(CHECK, { input: { civilServantId: other.id, result: 'WORKING' } }, { as: 'chair.p02' });
      expect(firstError(r)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.result' });
      expect(await counts()).toEqual(before);
    });
  });
});

describe('who sees which civil servants', () => {
  let own: any;
  let foreign: any;
  beforeAll(async () => {
    own = await register({ fullName: 'Cư Dân Phường Hai' });
    foreign = await register({ fullName: 'Cư Dân Phường Một', location: point(ward1) }, 'admin');
  });

  it('shows a ward chair only the residents of their ward; another ward\'s answers NOT_FOUND', async () => {
    const r = await app.gql(`{ civilServants(first: 500) { totalCount edges { node { id wardId } } } }`, {}, { as: 'chair.p02' });
    expect(r.errors).toBeUndefined();
    expect(r.data.civilServants.totalCount).toBe(await app.count('civil_servant', 'ward_id = 2'));
    for (const e of r.data.civilServants.edges) expect(e.node.wardId).toBe(2);
    expect(r.data.civilServants.edges.map((e: any) => e.node.id)).toContain(own.id);
    const other = await app.gql(`{ civilServant(id: ${foreign.id}) { id } }`, {}, { as: 'chair.p02' });
    const none = await app.gql(`{ civilServant(id: 987654) { id } }`, {}, { as: 'chair.p02' });
    expect(firstError(other)).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect(firstError(other).message).toBe(firstError(none).message!.replace('987654', String(foreign.id)));
    const check = await app.gql(CHECK, { input: { civilServantId: foreign.id, result: 'NO_CAMERA' } }, { as: 'chair.p02' });
    expect(firstError(check)).toMatchObject({ code: 'NOT_FOUND', field: 'input.civilServantId' });
    const filtered = await app.gql(`{ civilServants(filter: { wardId: 1 }) { totalCount } }`, {}, { as: 'chair.p02' });
    expect(firstError(filtered)).toMatchObject({ code: 'NOT_FOUND', field: 'filter.wardId' });
  });

  it('counts a unit over the residents of the chair\'s ward only', async () => {
    const unit = await newUnit('TEST-CS-W');
    await register({ unitId: unit });
    await register({ unitId: unit, location: point(ward1) }, 'admin');
    const UNITS = `{ units(kind: DIVISION) { id headcount } }`;
    const chair = (await app.gql(UNITS, {}, { as: 'chair.p02' })).data.units.find((u: { id: number }) => u.id === unit);
    const admin = (await app.gql(UNITS, {}, { as: 'admin' })).data.units.find((u: { id: number }) => u.id === unit);
    expect(chair.headcount).toBe(1);
    expect(admin.headcount).toBe(2);
  });

  it('shows HOME_AFFAIRS every civil servant, without phone, home address or home location', async () => {
    const r = await app.gql(
      `query($id: Int!) { civilServant(id: $id) { fullName position phone homeAddress longitude latitude wardId } }`,
      { id: foreign.id },
      { as: 'homeaffairs' },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.civilServant).toEqual({ fullName: 'Cư Dân Phường Một', position: 'Chuyên viên', phone: null, homeAddress: null, longitude: null, latitude: null, wardId: 1 });
    const all = await app.gql(`{ civilServants(first: 1) { totalCount } }`, {}, { as: 'homeaffairs' });
    expect(all.data.civilServants.totalCount).toBe(await app.count('civil_servant'));
  });

  it("hides the home camera and residential group, which place the home, from roles that may not see personal data", async () => {
    const s = await register({ fullName: 'Người Có Camera' });
    const cameraId = await camera(ward2, 9);
    expect((await app.gql(LINK, { s: s.id, c: cameraId }, { as: 'chair.p02' })).errors).toBeUndefined();
    expect((await app.gql(CHECK, { input: { civilServantId: s.id, result: 'WORKING' } }, { as: 'chair.p02' })).errors).toBeUndefined();
    const q = `query($id: Int!) { civilServant(id: $id) { fullName residentialGroupId cameraId camera { id longitude latitude }
      hasVerifiedCamera lastCheck { result cameraId } checks { cameraId } } }`;
    const { rows } = await app.sql.query(`SELECT residential_group_id FROM civil_servant WHERE id = $1`, [s.id]);
    expect(rows[0].residential_group_id).not.toBeNull();

    const chair = await app.gql(q, { id: s.id }, { as: 'chair.p02' });
    expect(chair.errors).toBeUndefined();
    expect(chair.data.civilServant).toMatchObject({
      residentialGroupId: rows[0].residential_group_id,
      cameraId,
      camera: { id: cameraId },
      hasVerifiedCamera: true,
      lastCheck: { result: 'WORKING', cameraId },
      checks: [{ cameraId }],
    });
    for (const as of ['homeaffairs', 'admin']) {
      const r = await app.gql(q, { id: s.id }, { as });
      expect(r.errors, as).toBeUndefined();
      expect(r.data.civilServant, as).toEqual({
        fullName: 'Người Có Camera',
        residentialGroupId: null,
        cameraId: null,
        camera: null,
        hasVerifiedCamera: true, // the figure R4/R6 count, which does not place anyone
        lastCheck: { result: 'WORKING', cameraId: null },
        checks: [{ cameraId: null }],
      });
    }
  });

  it('refuses the civil-servant registry to PLANNER and POLICE, who may not list it', async () => {
    for (const as of ['planner', 'police']) {
      expect(firstError(await app.gql(`{ civilServants { totalCount } }`, {}, { as }))).toMatchObject({ code: 'FORBIDDEN' });
    }
    const before = await counts();
    const r = await app.gql(CHECK, { input: { civilServantId: own.id, result: 'NO_CAMERA' } }, { as: 'homeaffairs' });
    expect(firstError(r)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await counts()).toEqual(before);
  });

  it('filters by unit, verification and a part of the name', async () => {
    const LIST = `query($f: CivilServantFilterInput) { civilServants(filter: $f, first: 500) { totalCount edges { node { id unitId fullName hasVerifiedCamera } } } }`;
    const byName = await app.gql(LIST, { f: { search: 'phường hai' } }, { as: 'admin' });
    expect(byName.data.civilServants.edges.map((e: any) => e.node.id)).toEqual([own.id]);
    const literal = await app.gql(LIST, { f: { search: '%' } }, { as: 'admin' });
    expect(literal.data.civilServants.totalCount).toBe(0);
    const byUnit = await app.gql(LIST, { f: { unitId, verified: false } }, { as: 'admin' });
    expect(byUnit.errors).toBeUndefined();
    for (const e of byUnit.data.civilServants.edges) expect(e.node).toMatchObject({ unitId, hasVerifiedCamera: false });
    const verified = await app.gql(LIST, { f: { verified: true } }, { as: 'admin' });
    const expected = await app.count(
      'civil_servant s',
      `s.verified_since IS NOT NULL AND EXISTS (SELECT 1 FROM camera c WHERE c.id = s.camera_id AND c.status = 'active')`,
    );
    expect(verified.data.civilServants.totalCount).toBe(expected);
    for (const e of verified.data.civilServants.edges) expect(e.node.hasVerifiedCamera).toBe(true);
    expect(firstError(await app.gql(LIST, { f: { unitId: 987654 } }))).toMatchObject({ code: 'NOT_FOUND', field: 'filter.unitId' });
  });
});
