import area from '@turf/area';
import { featureCollection, multiPolygon, polygon } from '@turf/helpers';
import intersect from '@turf/intersect';
import union from '@turf/union';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, inject, it } from 'vitest';

/**
 * Coverage as the database computes it (db/migrations/*-coverage.ts), checked on small fixtures
 * against an independent computation with turf: the covered share of a group = area(group ∩ union of
 * active sectors) / area(group). turf measures on a sphere and PostGIS on the spheroid; the share is
 * a ratio, so the two agree to well within 0.5%.
 *
 * Each fixture lives in its own district, far from the demo, inside a transaction that is rolled back.
 */
let sql: pg.Client;
beforeAll(async () => {
  sql = new pg.Client({ connectionString: inject('databaseUrl') });
  await sql.connect();
});
afterAll(() => sql?.end());
beforeEach(() => sql.query('BEGIN'));
afterEach(() => sql.query('ROLLBACK'));

const LON = 108.6;
const LAT = 16.3;
/** Degrees for metres near the fixture (rough is fine: the fixtures only need to be in place). */
const dx = (m: number) => m / (111_320 * Math.cos((LAT * Math.PI) / 180));
const dy = (m: number) => m / 110_600;
const at = (east: number, north: number): [number, number] => [LON + dx(east), LAT + dy(north)];
type Ring = [number, number][];
/** A group: polygons, each a list of rings (the first the outline, the others holes). */
type Group = Ring[][];
/** A ring in metres east and north of the fixture origin. */
const rect = (w: number, s: number, e: number, n: number): Ring => [at(w, s), at(e, s), at(e, n), at(w, n), at(w, s)];
const square = (w: number, s: number, e: number, n: number): Group => [[rect(w, s, e, n)]];
const wkt = (g: Group) =>
  `MULTIPOLYGON(${g.map((p) => `(${p.map((r) => `(${r.map(([x, y]) => `${x} ${y}`).join(',')})`).join(',')})`).join(',')})`;

/** A fixture district with one ward covering everything and the given groups; returns group ids. */
async function fixture(groups: Group[]): Promise<number[]> {
  const all = wkt(square(-1000, -1000, 1000, 1000));
  const d = await sql.query(`INSERT INTO district (code, name, boundary) VALUES ('FIX', 'Fixture', ST_GeomFromText($1, 4326)) RETURNING id`, [all]);
  const w = await sql.query(
    `INSERT INTO ward (district_id, code, name, boundary) VALUES ($1, 'F1', 'Fixture ward', ST_GeomFromText($2, 4326)) RETURNING id`,
    [d.rows[0].id, all],
  );
  const ids: number[] = [];
  for (const [i, g] of groups.entries()) {
    const r = await sql.query(
      `INSERT INTO residential_group (district_id, ward_id, code, name, boundary)
       VALUES ($1, $2, $3, $3, ST_GeomFromText($4, 4326)) RETURNING id`,
      [d.rows[0].id, w.rows[0].id, `G${i}`, wkt(g)],
    );
    ids.push(r.rows[0].id);
  }
  return ids;
}

async function camera(east: number, north: number, bearing: number, fov: number, range: number, status = 'active'): Promise<number> {
  const [lon, lat] = at(east, north);
  const r = await sql.query(
    `INSERT INTO camera (district_id, location, bearing, field_of_view, range_m, camera_type, owner_kind, status)
     SELECT id, ST_SetSRID(ST_MakePoint($1, $2), 4326), $3::float8, $4::float8, $5::float8,
            CASE WHEN $4::float8 >= 360 THEN 'dome' ELSE 'fixed' END, 'public', $6::text
     FROM district WHERE code = 'FIX' RETURNING id`,
    [lon, lat, bearing, fov, range, status],
  );
  return r.rows[0].id;
}

interface Stored {
  id: number;
  area_m2: number;
  covered_area_m2: number;
  gap_area_m2: number;
  covered_percent: number;
  active_camera_count: number;
  sector_count: number;
  gap: MultiPolygon;
}
async function stored(groupId: number): Promise<Stored> {
  const r = await sql.query(
    `SELECT residential_group_id AS id, area_m2, covered_area_m2, gap_area_m2, covered_percent, active_camera_count,
            sector_count, ST_AsGeoJSON(gap)::json AS gap
       FROM residential_group_coverage WHERE residential_group_id = $1`,
    [groupId],
  );
  return r.rows[0];
}

