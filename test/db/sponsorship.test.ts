import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { APP_ROLE } from '../../db/migrations/1764662400000-access';

/**
 * The sponsorship ledger (R9) and the camera connections (R3) guarded by the database itself,
 * without the server: whatever SQL arrives, a fund is never overdrawn, a ward's fund pays no other
 * ward's ticket, the ledger is append-only, and a ward's user reads their ward's funds and the
 * district's but writes only their ward's. Every statement here runs in a transaction rolled back.
 */
let owner: pg.Client;
/** Two wards with a maintenance ticket each (the demo seed's), and those tickets. */
let wardA: number;
let wardB: number;
let ticketA: number;
let ticketB: number;

beforeAll(async () => {
  owner = new pg.Client({ connectionString: inject('databaseUrl') });
  await owner.connect();
  const { rows } = await owner.query(`SELECT DISTINCT ON (ward_id) ward_id, id FROM maintenance_ticket ORDER BY ward_id, id LIMIT 2`);
  expect(rows).toHaveLength(2);
  [{ ward_id: wardA, id: ticketA }, { ward_id: wardB, id: ticketB }] = rows;
});

afterAll(async () => {
  await owner?.end();
});

/** Runs `fn` as the owner with ww.system on (the seed's and migrations' way), then rolls back. */
async function asSystem<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  await owner.query('BEGIN');
  try {
    await owner.query(`SET LOCAL ww.system = 'on'`);
    return await fn(owner);
  } finally {
    await owner.query('ROLLBACK');
  }
}

/** Runs `fn` as the app role with a scope (ward null: the whole district), then rolls back. */
async function asApp<T>(scope: { ward: number | null; username?: string }, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const app = new pg.Client({ connectionString: inject('appDatabaseUrl') || inject('databaseUrl') });
  await app.connect();
  await app.query('BEGIN');
  try {
    await app.query(`SET LOCAL ROLE ${APP_ROLE}`);
    await app.query(
      `SELECT set_config('ww.district_id', '1', true), set_config('ww.ward_id', $1, true), set_config('ww.username', $2, true),
              set_config('ww.role', $3, true)`,
      [scope.ward == null ? '' : String(scope.ward), scope.username ?? 'tester', scope.ward == null ? 'planner' : 'ward_chair'],
    );
    return await fn(app);
  } finally {
    await app.query('ROLLBACK').catch(() => {});
    await app.end();
  }
}

/** The database's error for `sql` (code and constraint), or null when it succeeds. */
async function refusal(c: pg.Client, sql: string, params: unknown[] = []): Promise<{ code?: string; constraint?: string } | null> {
  await c.query('SAVEPOINT try');
  try {
    await c.query(sql, params);
    await c.query('RELEASE SAVEPOINT try');
    return null;
  } catch (err) {
    await c.query('ROLLBACK TO SAVEPOINT try');
    const e = err as { code?: string; constraint?: string };
    return { code: e.code, constraint: e.constraint };
  }
}

const newFund = async (c: pg.Client, ward: number | null, amount: number, receivedOn = `ww_today() - 5`): Promise<number> => {
  const { rows } = await c.query(
    `INSERT INTO fund (district_id, ward_id, target, sponsor, amount_vnd, received_on, purpose)
     VALUES (1, $1, $2, 'Kiểm thử', $3, ${receivedOn}, 'Kiểm thử sổ quỹ') RETURNING id`,
    [ward, ward == null ? 'district' : 'ward', amount],
  );
  return rows[0].id;
};

/** A spending of `amount` from `fund_id` as [sql, params]. */
const spend = (fundId: number, amount: number, ticket: number | null = null, spentOn = 'ww_today()'): [string, unknown[]] => [
  `INSERT INTO fund_spending (fund_id, amount_vnd, spent_on, purpose, maintenance_ticket_id) VALUES ($1, $2, ${spentOn}, 'Chi kiểm thử', $3)`,
  [fundId, amount, ticket],
];

