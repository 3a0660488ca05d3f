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
  keepReadyForQueryToSync(db);
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

/** Extended-query messages: Bind, Close, Describe, Execute, Flush, Parse. Only Sync ends their cycle. */
const EXTENDED = new Set([0x42, 0x43, 0x44, 0x45, 0x48, 0x50]);
const READY_FOR_QUERY = 0x5a;

/** Stray ReadyForQuery messages dropped so far (see keepReadyForQueryToSync). */
export const protocolRepairs = { readyForQueryDropped: 0 };

/**
 * Works around electric-sql/pglite#958: after an error in the extended query protocol, PGlite can
 * answer the failing message itself with ReadyForQuery, and then the Sync with another. pg then reads
 * every later reply one step out of line ("Received unexpected commandComplete message"), drops the
 * connection, and the request fails. pglite-socket hands PGlite one message at a time, so this wrapper
 * knows which message a reply answers: by the protocol, only Sync (and a simple Query) may be answered
 * with ReadyForQuery, so one in a reply to Parse, Bind, Describe, Execute, Close or Flush is dropped.
 */
function keepReadyForQueryToSync(db: { execProtocolRawStream(message: Uint8Array, options: { onRawData: (d: Uint8Array) => void; syncToFs?: boolean }): Promise<void> }): void {
  const original = db.execProtocolRawStream.bind(db);
  db.execProtocolRawStream = async (message, options) => {
    if (!EXTENDED.has(message[0]!) || !options?.onRawData) return original(message, options);
    let pending = new Uint8Array(0);
    const forward = options.onRawData;
    await original(message, {
      ...options,
      onRawData: (chunk) => {
        const data = new Uint8Array(pending.length + chunk.length);
        data.set(pending);
        data.set(chunk, pending.length);
        const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
        const kept: Uint8Array[] = [];
        let at = 0;
        while (at + 5 <= data.length) {
          const end = at + 1 + view.getInt32(at + 1);
          if (end > data.length) break;
          if (data[at] === READY_FOR_QUERY) protocolRepairs.readyForQueryDropped += 1;
          else kept.push(data.subarray(at, end));
          at = end;
        }
        pending = data.slice(at);
        const total = kept.reduce((n, k) => n + k.length, 0);
        if (total > 0) {
          const out = new Uint8Array(total);
          let o = 0;
          for (const k of kept) {
            out.set(k, o);
            o += k.length;
          }
          forward(out);
        }
      },
    });
    if (pending.length > 0) forward(pending);
  };
}
