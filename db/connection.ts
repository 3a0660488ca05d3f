import { mkdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Where WardWatch's data lives.
 *
 * - `DATABASE_URL` set: a real PostgreSQL + PostGIS server; nothing is started here.
 * - `DATABASE_URL` unset: an embedded PostgreSQL (PGlite, WASM) with PostGIS, persisted in `dataDir`
 *   and served over the PostgreSQL wire protocol on 127.0.0.1 by pglite-socket, so that TypeORM and
 *   `pg` use exactly the same code path as against a real server.
 */
export interface DatabaseHandle {
  /** A `postgres://` URL the `pg` driver can connect to. */
  url: string;
  /** True when this process runs the embedded database. */
  embedded: boolean;
  /** The embedded data directory (undefined for a real server). */
  dataDir?: string;
  /** Stop the embedded server (call after every client has disconnected). No-op for a real server. */
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** A real server's URL; when absent the embedded database is started. */
  databaseUrl?: string;
  /** Embedded data directory; `memory://` keeps it in memory only. */
  dataDir?: string;
  /** Concurrent wire connections the embedded server accepts: at least the pool size + 1. */
  maxConnections?: number;
}

/** Default embedded data directory, relative to the working directory. */
export const DEFAULT_DATA_DIR = '.data/pglite';

export function isMemoryDir(dir: string): boolean {
  return dir.startsWith('memory://');
}

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    return { url: options.databaseUrl, embedded: false, close: async () => {} };
  }
  const requested = options.dataDir ?? DEFAULT_DATA_DIR;
  const dataDir = isMemoryDir(requested) ? requested : path.resolve(requested);
  if (!isMemoryDir(dataDir)) mkdirSync(dataDir, { recursive: true });

  // Loaded lazily: a deployment on a real server never loads the WASM build.
  const { PGlite } = await import('@electric-sql/pglite');
  const { postgis } = await import('@electric-sql/pglite-postgis');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');

  const db = await PGlite.create({ dataDir, extensions: { postgis } });
  await db.exec('CREATE EXTENSION IF NOT EXISTS postgis');
  const server = new PGLiteSocketServer({
    db,
    host: '127.0.0.1',
    port: 0,
    maxConnections: options.maxConnections ?? 12,
  });
  try {
    await server.start();
  } catch (err) {
    await db.close();
    throw err;
  }
  const url = `postgres://postgres@${server.getServerConn()}/postgres`;

  let closed = false;
  return {
    url,
    embedded: true,
    dataDir,
    async close() {
      if (closed) return;
      closed = true;
      // Shut down in order (see STACK.md): clients gone, then the socket server, then PGlite.
      const deadline = Date.now() + 5000;
      while (server.getStats().activeConnections > 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 20));
      }
      await server.stop();
      await db.close();
    },
  };
}
