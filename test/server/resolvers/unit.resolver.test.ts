import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstError, startTestApp, type TestApp } from '../../support/server';

let app: TestApp;
/** A point deep inside ward 2 (chair.p02's) and one inside ward 3. */
let ward2: { lon: number; lat: number };
let ward3: { lon: number; lat: number };

/** A district division of its own (made as the owner), so that its figures are this file's alone. */
async function newUnit(code: string): Promise<number> {
  const { rows } = await app.system(
    `INSERT INTO unit (district_id, code, name, kind)
     SELECT district_id, $1, 'Phòng Thử nghiệm ' || $1, 'division' FROM app_user WHERE username = 'admin' RETURNING id`,
    [code],
  );
  return rows[0].id;
}

const point = (p: { lon: number; lat: number }) => ({ type: 'Point', coordinates: [p.lon, p.lat] });

/**
 * A civil servant of `unitId` living at `home`, with a home camera a few metres away and, unless
 * `verified` is false, a WORKING check of it (as admin). Returns their id and verifiedSince.
 */
async function member(unitId: number, home: { lon: number; lat: number }, verified = true): Promise<{ id: number; verifiedSince: string | null }> {
  const s = await app.gql(
    `mutation($input: RegisterCivilServantInput!) { registerCivilServant(input: $input) { id } }`,
    { input: { unitId, fullName: 'Phạm Văn Đơn Vị', homeAddress: '5 Đường Thử', location: point(home) } },
  );
  expect(s.errors).toBeUndefined();
  const id = s.data.registerCivilServant.id;
  const { rows } = await app.sql.query(
    `SELECT ST_X(q) AS lon, ST_Y(q) AS lat FROM (SELECT ST_Project(ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography, 4, radians(45))::geometry AS q) s`,
    [home.lon, home.lat],
  );
  const c = await app.gql(`mutation($input: RegisterCameraInput!) { registerCamera(input: $input) { id } }`, {
    input: { location: point(rows[0]), type: 'FIXED', ownerKind: 'CIVIL_SERVANT' },
  });
  const linked = await app.gql(`mutation { linkHomeCamera(civilServantId: ${id}, cameraId: ${c.data.registerCamera.id}) { id } }`);
  expect(linked.errors).toBeUndefined();
  if (!verified) return { id, verifiedSince: null };
  const k = await app.gql(`mutation { recordCivilServantCheck(input: { civilServantId: ${id}, result: WORKING }) { verifiedSince } }`);
  expect(k.errors).toBeUndefined();
  return { id, verifiedSince: k.data.recordCivilServantCheck.verifiedSince };
}

/** The figures of every unit as the database has them, over the residents of `wardId` (null: all). */
async function expectedFigures(wardId: number | null): Promise<Map<number, { headcount: number; verifiedCount: number }>> {
  const { rows } = await app.sql.query(
    `SELECT u.id, count(s.id)::int AS headcount,
            count(s.id) FILTER (WHERE s.verified_since IS NOT NULL AND c.status = 'active')::int AS "verifiedCount"
       FROM unit u
       LEFT JOIN civil_servant s ON s.unit_id = u.id AND ($1::int IS NULL OR s.ward_id = $1)
       LEFT JOIN camera c ON c.id = s.camera_id
      GROUP BY u.id`,
    [wardId],
  );
  return new Map(rows.map((r) => [r.id, { headcount: r.headcount, verifiedCount: r.verifiedCount }]));
}

const UNIT = 'id districtId wardId code name kind headcount verifiedCount uptakePercent reachedFullAt';

beforeAll(async () => {
  app = await startTestApp();
  const deep = `SELECT ST_X(p) AS lon, ST_Y(p) AS lat
                  FROM residential_group g JOIN ward w ON w.id = g.ward_id, LATERAL (SELECT ST_PointOnSurface(g.boundary) AS p) s
                 WHERE g.ward_id = $1 ORDER BY ST_Distance(p::geography, ST_Boundary(w.boundary)::geography) DESC LIMIT 1`;
  ward2 = (await app.sql.query(deep, [2])).rows[0];
  ward3 = (await app.sql.query(deep, [3])).rows[0];
});
afterAll(() => app?.close());

