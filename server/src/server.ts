import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import { openDatabase } from '../../db/connection';
import { createDataSource, migrate } from '../../db/data-source';
import { isDatabaseEmpty, seedDemoDistrict } from '../../db/seed/demo-district';
import { createApp } from './app';
import type { Config } from './config';
import { entities } from './entities';

export interface RunningServer {
  url: string;
  embedded: boolean;
  /** Seconds from the call to listening, and what happened on the way. */
  timings: { startSeconds: number; seeded: boolean; migrations: string[] };
  stop(): Promise<void>;
}

const POOL_SIZE = 10;

/**
 * Opens the database (embedded unless DATABASE_URL is set), runs pending migrations, seeds the demo
 * district into an empty database, and serves the app. `stop()` shuts down in the order the embedded
 * database needs: HTTP, Apollo, the connection pool, then the database.
 */
export async function startServer(config: Config): Promise<RunningServer> {
  const t0 = performance.now();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, maxConnections: POOL_SIZE + 2 });
  const ds = createDataSource({ url: db.url, entities, poolSize: POOL_SIZE });
  let stopApollo: (() => Promise<void>) | undefined;
  const http: Server = createServer();
  let migrations: string[] = [];
  let seeded = false;
  try {
    await ds.initialize();
    migrations = await migrate(ds);
    if (config.seedDemo && (await isDatabaseEmpty(ds.manager))) {
      await ds.transaction((m) => seedDemoDistrict(m));
      seeded = true;
    }
    const created = await createApp(config, ds);
    stopApollo = created.stop;
    http.on('request', created.app);
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(config.port, config.host, () => resolve());
    });
  } catch (err) {
    // Leave nothing half-open: the embedded database crashes on exit if it is not closed in order.
    await stopApollo?.().catch(() => {});
    if (ds.isInitialized) await ds.destroy().catch(() => {});
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
      // Let requests in flight finish (a committed mutation gets its answer), then force what is left.
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeIdleConnections();
      const force = setTimeout(() => http.closeAllConnections(), 5000);
      await closed;
      clearTimeout(force);
      await stopApollo?.();
      await ds.destroy();
      await db.close();
    },
  };
}
