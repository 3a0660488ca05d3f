import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DataSource, QueryRunner } from 'typeorm';
import { createDataSource } from '../../db/data-source';
import { SNAPSHOT_DAYS } from '../../db/seed/demo-compliance';
import {
  DEFAULT_DEMO_SEED,
  DEMO_DISTRICT_CODE,
  generateDemoPlan,
  insertDemoPlan,
  isDatabaseEmpty,
  seedDemoDistrict,
  summarise,
  type DemoPlan,
  type DemoSummary,
} from '../../db/seed/demo-district';

/**
 * The global setup seeded the demo district once, but other test files register, move and delete
 * cameras in it. So this file checks a fresh copy of the same plan (under another district code),
 * seeded in a transaction that is rolled back at the end: what is checked is exactly what the
 * generator wrote. Every query goes through that transaction's query runner (on PGlite a query
 * through another connection would wait for the transaction to end).
 */
const COPY_CODE = 'DEMO-COPY';

let ds: DataSource;
let db: QueryRunner;
let districtId: number;
let plan: DemoPlan;
let seeded: DemoSummary;

beforeAll(async () => {
  ds = createDataSource({ url: inject('databaseUrl'), poolSize: 2 });
  await ds.initialize();
  db = ds.createQueryRunner();
  await db.connect();
  await db.startTransaction();
  plan = generateDemoPlan({ seed: DEFAULT_DEMO_SEED });
  seeded = await insertDemoPlan(db, { ...plan, district: { ...plan.district, code: COPY_CODE } });
  districtId = seeded.districtId;
});

afterAll(async () => {
  if (db) {
    if (db.isTransactionActive) await db.rollbackTransaction();
    await db.release();
  }
  await ds?.destroy();
});

async function query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  return db.query(sql, params) as Promise<T[]>;
}

async function one<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T> {
  const rows = await query<T>(sql, params);
  return rows[0]!;
}

function relative(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(b), 1e-12);
}

/** Areas and checks of a parent polygon (district or ward) against the parts that should tile it. */
interface Tiling {
  parent: string;
  parts: number;
  /** Planar areas, in square degrees. */
  area: number;
  sum: number;
  union_area: number;
  /** Areas on the spheroid, in square metres. */
  geo_area: number;
  geo_sum: number;
  /** Parts that are not valid, non-empty MultiPolygons in EPSG:4326. */
  bad: number;
  /** The farthest distance of any part's vertex from the parent (degrees). */
  stray: number;
  /** Pairs of parts whose interiors intersect. */
  overlapping: number;
}

/**
 * A tiling: the parts lie within the parent, do not overlap, and their areas add up to the parent's.
 * Planar areas (what the polygons are) agree to floating-point noise. Areas on the spheroid agree
 * less well, and that is not a gap: ST_Area(geography) reads each edge as a geodesic, so a straight
 * edge of the parent that a part splits at a vertex encloses a slightly different area (a few m² per
 * km-long edge). Wards along the district's long edges stay within 1e-6; groups within 1e-4.
 * (Overlays such as ST_Difference are avoided here: on PGlite, GEOS overlays of nearly coincident
 * polygons return no row at all.)
 */
function expectTiling(t: Tiling, minParts: number, geoTolerance: number): void {
  expect(t.parts, t.parent).toBeGreaterThanOrEqual(minParts);
  expect(t.bad, t.parent).toBe(0);
  expect(t.overlapping, t.parent).toBe(0);
  expect(t.stray, t.parent).toBeLessThan(1e-9); // about 0.1 mm
  expect(relative(t.sum, t.area), t.parent).toBeLessThan(1e-9);
  expect(relative(t.union_area, t.area), t.parent).toBeLessThan(1e-9);
  expect(relative(t.geo_sum, t.geo_area), t.parent).toBeLessThan(geoTolerance);
}

