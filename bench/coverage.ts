/**
 * Coverage benchmark: `npm run bench:coverage [-- --scales=1,8 --updates=20 --out=path.json]`
 *
 * For each scale of the demo district (scale 1 = 250 groups / 2,000 cameras; scale 8 = 2,000 groups /
 * 16,000 cameras) it wipes the database, migrates, seeds, and measures:
 *   - the full recompute: ww_refresh_coverage over every group (median of several runs);
 *   - a single-camera update (move 15 m along its bearing and turn 40 degrees), whose trigger refreshes
 *     only the groups the camera's old and new sectors touch: median over different cameras, each in a
 *     rolled-back transaction; the same update with the trigger deferred shows the trigger's share;
 *   - the naive full recompute (ONE ST_Union of every active sector, then per group ST_Intersection /
 *     ST_Difference against it), its speed ratio to ours and the largest difference in covered %;
 *   - that an incremental refresh and a full recompute store identical numbers: in one transaction,
 *     the same camera updates committed through the trigger, a snapshot, a full recompute, a comparison
 *     (then rolled back, so the seeded district stays as it was).
 *
 * Database: DATABASE_URL (a throwaway database whose name ends in "bench" or "test": it is wiped),
 * else the embedded PGlite + PostGIS in memory. All timings run with jit = off (see STACK.md: on
 * PostgreSQL 15 the JIT spends its compile time on PostGIS statements); on a server where the JIT is
 * available the full recompute and the single update are also timed with jit = on, the server default.
 * Results are printed and saved as JSON in bench/results/coverage-<engine>.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../db/connection';
import { createDataSource, migrate } from '../db/data-source';
import { resetDatabase } from '../db/reset';
import { seedDemoDistrict } from '../db/seed/demo-district';

// ---- options ------------------------------------------------------------------------------------

interface Options {
  scales: number[];
  updates: number;
  fullRuns?: number;
  naiveRuns?: number;
  jitOn: boolean;
  out?: string;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { scales: [1, 8], updates: 20, jitOn: true };
  for (const arg of argv) {
    const [key, value = ''] = arg.replace(/^--/, '').split('=', 2) as [string, string?];
    switch (key) {
      case 'scales':
        opts.scales = value.split(',').map(Number);
        if (opts.scales.some((s) => !(s > 0 && s <= 200))) throw new Error(`--scales: numbers in (0, 200], got "${value}"`);
        break;
      case 'updates':
        opts.updates = positiveInt(key, value);
        break;
      case 'full-runs':
        opts.fullRuns = positiveInt(key, value);
        break;
      case 'naive-runs':
        opts.naiveRuns = Number(value);
        if (!Number.isInteger(opts.naiveRuns) || opts.naiveRuns < 0) throw new Error(`--naive-runs: an integer >= 0, got "${value}"`);
        break;
      case 'no-jit-on':
        opts.jitOn = false;
        break;
      case 'out':
        opts.out = value;
        break;
      case 'help':
        console.log('usage: npm run bench:coverage -- [--scales=1,8] [--updates=20] [--full-runs=N] [--naive-runs=N] [--no-jit-on] [--out=file.json]');
        process.exit(0);
      // eslint-disable-next-line no-fallthrough
      default:
        throw new Error(`unknown argument "${arg}" (try --help)`);
    }
  }
  return opts;
}

function positiveInt(key: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${key}: a positive integer, got "${value}"`);
  return n;
}

// ---- small helpers ------------------------------------------------------------------------------

function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

function fmtPct(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  return x >= 10 ? `${x.toFixed(1)} %` : x >= 0.1 ? `${x.toFixed(2)} %` : `${x.toFixed(3)} %`;
}

function log(msg: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
}

/** A session with jit set as asked (undefined: the server's default, untouched). */
async function connect(url: string, jit: 'on' | 'off' | undefined): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url, application_name: 'wardwatch-bench' });
  await c.connect();
  if (jit) await c.query(`SELECT set_config('jit', $1, false)`, [jit]);
  return c;
}

