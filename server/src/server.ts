import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import { openDatabase } from '../../db/connection';
import { createDataSource, migrate } from '../../db/data-source';
import { isDatabaseEmpty, seedDemoDistrict } from '../../db/seed/demo-district';
import { DEMO_PASSWORD } from '../../db/seed/demo-users';
import type { ApolloServerPlugin } from '@apollo/server';
import type { DataSource } from 'typeorm';
import { createApp } from './app';
import type { Config } from './config';
import type { Context } from './context';
import { entities } from './entities';
import { AuthService, hashPassword, usersWithDemoPassword } from './services/auth.service';
import { startSnapshotJob, type SnapshotJob } from './services/snapshot-job';
import { startHeartbeatMonitor, type HeartbeatMonitor } from './services/heartbeat-monitor';
import { startDemoGateway, type DemoGateway } from './services/demo-gateway';
import { startLive, type LiveServer } from './live/ws';

export interface RunningServer {
  url: string;
  embedded: boolean;
  /** Seconds from the call to listening, and what happened on the way. */
  timings: { startSeconds: number; seeded: boolean; migrations: string[] };
  stop(): Promise<void>;
}

const POOL_SIZE = 10;
/**
 * The embedded database gets one connection: PGlite runs one statement at a time anyway, and
 * pglite-socket 0.2.11 interleaves the extended-protocol messages (Parse, Bind, Execute, Sync) of
 * connections that are outside a transaction, so two at once can run each other's statements
 * ("unnamed prepared statement does not exist"). With one connection, requests queue for it.
 */
const EMBEDDED_POOL_SIZE = 1;

export interface StartOptions {
  /** Extra Apollo plugins (tests count resolver calls with one). */
  plugins?: ApolloServerPlugin<Context>[];
  /** false only in the test proving the server-side rule holds without row-level security. */
  rowLevelSecurity?: boolean;
}

/** The connection that serves requests must be the app role: no superuser, no BYPASSRLS, owning nothing. */
async function checkAppLogin(ds: DataSource): Promise<void> {
  const [r] = await ds.query(
    `SELECT current_user AS who, r.rolsuper AS super, r.rolbypassrls AS bypass,
            (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE c.relowner = r.oid AND n.nspname = 'public') AS owns
       FROM pg_roles r WHERE r.rolname = current_user`,
  );
  if (r.super || r.bypass || r.owns > 0) {
    throw new Error(
      `refusing to start: APP_DATABASE_URL logs in as "${r.who}", which ${r.super ? 'is a superuser' : r.bypass ? 'bypasses row-level security' : 'owns tables'}; ` +
        'it must be the non-owner role wardwatch_app',
    );
  }
}

/**
 * The accounts rule: outside demo mode, no demo user may keep the published demo password, and the
 * district needs an ADMIN (created from WARDWATCH_ADMIN_PASSWORD on the first start).
 */
async function checkAccounts(owner: DataSource, config: Config): Promise<void> {
  if (config.demo) return;
  const weak = await usersWithDemoPassword(owner);
  if (weak.length > 0) {
    throw new Error(
      `refusing to start outside demo mode: ${weak.length} demo user(s) (${[...weak].sort().join(', ')}) ` +
        'still have the published demo password. Change or disable them, or run in demo mode (WARDWATCH_DEMO=on).',
    );
  }
  const [district] = await owner.query(`SELECT id FROM district ORDER BY id LIMIT 1`);
  if (!district) {
    console.warn('[wardwatch] the database holds no district yet: nothing to serve until one is loaded');
    return;
  }
  const [admin] = await owner.query(`SELECT 1 FROM app_user WHERE role = 'admin' AND NOT disabled LIMIT 1`);
  if (admin) return;
  const password = config.adminPassword;
  if (!password || password.length < 12 || password === DEMO_PASSWORD) {
    throw new Error(
      'refusing to start outside demo mode: there is no ADMIN. Set WARDWATCH_ADMIN_PASSWORD (12 characters or more, not the demo ' +
        'password) to create user "admin" on this start.',
    );
  }
  // A user "admin" that exists but is disabled or no longer an ADMIN is restored: setting the
  // password is the operator's way back in.
  await owner.query(
    `INSERT INTO app_user (district_id, username, display_name, role, password_hash) VALUES ($1, 'admin', 'Administrator', 'admin', $2)
     ON CONFLICT (username) DO UPDATE SET role = 'admin', ward_id = NULL, disabled = false, password_hash = EXCLUDED.password_hash`,
    [district.id, await hashPassword(password)],
  );
  console.log('[wardwatch] user "admin" is an ADMIN with the password from WARDWATCH_ADMIN_PASSWORD');
}