describe('units and their home-camera uptake', () => {
  let half: number;
  beforeAll(async () => {
    // Two members in ward 2 (one verified), one verified member in ward 3.
    half = await newUnit('TEST-U-HALF');
    await member(half, ward2);
    await member(half, ward2, false);
    await member(half, ward3);
  });

  it("lists every unit of the district, divisions first, with the database's figures", async () => {
    const r = await app.gql(`{ units { ${UNIT} } }`);
    expect(r.errors).toBeUndefined();
    const units = r.data.units as any[];
    expect(units).toHaveLength(await app.count('unit'));
    const kinds = units.map((u) => u.kind);
    expect(kinds).toEqual([...kinds].sort()); // DIVISION before WARD_COMMITTEE
    const expected = await expectedFigures(null);
    for (const u of units) {
      expect({ headcount: u.headcount, verifiedCount: u.verifiedCount }).toEqual(expected.get(u.id));
      if (u.headcount === 0) expect(u.uptakePercent).toBeNull();
      else expect(u.uptakePercent).toBeCloseTo((100 * u.verifiedCount) / u.headcount, 1);
      if (u.headcount === 0 || u.verifiedCount < u.headcount) expect(u.reachedFullAt).toBeNull();
      expect(u.kind === 'WARD_COMMITTEE').toBe(u.wardId !== null);
    }
    expect(units.find((u) => u.id === half)).toMatchObject({ headcount: 3, verifiedCount: 2, uptakePercent: 66.7, reachedFullAt: null });
  });

  it('lists the units of one kind', async () => {
    const r = await app.gql(`{ units(kind: DIVISION) { id kind } }`, {}, { as: 'planner' });
    expect(r.errors).toBeUndefined();
    expect(r.data.units.length).toBe(await app.count('unit', `kind = 'division'`));
    for (const u of r.data.units) expect(u.kind).toBe('DIVISION');
  });

  it("counts, for a ward chair, only the civil servants living in the chair's ward, in every unit", async () => {
    const r = await app.gql(`{ units { id headcount verifiedCount uptakePercent } }`, {}, { as: 'chair.p02' });
    expect(r.errors).toBeUndefined();
    expect(r.data.units).toHaveLength(await app.count('unit'));
    const expected = await expectedFigures(2);
    for (const u of r.data.units) expect({ headcount: u.headcount, verifiedCount: u.verifiedCount }).toEqual(expected.get(u.id));
    expect(r.data.units.find((u: { id: number }) => u.id === half)).toMatchObject({ headcount: 2, verifiedCount: 1, uptakePercent: 50 });
  });

  it('shows an empty unit with no uptake figure', async () => {
    const empty = await newUnit('TEST-U-EMPTY');
    const r = await app.gql(`{ units(kind: DIVISION) { id headcount verifiedCount uptakePercent reachedFullAt } }`, {}, { as: 'homeaffairs' });
    expect(r.data.units.find((u: { id: number }) => u.id === empty)).toEqual({ id: empty, headcount: 0, verifiedCount: 0, uptakePercent: null, reachedFullAt: null });
  });

  it('lets ADMIN, PLANNER, WARD_CHAIR and HOME_AFFAIRS read the units, and refuses POLICE and JUSTICE', async () => {
    for (const as of ['admin', 'planner', 'chair.p02', 'homeaffairs']) {
      expect((await app.gql(`{ units { id } commendationRoster { id } }`, {}, { as })).errors).toBeUndefined();
    }
    for (const as of ['police', 'justice']) {
      expect(firstError(await app.gql(`{ units { id } }`, {}, { as }))).toMatchObject({ code: 'FORBIDDEN', field: 'units' });
      expect(firstError(await app.gql(`{ commendationRoster { id } }`, {}, { as }))).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(firstError(await app.gql(`{ units { id } }`, {}, { as: null }))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('the commendation roster', () => {
  it('lists the units whose every member is verified, with the date the last of them was, in that order', async () => {
    const full = await newUnit('TEST-U-FULL');
    const a = await member(full, ward2);
    const b = await member(full, ward3);
    const latest = [a.verifiedSince!, b.verifiedSince!].sort().at(-1);
    const r = await app.gql(`{ commendationRoster { ${UNIT} } }`, {}, { as: 'homeaffairs' });
    expect(r.errors).toBeUndefined();
    const roster = r.data.commendationRoster as any[];
    expect(roster.find((u) => u.id === full)).toMatchObject({ headcount: 2, verifiedCount: 2, uptakePercent: 100, reachedFullAt: latest });
    for (const u of roster) {
      expect(u.headcount).toBeGreaterThan(0);
      expect(u.verifiedCount).toBe(u.headcount);
      expect(u.reachedFullAt).not.toBeNull();
    }
    const times = roster.map((u) => u.reachedFullAt);
    expect(times).toEqual([...times].sort());
    const units = await app.gql(`{ units { id headcount verifiedCount } }`, {}, { as: 'homeaffairs' });
    const atFull = units.data.units.filter((u: any) => u.headcount > 0 && u.verifiedCount === u.headcount).map((u: any) => u.id);
    expect(roster.map((u) => u.id).sort()).toEqual(atFull.sort());
  });

  it("puts a unit on a ward chair's roster when every member living in the ward is verified", async () => {
    const mixed = await newUnit('TEST-U-MIXED');
    const own = await member(mixed, ward2);
    await member(mixed, ward3, false);
    const chair = await app.gql(`{ commendationRoster { id reachedFullAt headcount } }`, {}, { as: 'chair.p02' });
    expect(chair.data.commendationRoster).toContainEqual({ id: mixed, reachedFullAt: own.verifiedSince, headcount: 1 });
    const district = await app.gql(`{ commendationRoster { id } }`, {}, { as: 'admin' });
    expect(district.data.commendationRoster.map((u: { id: number }) => u.id)).not.toContain(mixed);
  });
});

describe('the unit-uptake CSV export', () => {
  it('exports every unit with its figures to HOME_AFFAIRS', async () => {
    const res = await app.get('/export/unit-uptake.csv', { as: 'homeaffairs' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="?unit-uptake\.csv/);
    const lines = (await res.text()).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,code,name,kind,wardId,headcount,verifiedCount,uptakePercent,reachedFullAt');
    expect(lines).toHaveLength((await app.count('unit')) + 1);
    const api = await app.gql(`{ units { id code headcount verifiedCount } }`, {}, { as: 'homeaffairs' });
    const first = api.data.units[0];
    const row = lines[1]!.split(',');
    // (from the end: a name may hold a quoted comma)
    expect([row[0], row[1], row.at(-4), row.at(-3)]).toEqual([String(first.id), first.code, String(first.headcount), String(first.verifiedCount)]);
    const divisions = await app.get('/export/unit-uptake.csv?kind=DIVISION', { as: 'homeaffairs' });
    expect((await divisions.text()).trimEnd().split('\r\n')).toHaveLength((await app.count('unit', `kind = 'division'`)) + 1);
  });

  it('refuses POLICE (403), nobody logged out (401) and an unknown kind (400)', async () => {
    const police = await app.get('/export/unit-uptake.csv', { as: 'police' });
    expect(police.status).toBe(403);
    expect((await police.json()).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await app.get('/export/unit-uptake.csv', { as: null })).status).toBe(401);
    const bad = await app.get('/export/unit-uptake.csv?kind=TEAM', { as: 'homeaffairs' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kind' });
  });
});