async function timed(c: pg.Client, sql: string, params?: unknown[]): Promise<number> {
  const t0 = performance.now();
  await c.query(sql, params);
  return performance.now() - t0;
}

async function one<T = Record<string, any>>(c: pg.Client, sql: string, params?: unknown[]): Promise<T> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const r = await c.query(sql, params);
  return r.rows[0] as T;
}

// ---- the SQL under test -------------------------------------------------------------------------

const FULL_RECOMPUTE = `SELECT ww_refresh_coverage(ARRAY(SELECT id FROM residential_group))`;

/**
 * The naive full recompute: ONE union of every active sector in the district, then each group is cut
 * against that one (large) geometry. Same covered area per group as ww_refresh_coverage, by definition:
 * the sectors that miss a group add nothing to group ∩ union. (A group of a district without any active
 * camera gets covered = NULL, area 0, and gap = the group.)
 */
const NAIVE_RECOMPUTE = `
  CREATE TEMP TABLE bench_naive AS
  WITH u AS MATERIALIZED (
    SELECT district_id, ST_Union(view_sector) AS sectors FROM camera WHERE status = 'active' GROUP BY district_id
  ),
  o AS MATERIALIZED (
    SELECT g.id, g.boundary,
           ST_Multi(ST_CollectionExtract(ST_Intersection(g.boundary, u.sectors), 3)) AS covered,
           coalesce(ST_Multi(ST_CollectionExtract(ST_Difference(g.boundary, u.sectors), 3)), g.boundary) AS gap
    FROM residential_group g LEFT JOIN u ON u.district_id = g.district_id
  )
  SELECT id,
         ST_Area(boundary::geography) AS area_m2,
         coalesce(ST_Area(covered::geography), 0) AS covered_area_m2,
         coalesce(ST_Area(gap::geography), 0) AS gap_area_m2,
         gap
  FROM o`;

/** Move a camera 15 m along its bearing and turn it 40 degrees: old and new sector both matter. */
const MOVE_AND_TURN = `
  UPDATE camera SET
    location = ST_Project(location::geography, 15, radians(bearing))::geometry,
    bearing = CASE WHEN bearing + 40 >= 360 THEN bearing + 40 - 360 ELSE bearing + 40 END
  WHERE id = $1`;

/** Active cameras whose moved location stays inside a ward of their district, in a fixed pseudo-random order. */
const PICK_CAMERAS = `
  SELECT c.id FROM camera c
  WHERE c.status = 'active'
    AND EXISTS (SELECT 1 FROM ward w WHERE w.district_id = c.district_id
                AND ST_Covers(w.boundary, ST_Project(c.location::geography, 15, radians(c.bearing))::geometry))
  ORDER BY md5(c.id::text)
  LIMIT $1`;

// ---- one scale ----------------------------------------------------------------------------------

interface ScaleResult {
  scale: number;
  groups: number;
  cameras: number;
  activeCameras: number;
  meanSectorsPerGroup: number;
  seedMs: number;
  full: { runs: number[]; medianMs: number; perGroupMs: number };
  single: {
    cameras: number[];
    runs: number[];
    medianMs: number;
    maxMs: number;
    deferredRuns: number[];
    deferredMedianMs: number;
    triggerMedianMs: number;
    groupsRefreshed: number[];
    sectorsUnioned: number[];
    medianGroupsRefreshed: number;
  };
  singleOverFullPercent: number;
  naive: null | {
    runs: number[];
    medianMs: number;
    unionOnlyMs: number;
    unionPoints: number;
    unionParts: number;
    naiveOverOurs: number;
    maxAbsCoveredPercentDiff: number;
    maxAbsCoveredAreaDiffM2: number;
    groupsCompared: number;
  };
  incrementalVsFull: {
    updatesApplied: number;
    groupsTouched: number;
    groupsCompared: number;
    missingRows: number;
    maxAbsCoveredPercentDiff: number;
    maxAbsCoveredAreaDiffM2: number;
    maxAbsGapAreaDiffM2: number;
    countMismatches: number;
    gapGeometryMismatches: number;
    identical: boolean;
  };
  jitOn: null | { fullRuns: number[]; fullMedianMs: number; singleRuns: number[]; singleMedianMs: number; singleOverFullPercent: number };
}

