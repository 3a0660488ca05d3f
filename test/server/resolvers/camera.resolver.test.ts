import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstError, startTestApp, type TestApp } from '../../support/server';

const CAMERA_FIELDS = `id wardId residentialGroupId type bearing fieldOfView rangeMeters status ownerKind
  longitude latitude location viewSector rentalHouseId ward { id name }`;
const REGISTER = `mutation($input: RegisterCameraInput!) { registerCamera(input: $input) { ${CAMERA_FIELDS} } }`;

let app: TestApp;
/** A point well inside a residential group of the demo district, and the group's ward. */
let inside: { lon: number; lat: number; groupId: number; wardId: number };

beforeAll(async () => {
  app = await startTestApp();
  const r = await app.sql.query(
    `SELECT ST_X(p) AS lon, ST_Y(p) AS lat, g.id AS "groupId", g.ward_id AS "wardId"
       FROM residential_group g, LATERAL (SELECT ST_PointOnSurface(g.boundary) AS p) s
      ORDER BY g.id LIMIT 1`,
  );
  inside = r.rows[0];
});
afterAll(() => app?.close());

function input(over: Record<string, unknown> = {}) {
  return {
    location: { type: 'Point', coordinates: [inside.lon, inside.lat] },
    type: 'FIXED',
    ownerKind: 'HOUSEHOLD',
    bearing: 90,
    ...over,
  };
}

describe('registerCamera', () => {
  it('registers a camera and lets the database derive its ward, group and view sector', async () => {
    const before = await app.count('camera');
    const r = await app.gql(REGISTER, { input: input({ label: 'TEST-1' }) });
    expect(r.errors).toBeUndefined();
    const c = r.data.registerCamera;
    expect(c.wardId).toBe(inside.wardId);
    expect(c.residentialGroupId).toBe(inside.groupId);
    expect(c.ward.id).toBe(inside.wardId);
    expect(c.fieldOfView).toBe(85);
    expect(c.rangeMeters).toBe(30);
    expect(c.status).toBe('ACTIVE');
    expect(c.viewSector.type).toBe('Polygon');
    expect(c.location.type).toBe('Point');
    expect(c.location.coordinates[0]).toBeCloseTo(inside.lon, 8); // GeoJSON out to 9 decimals (0.1 mm)
    expect(c.location.coordinates[1]).toBeCloseTo(inside.lat, 8);
    expect(await app.count('camera')).toBe(before + 1);
  });

  it('defaults a dome camera to a 360-degree view of 15 m', async () => {
    const r = await app.gql(REGISTER, { input: input({ type: 'DOME', bearing: undefined }) });
    expect(r.errors).toBeUndefined();
    expect(r.data.registerCamera).toMatchObject({ fieldOfView: 360, rangeMeters: 15, bearing: 0 });
  });

  const bad: [string, Record<string, unknown>, string][] = [
    ['bearing 400', { bearing: 400 }, 'input.bearing'],
    ['bearing 360', { bearing: 360 }, 'input.bearing'],
    ['a field of view of 0', { fieldOfView: 0 }, 'input.fieldOfView'],
    ['a range of -5 m', { rangeMeters: -5 }, 'input.rangeMeters'],
    ['a range under a metre', { rangeMeters: 0.5 }, 'input.rangeMeters'],
    ['a new camera that is already decommissioned', { status: 'DECOMMISSIONED' }, 'input.status'],
    ['latitude 95', { location: { type: 'Point', coordinates: [108.2, 95] } }, 'input.location.coordinates[1]'],
    ['a point outside the district', { location: { type: 'Point', coordinates: [105.85, 21.03] } }, 'input.location'],
    ['malformed GeoJSON', { location: { type: 'Point', coordinates: ['x', 16] } }, 'input.location.coordinates[0]'],
    ['a polygon where a point belongs', { location: { type: 'Polygon', coordinates: [] } }, 'input.location.type'],
    ['an impossible install date', { installedOn: '2017-02-30' }, 'input.installedOn'],
    ['a rental-house link on a household camera', { rentalHouseId: 1 }, 'input.ownerKind'],
  ];
  for (const [what, over, field] of bad) {
    it(`rejects ${what} with BAD_USER_INPUT naming ${field}, and writes nothing`, async () => {
      const before = await app.count('camera');
      const r = await app.gql(REGISTER, { input: input(over) });
      expect(firstError(r)).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(r.data).toBeNull();
      expect(await app.count('camera')).toBe(before);
    });
  }

  it('answers NOT_FOUND for an unknown rental house, and writes nothing', async () => {
    const before = await app.count('camera');
    const r = await app.gql(REGISTER, { input: input({ ownerKind: 'RENTAL_HOUSE', rentalHouseId: 987654 }) });
    expect(firstError(r)).toMatchObject({ code: 'NOT_FOUND', field: 'input.rentalHouseId' });
    expect(await app.count('camera')).toBe(before);
  });

  it('links a camera to its rental house, which then has an active camera', async () => {
    const { rows } = await app.sql.query(
      `SELECT h.id, ST_X(h.location) AS lon, ST_Y(h.location) AS lat FROM rental_house h
        WHERE NOT EXISTS (SELECT 1 FROM camera c WHERE c.rental_house_id = h.id) ORDER BY h.id LIMIT 1`,
    );
    const house = rows[0];
    const before = await app.gql(`{ rentalHouse(id: ${house.id}) { hasActiveCamera } }`);
    expect(before.data.rentalHouse.hasActiveCamera).toBe(false);
    const r = await app.gql(REGISTER, {
      input: input({ ownerKind: 'RENTAL_HOUSE', rentalHouseId: house.id, location: { type: 'Point', coordinates: [house.lon, house.lat] } }),
    });
    expect(r.errors).toBeUndefined();
    const after = await app.gql(`{ rentalHouse(id: ${house.id}) { hasActiveCamera cameras { id } } }`);
    expect(after.data.rentalHouse.hasActiveCamera).toBe(true);
    expect(after.data.rentalHouse.cameras.map((c: { id: number }) => c.id)).toContain(r.data.registerCamera.id);
  });

  it('never shows a stack trace or SQL in an error', async () => {
    const r = await app.gql(REGISTER, { input: input({ location: { type: 'Point', coordinates: [105.85, 21.03] } }) });
    const text = JSON.stringify(r.errors);
    expect(text).not.toMatch(/stacktrace|SELECT|INSERT|at .*\.ts:\d+|QueryFailedError/);
  });
});