describe('demo district seed', () => {
  it('seeds a fictional district near Đà Nẵng of about 16 km²', async () => {
    const d = await one<{ name: string; area: number; lon: number; lat: number; type: string; srid: number; valid: boolean }>(
      `SELECT name, ST_Area(boundary::geography) AS area, ST_X(ST_Centroid(boundary)) AS lon, ST_Y(ST_Centroid(boundary)) AS lat,
              GeometryType(boundary) AS type, ST_SRID(boundary) AS srid, ST_IsValid(boundary) AS valid
       FROM district WHERE id = $1`,
      [districtId],
    );
    expect(d.name).toBe('Quận Hòa Minh (demo)');
    expect(d.type).toBe('MULTIPOLYGON');
    expect(d.srid).toBe(4326);
    expect(d.valid).toBe(true);
    expect(d.area / 1e6).toBeGreaterThan(14);
    expect(d.area / 1e6).toBeLessThan(18);
    expect(Math.abs(d.lon - 108.2)).toBeLessThan(0.01);
    expect(Math.abs(d.lat - 16.05)).toBeLessThan(0.01);
  });

  it('seeds 13 wards that tile the district with no gaps or overlaps', async () => {
    const wards: Array<{ code: string; name: string; chair_name: string; chair_phone: string; chair_email: string }> = await query(
      `SELECT code, name, chair_name, chair_phone, chair_email FROM ward WHERE district_id = $1 ORDER BY code`,
      [districtId],
    );
    expect(wards.map((w) => w.code)).toEqual(Array.from({ length: 13 }, (_, i) => `P${String(i + 1).padStart(2, '0')}`));
    for (const w of wards) {
      expect(w.name).toMatch(/^Phường \p{Lu}/u);
      expect(w.chair_name.split(' ').length).toBeGreaterThanOrEqual(3);
      expect(w.chair_phone).toMatch(/^0236 3\d{3} \d{3}$/);
      expect(w.chair_email).toMatch(/^[a-z0-9.]+@[a-z0-9.-]+$/);
    }
    expect(new Set(wards.map((w) => w.name)).size).toBe(13);

    const rows: Tiling[] = await query(
      `SELECT d.code AS parent, count(w.id)::int AS parts,
              ST_Area(d.boundary) AS area, sum(ST_Area(w.boundary)) AS sum, ST_Area(ST_Union(w.boundary)) AS union_area,
              ST_Area(d.boundary::geography) AS geo_area, sum(ST_Area(w.boundary::geography)) AS geo_sum,
              count(*) FILTER (WHERE NOT ST_IsValid(w.boundary) OR GeometryType(w.boundary) <> 'MULTIPOLYGON'
                                  OR ST_SRID(w.boundary) <> 4326 OR ST_IsEmpty(w.boundary))::int AS bad,
              (SELECT max(ST_Distance(p.geom, d.boundary)) FROM ward x, ST_DumpPoints(x.boundary) p WHERE x.district_id = d.id) AS stray,
              (SELECT count(*)::int FROM ward a JOIN ward b ON a.id < b.id AND ST_Intersects(a.boundary, b.boundary)
                 WHERE a.district_id = d.id AND b.district_id = d.id AND ST_Relate(a.boundary, b.boundary, '2********')) AS overlapping
       FROM district d JOIN ward w ON w.district_id = d.id
       WHERE d.id = $1 GROUP BY d.id`,
      [districtId],
    );
    expect(rows).toHaveLength(1);
    expectTiling(rows[0]!, 13, 1e-6);
  });

  it('tiles every ward with its residential groups', async () => {
    const rows: Tiling[] = await query(
      `SELECT w.code AS parent, count(g.id)::int AS parts,
              ST_Area(w.boundary) AS area, sum(ST_Area(g.boundary)) AS sum, ST_Area(ST_Union(g.boundary)) AS union_area,
              ST_Area(w.boundary::geography) AS geo_area, sum(ST_Area(g.boundary::geography)) AS geo_sum,
              count(*) FILTER (WHERE NOT ST_IsValid(g.boundary) OR GeometryType(g.boundary) <> 'MULTIPOLYGON'
                                  OR ST_SRID(g.boundary) <> 4326 OR ST_IsEmpty(g.boundary))::int AS bad,
              (SELECT max(ST_Distance(p.geom, w.boundary)) FROM residential_group x, ST_DumpPoints(x.boundary) p WHERE x.ward_id = w.id) AS stray,
              (SELECT count(*)::int FROM residential_group a JOIN residential_group b
                 ON a.ward_id = b.ward_id AND a.id < b.id AND ST_Intersects(a.boundary, b.boundary)
                 WHERE a.ward_id = w.id AND ST_Relate(a.boundary, b.boundary, '2********')) AS overlapping
       FROM ward w JOIN residential_group g ON g.ward_id = w.id
       WHERE w.district_id = $1
       GROUP BY w.id
       ORDER BY w.code`,
      [districtId],
    );
    expect(rows).toHaveLength(13);
    for (const r of rows) expectTiling(r, 3, 1e-4);

    const groups: Array<{ ward: string; code: string; name: string; households: number }> = await query(
      `SELECT w.code AS ward, g.code, g.name, g.households FROM residential_group g JOIN ward w ON w.id = g.ward_id
       WHERE g.district_id = $1 ORDER BY g.id`,
      [districtId],
    );
    for (const g of groups) {
      const n = Number(/^P\d{2}-T(\d+)$/.exec(g.code)?.[1]);
      expect(g.code.startsWith(`${g.ward}-T`)).toBe(true);
      expect(g.name).toBe(`Tổ dân phố ${n}`);
      expect(g.households).toBeGreaterThanOrEqual(60);
      expect(g.households).toBeLessThanOrEqual(300);
    }
    // Numbered 1..n within each ward, and the ids follow the codes.
    const byWard = new Map<string, number[]>();
    for (const g of groups) byWard.set(g.ward, [...(byWard.get(g.ward) ?? []), Number(g.code.split('-T')[1])]);
    for (const numbers of byWard.values()) expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  });

  it('seeds about 250 groups, 2,000 cameras and 1,500 rental houses', async () => {
    const s = await summarise(db, districtId);
    expect(s.wards).toBe(13);
    expect(s.residentialGroups).toBe(plan.groups.length);
    expect(s.cameras).toBe(plan.cameras.length);
    expect(s.rentalHouses).toBe(plan.rentalHouses.length);
    expect(s.residentialGroups).toBeGreaterThanOrEqual(230);
    expect(s.residentialGroups).toBeLessThanOrEqual(270);
    expect(s.cameras).toBeGreaterThanOrEqual(1900);
    expect(s.cameras).toBeLessThanOrEqual(2100);
    expect(s.rentalHouses).toBeGreaterThanOrEqual(1400);
    expect(s.rentalHouses).toBeLessThanOrEqual(1600);
    expect(await isDatabaseEmpty(db)).toBe(false);
    expect(seeded).toEqual(s);
  });

  it('mixes camera types, owners, operators and statuses as the issue describes', async () => {
    const c = await one<Record<string, number>>(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE camera_type = 'fixed')::int AS fixed,
              count(*) FILTER (WHERE camera_type = 'dome')::int AS dome,
              count(*) FILTER (WHERE camera_type = 'ptz')::int AS ptz,
              count(*) FILTER (WHERE camera_type = 'fixed' AND NOT (field_of_view = 85 AND range_m BETWEEN 15 AND 40))::int AS bad_fixed,
              count(*) FILTER (WHERE camera_type = 'dome' AND NOT (field_of_view = 360 AND range_m BETWEEN 10 AND 20))::int AS bad_dome,
              count(*) FILTER (WHERE camera_type = 'ptz' AND NOT (field_of_view = 360 AND range_m BETWEEN 30 AND 60))::int AS bad_ptz,
              count(*) FILTER (WHERE mount_height_m NOT BETWEEN 2.5 AND 8)::int AS bad_height,
              count(*) FILTER (WHERE status = 'active')::int AS active,
              count(*) FILTER (WHERE status = 'decommissioned')::int AS decommissioned,
              count(*) FILTER (WHERE (status = 'decommissioned') <> (decommissioned_at IS NOT NULL))::int AS bad_decommissioned,
              count(DISTINCT status)::int AS statuses,
              count(DISTINCT owner_kind)::int AS owner_kinds,
              count(DISTINCT network_operator)::int AS operators,
              count(DISTINCT police_access)::int AS accesses,
              count(*) FILTER (WHERE installed_on < DATE '2016-01-01' OR installed_on > DATE '2025-01-01')::int AS bad_date,
              count(*) FILTER (WHERE installed_on BETWEEN DATE '2016-01-01' AND DATE '2017-12-31')::int AS early,
              count(*) FILTER (WHERE label IS NOT NULL AND label !~ '^CAM-P[0-9]{2}-[0-9]{4,}$')::int AS bad_label,
              count(label)::int AS labelled,
              count(DISTINCT label)::int AS distinct_labels,
              count(*) FILTER (WHERE label IS NOT NULL AND substr(label, 5, 3) <> (SELECT code FROM ward WHERE id = camera.ward_id))::int AS label_in_other_ward,
              count(*) FILTER (WHERE owner_kind IN ('household', 'civil_servant', 'business') AND owner_name IS NULL)::int AS anonymous_owner,
              count(*) FILTER (WHERE (owner_kind = 'rental_house') <> (rental_house_id IS NOT NULL))::int AS bad_rental_link
       FROM camera WHERE district_id = $1`,
      [districtId],
    );
    const share = (n: number) => n / c.total!;
    expect(share(c.fixed!)).toBeGreaterThan(0.65);
    expect(share(c.fixed!)).toBeLessThan(0.75);
    expect(share(c.dome!)).toBeGreaterThan(0.15);
    expect(share(c.dome!)).toBeLessThan(0.25);
    expect(share(c.ptz!)).toBeGreaterThan(0.06);
    expect(share(c.ptz!)).toBeLessThan(0.14);
    expect(c.bad_fixed).toBe(0);
    expect(c.bad_dome).toBe(0);
    expect(c.bad_ptz).toBe(0);
    expect(c.bad_height).toBe(0);
    expect(share(c.active!)).toBeGreaterThan(0.84);
    expect(share(c.active!)).toBeLessThan(0.93);
    expect(c.decommissioned).toBeGreaterThan(0);
    expect(c.bad_decommissioned).toBe(0);
    expect(c.statuses).toBe(4);
    expect(c.owner_kinds).toBe(5);
    expect(c.operators).toBe(5);
    expect(c.accesses).toBe(3);
    expect(c.bad_date).toBe(0);
    expect(share(c.early!)).toBeGreaterThan(0.5);
    expect(c.bad_label).toBe(0);
    expect(share(c.labelled!)).toBeGreaterThan(0.8);
    expect(c.distinct_labels).toBe(c.labelled);
    expect(c.label_in_other_ward).toBe(0);
    expect(c.anonymous_owner).toBe(0);
    expect(c.bad_rental_link).toBe(0);
  });

  it('leaves a realistic share of rental houses without a camera', async () => {
    const s = await summarise(db, districtId);
    const share = s.rentalHousesWithoutCamera / s.rentalHouses;
    expect(share).toBeGreaterThanOrEqual(0.25);
    expect(share).toBeLessThanOrEqual(0.35);
    expect(s.rentalHousesWithoutCamera).toBe(plan.rentalHouses.filter((h) => h.cameras === 0).length);

    const h = await one<Record<string, number>>(
      `WITH per_house AS (
         SELECT h.id, count(c.id)::int AS cameras,
                max(ST_Distance(h.location::geography, c.location::geography)) AS farthest,
                bool_and(c.residential_group_id = h.residential_group_id AND c.ward_id = h.ward_id) AS same_group,
                bool_and(c.owner_name = h.owner_name) AS same_owner
         FROM rental_house h LEFT JOIN camera c ON c.rental_house_id = h.id
         WHERE h.district_id = $1
         GROUP BY h.id
       )
       SELECT count(*) FILTER (WHERE cameras = 2)::int AS two,
              count(*) FILTER (WHERE cameras > 2)::int AS more,
              coalesce(max(farthest), 0) AS farthest,
              count(*) FILTER (WHERE cameras > 0 AND NOT (same_group AND same_owner))::int AS mismatched,
              count(DISTINCT id)::int AS houses
       FROM per_house`,
      [districtId],
    );
    expect(h.two).toBeGreaterThan(0);
    expect(h.more).toBe(0);
    expect(h.farthest).toBeLessThan(8); // metres
    expect(h.mismatched).toBe(0);

    const fields = await one<Record<string, number>>(
      `SELECT count(*) FILTER (WHERE rooms NOT BETWEEN 2 AND 30)::int AS bad_rooms,
              count(*) FILTER (WHERE address !~ '^(Kiệt|Số) [0-9/]+ đường ')::int AS bad_address,
              count(DISTINCT address)::int AS addresses,
              count(*)::int AS total,
              count(*) FILTER (WHERE array_length(regexp_split_to_array(owner_name, ' '), 1) < 3)::int AS short_names,
              count(*) FILTER (WHERE owner_phone IS NOT NULL AND owner_phone !~ '^0[0-9]{3} [0-9]{3} [0-9]{3}$')::int AS bad_phone
       FROM rental_house WHERE district_id = $1`,
      [districtId],
    );
    expect(fields.bad_rooms).toBe(0);
    expect(fields.bad_address).toBe(0);
    expect(fields.addresses).toBe(fields.total);
    expect(fields.short_names).toBe(0);
    expect(fields.bad_phone).toBe(0);
  });

  it('leaves some residential groups without any camera', async () => {
    const s = await summarise(db, districtId);
    expect(s.groupsWithoutCamera / s.residentialGroups).toBeGreaterThanOrEqual(0.05);
    expect(s.groupsWithoutCamera / s.residentialGroups).toBeLessThanOrEqual(0.1);

    const rows: Array<{ code: string; cameras: number; active: number }> = await query(
      `SELECT g.code, count(c.id)::int AS cameras, count(c.id) FILTER (WHERE c.status = 'active')::int AS active
       FROM residential_group g LEFT JOIN camera c ON c.residential_group_id = g.id
       WHERE g.district_id = $1 GROUP BY g.id ORDER BY g.code`,
      [districtId],
    );
    const without = rows.filter((r) => r.cameras === 0).map((r) => r.code);
    expect(without).toEqual(plan.groups.filter((g) => g.withoutCamera).map((g) => g.code));
    // Every other group has at least one active camera: the R8 gap is exactly the chosen groups.
    expect(rows.filter((r) => r.cameras > 0 && r.active === 0)).toEqual([]);
    // Cameras cluster: the busiest groups hold many more cameras than the median group.
    const counts = rows.map((r) => r.cameras).sort((a, b) => a - b);
    expect(counts[counts.length - 1]!).toBeGreaterThan(3 * counts[Math.floor(counts.length / 2)]!);
  });

  it('places every camera and house inside a ward and group', async () => {
    const r = await one<Record<string, number>>(
      `SELECT
         (SELECT count(*)::int FROM camera c WHERE c.district_id = $1 AND c.residential_group_id IS NULL) AS cameras_without_group,
         (SELECT count(*)::int FROM rental_house h WHERE h.district_id = $1 AND h.residential_group_id IS NULL) AS houses_without_group,
         (SELECT count(*)::int FROM camera c JOIN residential_group g ON g.id = c.residential_group_id
            WHERE c.district_id = $1 AND (g.ward_id <> c.ward_id OR NOT ST_Covers(g.boundary, c.location))) AS cameras_misplaced,
         (SELECT count(*)::int FROM rental_house h JOIN residential_group g ON g.id = h.residential_group_id
            WHERE h.district_id = $1 AND (g.ward_id <> h.ward_id OR NOT ST_Covers(g.boundary, h.location))) AS houses_misplaced,
         (SELECT count(*)::int FROM camera c JOIN district d ON d.id = c.district_id
            WHERE c.district_id = $1 AND NOT ST_Covers(d.boundary, c.location)) AS cameras_outside`,
      [districtId],
    );
    expect(r).toEqual({ cameras_without_group: 0, houses_without_group: 0, cameras_misplaced: 0, houses_misplaced: 0, cameras_outside: 0 });

    // The database's placement (triggers) agrees with the plan's (nearest seed), row by row.
    const cams: Array<{ group: string }> = await query(
      `SELECT g.code AS group FROM camera c JOIN residential_group g ON g.id = c.residential_group_id
       WHERE c.district_id = $1 ORDER BY c.id`,
      [districtId],
    );
    expect(cams.map((c) => c.group)).toEqual(plan.cameras.map((c) => c.groupCode));
    const houses: Array<{ group: string }> = await query(
      `SELECT g.code AS group FROM rental_house h JOIN residential_group g ON g.id = h.residential_group_id
       WHERE h.district_id = $1 ORDER BY h.id`,
      [districtId],
    );
    expect(houses.map((h) => h.group)).toEqual(plan.rentalHouses.map((h) => h.groupCode));
  });

  it('gives every view sector a valid polygon', async () => {
    const r = await one<Record<string, number>>(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE NOT ST_IsValid(view_sector) OR GeometryType(view_sector) <> 'POLYGON' OR ST_SRID(view_sector) <> 4326)::int AS bad,
              min(ST_Area(view_sector::geography) / (pi() * range_m * range_m * field_of_view / 360)) AS min_ratio,
              max(ST_Area(view_sector::geography) / (pi() * range_m * range_m * field_of_view / 360)) AS max_ratio,
              count(*) FILTER (WHERE field_of_view < 360 AND NOT ST_Intersects(view_sector, location))::int AS apex_missing
       FROM camera WHERE district_id = $1`,
      [districtId],
    );
    expect(r.total).toBe(plan.cameras.length);
    expect(r.bad).toBe(0);
    expect(r.apex_missing).toBe(0);
    expect(r.min_ratio).toBeGreaterThan(0.99);
    expect(r.max_ratio).toBeLessThan(1.005);
  });

  it('is deterministic: the same seed gives the same data', async () => {
    const again = generateDemoPlan({ seed: DEFAULT_DEMO_SEED });
    expect(JSON.stringify(again)).toBe(JSON.stringify(plan));
    expect(JSON.stringify(generateDemoPlan({ seed: 7 }))).not.toBe(JSON.stringify(plan));
    expect(generateDemoPlan({ seed: 7 }).groups.length).toBeGreaterThan(200);

    // The database holds exactly the plan, in the plan's order.
    const cams: Array<{ label: string | null; lon: number; lat: number; kind: string; installed: string }> = await query(
      `SELECT label, ST_X(location) AS lon, ST_Y(location) AS lat, owner_kind AS kind, to_char(installed_on, 'YYYY-MM-DD') AS installed
       FROM camera WHERE district_id = $1 ORDER BY id`,
      [districtId],
    );
    expect(cams).toEqual(
      plan.cameras.map((c) => ({ label: c.label, lon: c.location.lon, lat: c.location.lat, kind: c.ownerKind, installed: c.installedOn })),
    );
    const houses: Array<{ address: string; lon: number; lat: number }> = await query(
      `SELECT address, ST_X(location) AS lon, ST_Y(location) AS lat FROM rental_house WHERE district_id = $1 ORDER BY id`,
      [districtId],
    );
    expect(houses).toEqual(plan.rentalHouses.map((h) => ({ address: h.address, lon: h.location.lon, lat: h.location.lat })));
  });

  it('scales the counts with the scale option', () => {
    const small = generateDemoPlan({ scale: 0.2 });
    expect(small.wards).toHaveLength(13);
    expect(small.groups.length).toBeGreaterThanOrEqual(50); // every ward gets at least 3
    expect(small.groups.length).toBeLessThanOrEqual(60);
    expect(small.cameras.length).toBe(400);
    expect(small.rentalHouses.length).toBe(300);
    const big = generateDemoPlan({ scale: 2 });
    expect(big.groups.length).toBe(500);
    expect(big.cameras.length).toBe(4000);
    expect(big.rentalHouses.length).toBe(3000);
    expect(() => generateDemoPlan({ scale: 0 })).toThrow();
    expect(() => generateDemoPlan({ seed: 1.5 })).toThrow();
  });

  it('refuses to seed the demo district twice', async () => {
    // The global setup seeded it: a second call fails before writing anything.
    await expect(seedDemoDistrict(db)).rejects.toThrow(/already exists/);
    const n = await one<{ n: number }>(`SELECT count(*)::int AS n FROM district WHERE code = $1`, [DEMO_DISTRICT_CODE]);
    expect(n.n).toBe(1);
  });
});

