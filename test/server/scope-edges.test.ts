import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstError, startTestApp, type TestApp } from '../support/server';

/**
 * The edges of a ward's scope: a point on the border of wards, a camera and the rental house it is
 * registered to, and figures that must not depend on who asks.
 */
describe("the edges of a ward's scope", () => {
  let app: TestApp;
  /** A corner of ward 2's boundary that ward 1 covers too. */
  let corner: [number, number];

  beforeAll(async () => {
    app = await startTestApp();
    const { rows } = await app.sql.query(`
      SELECT ST_X((dp).geom) AS x, ST_Y((dp).geom) AS y
        FROM (SELECT ST_DumpPoints(boundary) AS dp FROM ward WHERE id = 2) s
       WHERE EXISTS (SELECT 1 FROM ward w WHERE w.id = 1 AND ST_Covers(w.boundary, (dp).geom))
         AND EXISTS (SELECT 1 FROM ward w WHERE w.id = 2 AND ST_Covers(w.boundary, (dp).geom))
       LIMIT 1`);
    expect(rows).toHaveLength(1);
    corner = [rows[0].x, rows[0].y];
  });

  afterAll(async () => {
    await app?.close();
  });

  const registerHouse = (as: string, coordinates: [number, number], address: string) =>
    app.gql(
      `mutation($i: RegisterRentalHouseInput!) { registerRentalHouse(input: $i) { id wardId } }`,
      { i: { address, ownerName: 'Trần Thị Biên', rooms: 2, location: { type: 'Point', coordinates } } },
      { as },
    );

  it("keeps a chair's rental house on the border of wards in the chair's ward", async () => {
    const r = await registerHouse('chair.p02', corner, 'Số 1 đường Biên Giới');
    expect(r.errors).toBeUndefined();
    expect(r.data.registerRentalHouse.wardId).toBe(2);
  });

  it('places a rental house on the same border in the lowest-numbered ward for a district-wide user', async () => {
    const r = await registerHouse('admin', corner, 'Số 2 đường Biên Giới');
    expect(r.errors).toBeUndefined();
    expect(r.data.registerRentalHouse.wardId).toBe(1);
  });

  it("refuses the border point to the chair of a ward that does not cover it, and writes nothing", async () => {
    const { rows } = await app.sql.query(
      `SELECT lower(code) AS code FROM ward WHERE NOT ST_Covers(boundary, ST_SetSRID(ST_MakePoint($1, $2), 4326)) ORDER BY id LIMIT 1`,
      corner,
    );
    const before = await app.count('rental_house');
    const r = await registerHouse(`chair.${rows[0].code}`, corner, 'Số 3 đường Biên Giới');
    expect(firstError(r)).toMatchObject({ code: 'FORBIDDEN', field: 'input.location' });
    expect(await app.count('rental_house')).toBe(before);
  });

  it("refuses a camera registered to a rental house of another ward, and writes nothing", async () => {
    const { rows } = await app.sql.query(`
      SELECT h.id AS house, ST_X(p) AS x, ST_Y(p) AS y
        FROM (SELECT min(id) AS id FROM rental_house WHERE ward_id = 2) hh JOIN rental_house h ON h.id = hh.id,
             (SELECT ST_PointOnSurface(boundary) AS p FROM residential_group WHERE ward_id = 1 ORDER BY id LIMIT 1) g`);
    const before = await app.count('camera');
    const r = await app.gql(`mutation($i: RegisterCameraInput!) { registerCamera(input: $i) { id } }`, {
      i: { type: 'DOME', ownerKind: 'RENTAL_HOUSE', rentalHouseId: rows[0].house, location: { type: 'Point', coordinates: [rows[0].x, rows[0].y] } },
    });
    expect(firstError(r)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.rentalHouseId' });
    expect(await app.count('camera')).toBe(before);
  });

  it('tells a ward chair and a planner the same distance to the nearest active camera, whichever ward it stands in', async () => {
    const q = `{ unregisteredRentalHouses(wardId: 4, first: 500) { edges { node { id nearestActiveCameraMeters } } } }`;
    const chair = await app.gql(q, undefined, { as: 'chair.p04' });
    const planner = await app.gql(q, undefined, { as: 'planner' });
    expect(chair.errors).toBeUndefined();
    const byId = new Map(planner.data.unregisteredRentalHouses.edges.map((e: any) => [e.node.id, e.node.nearestActiveCameraMeters]));
    expect(chair.data.unregisteredRentalHouses.edges.length).toBeGreaterThan(0);
    for (const e of chair.data.unregisteredRentalHouses.edges) expect(e.node.nearestActiveCameraMeters).toBe(byId.get(e.node.id));
    // And it is the true distance to the nearest active camera of the district, in any ward.
    const id = chair.data.unregisteredRentalHouses.edges[0].node.id;
    const { rows } = await app.sql.query(
      `SELECT min(ST_Distance(c.location::geography, h.location::geography)) AS m FROM camera c, rental_house h
        WHERE h.id = $1 AND c.status = 'active' AND c.district_id = h.district_id`,
      [id],
    );
    expect(chair.data.unregisteredRentalHouses.edges[0].node.nearestActiveCameraMeters).toBeCloseTo(rows[0].m, 6);
  });

  it('answers a ward id out of range in the CSV address with BAD_USER_INPUT, not a server error', async () => {
    const res = await app.get('/export/unregistered-rental-houses.csv?wardId=99999999999');
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'wardId' });
  });
});
