import { generateDemoPlan, normaliseOptions, type DemoPlan } from './demo-plan';
import { seedDemoCompliance } from './demo-compliance';
import { seedDemoUsers } from './demo-users';
import { seedDemoHealth } from './demo-health';
import { seedDemoMaintenance } from './demo-maintenance';
import { seedDemoOperators } from './demo-operators';
import { seedDemoFunds } from './demo-funds';
import { seedDemoRegistrations } from './demo-registrations';

export { generateDemoPlan, DEFAULT_DEMO_SEED, DEMO_DISTRICT_CODE } from './demo-plan';
export type { DemoPlan, PlanCamera, PlanGroup, PlanRentalHouse, PlanWard } from './demo-plan';

/**
 * The demo district: a fictional district of 13 wards near Đà Nẵng, with about 250 residential
 * groups, 1,500 rental houses and 2,000 cameras, all generated from a seed.
 *
 * `generateDemoPlan` (pure, in ./demo-plan) decides every row; this module writes it with a handful
 * of set-based statements. PostGIS builds the ward and group polygons (Voronoi cells clipped by the
 * district and the ward: the same functions on PostGIS 3.3 and 3.6), and the schema's triggers place
 * each camera and rental house in its ward and group and build each camera's view sector.
 */

/** A TypeORM EntityManager or QueryRunner: `query()` resolves to the rows array. */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface DemoOptions {
  seed?: number;
  /** 1 = the demo size; the district's area and every count grow with it. */
  scale?: number;
}

export interface DemoSummary {
  districtId: number;
  wards: number;
  residentialGroups: number;
  cameras: number;
  rentalHouses: number;
  rentalHousesWithoutCamera: number;
  groupsWithoutCamera: number;
}

/** Rows per INSERT statement (each statement carries its rows as one JSON parameter). */
const BATCH = 1000;

/** True when no district exists yet (a fresh database after the migrations). */
export async function isDatabaseEmpty(m: Queryable): Promise<boolean> {
  const rows: Array<{ empty: boolean }> = await m.query(`SELECT NOT EXISTS (SELECT 1 FROM district) AS empty`);
  return rows[0]!.empty === true;
}

/**
 * Generate and insert the demo district. Call it inside a transaction, after the migrations:
 * `dataSource.transaction((m) => seedDemoDistrict(m))`.
 */
export async function seedDemoDistrict(m: Queryable, options: DemoOptions = {}): Promise<DemoSummary> {
  const plan = generateDemoPlan(normaliseOptions(options));
  return insertDemoPlan(m, plan);
}

