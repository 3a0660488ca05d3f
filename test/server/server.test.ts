import { hash } from 'argon2';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_USERS } from '../../db/seed/demo-users';
import { DEMO_PASSWORD, loginOver, startTestApp, type TestApp } from '../support/server';

/**
 * The start-up rules (server/src/server.ts, checkAccounts): outside demo mode the server refuses to
 * start while a demo user keeps the published demo password, and it needs an ADMIN. The shared test
 * database keeps its demo users with the demo password; tests that change accounts put every row
 * back as it was.
 */
let owner: pg.Client;
/** Every account as this file found it. */
let accountsBefore: unknown[];
const ACCOUNTS = `SELECT id, username, role, ward_id, password_hash, disabled FROM app_user ORDER BY id`;
beforeAll(async () => {
  // The owner's own work: `ww.system = on` lets it see and change rows under FORCE ROW LEVEL SECURITY.
  owner = new pg.Client({ connectionString: inject('databaseUrl'), options: '-c ww.system=on' });
  await owner.connect();
  accountsBefore = (await owner.query(ACCOUNTS)).rows;
});
afterAll(() => owner?.end());

const OUTSIDE_DEMO = { demo: false, seedDemo: false } as const;
/** Usernames the server checks for the demo password (DEMO_USERS and every ward's demo chair). */
const DEMO_USERNAMES = `(username = ANY($1) OR username LIKE 'chair.%')`;
const demoNames = DEMO_USERS.map((u) => u.username);

interface Saved {
  id: number;
  password_hash: string;
  disabled: boolean;
}

/**
 * Runs `fn` with accounts changed by `change`, then restores every user's password hash and
 * disabled flag and removes users the start created, whatever happened.
 */
async function withAccounts(change: () => Promise<void>, fn: () => Promise<void>): Promise<void> {
  const saved: Saved[] = (await owner.query(`SELECT id, password_hash, disabled FROM app_user`)).rows;
  try {
    await change();
    await fn();
  } finally {
    await owner.query(`DELETE FROM app_user WHERE NOT (id = ANY($1))`, [saved.map((s) => s.id)]);
    await owner.query(
      `UPDATE app_user u SET password_hash = s.password_hash, disabled = s.disabled
         FROM json_to_recordset($1::json) AS s(id integer, password_hash text, disabled boolean)
        WHERE u.id = s.id AND (u.password_hash IS DISTINCT FROM s.password_hash OR u.disabled IS DISTINCT FROM s.disabled)`,
      [JSON.stringify(saved)],
    );
  }
}

/** Gives the demo users (all but `keep`) a password other than the demo one. */
async function retireDemoPasswords(keep: string[] = []): Promise<void> {
  const other = await hash('not-the-demo-password-any-more');
  await owner.query(`UPDATE app_user SET password_hash = $2 WHERE ${DEMO_USERNAMES} AND NOT (username = ANY($3))`, [demoNames, other, keep]);
}

const logIn = async (app: TestApp, username: string, password: string) => (await loginOver(app.server.url, username, password)).body;

