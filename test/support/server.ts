import 'reflect-metadata';
import pg from 'pg';
import { inject } from 'vitest';
import { loadConfig } from '../../server/src/config';
import { startServer, type RunningServer } from '../../server/src/server';

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
}

export interface TestApp {
  server: RunningServer;
  /** POST a GraphQL operation to the running server over HTTP. */
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** A direct SQL connection to the same database, for counting rows behind the API's back. */
  sql: pg.Client;
  count(table: string, where?: string): Promise<number>;
  close(): Promise<void>;
}

/** Starts the real app over HTTP on a free port, against the suite's database (see test/setup). */
export async function startTestApp(): Promise<TestApp> {
  const config = { ...loadConfig({}), databaseUrl: inject('databaseUrl'), port: 0, host: '127.0.0.1', seedDemo: false };
  const server = await startServer(config);
  const sql = new pg.Client({ connectionString: inject('databaseUrl') });
  await sql.connect();
  return {
    server,
    sql,
    async gql(query, variables) {
      const res = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return res.json() as Promise<GraphQLResponse>;
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