/**
 * Opens the database (embedded unless DATABASE_URL is set), runs pending migrations, seeds the demo
 * district into an empty database, and serves the app. `stop()` shuts down in the order the embedded
 * database needs: HTTP, Apollo, the connection pool, then the database.
 */
export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const t0 = performance.now();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, maxConnections: POOL_SIZE + 4 });
  // The owner's connection migrates and seeds; requests go through the app role's when one is
  // configured (APP_DATABASE_URL), else through the owner's, switching role per transaction.
  const owner = createDataSource({
    url: db.url,
    entities,
    poolSize: db.embedded ? EMBEDDED_POOL_SIZE : config.appDatabaseUrl ? 2 : POOL_SIZE,
    system: !db.embedded,
  });
  let ds = owner;
  let stopApollo: (() => Promise<void>) | undefined;
  let snapshots: SnapshotJob | undefined;
  let heartbeats: HeartbeatMonitor | undefined;
  let gateway: DemoGateway | undefined;
  let live: LiveServer | undefined;
  const http: Server = createServer();
  let migrations: string[] = [];
  let seeded = false;
  try {
    await owner.initialize();
    migrations = await migrate(owner);
    if (config.seedDemo && (await isDatabaseEmpty(owner.manager))) {
      await owner.transaction((m) => seedDemoDistrict(m));
      seeded = true;
    }
    await checkAccounts(owner, config);
    if (config.requireAppLogin && !db.embedded && !config.appDatabaseUrl) {
      throw new Error(
        'refusing to start without APP_DATABASE_URL (production mode): requests must connect as the non-owner role ' +
          'wardwatch_app (see README "Use a real PostgreSQL + PostGIS"; WARDWATCH_REQUIRE_APP_LOGIN=off to accept the owner).',
      );
    }
    if (config.appDatabaseUrl) {
      ds = createDataSource({ url: config.appDatabaseUrl, entities, poolSize: POOL_SIZE });
      await ds.initialize();
      await checkAppLogin(ds);
    }
    // The daily compliance snapshot: today's is taken now if missing, then checked hourly (as the owner).
    snapshots = startSnapshotJob(owner);
    await snapshots.tick();
    // R10: the demo gateway's first heartbeats (demo mode), then the timeout check every heartbeatCheckSeconds.
    if (config.demoGateway) {
      gateway = startDemoGateway(owner);
      await gateway.beat();
    }
    heartbeats = startHeartbeatMonitor(owner, { timeoutSeconds: config.heartbeatTimeoutSeconds, checkSeconds: config.heartbeatCheckSeconds });
    // GraphQL subscriptions over WebSocket at /graphql (server/src/live): nothing polls until someone subscribes.
    live = await startLive(http, { config, ds, owner, rowLevelSecurity: options.rowLevelSecurity ?? true });
    const created = await createApp(
      { config, ds, auth: new AuthService(ds, owner), rowLevelSecurity: options.rowLevelSecurity ?? true },
      options.plugins,
    );
    stopApollo = created.stop;
    http.on('request', created.app);
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(config.port, config.host, () => resolve());
    });
  } catch (err) {
    // Leave nothing half-open: the embedded database crashes on exit if it is not closed in order.
    await snapshots?.stop().catch(() => {});
    await gateway?.stop().catch(() => {});
    await heartbeats?.stop().catch(() => {});
    await stopApollo?.().catch(() => {});
    if (ds.isInitialized) await ds.destroy().catch(() => {});
    if (owner.isInitialized) await owner.destroy().catch(() => {});
    await db.close().catch(() => {});
    throw err;
  }
  const { port } = http.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  let stopped = false;
  return {
    url: `http://${host}:${port}`,
    embedded: db.embedded,
    timings: { startSeconds: (performance.now() - t0) / 1000, seeded, migrations },
    async stop() {
      if (stopped) return;
      stopped = true;
      // The WebSockets first: http.close() waits for every upgraded socket to end.
      await live?.close();
      // Let requests in flight finish (a committed mutation gets its answer), then force what is left.
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeIdleConnections();
      const force = setTimeout(() => http.closeAllConnections(), 5000);
      await closed;
      clearTimeout(force);
      await snapshots?.stop();
      await gateway?.stop();
      await heartbeats?.stop();
      await stopApollo?.();
      if (ds !== owner) await ds.destroy();
      await owner.destroy();
      await db.close();
    },
  };
}
