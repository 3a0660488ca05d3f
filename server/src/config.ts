import path from 'node:path';
import { DEFAULT_DATA_DIR } from '../../db/connection';

/** Server configuration, read from the environment once at start (see README "Configuration"). */
export interface Config {
  port: number;
  host: string;
  /** Real PostgreSQL + PostGIS; unset: the embedded database in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  /** Seed the demo district when the database has no district yet. */
  seedDemo: boolean;
  /** Optional basemap tiles, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png (online deployments). */
  tileUrl: string | null;
  tileAttribution: string | null;
  /** Built client to serve (vite build output). */
  clientDir: string;
  production: boolean;
}

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return !/^(0|false|no|off)$/i.test(value);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${env.PORT}`);
  return {
    port,
    host: env.HOST || '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.WARDWATCH_DATA_DIR || DEFAULT_DATA_DIR,
    seedDemo: flag(env.WARDWATCH_SEED_DEMO, true),
    tileUrl: env.WARDWATCH_TILE_URL || null,
    tileAttribution: env.WARDWATCH_TILE_ATTRIBUTION || null,
    clientDir: path.resolve(env.WARDWATCH_CLIENT_DIR || 'dist/client'),
    production: env.NODE_ENV === 'production',
  };
}
