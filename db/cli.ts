import { openDatabase } from './connection';
import { createDataSource, migrate } from './data-source';
import { resetDatabase } from './reset';
import { seedDemoDistrict } from './seed/demo-district';
import { takeSnapshots } from './snapshots';

/** A real calendar day written YYYY-MM-DD. */
function isDate(s: string): boolean {
  const t = Date.parse(`${s}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
}

/**
 * Database commands (the same database the server uses: DATABASE_URL, or the embedded one in
 * WARDWATCH_DATA_DIR, default .data/pglite). Stop the server first when using the embedded one.
 *
 *   node dist/node/db/cli.js migrate   run pending migrations
 *   node dist/node/db/cli.js reset     undo WardWatch's migrations, migrate, seed the demo district
 *   node dist/node/db/cli.js recompute recompute the coverage of every residential group
 *   node dist/node/db/cli.js snapshot [YYYY-MM-DD]
 *                                     take (or take again) the compliance snapshot of every district for
 *                                     that day, default today (Asia/Ho_Chi_Minh); not a future day
 */
async function main(command: string | undefined, arg: string | undefined): Promise<void> {
  if (command !== 'migrate' && command !== 'reset' && command !== 'recompute' && command !== 'snapshot') {
    console.error('usage: cli.js migrate | reset | recompute | snapshot [YYYY-MM-DD]');
    process.exitCode = 2;
    return;
  }
  if (command === 'snapshot' && arg !== undefined && !isDate(arg)) {
    console.error(`snapshot: "${arg}" is not a date YYYY-MM-DD`);
    process.exitCode = 2;
    return;
  }
  const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir: process.env.WARDWATCH_DATA_DIR || undefined });
  const ds = createDataSource({ url: db.url, poolSize: 2, system: !db.embedded });
  await ds.initialize();
  try {
    if (command === 'reset') await resetDatabase(ds);
    const ran = await migrate(ds);
    console.log(`migrations run: ${ran.length ? ran.join(', ') : 'none pending'}`);
    if (command === 'recompute') {
      const t0 = performance.now();
      const [row] = await ds.query(`SELECT ww_refresh_coverage(ARRAY(SELECT id FROM residential_group)) AS n`);
      console.log(`coverage recomputed for ${row.n} residential groups in ${((performance.now() - t0) / 1000).toFixed(2)} s`);
    }
    if (command === 'snapshot') {
      const t0 = performance.now();
      const run = await takeSnapshots(ds, { day: arg });
      console.log(
        `compliance snapshot ${run.day}: ${run.wards} ward(s) in ${run.districts} district(s) in ${((performance.now() - t0) / 1000).toFixed(2)} s`,
      );
    }
    if (command === 'reset') {
      const t0 = performance.now();
      const s = await ds.transaction((m) => seedDemoDistrict(m));
      console.log(
        `demo district seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${s.wards} wards, ` +
          `${s.residentialGroups} residential groups, ${s.cameras} cameras, ${s.rentalHouses} rental houses`,
      );
    }
  } finally {
    await ds.destroy();
    await db.close();
  }
}

main(process.argv[2], process.argv[3]).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