describe('a fund and its spending, as the database keeps them', () => {
  it('refuses spending beyond the balance even to the owner, and takes the fund\'s district and ward', async () => {
    await asSystem(async (c) => {
      const fund = await newFund(c, 2, 1000);
      expect(await refusal(c, ...spend(fund, 700))).toBeNull();
      expect(await refusal(c, ...spend(fund, 301))).toEqual({ code: '23514', constraint: 'fund_spending_balance' });
      expect(await refusal(c, ...spend(fund, 300))).toBeNull();
      expect(await refusal(c, ...spend(fund, 1))).toEqual({ code: '23514', constraint: 'fund_spending_balance' });
      const { rows } = await c.query(`SELECT district_id, ward_id, sum(amount_vnd)::int AS s FROM fund_spending WHERE fund_id = $1 GROUP BY 1, 2`, [fund]);
      expect(rows).toEqual([{ district_id: 1, ward_id: 2, s: 1000 }]);
    });
  });

  it("refuses a ward's fund on another ward's ticket, spending before the fund was received, and a fund that is not consistent with its target", async () => {
    await asSystem(async (c) => {
      const ward2 = await newFund(c, wardA, 1_000_000);
      expect(await refusal(c, ...spend(ward2, 10, ticketB))).toEqual({ code: '23514', constraint: 'fund_spending_ticket_ward' });
      expect(await refusal(c, ...spend(ward2, 10, ticketA))).toBeNull();
      expect(await refusal(c, ...spend(ward2, 10, null, 'ww_today() - 6'))).toEqual({ code: '23514', constraint: 'fund_spending_spent_on' });
      const district = await newFund(c, null, 1_000_000);
      expect(await refusal(c, ...spend(district, 10, ticketB))).toBeNull();
      expect(
        await refusal(c, `INSERT INTO fund (district_id, ward_id, target, sponsor, amount_vnd, received_on, purpose) VALUES (1, 2, 'district', 'X Y', 5, ww_today(), 'abc')`),
      ).toEqual({ code: '23514', constraint: 'fund_target_ids' });
      expect(
        await refusal(c, `INSERT INTO fund (district_id, target, sponsor, amount_vnd, received_on, purpose) VALUES (1, 'district', 'X Y', 0, ww_today(), 'abc')`),
      ).toMatchObject({ code: '23514' });
      // A group fund takes its ward from the group, whatever it was given.
      const { rows } = await c.query(
        `INSERT INTO fund (district_id, ward_id, residential_group_id, target, sponsor, amount_vnd, received_on, purpose)
         SELECT 1, 7, g.id, 'residential_group', 'Tổ', 5, ww_today(), 'Tổ dân phố' FROM residential_group g WHERE g.ward_id = 3 ORDER BY g.id LIMIT 1
         RETURNING ward_id`,
      );
      expect(rows[0].ward_id).toBe(3);
    });
  });

  it('is append-only: no fund or spending is changed or deleted, not even by the owner', async () => {
    await asSystem(async (c) => {
      const fund = await newFund(c, 2, 1000);
      await c.query(...spend(fund, 100));
      expect(await refusal(c, `UPDATE fund SET amount_vnd = 5000 WHERE id = $1`, [fund])).toMatchObject({ code: '42501' });
      expect(await refusal(c, `DELETE FROM fund_spending WHERE fund_id = $1`, [fund])).toMatchObject({ code: '42501' });
      expect(await refusal(c, `UPDATE fund_spending SET amount_vnd = 1 WHERE fund_id = $1`, [fund])).toMatchObject({ code: '42501' });
    });
  });
});

