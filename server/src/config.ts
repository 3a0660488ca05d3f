import path from 'node:path';
import { DEFAULT_DATA_DIR } from '../../db/connection';

/** Server configuration, read from the environment once at start (see README "Configuration"). */
export interface Config {
  port: number;
  host: string;
  /** Real PostgreSQL + PostGIS, as the schema's owner (migrations); unset: the embedded database in `dataDir`. */
  databaseUrl?: string;
  /**
   * The same database as a login of the non-owner role `wardwatch_app`, used to serve requests.
   * Unset: requests use the owner's connection and switch to `wardwatch_app` in each transaction.
   */
  appDatabaseUrl?: string;
  /**
   * Demo mode: seeds the demo district and its demo users (published password) into an empty
   * database. Outside it the server refuses to start while any demo user keeps that password.
   */
  demo: boolean;
  /** Creates the first ADMIN (username `admin`) outside demo mode when the district has no user yet. */
  adminPassword: string | null;
  /** Requests a minute per user (per address before login). */
  rateLimitPerMinute: number;
  /** Session cookies only over HTTPS (on in production mode). */
  secureCookies: boolean;
  /**
   * On a real server, refuse to start unless requests connect as the app role (APP_DATABASE_URL).
   * On by default in production mode.
   */
  requireAppLogin: boolean;
  /** Express `trust proxy`: hops of reverse proxies whose X-Forwarded-For to believe (0: none). */
  trustProxy: number;
  dataDir: string;
  /** Seed the demo district when the database has no district yet (demo mode only). */
  seedDemo: boolean;
  /** Optional basemap tiles, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png (online deployments). */
  tileUrl: string | null;
  tileAttribution: string | null;
  /** Built client to serve (vite build output). */
  clientDir: string;
  production: boolean;
  /** A monitored camera with no heartbeat for this long goes OFFLINE (seconds). */
  heartbeatTimeoutSeconds: number;
  /** How often the server looks for cameras past the timeout (seconds; 0: never, e.g. in tests). */
  heartbeatCheckSeconds: number;
  /** Heartbeat requests a minute per token (POST /api/heartbeat); then 429 TOO_MANY_REQUESTS. */
  heartbeatRateLimitPerMinute: number;
  /** Demo mode's in-process gateway heartbeats the demo's monitored cameras every minute (faulty ones aside). */
  demoGateway: boolean;
  /** Milliseconds between reads of new camera status events while a live map listens (WARDWATCH_LIVE_POLL_MS). */
  livePollMs: number;
  /** Milliseconds between checks that each live WebSocket's session still holds (WARDWATCH_LIVE_SESSION_CHECK_MS). */
  liveSessionCheckMs: number;
  /** Public camera registrations (R1) accepted an hour from one address (a signed-in user: per user). */
  registrationsPerHour: number;
  /** Public camera registrations accepted an hour in all (the server's whole intake). */
  registrationsPerHourTotal: number;
}

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return !/^(0|false|no|off)$/i.test(value);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${env.PORT}`);
  const production = env.NODE_ENV === 'production';
  const demo = flag(env.WARDWATCH_DEMO, !production);
  const rateLimitPerMinute = Number(env.WARDWATCH_RATE_LIMIT ?? 600);
  if (!Number.isInteger(rateLimitPerMinute) || rateLimitPerMinute < 1) throw new Error(`WARDWATCH_RATE_LIMIT must be a positive whole number, got ${env.WARDWATCH_RATE_LIMIT}`);
  return {
    port,
    host: env.HOST || '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    appDatabaseUrl: env.APP_DATABASE_URL || undefined,
    demo,
    adminPassword: env.WARDWATCH_ADMIN_PASSWORD || null,
    rateLimitPerMinute,
    secureCookies: flag(env.WARDWATCH_SECURE_COOKIES, production),
    trustProxy: Number(env.WARDWATCH_TRUST_PROXY ?? 0) || 0,
    requireAppLogin: flag(env.WARDWATCH_REQUIRE_APP_LOGIN, production),
    dataDir: env.WARDWATCH_DATA_DIR || DEFAULT_DATA_DIR,
    seedDemo: demo && flag(env.WARDWATCH_SEED_DEMO, true),
    tileUrl: env.WARDWATCH_TILE_URL || null,
    tileAttribution: env.WARDWATCH_TILE_ATTRIBUTION || null,
    clientDir: path.resolve(env.WARDWATCH_CLIENT_DIR || 'dist/client'),
    production,
    ...(() => {
      const whole = (name: string, fallback: number, min: number): number => {
        const n = env[name] === undefined || env[name] === '' ? fallback : Number(env[name]);
        if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number of at least ${min}, got ${env[name]}`);
        return n;
      };
      return {
        heartbeatTimeoutSeconds: whole('WARDWATCH_HEARTBEAT_TIMEOUT', 300, 1),
        heartbeatCheckSeconds: whole('WARDWATCH_HEARTBEAT_CHECK', 15, 0),
        heartbeatRateLimitPerMinute: whole('WARDWATCH_HEARTBEAT_RATE_LIMIT', 60, 1),
        demoGateway: flag(env.WARDWATCH_DEMO_GATEWAY, demo),
      };
    })(),
    ...(() => {
      const ms = (name: string, fallback: number): number => {
        const value = Number(env[name] || fallback);
        if (!Number.isInteger(value) || value < 100) throw new Error(`${name} must be a whole number of milliseconds (100 or more), got ${env[name]}`);
        return value;
      };
      return { livePollMs: ms('WARDWATCH_LIVE_POLL_MS', 1000), liveSessionCheckMs: ms('WARDWATCH_LIVE_SESSION_CHECK_MS', 30_000) };
    })(),
    ...((perAddress = Number(env.WARDWATCH_REGISTRATIONS_PER_HOUR || 5), total = Number(env.WARDWATCH_REGISTRATIONS_PER_HOUR_TOTAL || 200)) => {
      if (!Number.isInteger(perAddress) || perAddress < 1) throw new Error(`WARDWATCH_REGISTRATIONS_PER_HOUR must be a positive whole number, got ${env.WARDWATCH_REGISTRATIONS_PER_HOUR}`);
      if (!Number.isInteger(total) || total < perAddress) throw new Error(`WARDWATCH_REGISTRATIONS_PER_HOUR_TOTAL must be a whole number of at least WARDWATCH_REGISTRATIONS_PER_HOUR, got ${env.WARDWATCH_REGISTRATIONS_PER_HOUR_TOTAL}`);
      return { registrationsPerHour: perAddress, registrationsPerHourTotal: total };
    })(),
  };
}
