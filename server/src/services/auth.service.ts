import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from 'argon2';
import { ipKeyGenerator } from 'express-rate-limit';
import type { DataSource } from 'typeorm';
import { DEMO_PASSWORD, DEMO_USERS } from '../../../db/seed/demo-users';
import { Role } from '../entities/enums';
import { TooManyRequestsError, UnauthenticatedError } from '../errors';
import type { ScopedDb, Viewer } from './scoped-db';

/** How long a session lasts without logging in again: one working day. */
export const SESSION_TTL_HOURS = 12;
/** Failed logins for one username before it must wait, and from one address (an office shares one). */
export const LOGIN_ATTEMPTS = { user: 5, ip: 50 } as const;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

/** A hash that argon2 will reject, verified when a username does not exist (same work, same time). */
let dummyHash: Promise<string> | undefined;

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** argon2id with the library's defaults; each call gets its own salt. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/**
 * Logins and sessions. The database keeps users and sessions behind SECURITY DEFINER functions
 * (ww_auth_*): the app role reads no password hash or session table directly. A session is a random
 * 256-bit token in an HttpOnly cookie; the database stores only its SHA-256.
 */
export class AuthService {
  /** Failed logins per key (`user:<name>` or `ip:<address>`) in the current window. */
  private readonly failures = new Map<string, { count: number; resetAt: number }>();

  /**
   * `ds` serves requests (session lookups run on it); `owner` is the schema owner's connection, the
   * only one allowed to read password hashes and open sessions (the same DataSource when the server
   * has no separate app-role login).
   */
  constructor(
    private readonly ds: DataSource,
    private readonly owner: DataSource = ds,
  ) {}

  /** The user of a session token, or null (unknown, expired, logged out, or a disabled user). */
  async viewerOf(token: string | undefined): Promise<Viewer | null> {
    if (!token || token.length > 200) return null;
    // Each in a transaction of its own: on the embedded database's socket, a statement outside one can be
    // interleaved with another connection's (the live feed's polls, the jobs) and fail (issue 6: live).
    const [row] = await this.ds.transaction((m) => m.query(`SELECT * FROM ww_auth_session($1)`, [hashToken(token)]));
    if (!row) return null;
    return {
      userId: row.user_id,
      username: row.username,
      displayName: row.display_name,
      role: row.role as Role,
      districtId: row.district_id,
      wardId: row.ward_id,
    };
  }

  /**
   * Checks a username and password and opens a session (audited as LOGIN). The same
   * UNAUTHENTICATED answer for an unknown user, a wrong password and a disabled user; after
   * LOGIN_ATTEMPTS failures for a username (or many more from an address) within LOGIN_WINDOW_MS, TOO_MANY_REQUESTS.
   */
  async login(username: string, password: string, address: string): Promise<{ token: string; expiresAt: Date; viewer: Viewer }> {
    const keys = [`user:${username.trim().toLowerCase()}`, `ip:${ipKeyGenerator(address)}`];
    this.assertNotLocked(keys);
    // Counted before the (slow) check, so attempts sent at once cannot all slip under the limit.
    this.recordFailure(keys);
    const [user] = await this.owner.transaction((m) => m.query(`SELECT * FROM ww_auth_user($1)`, [username.trim()]));
    dummyHash ??= hash(randomBytes(16).toString('hex'));
    const ok = await verify(user?.password_hash ?? (await dummyHash), password).catch(() => false);
    if (!user || !ok || user.disabled) throw new UnauthenticatedError('Wrong username or password');
    this.failures.delete(keys[0]!); // the username's count; the address keeps its own
    this.forgive(keys[1]!); // this attempt was not a failure
    const token = randomBytes(32).toString('base64url');
    const [row] = await this.owner.transaction((m) => m.query(`SELECT ww_auth_session_start($1, $2, $3::interval) AS expires_at`, [
      user.id,
      hashToken(token),
      `${SESSION_TTL_HOURS} hours`,
    ]));
    const viewer = await this.viewerOf(token);
    if (!viewer) throw new UnauthenticatedError('Wrong username or password');
    return { token, expiresAt: new Date(row.expires_at), viewer };
  }

  /**
   * Ends a session (audited as LOGOUT) inside the request's own transaction (a second connection
   * would wait for it on the embedded database); false if there was none.
   */
  async logout(db: ScopedDb, token: string | undefined): Promise<boolean> {
    if (!token) return false;
    const [row] = await db.query(`SELECT ww_auth_session_end($1) AS ended`, [hashToken(token)]);
    return row.ended === true;
  }

  private assertNotLocked(keys: string[]): void {
    const now = Date.now();
    for (const k of keys) {
      const f = this.failures.get(k);
      const max = k.startsWith('user:') ? LOGIN_ATTEMPTS.user : LOGIN_ATTEMPTS.ip;
      if (f && f.resetAt > now && f.count >= max) {
        throw new TooManyRequestsError('Too many failed logins; try again later', Math.ceil((f.resetAt - now) / 1000));
      }
    }
  }

  private forgive(key: string): void {
    const f = this.failures.get(key);
    if (f && f.count > 0) f.count -= 1;
  }

  private recordFailure(keys: string[]): void {
    const now = Date.now();
    for (const k of keys) {
      const f = this.failures.get(k);
      if (!f || f.resetAt <= now) this.failures.set(k, { count: 1, resetAt: now + LOGIN_WINDOW_MS });
      else f.count += 1;
    }
    if (this.failures.size > 10_000) {
      for (const [k, f] of this.failures) if (f.resetAt <= now) this.failures.delete(k);
    }
  }
}

/**
 * Outside demo mode the server must not start while a demo account still opens with the published
 * demo password. Run on the owner's connection at start; returns the usernames that do (empty: safe).
 */
export async function usersWithDemoPassword(owner: { query(sql: string, params?: unknown[]): Promise<any> }): Promise<string[]> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const rows: { username: string; password_hash: string }[] = await owner.query(
    `SELECT username, password_hash FROM app_user WHERE NOT disabled AND (username = ANY($1) OR username LIKE 'chair.%')`,
    [DEMO_USERS.map((u) => u.username)],
  );
  const found: string[] = [];
  for (const r of rows) if (await verify(r.password_hash, DEMO_PASSWORD).catch(() => false)) found.push(r.username);
  return found;
}