/** Write a plan made by `generateDemoPlan`. */
export async function insertDemoPlan(m: Queryable, plan: DemoPlan): Promise<DemoSummary> {
  const existing: unknown[] = await m.query(`SELECT id FROM district WHERE code = $1`, [plan.district.code]);
  if (existing.length > 0) {
    throw new Error(`A district with code ${plan.district.code} already exists: the demo district is seeded only once.`);
  }

  // PostgreSQL's JIT (on by default in 15+, absent from PGlite) judges these PostGIS statements costly
  // and spends about a second compiling them: switch it off for the rest of this transaction, and
  // put the caller's setting back at the end.
  const jit: Array<{ jit: string }> = await m.query(`SELECT current_setting('jit') AS jit`);
  await m.query(`SELECT set_config('jit', 'off', true)`);
  // Coverage: computed once for the whole district at the end, not camera by camera.
  await m.query(`SELECT set_config('ww.coverage_deferred', 'on', true)`);
  // The database owner's work, not a user's: row-level security lets the owner write with
  // ww.system on, and the audit log records these rows as the seed's.
  await m.query(`SELECT set_config('ww.system', 'on', true), set_config('ww.action', 'seed demo district', true)`);
  // Rental houses' status history: written set-based once the houses and cameras are in, not row by row.
  await m.query(`SELECT set_config('ww.history_deferred', 'on', true)`);

  // District.
  const ring = plan.district.ring.map((p) => `${p.lon} ${p.lat}`).join(',');
  const districtRows: Array<{ id: number }> = await m.query(
    `INSERT INTO district (code, name, boundary)
     VALUES ($1, $2, ST_Multi(ST_SetSRID(ST_GeomFromText($3), 4326)))
     RETURNING id`,
    [plan.district.code, plan.district.name, `POLYGON((${ring}))`],
  );
  const districtId = Number(districtRows[0]!.id);

  // Wards: Voronoi cells of the ward seeds, clipped by the district.
  await m.query(
    `WITH s AS (
       SELECT x.*, ST_SetSRID(ST_MakePoint(x.lon, x.lat), 4326) AS p
       FROM ROWS FROM (json_to_recordset($2::json) AS (code text, name text, chair_name text, chair_phone text,
              chair_email text, lon float8, lat float8)) WITH ORDINALITY AS x(code, name, chair_name, chair_phone, chair_email, lon, lat, n)
     ),
     d AS (SELECT boundary FROM district WHERE id = $1),
     cells AS MATERIALIZED (
       SELECT ST_SetSRID((ST_Dump(ST_VoronoiPolygons((SELECT ST_Collect(p) FROM s), 0, ST_Expand(d.boundary, 0.01)))).geom, 4326) AS cell
       FROM d
     ),
     clipped AS MATERIALIZED (
       SELECT s.*, ST_Intersection(cells.cell, d.boundary) AS g
       FROM s JOIN cells ON ST_Contains(cells.cell, s.p) CROSS JOIN d
     )
     INSERT INTO ward (district_id, code, name, chair_name, chair_phone, chair_email, boundary)
     SELECT $1, code, name, chair_name, chair_phone, chair_email, ${multipolygon('g')}
     FROM clipped
     ORDER BY n`,
    [
      districtId,
      JSON.stringify(
        plan.wards.map((w) => ({
          code: w.code,
          name: w.name,
          chair_name: w.chairName,
          chair_phone: w.chairPhone,
          chair_email: w.chairEmail,
          lon: w.seed.lon,
          lat: w.seed.lat,
        })),
      ),
    ],
  );
  await expectCount(m, `SELECT count(*)::int AS n FROM ward WHERE district_id = $1`, [districtId], plan.wards.length, 'wards');

  // Residential groups: per ward, Voronoi cells of its group seeds, clipped by the ward. One
  // statement for all the groups (the Voronoi needs all of a ward's seeds at once).
  await m.query(
    `WITH s AS (
       SELECT x.*, w.id AS ward_id, ST_SetSRID(ST_MakePoint(x.lon, x.lat), 4326) AS p
       FROM ROWS FROM (json_to_recordset($2::json) AS (ward_code text, code text, name text, households int,
              lon float8, lat float8)) WITH ORDINALITY AS x(ward_code, code, name, households, lon, lat, n)
       JOIN ward w ON w.district_id = $1 AND w.code = x.ward_code
     ),
     sites AS (SELECT ward_id, ST_Collect(p) AS mp FROM s GROUP BY ward_id),
     cells AS MATERIALIZED (
       SELECT sites.ward_id, ST_SetSRID((ST_Dump(ST_VoronoiPolygons(sites.mp, 0, ST_Expand(w.boundary, 0.01)))).geom, 4326) AS cell
       FROM sites JOIN ward w ON w.id = sites.ward_id
     ),
     clipped AS MATERIALIZED (
       SELECT s.*, ST_Intersection(cells.cell, w.boundary) AS g
       FROM s
       JOIN cells ON cells.ward_id = s.ward_id AND ST_Contains(cells.cell, s.p)
       JOIN ward w ON w.id = s.ward_id
     )
     INSERT INTO residential_group (district_id, ward_id, code, name, households, boundary)
     SELECT $1, ward_id, code, name, households, ${multipolygon('g')}
     FROM clipped
     ORDER BY n`,
    [
      districtId,
      JSON.stringify(
        plan.groups.map((g) => ({
          ward_code: g.wardCode,
          code: g.code,
          name: g.name,
          households: g.households,
          lon: g.seed.lon,
          lat: g.seed.lat,
        })),
      ),
    ],
  );
  await expectCount(
    m,
    `SELECT count(*)::int AS n FROM residential_group WHERE district_id = $1`,
    [districtId],
    plan.groups.length,
    'residential groups',
  );

  // Rental houses (the triggers set ward_id and residential_group_id from the location), each
  // registered with its ward before its first camera, or during the 2017 campaign and after.
  const houseIds = new Map<string, number>();
  const registeredOn = houseRegistrationTimes(plan);
  for (const chunk of chunks(plan.rentalHouses, BATCH)) {
    const rows: Array<{ id: number; address: string }> = await m.query(
      `INSERT INTO rental_house (district_id, address, owner_name, owner_phone, rooms, location, created_at)
       SELECT $1, x.address, x.owner_name, x.owner_phone, x.rooms, ST_SetSRID(ST_MakePoint(x.lon, x.lat), 4326), x.created_at
       FROM ROWS FROM (json_to_recordset($2::json) AS (address text, owner_name text, owner_phone text, rooms int,
              lon float8, lat float8, created_at timestamptz)) WITH ORDINALITY AS x(address, owner_name, owner_phone, rooms, lon, lat, created_at, n)
       ORDER BY x.n
       RETURNING id, address`,
      [
        districtId,
        JSON.stringify(
          chunk.map((h) => ({
            address: h.address,
            owner_name: h.ownerName,
            owner_phone: h.ownerPhone,
            rooms: h.rooms,
            lon: h.location.lon,
            lat: h.location.lat,
            created_at: registeredOn.get(h),
          })),
        ),
      ],
    );
    for (const r of rows) houseIds.set(r.address, Number(r.id));
  }

  // Cameras (the triggers also build the view sector).
  for (const chunk of chunks(plan.cameras, BATCH)) {
    await m.query(
      `INSERT INTO camera (district_id, label, location, bearing, field_of_view, range_m, camera_type, mount_height_m,
                           owner_kind, owner_name, owner_phone, rental_house_id, network_operator, status, police_access,
                           installed_on, registered_at, decommissioned_at)
       SELECT $1, x.label, ST_SetSRID(ST_MakePoint(x.lon, x.lat), 4326), x.bearing, x.field_of_view, x.range_m, x.camera_type,
              x.mount_height_m, x.owner_kind, x.owner_name, x.owner_phone, x.rental_house_id, x.network_operator, x.status,
              x.police_access, x.installed_on, x.registered_at, x.decommissioned_at
       FROM ROWS FROM (json_to_recordset($2::json) AS (
              label text, lon float8, lat float8, bearing float8, field_of_view float8, range_m float8, camera_type text,
              mount_height_m float8, owner_kind text, owner_name text, owner_phone text, rental_house_id int,
              network_operator text, status text, police_access text, installed_on date, registered_at timestamptz,
              decommissioned_at timestamptz)) WITH ORDINALITY AS x(
              label, lon, lat, bearing, field_of_view, range_m, camera_type, mount_height_m, owner_kind, owner_name,
              owner_phone, rental_house_id, network_operator, status, police_access, installed_on, registered_at,
              decommissioned_at, n)
       ORDER BY x.n`,
      [
        districtId,
        JSON.stringify(
          chunk.map((c) => {
            let rentalHouseId: number | null = null;
            if (c.rentalHouse !== null) {
              const address = plan.rentalHouses[c.rentalHouse]!.address;
              rentalHouseId = houseIds.get(address) ?? null;
              if (rentalHouseId === null) throw new Error(`demo seed: rental house "${address}" was not inserted`);
            }
            return {
              label: c.label,
              lon: c.location.lon,
              lat: c.location.lat,
              bearing: c.bearing,
              field_of_view: c.fieldOfView,
              range_m: c.rangeM,
              camera_type: c.cameraType,
              mount_height_m: c.mountHeightM,
              owner_kind: c.ownerKind,
              owner_name: c.ownerName,
              owner_phone: c.ownerPhone,
              rental_house_id: rentalHouseId,
              network_operator: c.networkOperator,
              status: c.status,
              police_access: c.policeAccess,
              installed_on: c.installedOn,
              registered_at: c.registeredAt,
              decommissioned_at: c.decommissionedAt,
            };
          }),
        ),
      ],
    );
  }

  // Each house's history: registered when it was, camera installed when its first active camera was registered.
  await m.query(`SELECT ww_start_house_history($1)`, [districtId]);

  await m.query(`SELECT set_config('ww.coverage_deferred', 'off', true)`);
  await m.query(`SELECT ww_refresh_coverage(ARRAY(SELECT id FROM residential_group WHERE district_id = $1))`, [districtId]);

  await seedDemoUsers(m, districtId);
  await seedDemoCompliance(m, districtId, plan.seed);
  await seedDemoOperators(m, districtId); // first: the health seed gives each operator a token
  await seedDemoHealth(m, districtId);
  await seedDemoMaintenance(m, districtId, plan.seed);
  await seedDemoFunds(m, districtId, plan.seed); // after the maintenance seed: spending pays for its resolved tickets
  await seedDemoRegistrations(m, districtId, plan.seed);
  // Every house's status from the history written above (one UPDATE, not one per event).
  await m.query(`SELECT ww_rebuild_house_status($1), set_config('ww.history_deferred', 'off', true)`, [districtId]);

  const summary = await summarise(m, districtId);
  await m.query(`SELECT set_config('jit', $1, true)`, [jit[0]!.jit]);
  return summary;
}