describe('updateCamera and decommissionCamera', () => {
  async function fresh(): Promise<any> {
    const r = await app.gql(REGISTER, { input: input() });
    return r.data.registerCamera;
  }

  it('recomputes the view sector in the database when the bearing changes', async () => {
    const c = await fresh();
    const r = await app.gql(`mutation($id: Int!) { updateCamera(id: $id, input: { bearing: 270 }) { bearing viewSector } }`, { id: c.id });
    expect(r.errors).toBeUndefined();
    expect(r.data.updateCamera.bearing).toBe(270);
    // Facing east then west: the sector's vertices moved to the other side of the camera.
    const east = Math.max(...c.viewSector.coordinates[0].map((p: number[]) => p[0]));
    const west = Math.min(...r.data.updateCamera.viewSector.coordinates[0].map((p: number[]) => p[0]));
    expect(east).toBeGreaterThan(inside.lon);
    expect(west).toBeLessThan(inside.lon);
  });

  it('moves a camera to another ward and re-derives its ward', async () => {
    const c = await fresh();
    const { rows } = await app.sql.query(
      `SELECT ST_X(p) AS lon, ST_Y(p) AS lat, w.id FROM ward w, LATERAL (SELECT ST_PointOnSurface(w.boundary) p) s
        WHERE w.id <> $1 ORDER BY w.id LIMIT 1`,
      [inside.wardId],
    );
    const r = await app.gql(`mutation($id: Int!, $loc: GeoJSON!) { updateCamera(id: $id, input: { location: $loc }) { wardId } }`, {
      id: c.id,
      loc: { type: 'Point', coordinates: [rows[0].lon, rows[0].lat] },
    });
    expect(r.errors).toBeUndefined();
    expect(r.data.updateCamera.wardId).toBe(rows[0].id);
  });

  it('rejects a bad update and leaves the camera as it was', async () => {
    const c = await fresh();
    const r = await app.gql(`mutation($id: Int!) { updateCamera(id: $id, input: { rangeMeters: -5, bearing: 10 }) { id } }`, { id: c.id });
    expect(firstError(r)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.rangeMeters' });
    const row = (await app.sql.query(`SELECT bearing, range_m FROM camera WHERE id = $1`, [c.id])).rows[0];
    expect(row).toEqual({ bearing: 90, range_m: 30 });
  });

  it('answers NOT_FOUND for an unknown camera', async () => {
    const r = await app.gql(`mutation { updateCamera(id: 999999, input: { bearing: 10 }) { id } }`);
    expect(firstError(r)).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    const q = await app.gql(`{ camera(id: 999999) { id } }`);
    expect(firstError(q)).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });

  it('decommissions a camera once, keeps it on record and takes it off the map', async () => {
    const c = await fresh();
    const r = await app.gql(`mutation($id: Int!) { decommissionCamera(id: $id) { status } }`, { id: c.id });
    expect(r.data.decommissionCamera.status).toBe('DECOMMISSIONED');
    const again = await app.gql(`mutation($id: Int!) { decommissionCamera(id: $id) { status } }`, { id: c.id });
    expect(firstError(again)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    const change = await app.gql(`mutation($id: Int!) { updateCamera(id: $id, input: { status: ACTIVE }) { id } }`, { id: c.id });
    expect(firstError(change)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    const layer = await app.gql(`query($w: Int) { layer(kind: CAMERAS, wardId: $w) }`, { w: c.wardId });
    expect(layer.data.layer.features.map((f: { id: number }) => f.id)).not.toContain(c.id);
    expect(await app.count('camera', `id = ${c.id}`)).toBe(1);
  });
});

describe('cameras (filters and pagination)', () => {
  const LIST = `query($f: CameraFilterInput, $first: Int, $after: String) {
    cameras(filter: $f, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor distanceMeters node { id wardId status type ownerKind longitude latitude } }
    } }`;

  it('pages through a ward with no row lost or repeated', async () => {
    const total = await app.count('camera', `ward_id = ${inside.wardId}`);
    const seen = new Set<number>();
    let after: string | null = null;
    for (let i = 0; i < 100; i++) {
      const r: any = await app.gql(LIST, { f: { wardId: inside.wardId }, first: 37, after });
      expect(r.errors).toBeUndefined();
      expect(r.data.cameras.totalCount).toBe(total);
      for (const e of r.data.cameras.edges) {
        expect(seen.has(e.node.id)).toBe(false);
        expect(e.node.wardId).toBe(inside.wardId);
        seen.add(e.node.id);
      }
      if (!r.data.cameras.pageInfo.hasNextPage) break;
      after = r.data.cameras.pageInfo.endCursor;
    }
    expect(seen.size).toBe(total);
  });

  it('rejects a page larger than 500 and a forged cursor', async () => {
    expect(firstError(await app.gql(LIST, { first: 501 }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(firstError(await app.gql(LIST, { first: 0 }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(firstError(await app.gql(LIST, { after: 'not-a-cursor' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const huge = Buffer.from(JSON.stringify([null, 1e12, 'x'])).toString('base64url');
    expect(firstError(await app.gql(LIST, { after: huge }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('refuses a cursor from a list with another filter', async () => {
    const page = await app.gql(LIST, { f: { wardId: inside.wardId }, first: 5 });
    const cursor = page.data.cameras.pageInfo.endCursor;
    expect(page.data.cameras.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const next = await app.gql(LIST, { f: { wardId: inside.wardId }, first: 5, after: cursor });
    expect(next.data.cameras.pageInfo.hasPreviousPage).toBe(true);
    const other = await app.gql(LIST, { f: { wardId: inside.wardId, status: ['ACTIVE'] }, first: 5, after: cursor });
    expect(firstError(other)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('answers NOT_FOUND when filtering by an unknown ward or group', async () => {
    expect(firstError(await app.gql(LIST, { f: { wardId: 4242 } }))).toMatchObject({ code: 'NOT_FOUND', field: 'filter.wardId' });
    expect(firstError(await app.gql(LIST, { f: { residentialGroupId: 424242 } }))).toMatchObject({
      code: 'NOT_FOUND',
      field: 'filter.residentialGroupId',
    });
  });

  it('rejects a near point at latitude 95', async () => {
    const r = await app.gql(LIST, { f: { near: { longitude: 108.2, latitude: 95, radiusMeters: 100 } } });
    expect(firstError(r)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.near.latitude' });
  });

  it('finds cameras near a point within the radius, nearest first, across pages', async () => {
    const near = { longitude: inside.lon, latitude: inside.lat, radiusMeters: 400 };
    const expected = await app.count(
      'camera',
      `ST_DWithin(location::geography, ST_SetSRID(ST_MakePoint(${inside.lon}, ${inside.lat}), 4326)::geography, 400)`,
    );
    expect(expected).toBeGreaterThan(5);
    const distances: number[] = [];
    let after: string | null = null;
    do {
      const r: any = await app.gql(LIST, { f: { near }, first: 4, after });
      expect(r.errors).toBeUndefined();
      expect(r.data.cameras.totalCount).toBe(expected);
      distances.push(...r.data.cameras.edges.map((e: any) => e.distanceMeters));
      after = r.data.cameras.pageInfo.hasNextPage ? r.data.cameras.pageInfo.endCursor : null;
    } while (after);
    expect(distances).toHaveLength(expected);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(Math.max(...distances)).toBeLessThanOrEqual(400);
  });

  it('filters by bbox, status, owner kind and type together', async () => {
    const b = { west: inside.lon - 0.01, south: inside.lat - 0.01, east: inside.lon + 0.01, north: inside.lat + 0.01 };
    const expected = await app.count(
      'camera',
      `location && ST_MakeEnvelope(${b.west}, ${b.south}, ${b.east}, ${b.north}, 4326) AND status = 'active' AND owner_kind IN ('household', 'business') AND camera_type = 'fixed'`,
    );
    const r = await app.gql(LIST, { f: { bbox: b, status: ['ACTIVE'], ownerKind: ['HOUSEHOLD', 'BUSINESS'], type: ['FIXED'] }, first: 500 });
    expect(r.errors).toBeUndefined();
    expect(r.data.cameras.totalCount).toBe(expected);
    for (const e of r.data.cameras.edges) {
      expect(e.node).toMatchObject({ status: 'ACTIVE', type: 'FIXED' });
      expect(['HOUSEHOLD', 'BUSINESS']).toContain(e.node.ownerKind);
    }
  });

  it('filters by a polygon and rejects a self-intersecting one', async () => {
    const { lon, lat } = inside;
    const d = 0.004;
    const square = { type: 'Polygon', coordinates: [[[lon - d, lat - d], [lon + d, lat - d], [lon + d, lat + d], [lon - d, lat + d], [lon - d, lat - d]]] };
    const expected = await app.count('camera', `ST_Intersects(location, ST_SetSRID(ST_GeomFromGeoJSON('${JSON.stringify(square)}'), 4326))`);
    const r = await app.gql(LIST, { f: { within: square }, first: 1 });
    expect(r.data.cameras.totalCount).toBe(expected);
    const bowtie = { type: 'Polygon', coordinates: [[[lon - d, lat - d], [lon + d, lat + d], [lon + d, lat - d], [lon - d, lat + d], [lon - d, lat - d]]] };
    const bad = await app.gql(LIST, { f: { within: bowtie } });
    expect(firstError(bad)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.within' });
    expect(firstError(bad).message).toMatch(/Self-intersection/i);
    const open = { type: 'Polygon', coordinates: [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d]]] };
    expect(firstError(await app.gql(LIST, { f: { within: open } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.within.coordinates[0]' });
  });

  it('rejects a bbox whose west edge is east of its east edge', async () => {
    const r = await app.gql(LIST, { f: { bbox: { west: 108.3, south: 16, east: 108.1, north: 16.1 } } });
    expect(firstError(r)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.bbox' });
  });
});
