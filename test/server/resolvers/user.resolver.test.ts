import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstError, gqlWith as gqlWithCookie, loginOver, startTestApp, type TestApp } from '../../support/server';

let app: TestApp;
let adminId: number;
/** Two wards of the demo district. */
let ward1: { id: number; code: string };
let ward2: { id: number; code: string };
beforeAll(async () => {
  app = await startTestApp({ as: 'admin' });
  adminId = (await app.sql.query(`SELECT id FROM app_user WHERE username = 'admin'`)).rows[0].id;
  const wards = (await app.sql.query(`SELECT id, code FROM ward ORDER BY code LIMIT 2`)).rows;
  [ward1, ward2] = wards;
});
afterAll(() => app?.close());

const USER_FIELDS = `id districtId username displayName role wardId disabled createdAt ward { id code } canSeePersonalData permissions`;
const CREATE = `mutation($input: CreateUserInput!) { createUser(input: $input) { ${USER_FIELDS} } }`;
const UPDATE = `mutation($id: Int!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { ${USER_FIELDS} } }`;
const PASSWORD = 'a-sound-password-42';

const unique = () => randomBytes(4).toString('hex');
const newUser = (over: Record<string, unknown> = {}) => ({
  username: `test.user.${unique()}`,
  displayName: 'Người Dùng Thử',
  role: 'JUSTICE',
  password: PASSWORD,
  ...over,
});

/** Logs in over HTTP with any password; the session cookie, or null. */
const login = (username: string, password: string) => loginOver(app.server.url, username, password);
const gqlWith = async (cookie: string | null, query: string, variables?: Record<string, unknown>) =>
  (await gqlWithCookie(app.server.url, cookie, query, variables)).body;

async function create(over: Record<string, unknown> = {}): Promise<any> {
  const r = await app.gql(CREATE, { input: newUser(over) });
  expect(r.errors).toBeUndefined();
  return r.data.createUser;
}

/** Runs statements on the owner's connection as the app role, in a transaction that is always rolled back. */
async function asAppRole(sql: string): Promise<{ rows?: any[]; error?: { code?: string; message: string } }> {
  await app.sql.query('BEGIN');
  try {
    await app.sql.query('SET LOCAL ROLE wardwatch_app');
    return { rows: (await app.sql.query(sql)).rows };
  } catch (err) {
    return { error: err as { code?: string; message: string } };
  } finally {
    await app.sql.query('ROLLBACK');
  }
}

describe('only an ADMIN manages users', () => {
  it('lets the ADMIN list the district’s users, with their roles and wards', async () => {
    const r = await app.gql(`{ users { id username role wardId ward { id code } disabled } }`);
    expect(r.errors).toBeUndefined();
    const byName = new Map(r.data.users.map((u: any) => [u.username, u]));
    expect(r.data.users).toHaveLength(await app.count('app_user', `district_id = (SELECT district_id FROM app_user WHERE id = ${adminId})`));
    expect(byName.get('admin')).toMatchObject({ role: 'ADMIN', wardId: null, disabled: false });
    expect(byName.get('planner')).toMatchObject({ role: 'PLANNER', wardId: null });
    expect(byName.get('chair.p01')).toMatchObject({ role: 'WARD_CHAIR', ward: { code: 'P01' } });
    expect(byName.get('police.p01')).toMatchObject({ role: 'POLICE', ward: { code: 'P01' } });
    const names = r.data.users.map((u: any) => u.username);
    expect(names).toEqual([...names].sort());
  });

  for (const as of ['planner', 'chair.p01', 'police', 'police.p01', 'justice', 'homeaffairs']) {
    it(`refuses ${as} the list of users, creating and changing users with FORBIDDEN, and changes nothing`, async () => {
      const users = await app.count('app_user');
      const list = await app.gql(`{ users { id } }`, {}, { as });
      expect(firstError(list)).toMatchObject({ code: 'FORBIDDEN', field: 'users' });
      expect(list.data).toBeNull();

      const created = await app.gql(CREATE, { input: newUser({ role: 'ADMIN' }) }, { as });
      expect(firstError(created)).toMatchObject({ code: 'FORBIDDEN', field: 'createUser' });

      // Not even on themselves: no one raises their own role.
      const self = (await app.sql.query(`SELECT id, role, ward_id, disabled FROM app_user WHERE username = $1`, [as])).rows[0];
      const raised = await app.gql(UPDATE, { id: self.id, input: { role: 'ADMIN', wardId: null } }, { as });
      expect(firstError(raised)).toMatchObject({ code: 'FORBIDDEN', field: 'updateUser' });
      const other = await app.gql(UPDATE, { id: adminId, input: { disabled: true } }, { as });
      expect(firstError(other)).toMatchObject({ code: 'FORBIDDEN', field: 'updateUser' });

      expect(await app.count('app_user')).toBe(users);
      expect((await app.sql.query(`SELECT id, role, ward_id, disabled FROM app_user WHERE id = $1`, [self.id])).rows[0]).toEqual(self);
      expect(await app.count('app_user', `id = ${adminId} AND NOT disabled AND role = 'admin'`)).toBe(1);
    });
  }

  it('refuses the ADMIN’s checks before the input’s: a short password from a planner is FORBIDDEN, not BAD_USER_INPUT', async () => {
    const r = await app.gql(CREATE, { input: newUser({ password: 'short' }) }, { as: 'planner' });
    expect(firstError(r).code).toBe('FORBIDDEN');
  });
});

