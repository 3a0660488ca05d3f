import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, firstError, gqlWith as gqlWithCookie, loginOver, startTestApp, type GraphQLResponse, type TestApp } from '../../support/server';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

const ME = `{ me { id username displayName role wardId ward { id code } disabled } }`;

const login = (username: string, password: string) => loginOver(app.server.url, username, password);
const gqlWith = (cookie: string | null, query: string, variables?: Record<string, unknown>, extra: Record<string, string> = {}) =>
  gqlWithCookie(app.server.url, cookie, query, variables, extra);

const tokenOf = (cookie: string) => cookie.slice(cookie.indexOf('=') + 1);
const sha256 = (s: string) => createHash('sha256').update(s).digest();

/** Creates a user through the API as the demo admin; returns its id. */
async function createUser(username: string, password: string, role = 'JUSTICE'): Promise<number> {
  const r = await app.gql(
    `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
    { input: { username, displayName: `Test ${username}`, role, password } },
    { as: 'admin' },
  );
  expect(r.errors).toBeUndefined();
  return r.data.createUser.id;
}

const unique = () => randomBytes(4).toString('hex');

describe('login', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie for the whole site, and expires it in 12 hours', async () => {
    const t0 = Date.now();
    const { res, body } = await login('police.p01', DEMO_PASSWORD);
    expect(body.errors).toBeUndefined();
    expect(body.data.login.user).toMatchObject({ username: 'police.p01', role: 'POLICE' });
    const raw = res.headers.get('set-cookie');
    expect(raw).toMatch(/^ww_session=[A-Za-z0-9_-]{43};/);
    const attrs = raw!.split(';').slice(1).map((a) => a.trim().toLowerCase());
    expect(attrs).toContain('httponly');
    expect(attrs).toContain('samesite=strict');
    expect(attrs).toContain('path=/');
    const expires = Date.parse(attrs.find((a) => a.startsWith('expires='))!.slice('expires='.length));
    const expiresAt = Date.parse(body.data.login.expiresAt);
    expect(Math.abs(expires - expiresAt)).toBeLessThan(1500); // the cookie's Expires has whole seconds
    expect(expiresAt - t0).toBeGreaterThan(11.9 * 3600_000);
    expect(expiresAt - t0).toBeLessThan(12.1 * 3600_000);
  });

  it('makes `me` answer the logged-in user with their role and ward', async () => {
    const { cookie } = await login('police.p01', DEMO_PASSWORD);
    const ward = (await app.sql.query(`SELECT id, code FROM ward WHERE code = 'P01'`)).rows[0];
    const me = await gqlWith(cookie, ME);
    expect(me.body.errors).toBeUndefined();
    expect(me.body.data.me).toMatchObject({ username: 'police.p01', role: 'POLICE', wardId: ward.id, ward: { id: ward.id, code: 'P01' }, disabled: false });

    const { cookie: plannerCookie } = await login('planner', DEMO_PASSWORD);
    const planner = await gqlWith(plannerCookie, ME);
    expect(planner.body.data.me).toMatchObject({ username: 'planner', role: 'PLANNER', wardId: null, ward: null });
  });

  it('accepts the username in any case and with surrounding spaces', async () => {
    const { body, cookie } = await login('  Justice ', DEMO_PASSWORD);
    expect(body.errors).toBeUndefined();
    expect((await gqlWith(cookie, ME)).body.data.me.username).toBe('justice');
  });

  it('answers a wrong password and an unknown user with the same UNAUTHENTICATED message, and sets no cookie', async () => {
    const wrong = await login('homeaffairs', 'not-the-password');
    const unknown = await login(`nobody.${unique()}`, DEMO_PASSWORD);
    for (const r of [wrong, unknown]) {
      expect(firstError(r.body).code).toBe('UNAUTHENTICATED');
      expect(r.body.data).toBeNull();
      expect(r.cookie).toBeNull();
    }
    expect(firstError(wrong.body).message).toBe(firstError(unknown.body).message);
    expect(JSON.stringify(wrong.body.errors![0].extensions)).toBe(JSON.stringify(unknown.body.errors![0].extensions));
  });

  it('locks a username out after five failed logins, even with the right password next', async () => {
    const username = `test.lock.${unique()}`;
    const password = 'a-long-enough-password';
    await createUser(username, password);
    for (let i = 0; i < 5; i++) expect(firstError((await login(username, 'wrong-password')).body).code).toBe('UNAUTHENTICATED');
    const locked = await login(username, password);
    expect(firstError(locked.body).code).toBe('TOO_MANY_REQUESTS');
    expect(locked.cookie).toBeNull();
    // Other users are not locked out by it.
    expect((await login('homeaffairs', DEMO_PASSWORD)).body.errors).toBeUndefined();
  });
});

describe('disabled users', () => {
  it('cannot log in, and their open session stops working at once', async () => {
    const username = `test.disabled.${unique()}`;
    const password = 'correct-horse-battery';
    const id = await createUser(username, password);
    const { cookie } = await login(username, password);
    expect((await gqlWith(cookie, ME)).body.data.me.id).toBe(id);
    expect((await gqlWith(cookie, `{ wards { id } }`)).body.errors).toBeUndefined();

    const off = await app.gql(`mutation($id: Int!) { updateUser(id: $id, input: { disabled: true }) { disabled } }`, { id }, { as: 'admin' });
    expect(off.errors).toBeUndefined();
    expect(off.data.updateUser.disabled).toBe(true);

    // The very next request with the session they already had is anonymous.
    expect((await gqlWith(cookie, ME)).body.data.me).toBeNull();
    expect(firstError((await gqlWith(cookie, `{ wards { id } }`)).body).code).toBe('UNAUTHENTICATED');

    // And the right password no longer opens a session; the answer gives away nothing.
    const again = await login(username, password);
    const wrong = await login('homeaffairs', 'not-the-password');
    expect(firstError(again.body).code).toBe('UNAUTHENTICATED');
    expect(firstError(again.body).message).toBe(firstError(wrong.body).message);
    expect(again.cookie).toBeNull();
  });
});

describe('logout', () => {
  it('ends the session: the old cookie then answers UNAUTHENTICATED, and the cookie is cleared', async () => {
    const { cookie } = await login('justice', DEMO_PASSWORD);
    expect((await gqlWith(cookie, `{ wards { id } }`)).body.errors).toBeUndefined();
    const sessions = await app.count('app_session', `token_hash = '\\x${sha256(tokenOf(cookie!)).toString('hex')}'`);
    expect(sessions).toBe(1);

    const out = await gqlWith(cookie, `mutation { logout }`);
    expect(out.body).toEqual({ data: { logout: true } });
    const cleared = out.res.headers.get('set-cookie');
    expect(cleared).toMatch(/^ww_session=;/);
    expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970/);

    expect(await app.count('app_session', `token_hash = '\\x${sha256(tokenOf(cookie!)).toString('hex')}'`)).toBe(0);
    const after = await gqlWith(cookie, `{ wards { id } }`);
    expect(firstError(after.body).code).toBe('UNAUTHENTICATED');
    expect(after.body.data).toBeNull();
    expect((await gqlWith(cookie, ME)).body.data.me).toBeNull();
    expect(firstError((await gqlWith(cookie, `mutation { logout }`)).body).code).toBe('UNAUTHENTICATED');
  });

  it('leaves the same user’s other sessions open', async () => {
    const a = await login('justice', DEMO_PASSWORD);
    const b = await login('justice', DEMO_PASSWORD);
    expect((await gqlWith(a.cookie, `mutation { logout }`)).body.data.logout).toBe(true);
    expect((await gqlWith(b.cookie, ME)).body.data.me.username).toBe('justice');
  });

  it('writes a LOGIN and a LOGOUT row to the audit log, with who and as what role', async () => {
    const id = (await app.sql.query(`SELECT id FROM app_user WHERE username = 'justice'`)).rows[0].id;
    const mark = (await app.sql.query(`SELECT coalesce(max(id), 0) AS m FROM audit_log`)).rows[0].m;
    const { cookie } = await login('justice', DEMO_PASSWORD);
    await gqlWith(cookie, `mutation { logout }`);
    const rows = (
      await app.sql.query(
        `SELECT user_id, username, role, action, entity, entity_id, operation, before, after FROM audit_log WHERE id > $1 AND user_id = $2 ORDER BY id`,
        [mark, id],
      )
    ).rows;
    expect(rows).toEqual([
      { user_id: id, username: 'justice', role: 'justice', action: 'login', entity: 'app_user', entity_id: String(id), operation: 'LOGIN', before: null, after: null },
      { user_id: id, username: 'justice', role: 'justice', action: 'logout', entity: 'app_user', entity_id: String(id), operation: 'LOGOUT', before: null, after: null },
    ]);
  });

  it('audits no login for a failed attempt', async () => {
    const before = await app.count('audit_log', `operation = 'LOGIN'`);
    await login('homeaffairs', 'still-not-the-password');
    expect(await app.count('audit_log', `operation = 'LOGIN'`)).toBe(before);
  });
});

describe('session tokens', () => {
  it('stores only a 32-byte SHA-256 of the token, never the token itself', async () => {
    const { cookie } = await login('planner', DEMO_PASSWORD);
    const token = tokenOf(cookie!);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32); // 256 random bits
    const { rows } = await app.sql.query(`SELECT token_hash FROM app_session WHERE token_hash = $1`, [sha256(token)]);
    expect(rows).toHaveLength(1);
    const stored: Buffer = rows[0].token_hash;
    expect(stored).toHaveLength(32);
    expect(stored.toString('latin1')).not.toContain(token);
    expect(stored.equals(Buffer.from(token, 'base64url'))).toBe(false);
    // Nowhere in the table, in any spelling.
    const clear = await app.sql.query(
      `SELECT count(*)::int AS n FROM app_session
        WHERE token_hash = convert_to($1, 'UTF8') OR token_hash = decode($2, 'hex') OR encode(token_hash, 'base64') LIKE '%' || $1 || '%'`,
      [token, Buffer.from(token, 'base64url').toString('hex')],
    );
    expect(clear.rows[0].n).toBe(0);
  });

  it('opens no session with what the database stores (a stolen copy of app_session is worthless)', async () => {
    const { cookie } = await login('planner', DEMO_PASSWORD);
    const stored: Buffer = (await app.sql.query(`SELECT token_hash FROM app_session WHERE token_hash = $1`, [sha256(tokenOf(cookie!))])).rows[0].token_hash;
    for (const forged of [stored.toString('base64url'), stored.toString('hex'), stored.toString('base64')]) {
      expect((await gqlWith(`ww_session=${forged}`, ME)).body.data.me).toBeNull();
    }
  });

  it('treats an expired session as anonymous', async () => {
    const { cookie } = await login('homeaffairs', DEMO_PASSWORD);
    expect((await gqlWith(cookie, ME)).body.data.me.username).toBe('homeaffairs');
    await app.sql.query(`UPDATE app_session SET expires_at = now() - interval '1 second' WHERE token_hash = $1`, [sha256(tokenOf(cookie!))]);
    expect((await gqlWith(cookie, ME)).body.data.me).toBeNull();
    expect(firstError((await gqlWith(cookie, `{ district { id } }`)).body).code).toBe('UNAUTHENTICATED');
  });
});

describe('anonymous requests', () => {
  it('get null from `me`', async () => {
    const r = await gqlWith(null, ME);
    expect(r.body).toEqual({ data: { me: null } });
  });

  const refused: [string, string][] = [
    ['district', `{ district { id name } }`],
    ['wards', `{ wards { id } }`],
    ['ward', `{ ward(id: 1) { id } }`],
    ['residentialGroups', `{ residentialGroups(wardId: 1) { id } }`],
    ['cameras', `{ cameras(first: 1) { totalCount } }`],
    ['camera', `{ camera(id: 1) { id } }`],
    ['rentalHouses', `{ rentalHouses(first: 1) { totalCount } }`],
    ['layer', `{ layer(kind: CAMERAS) }`],
    ['coverageGaps', `{ coverageGaps }`],
    ['users', `{ users { id } }`],
    ['auditLog', `{ auditLog(first: 1) { totalCount } }`],
    ['logout', `mutation { logout }`],
    ['createUser', `mutation { createUser(input: { username: "sneaky", displayName: "x", role: ADMIN, password: "long-enough-password" }) { id } }`],
    ['registerRentalHouse', `mutation { registerRentalHouse(input: { address: "x", ownerName: "y", rooms: 1, location: { type: "Point", coordinates: [108.2, 16.05] } }) { id } }`],
  ];
  for (const [what, query] of refused) {
    it(`are refused ${what} with UNAUTHENTICATED and no data`, async () => {
      const r = await gqlWith(null, query);
      expect(firstError(r.body).code).toBe('UNAUTHENTICATED');
      expect(r.body.data ?? null).toBeNull();
    });
  }

  it('write nothing when refused', async () => {
    const users = await app.count('app_user');
    const houses = await app.count('rental_house');
    await gqlWith(null, refused.find(([w]) => w === 'createUser')![1]);
    await gqlWith(null, refused.find(([w]) => w === 'registerRentalHouse')![1]);
    expect(await app.count('app_user')).toBe(users);
    expect(await app.count('rental_house')).toBe(houses);
  });

  it('are refused the CSV export with 401', async () => {
    const res = await fetch(`${app.server.url}/export/unregistered-rental-houses.csv?wardId=1`);
    expect(res.status).toBe(401);
    expect((await res.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('forged credentials', () => {
  const forgeries: [string, Record<string, string>][] = [
    ['a random cookie', { cookie: `ww_session=${randomBytes(32).toString('base64url')}` }],
    ['an empty cookie', { cookie: 'ww_session=' }],
    ['an oversized cookie', { cookie: `ww_session=${'A'.repeat(5000)}` }],
    ['a cookie of SQL', { cookie: `ww_session=' OR 1=1 --` }],
    ['a random bearer token', { authorization: `Bearer ${randomBytes(32).toString('base64url')}` }],
  ];
  for (const [what, headers] of forgeries) {
    it(`treat ${what} as anonymous`, async () => {
      const me = await gqlWith(null, ME, undefined, headers);
      expect(me.body).toEqual({ data: { me: null } });
      const wards = await gqlWith(null, `{ wards { id } }`, undefined, headers);
      expect(firstError(wards.body).code).toBe('UNAUTHENTICATED');
    });
  }

  it('do not turn a real session into someone else’s by appending to it', async () => {
    const { cookie } = await login('planner', DEMO_PASSWORD);
    expect((await gqlWith(`${cookie}x`, ME)).body.data.me).toBeNull();
    expect((await gqlWith(cookie!.slice(0, -1), ME)).body.data.me).toBeNull();
  });
});
