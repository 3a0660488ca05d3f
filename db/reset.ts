import type { DataSource } from 'typeorm';

/**
 * Undo every WardWatch migration (each one's `down()` drops what it created, newest first), so that
 * `migrate` builds the schema afresh. Nothing else in the database is touched (PostGIS stays).
 * Used by `npm run db:reset` and by the test suite on a real server.
 */
export async function resetDatabase(ds: DataSource): Promise<void> {
  await ds.query(`CREATE EXTENSION IF NOT EXISTS postgis`);
  for (;;) {
    const [table] = await ds.query(`SELECT to_regclass('migrations') IS NOT NULL AS present`);
    if (!table.present) return;
    const [row] = await ds.query(`SELECT count(*)::int AS n FROM migrations`);
    if (row.n === 0) break;
    await ds.undoLastMigration({ transaction: 'each' });
  }
  await ds.query(`DROP TABLE IF EXISTS migrations`);
}