describe('demo compliance registries', () => {
  it('seeds the district divisions and a committee for every ward', async () => {
    const units = await query<{ kind: string; n: number; wards: number }>(
      `SELECT kind, count(*)::int AS n, count(DISTINCT ward_id)::int AS wards FROM unit WHERE district_id = $1 GROUP BY kind ORDER BY kind`,
      [districtId],
    );
    expect(units).toEqual([
      { kind: 'division', n: 12, wards: 0 },
      { kind: 'ward_committee', n: 13, wards: 13 },
    ]);
  });

  it('gives civil servants homes in the district, some with a verified home camera, and two units at 100%', async () => {
    const r = await one<{ people: number; with_camera: number; verified: number; far: number; full: string[] }>(
      `SELECT count(*)::int AS people, count(s.camera_id)::int AS with_camera,
              count(*) FILTER (WHERE s.verified_since IS NOT NULL AND c.status = 'active')::int AS verified,
              count(*) FILTER (WHERE ST_Distance(s.location::geography, c.location::geography) > 10)::int AS far,
              ARRAY(SELECT u.code FROM unit u WHERE u.district_id = $1 AND EXISTS (SELECT 1 FROM civil_servant x WHERE x.unit_id = u.id)
                      AND NOT EXISTS (SELECT 1 FROM civil_servant x LEFT JOIN camera k ON k.id = x.camera_id
                                       WHERE x.unit_id = u.id AND (x.verified_since IS NULL OR k.status IS DISTINCT FROM 'active'))
                    ORDER BY u.code) AS full
         FROM civil_servant s LEFT JOIN camera c ON c.id = s.camera_id WHERE s.district_id = $1`,
      [districtId],
    );
    expect(r.people).toBeGreaterThan(200);
    expect(r.with_camera).toBeGreaterThan(r.people * 0.3);
    expect(r.verified).toBeGreaterThan(r.with_camera * 0.4);
    expect(r.verified).toBeLessThan(r.with_camera);
    expect(r.far).toBe(0); // a home camera hangs on its home
    expect(r.full).toEqual(['NV', 'TP']);
  });

  it("keeps every rental house's status equal to its latest history entry, and consistent with its cameras", async () => {
    const r = await one<{ houses: number; mismatched: number; installed_without: number; registered_with: number; statuses: number }>(
      `SELECT count(*)::int AS houses,
              count(*) FILTER (WHERE h.compliance_status IS DISTINCT FROM (SELECT e.status FROM rental_house_event e
                 WHERE e.rental_house_id = h.id ORDER BY e.at DESC, e.id DESC LIMIT 1))::int AS mismatched,
              count(*) FILTER (WHERE h.compliance_status IN ('camera_installed', 'camera_verified') AND NOT ww_has_active_camera(h.id))::int AS installed_without,
              count(*) FILTER (WHERE h.compliance_status = 'registered' AND ww_has_active_camera(h.id))::int AS registered_with,
              count(DISTINCT h.compliance_status)::int AS statuses
         FROM rental_house h WHERE h.district_id = $1`,
      [districtId],
    );
    expect(r.houses).toBe(seeded.rentalHouses);
    expect(r.mismatched).toBe(0);
    expect(r.installed_without).toBe(0);
    expect(r.registered_with).toBe(0);
    expect(r.statuses).toBe(4);
  });

  it('opens penalty cases in every state, each with a timeline that starts with its opening', async () => {
    const states = await query<{ state: string; decision: string | null; paid: boolean; n: number }>(
      `SELECT state, decision, fine_paid_at IS NOT NULL AS paid, count(*)::int AS n FROM penalty_case WHERE district_id = $1
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      [districtId],
    );
    const keys = states.map((s) => `${s.state}:${s.decision ?? '-'}:${s.paid}`);
    expect(keys).toEqual(expect.arrayContaining(['open:-:false', 'referred:-:false', 'decided:warning:false', 'decided:fine:false', 'decided:fine:true', 'closed:fine:true']));
    const bad = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM penalty_case p WHERE p.district_id = $1 AND (
         (SELECT kind FROM penalty_case_event e WHERE e.penalty_case_id = p.id ORDER BY e.at, e.id LIMIT 1) IS DISTINCT FROM 'opened'
         OR ww_has_active_camera(p.rental_house_id))`,
      [districtId],
    );
    expect(bad.n).toBe(0);
  });

  it('lists R1-R10 with the R8 deadline on a coming 30 September', async () => {
    const rows = await query<{ code: string; deadline: string | null; owners: string[] }>(
      `SELECT code, to_char(deadline, 'YYYY-MM-DD') AS deadline, owner_roles AS owners FROM directive WHERE district_id = $1 ORDER BY substr(code, 2)::int`,
      [districtId],
    );
    expect(rows.map((r) => r.code)).toEqual(['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9', 'R10']);
    const r8 = rows.find((r) => r.code === 'R8')!;
    expect(r8.deadline).toMatch(/-09-30$/);
    expect(Date.parse(r8.deadline!)).toBeGreaterThan(Date.now());
    expect(rows.every((r) => r.owners.length > 0)).toBe(true);
  });

  it('starts with daily snapshots whose last day equals a snapshot taken now, and whose trend moves', async () => {
    const days = await query<{ day: string; wards: number; verified: number; servants: number; houses_verified: number }>(
      `SELECT to_char(taken_on, 'YYYY-MM-DD') AS day, count(*)::int AS wards, sum(civil_servants_verified)::int AS verified,
              sum(civil_servants_total)::int AS servants, sum(houses_verified)::int AS houses_verified
         FROM compliance_snapshot WHERE district_id = $1 GROUP BY taken_on ORDER BY taken_on`,
      [districtId],
    );
    expect(days.length).toBe(SNAPSHOT_DAYS);
    expect(days.every((d) => d.wards === 13)).toBe(true);
    expect(days.at(-1)!.verified).toBeGreaterThan(days[0]!.verified);
    expect(days.at(-1)!.houses_verified).toBeGreaterThan(days[0]!.houses_verified);

    // The one-day function (the daily job) writes the same figures as the seed's backfill did.
    const before = await query(`SELECT * FROM compliance_snapshot WHERE district_id = $1 AND taken_on = ww_today() ORDER BY ward_id`, [districtId]);
    await query(`SELECT ww_take_compliance_snapshot($1, ww_today())`, [districtId]);
    const after = await query(`SELECT * FROM compliance_snapshot WHERE district_id = $1 AND taken_on = ww_today() ORDER BY ward_id`, [districtId]);
    const figures = (rows: Record<string, unknown>[]) => rows.map(({ taken_at: _t, ...rest }) => rest);
    expect(figures(after)).toEqual(figures(before));
    // And today's figures are the registries' live counts.
    const live = await one<{ verified: number; houses: number; open: number }>(
      `SELECT (SELECT count(*)::int FROM civil_servant s JOIN camera c ON c.id = s.camera_id
                WHERE s.district_id = $1 AND s.verified_since IS NOT NULL AND c.status = 'active') AS verified,
              (SELECT count(*)::int FROM rental_house h WHERE h.district_id = $1 AND h.compliance_status = 'camera_verified') AS houses,
              (SELECT count(*)::int FROM penalty_case p WHERE p.district_id = $1 AND p.state <> 'closed') AS open`,
      [districtId],
    );
    const today = await one<{ verified: number; houses: number; open: number }>(
      `SELECT sum(civil_servants_verified)::int AS verified, sum(houses_verified)::int AS houses, sum(open_cases)::int AS open
         FROM compliance_snapshot WHERE district_id = $1 AND taken_on = ww_today()`,
      [districtId],
    );
    expect(today).toEqual(live);
  });
});