describe('createUser', () => {
  it('creates a user whose role decides what they may see and do', async () => {
    const before = await app.count('app_user');
    const u = await create({ role: 'POLICE', wardId: ward2.id, displayName: '  Công an phường thử  ' });
    expect(u).toMatchObject({ role: 'POLICE', wardId: ward2.id, ward: { id: ward2.id }, disabled: false, displayName: 'Công an phường thử', canSeePersonalData: true });
    expect(u.permissions).toContain('rentalHouses');
    expect(u.permissions).not.toContain('users');
    expect(await app.count('app_user')).toBe(before + 1);
  });

  it('stores the username in lower case', async () => {
    const name = `Test.Upper.${unique()}`;
    const u = await create({ username: name });
    expect(u.username).toBe(name.toLowerCase());
  });

  it('keeps only an argon2id hash of the password, never the password', async () => {
    const u = await create();
    const { rows } = await app.sql.query(`SELECT password_hash FROM app_user WHERE id = $1`, [u.id]);
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
    expect(rows[0].password_hash).not.toContain(PASSWORD);
  });

  const bad: [string, Record<string, unknown>, string, string][] = [
    ['a WARD_CHAIR without a ward', { role: 'WARD_CHAIR' }, 'BAD_USER_INPUT', 'input.wardId'],
    ['a PLANNER bound to a ward', { role: 'PLANNER', wardId: 1 }, 'BAD_USER_INPUT', 'input.wardId'],
    ['a ward that does not exist', { role: 'WARD_CHAIR', wardId: 987654 }, 'NOT_FOUND', 'input.wardId'],
    ['a username that is taken', { username: 'planner' }, 'BAD_USER_INPUT', 'input.username'],
    ['a username that is taken in other letters', { username: 'Planner' }, 'BAD_USER_INPUT', 'input.username'],
    ['a username with a space', { username: 'two words' }, 'BAD_USER_INPUT', 'input.username'],
    ['a username of two letters', { username: 'ab' }, 'BAD_USER_INPUT', 'input.username'],
    ['a password of 11 characters', { password: '12345678901' }, 'BAD_USER_INPUT', 'input.password'],
    ['an empty password', { password: '' }, 'BAD_USER_INPUT', 'input.password'],
    ['an empty display name', { displayName: '' }, 'BAD_USER_INPUT', 'input.displayName'],
    ['a display name of spaces', { displayName: '   ' }, 'BAD_USER_INPUT', 'input.displayName'],
  ];
  for (const [what, over, code, field] of bad) {
    it(`refuses ${what} with ${code} naming ${field}, and writes nothing`, async () => {
      const users = await app.count('app_user');
      const audit = await app.count('audit_log');
      const r = await app.gql(CREATE, { input: newUser(over) });
      expect(firstError(r)).toMatchObject({ code, field });
      expect(r.data).toBeNull();
      expect(await app.count('app_user')).toBe(users);
      expect(await app.count('audit_log')).toBe(audit);
    });
  }

  it('creates a WARD_CHAIR who can log in and sees only their ward', async () => {
    const u = await create({ role: 'WARD_CHAIR', wardId: ward2.id });
    const { body, cookie } = await login(u.username, PASSWORD);
    expect(body.errors).toBeUndefined();
    const me = await gqlWith(cookie, `{ me { id role wardId permissions } }`);
    expect(me.data.me).toMatchObject({ id: u.id, role: 'WARD_CHAIR', wardId: ward2.id });
    expect(me.data.me.permissions).toContain('registerCamera');
    expect(me.data.me.permissions).not.toContain('createUser');

    const wards = await gqlWith(cookie, `{ wards { id code } }`);
    expect(wards.errors).toBeUndefined();
    expect(wards.data.wards).toEqual([{ id: ward2.id, code: ward2.code }]);
    const other = await gqlWith(cookie, `query($id: Int!) { ward(id: $id) { id } }`, { id: ward1.id });
    expect(firstError(other)).toMatchObject({ code: 'NOT_FOUND' });
    const cameras = await gqlWith(cookie, `{ cameras(first: 500) { totalCount edges { node { wardId } } } }`);
    expect(cameras.data.cameras.totalCount).toBe(await app.count('camera', `ward_id = ${ward2.id}`));
    for (const e of cameras.data.cameras.edges) expect(e.node.wardId).toBe(ward2.id);
  });

  it('creates a disabled user who cannot log in', async () => {
    const u = await create({ disabled: true });
    expect(u.disabled).toBe(true);
    expect(firstError((await login(u.username, PASSWORD)).body).code).toBe('UNAUTHENTICATED');
  });
});

