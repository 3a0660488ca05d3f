import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';

describe('the database connection', () => {
  // pglite-socket queues protocol messages from all connections into one embedded backend; a
  // parameterised query is several messages (Parse, Bind, Execute, Sync), so this checks that
  // concurrent connections never get each other's statements or rows.
  it('keeps concurrent parameterised queries from different connections apart', async () => {
    const pool = new pg.Pool({ connectionString: inject('databaseUrl'), max: 8 });
    try {
      const n = 600;
      const results = await Promise.all(
        Array.from({ length: n }, async (_, i) => {
          const r = await pool.query(
            `SELECT $1::int AS v, (SELECT count(*) FROM generate_series(1, $2::int))::int AS c, repeat('x', $3::int) AS pad`,
            [i, (i % 11) * 500, (i % 5) * 5000],
          );
          return r.rows[0].v === i && r.rows[0].c === (i % 11) * 500 && r.rows[0].pad.length === (i % 5) * 5000;
        }),
      );
      expect(results.filter((ok) => !ok)).toHaveLength(0);
    } finally {
      await pool.end();
    }
  });

  // electric-sql/pglite#958: an error in the extended protocol could be answered with one
  // ReadyForQuery too many, after which pg read every reply one step late and dropped the connection
  // (db/connection.ts keeps ReadyForQuery to Sync). One connection, as the server uses the embedded
  // database: failures in and out of transactions and savepoints, each followed by more work.
  it('keeps a connection in step after statements that fail, in and out of transactions', async () => {
    const c = new pg.Client({ connectionString: inject('databaseUrl') });
    const clientErrors: string[] = [];
    c.on('error', (e) => clientErrors.push(e.message));
    await c.connect();
    try {
      for (let i = 0; i < 40; i++) {
        await c.query('BEGIN');
        await c.query('SAVEPOINT s1');
        await expect(c.query(`SELECT 1 / $1::int AS x`, [0])).rejects.toMatchObject({ code: '22012' });
        await c.query('ROLLBACK TO SAVEPOINT s1');
        expect((await c.query(`SELECT $1::int AS v`, [i])).rows[0].v).toBe(i);
        await c.query('COMMIT');
        await expect(c.query(`SELECT 1 / $1::int AS x`, [0])).rejects.toMatchObject({ code: '22012' });
        expect((await c.query(`SELECT $1::text AS t`, [`round ${i}`])).rows[0].t).toBe(`round ${i}`);
      }
      expect(clientErrors).toEqual([]);
    } finally {
      await c.end();
    }
  });

  it('runs PostGIS with geography support', async () => {
    const c = new pg.Client({ connectionString: inject('databaseUrl') });
    await c.connect();
    try {
      const r = await c.query(`SELECT ST_Distance('SRID=4326;POINT(108.2 16.05)'::geography, 'SRID=4326;POINT(108.2 16.06)'::geography) AS m`);
      expect(r.rows[0].m).toBeGreaterThan(1100);
      expect(r.rows[0].m).toBeLessThan(1110);
    } finally {
      await c.end();
    }
  });
});