/** The independent computation: turf overlay of the group with the active sectors stored by PostGIS. */
async function turfShare(groupId: number): Promise<number> {
  const g = (await sql.query(`SELECT ST_AsGeoJSON(boundary)::json AS g FROM residential_group WHERE id = $1`, [groupId])).rows[0].g;
  const sectors = (
    await sql.query(
      `SELECT ST_AsGeoJSON(c.view_sector)::json AS s FROM camera c JOIN district d ON d.id = c.district_id
        WHERE d.code = 'FIX' AND c.status = 'active'`,
    )
  ).rows.map((r) => polygon(r.s.coordinates) as Feature<Polygon>);
  const group = multiPolygon(g.coordinates);
  if (sectors.length === 0) return 0;
  const seen = sectors.length === 1 ? sectors[0] : union(featureCollection(sectors));
  const covered = seen ? intersect(featureCollection([group, seen as Feature<Polygon | MultiPolygon>])) : null;
  return covered ? area(covered) / area(group) : 0;
}

async function expectAgreement(groupId: number): Promise<Stored> {
  const s = await stored(groupId);
  const share = await turfShare(groupId);
  expect(Math.abs(s.covered_percent / 100 - share)).toBeLessThan(0.005 * Math.max(share, 0.01));
  expect(Math.abs(s.covered_area_m2 + s.gap_area_m2 - s.area_m2) / s.area_m2).toBeLessThan(0.001);
  return s;
}