async function benchScale(url: string, scale: number, opts: Options, jitAvailable: boolean): Promise<ScaleResult> {
  const fullRuns = opts.fullRuns ?? (scale <= 2 ? 5 : 3);
  const naiveRuns = opts.naiveRuns ?? (scale <= 2 ? 3 : 1);

  // Wipe, migrate, seed (the seed ends with one full recompute of its own).
  log(`scale ${scale}: reset, migrate, seed`);
  const ds = createDataSource({ url, poolSize: 2, system: true });
  await ds.initialize();
  let seedMs: number;
  try {
    await resetDatabase(ds);
    await migrate(ds);
    const t0 = performance.now();
    await ds.transaction((m) => seedDemoDistrict(m, { scale }));
    seedMs = performance.now() - t0;
  } finally {
    await ds.destroy();
  }
  log(`scale ${scale}: seeded in ${fmtMs(seedMs)}`);

  const c = await connect(url, 'off');
  try {
    await c.query('ANALYZE');
    const counts = await one(
      c,
      `SELECT (SELECT count(*)::int FROM residential_group) AS groups,
              (SELECT count(*)::int FROM camera) AS cameras,
              (SELECT count(*)::int FROM camera WHERE status = 'active') AS active,
              (SELECT avg(sector_count)::float8 FROM residential_group_coverage) AS sectors`,
    );

    // Full recompute: one warm-up (plans cached in the session), then the timed runs.
    log(`scale ${scale}: full recompute x${fullRuns} (+1 warm-up)`);
    await c.query(FULL_RECOMPUTE);
    const full: number[] = [];
    for (let i = 0; i < fullRuns; i++) {
      await c.query('VACUUM ANALYZE residential_group_coverage');
      full.push(await timed(c, FULL_RECOMPUTE));
    }
    const fullMedian = median(full);

    // Naive full recompute, compared with the stored coverage (just recomputed by ours).
    let naive: ScaleResult['naive'] = null;
    if (naiveRuns > 0) {
      log(`scale ${scale}: naive recompute x${naiveRuns}`);
      const runs: number[] = [];
      for (let i = 0; i < naiveRuns; i++) {
        await c.query('DROP TABLE IF EXISTS bench_naive');
        runs.push(await timed(c, NAIVE_RECOMPUTE));
      }
      // The one union on its own (once), to see where the naive time goes.
      const t0 = performance.now();
      const u = await one(
        c,
        `SELECT sum(ST_NPoints(u))::int AS points, sum(ST_NumGeometries(u))::int AS parts
         FROM (SELECT ST_Union(view_sector) AS u FROM camera WHERE status = 'active' GROUP BY district_id) s`,
      );
      const unionOnlyMs = performance.now() - t0;
      const d = await one(
        c,
        `SELECT count(*)::int AS n,
                max(abs(CASE WHEN n.area_m2 > 0 THEN least(100, greatest(0, 100 * n.covered_area_m2 / n.area_m2)) ELSE 0 END
                        - r.covered_percent))::float8 AS pct,
                max(abs(n.covered_area_m2 - r.covered_area_m2))::float8 AS m2,
                count(*) FILTER (WHERE r.residential_group_id IS NULL OR n.id IS NULL)::int AS missing
         FROM bench_naive n FULL JOIN residential_group_coverage r ON r.residential_group_id = n.id`,
      );
      if (d.missing > 0) throw new Error(`naive and ours disagree on which groups exist (${d.missing} unmatched)`);
      await c.query('DROP TABLE bench_naive');
      const med = median(runs);
      naive = {
        runs,
        medianMs: med,
        unionOnlyMs,
        unionPoints: u.points,
        unionParts: u.parts,
        naiveOverOurs: med / fullMedian,
        maxAbsCoveredPercentDiff: Number(d.pct),
        maxAbsCoveredAreaDiffM2: Number(d.m2),
        groupsCompared: d.n,
      };
    }

    // Single-camera updates, on their own session (as the server's connections would run them).
    const picked = (await c.query(PICK_CAMERAS, [opts.updates + 1])).rows.map((r) => Number(r.id));
    if (picked.length < opts.updates + 1) throw new Error(`only ${picked.length} movable active cameras at scale ${scale}`);
    const warmup = picked[0]!;
    const cams = picked.slice(1);
    log(`scale ${scale}: ${cams.length} single-camera updates (trigger on, then deferred)`);
    const s = await connect(url, 'off');
    let single: ScaleResult['single'];
    try {
      single = await singleUpdates(s, warmup, cams);
    } finally {
      await s.end();
    }

    // Incremental vs full, in one transaction that is rolled back at the end.
    log(`scale ${scale}: incremental vs full consistency`);
    const incrementalVsFull = await consistency(c, cams);

    // The same two timings with the JIT on (the server default on PostgreSQL 15), where it exists.
    let jitOn: ScaleResult['jitOn'] = null;
    if (jitAvailable && opts.jitOn) {
      const runsN = Math.min(fullRuns, 3);
      log(`scale ${scale}: jit on: full recompute x${runsN} (+1 warm-up), ${cams.length} single updates`);
      const j = await connect(url, 'on');
      try {
        await j.query(FULL_RECOMPUTE);
        const fullRunsJ: number[] = [];
        for (let i = 0; i < runsN; i++) {
          await j.query('VACUUM ANALYZE residential_group_coverage');
          fullRunsJ.push(await timed(j, FULL_RECOMPUTE));
        }
      // A fresh session for the single updates, like the deferred/non-deferred runs above.
        const js = await connect(url, 'on');
        let singleJ: ScaleResult['single'];
        try {
          singleJ = await singleUpdates(js, warmup, cams, false);
        } finally {
          await js.end();
        }
        jitOn = {
          fullRuns: fullRunsJ,
          fullMedianMs: median(fullRunsJ),
          singleRuns: singleJ.runs,
          singleMedianMs: singleJ.medianMs,
          singleOverFullPercent: (100 * singleJ.medianMs) / median(fullRunsJ),
        };
      } finally {
        await j.end();
      }
    }

    return {
      scale,
      groups: counts.groups,
      cameras: counts.cameras,
      activeCameras: counts.active,
      meanSectorsPerGroup: Number(counts.sectors),
      seedMs,
      full: { runs: full, medianMs: fullMedian, perGroupMs: fullMedian / counts.groups },
      single,
      singleOverFullPercent: (100 * single.medianMs) / fullMedian,
      naive,
      incrementalVsFull,
      jitOn,
    };
  } finally {
    await c.end();
  }
}