describe('starting the server', () => {
  it('refuses to start outside demo mode while demo users keep the demo password, and names them', async () => {
    const users = (await owner.query(`SELECT count(*)::int AS n FROM app_user`)).rows[0].n;
    const started = startTestApp({ config: OUTSIDE_DEMO });
    await expect(started).rejects.toThrow(/refusing to start outside demo mode/);
    await expect(started).rejects.toThrow(/demo password/);
    await expect(started).rejects.toThrow(/\badmin\b/);
    expect((await owner.query(`SELECT count(*)::int AS n FROM app_user`)).rows[0].n).toBe(users);
  });

  it('starts in demo mode, where the demo users log in with the demo password', async () => {
    const app = await startTestApp({ config: { demo: true, seedDemo: false } });
    try {
      const r = await app.gql(`{ me { username role } }`, {}, { as: 'admin' });
      expect(r.errors).toBeUndefined();
      expect(r.data.me).toEqual({ username: 'admin', role: 'ADMIN' });
    } finally {
      await app.close();
    }
  });

  it('refuses to start outside demo mode while even one demo user keeps the demo password', async () => {
    await withAccounts(
      () => retireDemoPasswords(['police.p01']),
      async () => {
        const started = startTestApp({ config: OUTSIDE_DEMO });
        await expect(started).rejects.toThrow(/refusing to start outside demo mode: 1 demo user\(s\) \(police\.p01\)/);
      },
    );
  });

  it('does not count a disabled demo user that keeps the demo password', async () => {
    await withAccounts(
      async () => {
        await retireDemoPasswords(['police.p01']);
        await owner.query(`UPDATE app_user SET disabled = true WHERE username = 'police.p01'`);
      },
      async () => {
        const app = await startTestApp({ config: OUTSIDE_DEMO, as: null });
        await app.close();
      },
    );
  });

  it('starts outside demo mode once no demo user keeps the demo password, and then the demo password opens nothing', async () => {
    await withAccounts(
      () => retireDemoPasswords(),
      async () => {
        const app = await startTestApp({ config: OUTSIDE_DEMO, as: null });
        try {
          const r = await logIn(app, 'admin', DEMO_PASSWORD);
          expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
          const ok = await logIn(app, 'admin', 'not-the-demo-password-any-more');
          expect(ok.data.login.user).toMatchObject({ username: 'admin', role: 'ADMIN' });
        } finally {
          await app.close();
        }
      },
    );
    // And everything is back as the other test files expect it.
    const { rows } = await owner.query(`SELECT username, password_hash FROM app_user WHERE username = 'admin'`);
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
    const app = await startTestApp({ config: { demo: true } });
    try {
      expect((await app.gql(`{ me { username } }`, {}, { as: 'admin' })).data.me.username).toBe('admin');
    } finally {
      await app.close();
    }
  });
});

describe('the first ADMIN outside demo mode', () => {
  /** No enabled ADMIN, and no demo password left. */
  const noAdmin = async () => {
    await retireDemoPasswords();
    await owner.query(`UPDATE app_user SET disabled = true WHERE role = 'admin'`);
  };

  for (const [what, adminPassword] of [
    ['no WARDWATCH_ADMIN_PASSWORD', null],
    ['a WARDWATCH_ADMIN_PASSWORD under 12 characters', 'short-pass1'],
    ['the demo password as WARDWATCH_ADMIN_PASSWORD', DEMO_PASSWORD],
  ] as const) {
    it(`refuses to start without an ADMIN given ${what}, and creates no one`, async () => {
      await withAccounts(noAdmin, async () => {
        const users = (await owner.query(`SELECT count(*)::int AS n FROM app_user`)).rows[0].n;
        const started = startTestApp({ config: { ...OUTSIDE_DEMO, adminPassword }, as: null });
        await expect(started).rejects.toThrow(/refusing to start outside demo mode: there is no ADMIN/);
        expect((await owner.query(`SELECT count(*)::int AS n FROM app_user`)).rows[0].n).toBe(users);
      });
    });
  }

  it('is made from WARDWATCH_ADMIN_PASSWORD, as the refusal says, even where a disabled user "admin" exists', async () => {
    const password = 'a-fresh-admin-password';
    await withAccounts(noAdmin, async () => {
      let app: TestApp | undefined;
      try {
        app = await startTestApp({ config: { ...OUTSIDE_DEMO, adminPassword: password }, as: null });
      } catch (err) {
        // Refusing is acceptable only with the server's own explanation, never a database error.
        expect((err as Error).message).toMatch(/refusing to start outside demo mode/);
        expect((err as Error).message).not.toMatch(/duplicate key|unique constraint/);
        return;
      }
      try {
        const r = await logIn(app, 'admin', password);
        expect(r.errors).toBeUndefined();
        expect(r.data.login.user.role).toBe('ADMIN');
      } finally {
        await app.close();
      }
    });
  });
});

describe('afterwards', () => {
  it('leaves every account as it found it, for the test files that follow', async () => {
    expect((await owner.query(ACCOUNTS)).rows).toEqual(accountsBefore);
  });
});