describe("a ward's user and the ledger (row-level security)", () => {
  it("reads their ward's funds and the district's, and nothing of another ward", async () => {
    const expected = (await owner.query(`SELECT id FROM fund WHERE ward_id = $1 OR ward_id IS NULL ORDER BY id`, [wardA])).rows.map((r) => r.id);
    await asApp({ ward: wardA }, async (c) => {
      const { rows } = await c.query(`SELECT id, ward_id FROM fund ORDER BY id`);
      expect(rows.map((r) => r.id)).toEqual(expected);
      const spent = await c.query(`SELECT DISTINCT ward_id FROM fund_spending`);
      expect(spent.rows.every((r) => r.ward_id === null || r.ward_id === wardA)).toBe(true);
      expect(rows.some((r) => r.ward_id === null)).toBe(true);
    });
  });

  it("writes their ward's funds and spending only: a district fund, another ward's, or spending a district fund is refused", async () => {
    const district = (await owner.query(`SELECT min(id) AS id FROM fund WHERE ward_id IS NULL`)).rows[0].id;
    await asApp({ ward: wardA, username: 'chair.pxx' }, async (c) => {
      expect(await refusal(c, `INSERT INTO fund (district_id, target, sponsor, amount_vnd, received_on, purpose) VALUES (1, 'district', 'X Y', 5, ww_today(), 'abc')`))
        .toMatchObject({ code: '42501' });
      expect(await refusal(c, `INSERT INTO fund (district_id, ward_id, target, sponsor, amount_vnd, received_on, purpose) VALUES (1, $1, 'ward', 'X Y', 5, ww_today(), 'abc')`, [wardB]))
        .toMatchObject({ code: '23503' }); // the other ward is invisible to them
      expect(await refusal(c, ...spend(district, 1))).toMatchObject({ code: '42501' });
      const own = await newFund(c, wardA, 1000, 'ww_today()');
      expect(await refusal(c, ...spend(own, 10, ticketB))).toMatchObject({ code: '23503', constraint: 'fund_spending_maintenance_ticket_id_fkey' });
      expect(await refusal(c, ...spend(own, 10, ticketA))).toBeNull();
      const { rows } = await c.query(`SELECT created_by FROM fund WHERE id = $1 UNION ALL SELECT created_by FROM fund_spending WHERE fund_id = $1`, [own]);
      expect(rows.map((r) => r.created_by)).toEqual(['chair.pxx', 'chair.pxx']);
      // Nor may they change what is there.
      expect(await refusal(c, `UPDATE fund SET purpose = 'đổi' WHERE id = $1`, [own])).toMatchObject({ code: '42501' });
    });
  });

  it("lets a district user (no ward) spend a district fund on any ward's ticket", async () => {
    await asApp({ ward: null, username: 'planner' }, async (c) => {
      const fund = await newFund(c, null, 1000, 'ww_today()');
      expect(await refusal(c, ...spend(fund, 10, ticketB))).toBeNull();
      expect(await refusal(c, ...spend(fund, 991))).toEqual({ code: '23514', constraint: 'fund_spending_balance' });
    });
  });
});

describe("a camera's network connection, as the database keeps it", () => {
  it("sets the camera's operator (and follows the operator's kind), refuses another operator's agreement, and goes with its camera", async () => {
    await asSystem(async (c) => {
      const [ops] = (
        await c.query(`SELECT (SELECT id FROM network_operator WHERE code = 'vnpt') AS vnpt, (SELECT id FROM network_operator WHERE code = 'fpt') AS fpt,
                              (SELECT min(a.id) FROM support_agreement a JOIN network_operator o ON o.id = a.operator_id WHERE o.code = 'fpt') AS fpt_agreement`)
      ).rows;
      const { rows } = await c.query(
        `INSERT INTO camera (district_id, label, location, bearing, field_of_view, range_m, camera_type, owner_kind, network_operator, status, police_access)
         SELECT 1, 'conn-test', ST_PointOnSurface(boundary), 0, 360, 20, 'dome', 'public', 'none', 'active', 'none'
           FROM residential_group WHERE ward_id = 2 ORDER BY id DESC LIMIT 1
         RETURNING id`,
      );
      const camera = rows[0].id;
      const connect = (operator: number, agreement: number | null) =>
        refusal(c, `INSERT INTO camera_connection (camera_id, operator_id, plan, monthly_fee_vnd, agreement_id) VALUES ($1, $2, 'Plan', 1000, $3)`, [camera, operator, agreement]);
      expect(await connect(ops.vnpt, ops.fpt_agreement)).toEqual({ code: '23514', constraint: 'camera_connection_agreement_operator' });
      expect(await connect(ops.fpt, ops.fpt_agreement)).toBeNull();
      const operator = async () => (await c.query(`SELECT network_operator AS o FROM camera WHERE id = $1`, [camera])).rows[0].o;
      expect(await operator()).toBe('fpt');
      expect((await c.query(`SELECT ward_id FROM camera_connection WHERE camera_id = $1`, [camera])).rows[0].ward_id).toBe(2);
      await c.query(`UPDATE camera_connection SET operator_id = $2, agreement_id = NULL WHERE camera_id = $1`, [camera, ops.vnpt]);
      expect(await operator()).toBe('vnpt');
      await c.query(`DELETE FROM camera_connection WHERE camera_id = $1`, [camera]);
      expect(await operator()).toBe('none');
      expect(await connect(ops.vnpt, null)).toBeNull();
      // An operator's kind corrected: its cameras follow.
      await c.query(`UPDATE network_operator SET kind = 'other' WHERE id = $1`, [ops.vnpt]);
      expect(await operator()).toBe('other');
      await c.query(`DELETE FROM camera WHERE id = $1`, [camera]);
      expect((await c.query(`SELECT count(*)::int AS n FROM camera_connection WHERE camera_id = $1`, [camera])).rows[0].n).toBe(0);
    });
  });
});
