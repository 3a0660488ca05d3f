import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstError, startTestApp, type TestApp } from '../../support/server';

let app: TestApp;
let spot: { lon: number; lat: number; wardId: number; groupId: number };
beforeAll(async () => {
  app = await startTestApp();
  const r = await app.sql.query(
    `SELECT ST_X(p) AS lon, ST_Y(p) AS lat, g.ward_id AS "wardId", g.id AS "groupId"
       FROM residential_group g, LATERAL (SELECT ST_PointOnSurface(g.boundary) p) s ORDER BY g.id DESC LIMIT 1`,
  );
  spot = r.rows[0];
});
afterAll(() => app?.close());

const REGISTER = `mutation($input: RegisterRentalHouseInput!) {
  registerRentalHouse(input: $input) { id wardId residentialGroupId address rooms ownerName hasActiveCamera latitude longitude } }`;
const house = (over: Record<string, unknown> = {}) => ({
  address: 'Kiệt 7 đường Thử Nghiệm',
  ownerName: 'Nguyễn Văn Thử',
  ownerPhone: '0905 123 456',
  rooms: 8,
  location: { type: 'Point', coordinates: [spot.lon, spot.lat] },
  ...over,
});

describe('rental houses', () => {
  it('registers a rental house whose ward and group follow from its location', async () => {
    const before = await app.count('rental_house');
    const r = await app.gql(REGISTER, { input: house() });
    expect(r.errors).toBeUndefined();
    expect(r.data.registerRentalHouse).toMatchObject({ wardId: spot.wardId, residentialGroupId: spot.groupId, rooms: 8, hasActiveCamera: false });
    expect(await app.count('rental_house')).toBe(before + 1);
  });

  const bad: [string, Record<string, unknown>, string][] = [
    ['0 rooms', { rooms: 0 }, 'input.rooms'],
    ['an empty address', { address: '  ' }, 'input.address'],
    ['an address that is mostly spaces', { address: '    x' }, 'input.address'],
    ['an owner name of spaces', { ownerName: '     ' }, 'input.ownerName'],
    ['a phone number with letters', { ownerPhone: 'call me' }, 'input.ownerPhone'],
    ['a point outside the district', { location: { type: 'Point', coordinates: [106.7, 10.8] } }, 'input.location'],
    ['a location with a single coordinate', { location: { type: 'Point', coordinates: [108.2] } }, 'input.location.coordinates'],
  ];
  for (const [what, over, field] of bad) {
    it(`rejects ${what} naming ${field}, and writes nothing`, async () => {
      const before = await app.count('rental_house');
      const r = await app.gql(REGISTER, { input: house(over) });
      expect(firstError(r)).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await app.count('rental_house')).toBe(before);
    });
  }

  it('updates a rental house and re-derives its ward when it moves', async () => {
    const created = (await app.gql(REGISTER, { input: house() })).data.registerRentalHouse;
    const other = (await app.sql.query(
      `SELECT ST_X(p) lon, ST_Y(p) lat, w.id FROM ward w, LATERAL (SELECT ST_PointOnSurface(w.boundary) p) s WHERE w.id <> $1 LIMIT 1`,
      [spot.wardId],
    )).rows[0];
    const r = await app.gql(
      `mutation($id: Int!, $input: UpdateRentalHouseInput!) { updateRentalHouse(id: $id, input: $input) { rooms wardId } }`,
      { id: created.id, input: { rooms: 12, location: { type: 'Point', coordinates: [other.lon, other.lat] } } },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.updateRentalHouse).toEqual({ rooms: 12, wardId: other.id });
    const missing = await app.gql(`mutation { updateRentalHouse(id: 999999, input: { rooms: 3 }) { id } }`);
    expect(firstError(missing)).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });

  it('rejects a bad update and leaves the house as it was', async () => {
    const created = (await app.gql(REGISTER, { input: house() })).data.registerRentalHouse;
    const r = await app.gql(
      `mutation($id: Int!, $input: UpdateRentalHouseInput!) { updateRentalHouse(id: $id, input: $input) { id } }`,
      { id: created.id, input: { rooms: 0, address: 'Kiệt 9 đường Mới' } },
    );
    expect(firstError(r)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.rooms' });
    const outside = await app.gql(
      `mutation($id: Int!, $input: UpdateRentalHouseInput!) { updateRentalHouse(id: $id, input: $input) { id } }`,
      { id: created.id, input: { address: 'Kiệt 9 đường Mới', location: { type: 'Point', coordinates: [106.7, 10.8] } } },
    );
    expect(firstError(outside)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.location' });
    const row = (await app.sql.query(`SELECT rooms, address FROM rental_house WHERE id = $1`, [created.id])).rows[0];
    expect(row).toEqual({ rooms: 8, address: 'Kiệt 7 đường Thử Nghiệm' });
  });

  it('rejects a page of rental houses larger than 500', async () => {
    expect(firstError(await app.gql(`{ rentalHouses(first: 1000) { totalCount } }`))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('lists the rental houses of a ward that have no active camera (R5)', async () => {
    const expected = await app.count(
      'rental_house h',
      `h.ward_id = 1 AND NOT EXISTS (SELECT 1 FROM camera c WHERE c.rental_house_id = h.id AND c.status = 'active')`,
    );
    const r = await app.gql(`{ rentalHouses(filter: { wardId: 1, hasActiveCamera: false }, first: 500) {
      totalCount edges { node { id wardId hasActiveCamera } } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.rentalHouses.totalCount).toBe(expected);
    expect(r.data.rentalHouses.edges).toHaveLength(expected);
    for (const e of r.data.rentalHouses.edges) expect(e.node).toMatchObject({ wardId: 1, hasActiveCamera: false });
  });

  it('finds rental houses near a point, nearest first', async () => {
    const r = await app.gql(`query($near: NearInput!) { rentalHouses(filter: { near: $near }, first: 20) { edges { distanceMeters } } }`, {
      near: { longitude: spot.lon, latitude: spot.lat, radiusMeters: 300 },
    });
    const d = r.data.rentalHouses.edges.map((e: { distanceMeters: number }) => e.distanceMeters);
    expect(d.length).toBeGreaterThan(0);
    expect(d).toEqual([...d].sort((a: number, b: number) => a - b));
    expect(Math.max(...d)).toBeLessThanOrEqual(300);
  });

  it('answers NOT_FOUND for an unknown rental house', async () => {
    expect(firstError(await app.gql(`{ rentalHouse(id: 999999) { id } }`))).toMatchObject({ code: 'NOT_FOUND' });
  });
});
