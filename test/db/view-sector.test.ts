import area from '@turf/area';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../db/connection';
import { createDataSource, migrate } from '../../db/data-source';
import { viewSector } from '../../shared/geo/view-sector';

/** Sample cameras: [lon, lat, bearing, fov, range m]. */
const SAMPLES: [number, number, number, number, number][] = [
  [108.2, 16.05, 0, 85, 30],
  [108.21, 16.06, 90, 85, 15],
  [108.19, 16.04, 359.5, 60, 40],
  [108.2, 16.05, 45, 360, 15],
  [108.2, 16.05, 200, 360, 50],
  [108.2, 16.05, 123.4, 1, 100],
  [108.2, 16.05, 10, 359, 1000],
];

const SECTOR_AREA = `SELECT ST_Area(s::geography) AS area, ST_IsValid(s) AS valid, ST_NPoints(s) AS n, GeometryType(s) AS kind
  FROM (SELECT ww_view_sector(ST_SetSRID(ST_MakePoint($1, $2), 4326), $3, $4, $5) AS s) t`;

let sql: pg.Client;
beforeAll(async () => {
  sql = new pg.Client({ connectionString: inject('databaseUrl') });
  await sql.connect();
});
afterAll(() => sql?.end());

async function sectorArea(client: pg.Client, s: (typeof SAMPLES)[number]) {
  return (await client.query(SECTOR_AREA, s)).rows[0] as { area: number; valid: boolean; n: number; kind: string };
}

describe('ww_view_sector (the stored view of a camera)', () => {
  it('is a valid polygon whose area matches the sector it stands for, in metres', async () => {
    for (const s of SAMPLES) {
      const [, , , fov, r] = s;
      const got = await sectorArea(sql, s);
      expect(got.valid).toBe(true);
      expect(got.kind).toBe('POLYGON');
      // Arc split into n equal steps of at most 5 degrees: the polygon's exact planar area.
      const n = Math.max(2, Math.ceil(fov / 5));
      const step = ((fov / n) * Math.PI) / 180;
      const expected = (n / 2) * r * r * Math.sin(step);
      expect(Math.abs(got.area - expected) / expected).toBeLessThan(0.001);
      // ... and within 0.2% of the true circular sector.
      const sector = (fov / 360) * Math.PI * r * r;
      expect(Math.abs(got.area - sector) / sector).toBeLessThan(0.002);
    }
  });

  it('agrees with an independent computation by turf within 1% of area', async () => {
    for (const s of SAMPLES) {
      const got = await sectorArea(sql, s);
      const turf = area(viewSector(s[0], s[1], s[2], s[3], s[4], 720));
      expect(Math.abs(got.area - turf) / turf).toBeLessThan(0.01);
    }
  });

  it('points the right way: a camera facing east sees ground east of it', async () => {
    const r = await sql.query(
      `SELECT ST_X(ST_Centroid(ww_view_sector(ST_SetSRID(ST_MakePoint(108.2, 16.05), 4326), 90, 85, 30))) AS x,
              ST_Y(ST_Centroid(ww_view_sector(ST_SetSRID(ST_MakePoint(108.2, 16.05), 4326), 0, 85, 30))) AS y`,
    );
    expect(r.rows[0].x).toBeGreaterThan(108.2);
    expect(r.rows[0].y).toBeGreaterThan(16.05);
  });

  it('is recomputed by the database when a camera turns, moves, widens or reaches further, and stays the same when only its label changes', async () => {
    const { rows } = await sql.query(`SELECT id, bearing, ST_AsText(view_sector) AS s FROM camera WHERE field_of_view < 360 ORDER BY id LIMIT 1`);
    const c = rows[0];
    await sql.query('BEGIN');
    try {
      await sql.query(`UPDATE camera SET label = 'relabelled' WHERE id = $1`, [c.id]);
      const same = (await sql.query(`SELECT ST_AsText(view_sector) AS s FROM camera WHERE id = $1`, [c.id])).rows[0].s;
      expect(same).toBe(c.s);
      await sql.query(`UPDATE camera SET bearing = $2 WHERE id = $1`, [c.id, (c.bearing + 180) % 360]);
      const turned = (await sql.query(
        `SELECT ST_Equals(view_sector, ww_view_sector(location, bearing, field_of_view, range_m)) AS fresh, ST_AsText(view_sector) AS s FROM camera WHERE id = $1`,
        [c.id],
      )).rows[0];
      expect(turned.fresh).toBe(true);
      expect(turned.s).not.toBe(c.s);
      for (const change of [`field_of_view = 30`, `range_m = range_m + 7`, `location = ST_Translate(location, 0.0001, 0)`]) {
        const before = (await sql.query(`SELECT ST_AsText(view_sector) AS s FROM camera WHERE id = $1`, [c.id])).rows[0].s;
        await sql.query(`UPDATE camera SET ${change} WHERE id = $1`, [c.id]);
        const after = (await sql.query(
          `SELECT ST_Equals(view_sector, ww_view_sector(location, bearing, field_of_view, range_m)) AS fresh, ST_AsText(view_sector) AS s FROM camera WHERE id = $1`,
          [c.id],
        )).rows[0];
        expect(after.fresh, change).toBe(true);
        expect(after.s, change).not.toBe(before);
      }
      // A sector written by hand (say from QGIS) is redrawn from the camera's own figures.
      await sql.query(`UPDATE camera SET view_sector = ST_Buffer(location, 0.01) WHERE id = $1`, [c.id]);
      const forced = (await sql.query(
        `SELECT ST_Equals(view_sector, ww_view_sector(location, bearing, field_of_view, range_m)) AS fresh FROM camera WHERE id = $1`,
        [c.id],
      )).rows[0];
      expect(forced.fresh).toBe(true);
    } finally {
      await sql.query('ROLLBACK');
    }
  });

  // Embedded PGlite (PostGIS 3.6) and Debian's PostGIS 3.3 must draw the same sectors. This runs in
  // the real-PostGIS pass (DATABASE_URL set, as in .ci/run), where an embedded database is started
  // beside it for the comparison.
  describe.runIf(!!process.env.DATABASE_URL)('across engines', () => {
    let embedded: DatabaseHandle;
    let other: pg.Client;
    beforeAll(async () => {
      embedded = await openDatabase({ dataDir: 'memory://', maxConnections: 4 });
      const ds = createDataSource({ url: embedded.url, poolSize: 1 });
      await ds.initialize();
      await migrate(ds);
      await ds.destroy();
      other = new pg.Client({ connectionString: embedded.url });
      await other.connect();
    }, 180_000);
    afterAll(async () => {
      await other?.end();
      await embedded?.close();
    });

    it('gives the same sector area on embedded PostGIS 3.6 and real PostGIS 3.3, within 0.1%', async () => {
      const versions = [
        (await sql.query(`SELECT postgis_lib_version() AS v`)).rows[0].v,
        (await other.query(`SELECT postgis_lib_version() AS v`)).rows[0].v,
      ];
      expect(versions[0]).not.toBe(versions[1]);
      for (const s of SAMPLES) {
        const a = await sectorArea(sql, s);
        const b = await sectorArea(other, s);
        expect(Math.abs(a.area - b.area) / a.area).toBeLessThan(0.001);
        expect(a.n).toBe(b.n);
      }
    });
  });
});
