import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase, type DatabaseHandle } from '../../db/connection';
import { createDataSource, migrate } from '../../db/data-source';
import { APP_ROLE } from '../../db/migrations/1764662400000-access';
import { resetDatabase } from '../../db/reset';
import { seedDemoDistrict } from '../../db/seed/demo-district';

/**
 * One database for the integration suite: the embedded PGlite + PostGIS in a fresh temporary data
 * directory by default, or the real PostgreSQL + PostGIS named by DATABASE_URL (its schema is wiped:
 * the database name must end in "test"). Either way: migrations, then the demo district.
 */
let handle: DatabaseHandle | undefined;
let tmpDir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    const name = new URL(databaseUrl).pathname.replace(/^\//, '');
    if (!/test$/i.test(name)) {
      throw new Error(`Refusing to wipe database "${name}" for tests: use a database whose name ends in "test".`);
    }
  } else {
    tmpDir = mkdtempSync(path.join(os.tmpdir(), 'wardwatch-test-'));
  }
  handle = await openDatabase({ databaseUrl, dataDir: tmpDir, maxConnections: 24 });
  const ds = createDataSource({ url: handle.url, poolSize: 2, system: !handle.embedded });
  await ds.initialize();
  try {
    if (databaseUrl) await resetDatabase(ds);
    await migrate(ds);
    await ds.transaction((m) => seedDemoDistrict(m));
  } finally {
    await ds.destroy();
  }
  project.provide('databaseUrl', handle.url);
  // On a real server, requests connect as the non-owner app role itself (a login role on this
  // trust-auth test server); the embedded database has one user, and switches role per transaction.
  let appDatabaseUrl = '';
  if (databaseUrl) {
    const admin = createDataSource({ url: handle.url, poolSize: 1 });
    await admin.initialize();
    try {
      await admin.query(`ALTER ROLE ${APP_ROLE} LOGIN`);
    } finally {
      await admin.destroy();
    }
    const u = new URL(databaseUrl);
    u.username = APP_ROLE;
    u.password = '';
    appDatabaseUrl = u.toString();
  }
  project.provide('appDatabaseUrl', appDatabaseUrl);
  project.provide('embedded', handle.embedded);
}

export async function teardown(): Promise<void> {
  await handle?.close();
  if (tmpDir) rmSync(tmpDir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    /** '' on the embedded database. */
    appDatabaseUrl: string;
    embedded: boolean;
  }
}