describe('updateUser', () => {
  it('renames a user and moves a chair to another ward, which they then see instead', async () => {
    const u = await create({ role: 'WARD_CHAIR', wardId: ward1.id });
    const r = await app.gql(UPDATE, { id: u.id, input: { displayName: 'Tên Mới', wardId: ward2.id } });
    expect(r.errors).toBeUndefined();
    expect(r.data.updateUser).toMatchObject({ displayName: 'Tên Mới', role: 'WARD_CHAIR', wardId: ward2.id });
    const { cookie } = await login(u.username, PASSWORD);
    expect((await gqlWith(cookie, `{ wards { id } }`)).data.wards).toEqual([{ id: ward2.id }]);
  });

  it('drops the ward when a chair becomes a PLANNER, who then sees the whole district', async () => {
    const u = await create({ role: 'WARD_CHAIR', wardId: ward1.id });
    const r = await app.gql(UPDATE, { id: u.id, input: { role: 'PLANNER' } });
    expect(r.errors).toBeUndefined();
    expect(r.data.updateUser).toMatchObject({ role: 'PLANNER', wardId: null });
    const { cookie } = await login(u.username, PASSWORD);
    expect((await gqlWith(cookie, `{ wards { id } }`)).data.wards.length).toBe(await app.count('ward'));
  });

  it('refuses to make someone a WARD_CHAIR without a ward, and changes nothing', async () => {
    const u = await create({ role: 'PLANNER' });
    const r = await app.gql(UPDATE, { id: u.id, input: { role: 'WARD_CHAIR' } });
    expect(firstError(r)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.wardId' });
    expect(await app.count('app_user', `id = ${u.id} AND role = 'planner' AND ward_id IS NULL`)).toBe(1);
  });

  it('refuses a short new password naming input.password, and the old one still works', async () => {
    const u = await create();
    const r = await app.gql(UPDATE, { id: u.id, input: { password: 'too-short' } });
    expect(firstError(r)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.password' });
    expect((await login(u.username, PASSWORD)).body.errors).toBeUndefined();
  });

  it('sets a new password: the old one stops working and the new one works', async () => {
    const u = await create();
    const fresh = 'another-sound-password';
    const r = await app.gql(UPDATE, { id: u.id, input: { password: fresh } });
    expect(r.errors).toBeUndefined();
    expect(firstError((await login(u.username, PASSWORD)).body).code).toBe('UNAUTHENTICATED');
    expect((await login(u.username, fresh)).body.errors).toBeUndefined();
  });

  it('re-enables a disabled user, who can then log in again', async () => {
    const u = await create({ disabled: true });
    const r = await app.gql(UPDATE, { id: u.id, input: { disabled: false } });
    expect(r.data.updateUser.disabled).toBe(false);
    expect((await login(u.username, PASSWORD)).body.errors).toBeUndefined();
  });

  it('answers NOT_FOUND for an unknown user', async () => {
    const r = await app.gql(UPDATE, { id: 987654, input: { displayName: 'x' } });
    expect(firstError(r)).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });

  it('does not let an ADMIN disable themselves or give up their own ADMIN role', async () => {
    const off = await app.gql(UPDATE, { id: adminId, input: { disabled: true } });
    expect(firstError(off)).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(off.data).toBeNull();
    const demoted = await app.gql(UPDATE, { id: adminId, input: { role: 'PLANNER' } });
    expect(firstError(demoted)).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await app.count('app_user', `id = ${adminId} AND NOT disabled AND role = 'admin'`)).toBe(1);
    // They are still the ADMIN they were.
    expect((await app.gql(`{ me { role disabled } }`)).data.me).toEqual({ role: 'ADMIN', disabled: false });
    // Renaming themselves is fine.
    const renamed = await app.gql(UPDATE, { id: adminId, input: { displayName: 'Quản trị hệ thống' } });
    expect(renamed.errors).toBeUndefined();
  });

  it('lets an ADMIN disable another ADMIN', async () => {
    const other = await create({ role: 'ADMIN' });
    const r = await app.gql(UPDATE, { id: other.id, input: { disabled: true } });
    expect(r.errors).toBeUndefined();
    expect(r.data.updateUser.disabled).toBe(true);
  });
});

describe('password hashes', () => {
  it('have no field in the API', async () => {
    const t = await app.gql(`{ __type(name: "User") { fields { name } } }`);
    const fields: string[] = t.data.__type.fields.map((f: { name: string }) => f.name);
    expect(fields).toContain('username');
    for (const f of fields) expect(f.toLowerCase()).not.toMatch(/password|hash/);
    for (const q of [`{ users { passwordHash } }`, `{ users { password_hash } }`, `{ me { password } }`]) {
      expect(firstError(await app.gql(q)).code).toBe('GRAPHQL_VALIDATION_FAILED');
    }
  });

  it('appear in no answer about users', async () => {
    const r = await app.gql(`{ users { ${USER_FIELDS} } me { ${USER_FIELDS} } }`);
    expect(r.errors).toBeUndefined();
    expect(JSON.stringify(r)).not.toMatch(/\$argon2/);
  });

  it('cannot be read by the app role, which can read the other columns', async () => {
    const hash = await asAppRole(`SELECT password_hash FROM app_user`);
    expect(hash.error?.code).toBe('42501');
    expect(hash.error?.message).toMatch(/permission denied/);
    const star = await asAppRole(`SELECT * FROM app_user`);
    expect(star.error?.code).toBe('42501');
    const where = await asAppRole(`SELECT id FROM app_user WHERE password_hash LIKE '$argon2%'`);
    expect(where.error?.code).toBe('42501');
    const rest = await asAppRole(`SELECT id, username, role, ward_id, disabled FROM app_user`);
    expect(rest.error).toBeUndefined();
    const priv = await app.sql.query(
      `SELECT has_column_privilege('wardwatch_app', 'app_user', 'password_hash', 'SELECT') AS hash,
              has_column_privilege('wardwatch_app', 'app_user', 'username', 'SELECT') AS name`,
    );
    expect(priv.rows[0]).toEqual({ hash: false, name: true });
  });

  it('and sessions are out of the app role’s reach altogether', async () => {
    const r = await asAppRole(`SELECT token_hash FROM app_session`);
    expect(r.error?.code).toBe('42501');
  });
});

describe('user changes in the audit log', () => {
  async function auditRowsSince(mark: number, userId: number) {
    return (
      await app.sql.query(
        `SELECT user_id, username, role, action, entity, entity_id, operation, before, after FROM audit_log
          WHERE id > $1 AND entity = 'app_user' AND entity_id = $2 AND operation IN ('INSERT', 'UPDATE') ORDER BY id`,
        [mark, userId],
      )
    ).rows;
  }
  const markOf = async () => Number((await app.sql.query(`SELECT coalesce(max(id), 0) AS m FROM audit_log`)).rows[0].m);

  it('records createUser and updateUser by the ADMIN, with no password hash', async () => {
    const mark = await markOf();
    const u = await create({ role: 'WARD_CHAIR', wardId: ward1.id });
    await app.gql(UPDATE, { id: u.id, input: { displayName: 'Đổi Tên' } });
    const rows = await auditRowsSince(mark, u.id);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ user_id: adminId, username: 'admin', role: 'admin', action: 'createUser', operation: 'INSERT', before: null });
    expect(rows[0].after).toMatchObject({ id: u.id, username: u.username, role: 'ward_chair', ward_id: ward1.id });
    expect(rows[1]).toMatchObject({ action: 'updateUser', operation: 'UPDATE' });
    expect(rows[1].before.display_name).toBe('Người Dùng Thử');
    expect(rows[1].after.display_name).toBe('Đổi Tên');
    const text = JSON.stringify(rows);
    expect(text).not.toMatch(/password_hash|\$argon2/);
    expect(text).not.toContain(PASSWORD);
  });

  it('records that an ADMIN set a new password, without the password or its hash', async () => {
    const u = await create();
    const mark = await markOf();
    const r = await app.gql(UPDATE, { id: u.id, input: { password: 'a-reset-password-99' } });
    expect(r.errors).toBeUndefined();
    const rows = await auditRowsSince(mark, u.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ user_id: adminId, action: 'updateUser', operation: 'UPDATE' });
    const text = JSON.stringify(rows);
    expect(text).not.toMatch(/\$argon2/);
    expect(text).not.toContain('a-reset-password-99');
  });
});

