import pg from 'pg';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createDataSource } from '../../../db/data-source';
import { takeSnapshots } from '../../../db/snapshots';
import { startSnapshotJob } from '../../../server/src/services/snapshot-job';

/**
 * The daily snapshot job as the server runs it (and `npm run snapshot`, which calls takeSnapshots):
 * against the suite's database, as the schema's owner, with a logger that records its lines.
 */
let owner: DataSource;
let sql: pg.Client;
beforeAll(async () => {
  owner = createDataSource({ url: inject('databaseUrl'), poolSize: 1, system: true });
  await owner.initialize();
  sql = new pg.Client({ connectionString: inject('databaseUrl') });
  await sql.connect();
});
afterAll(async () => {
  await sql?.end();
  if (owner?.isInitialized) await owner.destroy();
});

const rowsOn = async (day: string): Promise<number> =>
  (await sql.query(`SELECT count(*)::int AS n FROM compliance_snapshot WHERE district_id = 1 AND taken_on = ${day}`)).rows[0].n;
const dropDay = (day: string) => sql.query(`BEGIN; SET LOCAL ww.system = 'on'; DELETE FROM compliance_snapshot WHERE taken_on = ${day}; COMMIT`);
const TODAY = 'ww_today()';
const YESTERDAY = 'ww_today() - 1';

function recorder() {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, log: (l: string) => lines.push(l), error: (l: string) => errors.push(l) };
}

describe('the snapshot job', () => {
  it("takes today's snapshot of every ward when it is missing, logs one line, and does nothing the next time", async () => {
    await dropDay(TODAY);
    const rec = recorder();
    const job = startSnapshotJob(owner, rec);
    try {
      const run = await job.tick();
      expect(run).toMatchObject({ districts: 1, wards: 13 });
      expect(run!.day).toBe((await sql.query(`SELECT to_char(ww_today(), 'YYYY-MM-DD') AS d`)).rows[0].d);
      expect(await rowsOn(TODAY)).toBe(13);
      expect(rec.lines).toHaveLength(1);
      expect(rec.lines[0]).toMatch(/^\[wardwatch\] compliance snapshot \d{4}-\d{2}-\d{2}: 13 ward\(s\) in 1 district\(s\)/);
      expect(await job.tick()).toMatchObject({ districts: 0, wards: 0, finalised: 0 });
      expect(rec.lines).toHaveLength(1);
      expect(rec.errors).toEqual([]);
    } finally {
      await job.stop();
    }
  });

  it('takes a ward that lacks its row again, with the rest of its district', async () => {
    await sql.query(`BEGIN; SET LOCAL ww.system = 'on'; DELETE FROM compliance_snapshot WHERE taken_on = ww_today() AND ward_id = 7; COMMIT`);
    const job = startSnapshotJob(owner, recorder());
    try {
      expect(await job.tick()).toMatchObject({ districts: 1, wards: 13 });
      expect(await rowsOn(TODAY)).toBe(13);
    } finally {
      await job.stop();
    }
  });

  it("takes yesterday's snapshot again once when it was taken before yesterday ended", async () => {
    await takeSnapshots(owner, { day: (await sql.query(`SELECT to_char(ww_today() - 1, 'YYYY-MM-DD') AS d`)).rows[0].d });
    await sql.query(
      `BEGIN; SET LOCAL ww.system = 'on';
       UPDATE compliance_snapshot SET taken_at = ((ww_today() - 1)::timestamp + interval '10 hours') AT TIME ZONE 'Asia/Ho_Chi_Minh'
        WHERE taken_on = ww_today() - 1;
       COMMIT`,
    );
    const rec = recorder();
    const job = startSnapshotJob(owner, rec);
    try {
      expect(await job.tick()).toMatchObject({ districts: 0, finalised: 1 });
      expect(rec.lines[0]).toContain('1 district(s) finalised');
      const late = await sql.query(
        `SELECT count(*)::int AS n FROM compliance_snapshot
          WHERE taken_on = ww_today() - 1 AND taken_at >= (ww_today()::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`,
      );
      expect(late.rows[0].n).toBe(13);
      expect(await rowsOn(YESTERDAY)).toBe(13);
      expect(await job.tick()).toMatchObject({ districts: 0, finalised: 0 });
    } finally {
      await job.stop();
    }
  });

  it('checks again on its timer, which does not keep the process alive, and stops when told', async () => {
    await dropDay(TODAY);
    const rec = recorder();
    const job = startSnapshotJob(owner, { ...rec, intervalMs: 50 });
    try {
      const deadline = Date.now() + 30_000;
      while (rec.lines.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(rec.lines).toHaveLength(1);
      expect(await rowsOn(TODAY)).toBe(13);
    } finally {
      await job.stop();
    }
    await dropDay(TODAY);
    await new Promise((r) => setTimeout(r, 300));
    expect(await rowsOn(TODAY)).toBe(0);
    expect(await job.tick()).toBeNull();
    // Put today's rows back for the files after this one.
    await takeSnapshots(owner);
    // The hourly timer keeps nothing running on its own.
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timers();
    const idle = startSnapshotJob(owner, recorder());
    expect(timers()).toBe(before);
    await idle.stop();
  });

  it('logs a failure and lets the next check try again, without throwing', async () => {
    const broken = createDataSource({ url: 'postgres://nobody@127.0.0.1:1/none', poolSize: 1 });
    const rec = recorder();
    const job = startSnapshotJob(broken, rec);
    try {
      expect(await job.tick()).toBeNull();
      expect(rec.errors).toHaveLength(1);
      expect(rec.errors[0]).toMatch(/^\[wardwatch\] compliance snapshot failed: /);
    } finally {
      await job.stop();
    }
  });
});

describe('takeSnapshots (npm run snapshot [YYYY-MM-DD])', () => {
  it("takes a given day's snapshot of every district, replacing that day's rows", async () => {
    const { d } = (await sql.query(`SELECT to_char(ww_today() - 10, 'YYYY-MM-DD') AS d`)).rows[0];
    const before = (await sql.query(`SELECT count(*)::int AS n FROM compliance_snapshot`)).rows[0].n;
    const had = await rowsOn(`DATE '${d}'`);
    expect(await takeSnapshots(owner, { day: d })).toEqual({ day: d, districts: 1, wards: 13, finalised: 0 });
    expect(await rowsOn(`DATE '${d}'`)).toBe(13);
    expect((await sql.query(`SELECT count(*)::int AS n FROM compliance_snapshot`)).rows[0].n).toBe(before + 13 - had);
  });

  it('refuses a future day and writes nothing', async () => {
    const before = (await sql.query(`SELECT count(*)::int AS n FROM compliance_snapshot`)).rows[0].n;
    const { d } = (await sql.query(`SELECT to_char(ww_today() + 1, 'YYYY-MM-DD') AS d`)).rows[0];
    await expect(takeSnapshots(owner, { day: d })).rejects.toMatchObject({ driverError: { code: '22023' } });
    expect((await sql.query(`SELECT count(*)::int AS n FROM compliance_snapshot`)).rows[0].n).toBe(before);
  });
});