/** Each camera moved and turned in its own rolled-back transaction: with the coverage trigger, then deferred. */
async function singleUpdates(s: pg.Client, warmup: number, cams: number[], withDeferred = true): Promise<ScaleResult['single']> {
  for (const deferred of withDeferred ? [false, true] : [false]) {
    await s.query('BEGIN');
    if (deferred) await s.query(`SELECT set_config('ww.coverage_deferred', 'on', true)`);
    await s.query(MOVE_AND_TURN, [warmup]);
    await s.query('ROLLBACK');
  }
  const runs: number[] = [];
  const groupsRefreshed: number[] = [];
  const sectorsUnioned: number[] = [];
  for (const id of cams) {
    await s.query('BEGIN');
    runs.push(await timed(s, MOVE_AND_TURN, [id]));
    // The refresh stamps computed_at = now(), the transaction's start: rows refreshed by this update.
    const g = await one(
      s,
      `SELECT count(*)::int AS n, coalesce(sum(sector_count), 0)::int AS sectors
       FROM residential_group_coverage WHERE computed_at = now()`,
    );
    groupsRefreshed.push(g.n);
    sectorsUnioned.push(g.sectors);
    await s.query('ROLLBACK');
  }
  const deferredRuns: number[] = [];
  if (withDeferred) {
    for (const id of cams) {
      await s.query('BEGIN');
      await s.query(`SELECT set_config('ww.coverage_deferred', 'on', true)`);
      deferredRuns.push(await timed(s, MOVE_AND_TURN, [id]));
      await s.query('ROLLBACK');
    }
  }
  const med = median(runs);
  const dmed = median(deferredRuns);
  return {
    cameras: cams,
    runs,
    medianMs: med,
    maxMs: Math.max(...runs),
    deferredRuns,
    deferredMedianMs: dmed,
    triggerMedianMs: withDeferred ? med - dmed : NaN,
    groupsRefreshed,
    sectorsUnioned,
    medianGroupsRefreshed: median(groupsRefreshed),
  };
}