/**
 * When each rental house was registered with its ward: up to a month before its first camera was
 * registered, or (a house without a camera) a day from the 2017 campaign to the end of 2019, spread
 * deterministically so the demo is the same on every machine.
 */
function houseRegistrationTimes(plan: DemoPlan): Map<DemoPlan['rentalHouses'][number], string> {
  const firstCamera = new Map<number, number>();
  for (const c of plan.cameras) {
    if (c.rentalHouse === null) continue;
    const t = Date.parse(c.registeredAt);
    firstCamera.set(c.rentalHouse, Math.min(firstCamera.get(c.rentalHouse) ?? t, t));
  }
  const DAY = 86_400_000;
  const campaign = Date.parse('2017-06-01T09:00:00+07:00');
  const span = Math.round((Date.parse('2019-12-31T09:00:00+07:00') - campaign) / DAY);
  return new Map(
    plan.rentalHouses.map((h, i) => {
      const camera = firstCamera.get(i);
      const t = camera !== undefined ? camera - ((i * 37) % 31) * DAY : campaign + ((i * 7919) % span) * DAY;
      return [h, new Date(t).toISOString()];
    }),
  );
}

/** Counts for one district, read back from the database. */
export async function summarise(m: Queryable, districtId: number): Promise<DemoSummary> {
  const rows: Array<Record<string, number>> = await m.query(
    `SELECT
       (SELECT count(*)::int FROM ward WHERE district_id = $1) AS wards,
       (SELECT count(*)::int FROM residential_group WHERE district_id = $1) AS groups,
       (SELECT count(*)::int FROM camera WHERE district_id = $1) AS cameras,
       (SELECT count(*)::int FROM rental_house WHERE district_id = $1) AS houses,
       (SELECT count(*)::int FROM rental_house h WHERE h.district_id = $1
          AND NOT EXISTS (SELECT 1 FROM camera c WHERE c.rental_house_id = h.id)) AS houses_without,
       (SELECT count(*)::int FROM residential_group g WHERE g.district_id = $1
          AND NOT EXISTS (SELECT 1 FROM camera c WHERE c.residential_group_id = g.id)) AS groups_without`,
    [districtId],
  );
  const r = rows[0]!;
  return {
    districtId,
    wards: Number(r.wards),
    residentialGroups: Number(r.groups),
    cameras: Number(r.cameras),
    rentalHouses: Number(r.houses),
    rentalHousesWithoutCamera: Number(r.houses_without),
    groupsWithoutCamera: Number(r.groups_without),
  };
}

/**
 * SQL turning an overlay result into a valid MultiPolygon in EPSG:4326: keep only the polygonal
 * parts (an intersection can add stray lines or points), repair if ever needed.
 */
function multipolygon(expr: string): string {
  return `ST_SetSRID(ST_Multi(ST_CollectionExtract(CASE WHEN ST_IsValid(${expr}) THEN ${expr} ELSE ST_MakeValid(${expr}) END, 3)), 4326)`;
}

async function expectCount(m: Queryable, sql: string, params: unknown[], expected: number, what: string): Promise<void> {
  const rows: Array<{ n: number }> = await m.query(sql, params);
  const n = Number(rows[0]!.n);
  if (n !== expected) throw new Error(`demo seed: expected ${expected} ${what}, PostGIS built ${n}`);
}

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