describe('coverage of a residential group (database, checked with turf)', () => {
  it('covers nothing without an active camera: the gap is the whole group', async () => {
    const [g] = await fixture([square(0, 0, 100, 100)]);
    await camera(50, 50, 0, 85, 30, 'offline');
    const s = await stored(g);
    expect(s).toMatchObject({ covered_percent: 0, active_camera_count: 0, sector_count: 0 });
    expect(Math.abs(s.gap_area_m2 - s.area_m2)).toBeLessThan(1e-6 * s.area_m2);
  });

  it('counts two overlapping sectors in a square group once', async () => {
    const [g] = await fixture([square(0, 0, 100, 100)]);
    await camera(40, 40, 45, 85, 40);
    await camera(50, 40, 0, 85, 40);
    const s = await expectAgreement(g);
    expect(s.active_camera_count).toBe(2);
    expect(s.sector_count).toBe(2);
    const single = (85 / 360) * Math.PI * 40 * 40;
    expect(s.covered_area_m2).toBeGreaterThan(single);
    expect(s.covered_area_m2).toBeLessThan(2 * single);
  });

  it('splits a sector that straddles a border between the two groups', async () => {
    const [west, east] = await fixture([square(0, 0, 100, 100), square(100, 0, 200, 100)]);
    await camera(90, 50, 90, 85, 40); // stands in the west group, looks east across the border
    const w = await expectAgreement(west);
    const e = await expectAgreement(east);
    expect(w.active_camera_count).toBe(1);
    expect(e.active_camera_count).toBe(0); // R8: the east group still has no camera of its own
    expect(e.covered_percent).toBeGreaterThan(0);
    const sector = (await sql.query(`SELECT ST_Area(view_sector::geography) AS a FROM camera c JOIN district d ON d.id = c.district_id WHERE d.code = 'FIX'`)).rows[0].a;
    expect(Math.abs(w.covered_area_m2 + e.covered_area_m2 - sector) / sector).toBeLessThan(0.001);
  });

  it('counts two identical cameras at the same spot once', async () => {
    const [g] = await fixture([square(0, 0, 100, 100)]);
    await camera(30, 30, 45, 85, 40);
    await camera(30, 30, 45, 85, 40);
    await camera(70, 30, 315, 85, 40);
    const s = await expectAgreement(g);
    expect(s.sector_count).toBe(3);
  });

  it('ignores the cameras of another district on the same ground', async () => {
    const [g] = await fixture([square(0, 0, 100, 100)]);
    await camera(50, 50, 0, 360, 20);
    const copy = wkt(square(-1000, -1000, 1000, 1000));
    const d = await sql.query(`INSERT INTO district (code, name, boundary) VALUES ('FIX2', 'Other', ST_GeomFromText($1, 4326)) RETURNING id`, [copy]);
    await sql.query(`INSERT INTO ward (district_id, code, name, boundary) VALUES ($1, 'F1', 'Other ward', ST_GeomFromText($2, 4326))`, [d.rows[0].id, copy]);
    const [lon, lat] = at(50, 50);
    await sql.query(
      `INSERT INTO camera (district_id, location, bearing, field_of_view, range_m, camera_type, owner_kind)
       VALUES ($1, ST_SetSRID(ST_MakePoint($2, $3), 4326), 0, 360, 45, 'dome', 'public')`,
      [d.rows[0].id, lon, lat],
    );
    const s = await expectAgreement(g);
    expect(s.sector_count).toBe(1);
    expect(s.active_camera_count).toBe(1);
  });

  it('covers a full circle for a dome camera', async () => {
    const [g] = await fixture([square(0, 0, 100, 100)]);
    await camera(50, 50, 0, 360, 15);
    const s = await expectAgreement(g);
    expect(Math.abs(s.covered_area_m2 - Math.PI * 15 * 15) / (Math.PI * 15 * 15)).toBeLessThan(0.005);
  });

  it('does not count the hole of a group with a hole', async () => {
    const [g] = await fixture([[[rect(0, 0, 100, 100), rect(40, 40, 60, 60).reverse()]]]);
    await camera(50, 30, 0, 360, 25); // its circle reaches into the hole
    const s = await expectAgreement(g);
    expect(s.area_m2).toBeLessThan(10_000 - 300);
    expect(s.covered_area_m2).toBeLessThan(Math.PI * 25 * 25);
  });

  it('adds up the parts of a group in several parts', async () => {
    const [two] = await fixture([[[rect(0, 0, 50, 50)], [rect(100, 0, 150, 50)]]]); // one group, two squares
    await camera(45, 25, 90, 85, 70); // sees into both parts and the space between
    await camera(125, 25, 0, 360, 10);
    const s = await expectAgreement(two);
    expect(s.sector_count).toBe(2);
  });

  it('follows a camera as it goes offline, comes back and turns, in the same transaction', async () => {
    const [g] = await fixture([square(0, 0, 100, 100)]);
    const id = await camera(50, 50, 0, 85, 40);
    const on = (await stored(g)).covered_percent;
    expect(on).toBeGreaterThan(0);
    await sql.query(`UPDATE camera SET status = 'offline' WHERE id = $1`, [id]);
    expect((await stored(g)).covered_percent).toBe(0);
    await sql.query(`UPDATE camera SET status = 'active', bearing = 180 WHERE id = $1`, [id]);
    await expectAgreement(g);
    await sql.query(`UPDATE camera SET range_m = 10 WHERE id = $1`, [id]);
    expect((await stored(g)).covered_percent).toBeLessThan(on);
    await sql.query(`DELETE FROM camera WHERE id = $1`, [id]);
    expect((await stored(g)).covered_percent).toBe(0);
  });

  it('refreshes a neighbouring group when a camera turns away from it', async () => {
    const [a, b] = await fixture([square(0, 0, 100, 100), square(100, 0, 200, 100)]);
    const id = await camera(95, 50, 90, 85, 40); // in A, looking into B
    expect((await stored(b)).covered_percent).toBeGreaterThan(0);
    await sql.query(`UPDATE camera SET bearing = 270 WHERE id = $1`, [id]); // now looks back into A only
    expect(await stored(b)).toMatchObject({ covered_percent: 0, sector_count: 0 });
    await expectAgreement(a);
  });

  it('counts the cameras already standing on a group drawn later', async () => {
    const [a] = await fixture([square(0, 0, 100, 100)]);
    await camera(150, 50, 0, 360, 10); // in the ward, in no group yet
    expect((await stored(a)).active_camera_count).toBe(0);
    const d = (await sql.query(`SELECT id FROM district WHERE code = 'FIX'`)).rows[0].id;
    const w = (await sql.query(`SELECT id FROM ward WHERE district_id = $1`, [d])).rows[0].id;
    const b = (await sql.query(
      `INSERT INTO residential_group (district_id, ward_id, code, name, boundary) VALUES ($1, $2, 'LATE', 'Late', ST_GeomFromText($3, 4326)) RETURNING id`,
      [d, w, wkt(square(100, 0, 200, 100))],
    )).rows[0].id;
    const s = await expectAgreement(b);
    expect(s.active_camera_count).toBe(1);
    // ... and moves them to the neighbour when the border moves.
    await sql.query(`UPDATE residential_group SET boundary = ST_GeomFromText($2, 4326) WHERE id = $1`, [b, wkt(square(160, 0, 200, 100))]);
    await sql.query(`UPDATE residential_group SET boundary = ST_GeomFromText($2, 4326) WHERE id = $1`, [a, wkt(square(0, 0, 160, 100))]);
    expect((await stored(a)).active_camera_count).toBe(1);
    expect((await stored(b)).active_camera_count).toBe(0);
    await expectAgreement(a);
  });

  it('refreshes both the old and the new groups when a camera moves', async () => {
    const [a, b] = await fixture([square(0, 0, 100, 100), square(300, 0, 400, 100)]);
    const id = await camera(50, 50, 0, 360, 20);
    expect((await stored(a)).active_camera_count).toBe(1);
    const [lon, lat] = at(350, 50);
    await sql.query(`UPDATE camera SET location = ST_SetSRID(ST_MakePoint($2, $3), 4326) WHERE id = $1`, [id, lon, lat]);
    expect(await stored(a)).toMatchObject({ active_camera_count: 0, covered_percent: 0 });
    expect((await stored(b)).active_camera_count).toBe(1);
    await expectAgreement(b);
  });
});