describe('a database error in a request', () => {
  // Kept last in this file: when it fails, the requests after it can fail too (see the last check).
  it('answers a taken username with BAD_USER_INPUT every time, and leaves the next requests working', async () => {
    const codes: string[] = [];
    const next: string[] = [];
    for (let i = 0; i < 10; i++) {
      const r = await app.gql(CREATE, { input: newUser({ username: 'planner' }) });
      codes.push(`${firstError(r).code}:${firstError(r).field}`);
      const me = await app.gql(`{ me { username } }`, {}, { as: 'planner' });
      next.push(me.data?.me?.username ?? `anonymous (${firstError(me).code})`);
    }
    expect(codes).toEqual(Array(10).fill('BAD_USER_INPUT:input.username'));
    expect(next).toEqual(Array(10).fill('planner'));
  });
});

describe('passwords', () => {
  it('ends every open session of a user whose password an ADMIN changes', async () => {
    const created = await app.gql(CREATE, { input: newUser() });
    const { id, username } = created.data.createUser;
    const first = await login(username, PASSWORD);
    expect(first.cookie).not.toBeNull();
    const me = (cookie: string) => gqlWith(cookie, '{ me { username } }');
    expect((await me(first.cookie!)).data.me.username).toBe(username);
    const changed = await app.gql(UPDATE, { id, input: { password: 'another-sound-password-7' } });
    expect(changed.errors).toBeUndefined();
    expect((await me(first.cookie!)).data.me).toBeNull();
    expect((await login(username, 'another-sound-password-7')).cookie).not.toBeNull();
  });

  it('gives no account the published demo password, and writes nothing', async () => {
    const before = await app.count('app_user');
    const r = await app.gql(CREATE, { input: newUser({ password: 'wardwatch-demo' }) });
    expect(firstError(r)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.password' });
    expect(await app.count('app_user')).toBe(before);
    const someone = (await app.sql.query(`SELECT id FROM app_user WHERE username = 'justice'`)).rows[0].id;
    const u = await app.gql(UPDATE, { id: someone, input: { password: 'wardwatch-demo' } });
    expect(firstError(u)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.password' });
  });
});