/** Apply the updates through the trigger, snapshot, recompute everything, compare; then roll back. */
async function consistency(c: pg.Client, cams: number[]): Promise<ScaleResult['incrementalVsFull']> {
  await c.query('BEGIN');
  try {
    for (const id of cams) await c.query(MOVE_AND_TURN, [id]);
    await c.query(`CREATE TEMP TABLE bench_snapshot ON COMMIT DROP AS SELECT * FROM residential_group_coverage`);
    const touched = await one(c, `SELECT count(*)::int AS n FROM bench_snapshot WHERE computed_at = now()`);
    await c.query(FULL_RECOMPUTE);
    const d = await one(
      c,
      `SELECT count(*)::int AS n,
              count(*) FILTER (WHERE s.residential_group_id IS NULL OR r.residential_group_id IS NULL)::int AS missing,
              coalesce(max(abs(s.covered_percent - r.covered_percent)), 0)::float8 AS pct,
              coalesce(max(abs(s.covered_area_m2 - r.covered_area_m2)), 0)::float8 AS covered,
              coalesce(max(abs(s.gap_area_m2 - r.gap_area_m2)), 0)::float8 AS gap,
              count(*) FILTER (WHERE s.area_m2 <> r.area_m2 OR s.active_camera_count <> r.active_camera_count
                                 OR s.sector_count <> r.sector_count)::int AS counts,
              count(*) FILTER (WHERE ST_AsEWKB(s.gap) <> ST_AsEWKB(r.gap))::int AS geoms
       FROM bench_snapshot s FULL JOIN residential_group_coverage r USING (residential_group_id)`,
    );
    const out = {
      updatesApplied: cams.length,
      groupsTouched: touched.n,
      groupsCompared: d.n,
      missingRows: d.missing,
      maxAbsCoveredPercentDiff: Number(d.pct),
      maxAbsCoveredAreaDiffM2: Number(d.covered),
      maxAbsGapAreaDiffM2: Number(d.gap),
      countMismatches: d.counts,
      gapGeometryMismatches: d.geoms,
      identical: false,
    };
    out.identical = out.missingRows === 0 && out.maxAbsCoveredPercentDiff === 0 && out.maxAbsCoveredAreaDiffM2 === 0 &&
      out.maxAbsGapAreaDiffM2 === 0 && out.countMismatches === 0 && out.gapGeometryMismatches === 0;
    return out;
  } finally {
    await c.query('ROLLBACK');
  }
}

// ---- report -------------------------------------------------------------------------------------

