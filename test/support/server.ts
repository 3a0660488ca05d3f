import 'reflect-metadata';
import type { ApolloServerPlugin } from '@apollo/server';
import pg from 'pg';
import { inject } from 'vitest';
import { DEMO_PASSWORD } from '../../db/seed/demo-users';
import { loadConfig, type Config } from '../../server/src/config';
import type { Context } from '../../server/src/context';
import { startServer, type RunningServer } from '../../server/src/server';

export { DEMO_PASSWORD };

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
}

export interface AsOption {
  /** A demo username to act as (logged in once, then its session cookie is reused); null: anonymous. */
  as?: string | null;
}

export interface TestApp {
  server: RunningServer;
  /** POST a GraphQL operation to the running server over HTTP, as the app's default user unless `as` says otherwise. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, options?: AsOption): Promise<GraphQLResponse<T>>;
  /** GET a path of the app with a user's session. */
  get(path: string, options?: AsOption): Promise<Response>;
  /** The session cookie of a demo user (logs in the first time). */
  cookieOf(username: string): Promise<string>;
  /** A direct SQL connection to the same database (as its owner), for counting rows behind the API's back. */
  sql: pg.Client;
  /**
   * Runs one statement as the database itself (the owner with ww.system on, as migrations, the seed
   * and derived-data functions write), in a transaction of its own that commits: fixtures the API
   * cannot make. A failure rolls back and rejects with the database's error.
   */
  system(text: string, params?: unknown[]): Promise<pg.QueryResult>;
  count(table: string, where?: string): Promise<number>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** The default user of `gql` (a demo username), or null for anonymous. Default: admin. */
  as?: string | null;
  config?: Partial<Config>;
  plugins?: ApolloServerPlugin<Context>[];
  rowLevelSecurity?: boolean;
}

/** A login over raw HTTP with any password, so that the Set-Cookie header can be read as the browser gets it. */
export async function loginOver(
  url: string,
  username: string,
  password: string,
): Promise<{ res: Response; body: GraphQLResponse; cookie: string | null }> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { expiresAt user { id username role wardId } } }',
      variables: { u: username, p: password },
    }),
  });
  const body = (await res.json()) as GraphQLResponse;
  const setCookie = res.headers.get('set-cookie');
  return { res, body, cookie: setCookie ? setCookie.split(';')[0]! : null };
}

/** A GraphQL request carrying exactly the given Cookie header (or none), and any other headers. */
export async function gqlWith(
  url: string,
  cookie: string | null,
  query: string,
  variables?: Record<string, unknown>,
  extra: Record<string, string> = {},
): Promise<{ res: Response; body: GraphQLResponse }> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}), ...extra },
    body: JSON.stringify({ query, variables }),
  });
  return { res, body: (await res.json()) as GraphQLResponse };
}

/** Starts the real app over HTTP on a free port, against the suite's database (see test/setup). */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const config: Config = {
    ...loadConfig({}),
    databaseUrl: inject('databaseUrl'),
    appDatabaseUrl: inject('appDatabaseUrl') || undefined,
    port: 0,
    host: '127.0.0.1',
    seedDemo: false,
    // The embedded test database is reached over its socket like a real server, but has one user.
    requireAppLogin: Boolean(inject('appDatabaseUrl')),
    // No demo gateway and no heartbeat timeout job: the suite's seeded heartbeats age while it runs
    // (a test that needs the timeout runs it itself).
    demoGateway: false,
    heartbeatCheckSeconds: 0,
    ...options.config,
  };
  const server = await startServer(config, { plugins: options.plugins, rowLevelSecurity: options.rowLevelSecurity });
  const sql = new pg.Client({ connectionString: inject('databaseUrl') });
  await sql.connect();
  const defaultUser = options.as === undefined ? 'admin' : options.as;
  const cookies = new Map<string, Promise<string>>();

  const cookieOf = (username: string): Promise<string> => {
    let c = cookies.get(username);
    if (!c) {
      c = (async () => {
        const { body, cookie } = await loginOver(server.url, username, DEMO_PASSWORD);
        if (!cookie || body.errors) throw new Error(`test login as ${username} failed: ${JSON.stringify(body.errors)}`);
        return cookie;
      })();
      cookies.set(username, c);
    }
    return c;
  };
  const headersFor = async (as: string | null | undefined): Promise<Record<string, string>> => {
    const user = as === undefined ? defaultUser : as;
    return user ? { cookie: await cookieOf(user) } : {};
  };

  return {
    server,
    sql,
    cookieOf,
    async gql(query, variables, opts = {}) {
      const res = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(await headersFor(opts.as)) },
        body: JSON.stringify({ query, variables }),
      });
      return res.json() as Promise<GraphQLResponse>;
    },
    async get(path, opts = {}) {
      return fetch(`${server.url}${path}`, { headers: await headersFor(opts.as) });
    },
    async system(text, params) {
      await sql.query('BEGIN');
      try {
        await sql.query(`SET LOCAL ww.system = 'on'`);
        const result = await sql.query(text, params);
        await sql.query('COMMIT');
        return result;
      } catch (err) {
        await sql.query('ROLLBACK');
        throw err;
      }
    },
    async count(table, where = 'true') {
      const r = await sql.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`);
      return r.rows[0].n;
    },
    async close() {
      await sql.end();
      await server.stop();
    },
  };
}

/** The first error's code and field, for concise assertions. */
export function firstError(r: GraphQLResponse): { code?: string; field?: string; message?: string } {
  const e = r.errors?.[0];
  return { code: e?.extensions?.code, field: e?.extensions?.field, message: e?.message };
}