function table(results: ScaleResult[]): string {
  const rows: Array<[string, (r: ScaleResult) => string]> = [
    ['residential groups', (r) => String(r.groups)],
    ['cameras (active)', (r) => `${r.cameras} (${r.activeCameras})`],
    ['mean active sectors per group', (r) => r.meanSectorsPerGroup.toFixed(1)],
    ['seed (includes one full recompute)', (r) => fmtMs(r.seedMs)],
    ['FULL recompute, ours (median)', (r) => `${fmtMs(r.full.medianMs)} (n=${r.full.runs.length})`],
    ['  per group', (r) => fmtMs(r.full.perGroupMs)],
    ['SINGLE-camera update (median)', (r) => `${fmtMs(r.single.medianMs)} (n=${r.single.runs.length})`],
    ['  slowest (groups, sectors it re-unioned)', (r) => {
      const i = r.single.runs.indexOf(r.single.maxMs);
      return `${fmtMs(r.single.maxMs)} (${r.single.groupsRefreshed[i]}, ${r.single.sectorsUnioned[i]})`;
    }],
    ['  same update, trigger deferred', (r) => fmtMs(r.single.deferredMedianMs)],
    ['  => coverage trigger share', (r) => fmtMs(r.single.triggerMedianMs)],
    ['  groups refreshed (median/max)', (r) => `${r.single.medianGroupsRefreshed} / ${Math.max(...r.single.groupsRefreshed)}`],
    ['single / full  (target <= 1 %)', (r) => `${fmtPct(r.singleOverFullPercent)} ${r.singleOverFullPercent <= 1 ? 'ok' : 'OVER'}`],
    ['NAIVE full recompute (one union)', (r) => (r.naive ? `${fmtMs(r.naive.medianMs)} (n=${r.naive.runs.length})` : 'skipped')],
    ['  of which the one ST_Union (1 run)', (r) => (r.naive ? fmtMs(r.naive.unionOnlyMs) : '-')],
    ['  union size: vertices / polygons', (r) => (r.naive ? `${r.naive.unionPoints} / ${r.naive.unionParts}` : '-')],
    ['naive / ours  (speed-up of ours)', (r) => (r.naive ? `${r.naive.naiveOverOurs.toFixed(1)}x` : '-')],
    ['max |covered % naive - ours|', (r) => (r.naive ? r.naive.maxAbsCoveredPercentDiff.toExponential(1) : '-')],
    ['max |covered m2 naive - ours|', (r) => (r.naive ? r.naive.maxAbsCoveredAreaDiffM2.toExponential(1) : '-')],
    ['incremental == full recompute?', (r) => (r.incrementalVsFull.identical ? 'identical' : 'DIFFERENT')],
    ['  (updates committed / groups touched)', (r) => `${r.incrementalVsFull.updatesApplied} / ${r.incrementalVsFull.groupsTouched}`],
    ['  max |d covered %| / |d m2|', (r) => `${r.incrementalVsFull.maxAbsCoveredPercentDiff.toExponential(1)} / ${r.incrementalVsFull.maxAbsCoveredAreaDiffM2.toExponential(1)}`],
    ['  gap geometries / counts differing', (r) => `${r.incrementalVsFull.gapGeometryMismatches} / ${r.incrementalVsFull.countMismatches}`],
  ];
  if (results.some((r) => r.jitOn)) {
    rows.push(
      ['jit ON: full recompute (median)', (r) => (r.jitOn ? `${fmtMs(r.jitOn.fullMedianMs)} (n=${r.jitOn.fullRuns.length})` : '-')],
      ['jit ON: single update (median)', (r) => (r.jitOn ? fmtMs(r.jitOn.singleMedianMs) : '-')],
      ['jit ON: single / full', (r) => (r.jitOn ? fmtPct(r.jitOn.singleOverFullPercent) : '-')],
    );
  }
  const head = ['', ...results.map((r) => `scale ${r.scale}`)];
  const body = rows.map(([label, f]) => [label, ...results.map(f)]);
  const all = [head, ...body];
  const widths = head.map((_, i) => Math.max(...all.map((row) => row[i]!.length)));
  const line = (row: string[]): string => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

// ---- main ---------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const databaseUrl = process.env.DATABASE_URL || undefined;
  if (databaseUrl) {
    const name = decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ''));
    if (!/(bench|test)$/i.test(name)) {
      throw new Error(`Refusing to wipe database "${name}": DATABASE_URL must name a throwaway database whose name ends in "bench" or "test".`);
    }
  }

  const started = performance.now();
  let handle: DatabaseHandle | undefined;
  try {
    handle = await openDatabase({ databaseUrl, dataDir: 'memory://', maxConnections: 12 });
    const engine = handle.embedded ? 'pglite' : 'postgresql';
    const c = await connect(handle.url, undefined); // pg_jit_available() is false whenever jit is off
    let info: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    try {
      info = await one(
        c,
        `SELECT current_setting('server_version') AS pg, postgis_lib_version() AS postgis, postgis_geos_version() AS geos,
                pg_jit_available() AS jit_available, current_setting('jit') AS jit_default`,
      );
    } finally {
      await c.end();
    }
    const jitAvailable = info.jit_available === true;
    const results: ScaleResult[] = [];
    const env = {
      engine,
      postgresql: String(info.pg),
      postgis: String(info.postgis),
      geos: String(info.geos),
      jitAvailable,
      jitServerDefault: String(info.jit_default),
      node: process.version,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      platform: `${os.platform()} ${os.release()}`,
      loadAverageAtStart: os.loadavg().map((x) => round(x, 2)),
    };
    const outFile = opts.out ? path.resolve(opts.out) : path.resolve(__dirname, '../../../bench/results', `coverage-${engine}.json`);
    const save = (complete: boolean): void => {
      mkdirSync(path.dirname(outFile), { recursive: true });
      const json = {
        benchmark: 'coverage',
        date: new Date().toISOString(),
        complete,
        environment: env,
        settings: {
          timingsJit: 'off',
          updates: opts.updates,
          update: 'move 15 m along the bearing and turn 40 degrees, one camera per rolled-back transaction',
          totalSeconds: round((performance.now() - started) / 1000, 1),
          loadAverageAtSave: os.loadavg().map((x) => round(x, 2)),
        },
        results: results.map((r) => JSON.parse(JSON.stringify(r, (_k, v) => (typeof v === 'number' ? round(v, 4) : v)))),
      };
      writeFileSync(outFile, JSON.stringify(json, null, 2) + '\n');
    };

    for (const scale of opts.scales) {
      results.push(await benchScale(handle.url, scale, opts, jitAvailable));
      save(false);
    }
    save(true);

    const jitNote = jitAvailable
      ? `jit off for every timing (server default: jit = ${env.jitServerDefault}; 'jit ON' rows show what the default costs)`
      : 'no JIT in this engine (pg_jit_available() = false)';
    console.log('');
    console.log(`Coverage benchmark: ${engine === 'pglite' ? 'PGlite (embedded, in memory)' : 'PostgreSQL server'} ${env.postgresql}, ` +
      `PostGIS ${env.postgis}, GEOS ${env.geos}; ${jitNote}`);
    console.log(`Node ${env.node}, ${env.cpus} CPUs (${env.cpuModel}), load average ${env.loadAverageAtStart.join(' ')} at start, ` +
      `${os.loadavg().map((x) => x.toFixed(2)).join(' ')} at end (other work on the machine skews timings).`);
    console.log(`Single update = ${opts.updates} cameras, each moved 15 m and turned 40 deg, rolled back.`);
    console.log('');
    console.log(table(results));
    console.log('');
    const shown = path.relative(process.cwd(), outFile);
    console.log(`total ${((performance.now() - started) / 1000).toFixed(0)} s; saved ${shown.startsWith('..') ? outFile : shown}`);
  } finally {
    await handle?.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
