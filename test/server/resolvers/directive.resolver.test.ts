import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { APP_ROLE } from '../../../db/migrations/1764662400000-access';
import { firstError, startTestApp, type TestApp } from '../../support/server';

/**
 * The directives R1-R10. The fixture below gives the district its ten directives where it has none
 * yet (the demo seed may already have them; then theirs stand), and a division to hand them to.
 */
let app: TestApp;
let unitId: number;
let saved: unknown[];
beforeAll(async () => {
  app = await startTestApp({ as: 'admin' });
  const titles = ['Vận động lắp camera tại nhà riêng', '100% nhà trọ lắp camera', 'Làm việc với Viettel, VNPT, FPT', 'Thống kê CBCCVC đã lắp camera',
    'Phường lập danh sách nhà trọ chưa có camera', 'Kiểm tra camera nhà CBCCVC', 'Xử phạt chủ nhà trọ không lắp camera',
    'Mỗi tổ dân phố ít nhất 1 camera', 'Vận động tài trợ duy trì hệ thống', 'Bảo trì hệ thống camera'];
  const owners = ['{planner,ward_chair}', '{police,ward_chair}', '{police}', '{home_affairs}', '{ward_chair}', '{ward_chair}', '{justice,ward_chair}',
    '{ward_chair,planner}', '{ward_chair}', '{police,ward_chair}'];
  await app.system(
    `INSERT INTO directive (district_id, code, title, owner_roles, deadline)
     SELECT 1, 'R' || i, ($1::text[])[i], ($2::text[])[i]::text[], DATE '2017-06-01' + (i * 30)
       FROM generate_series(1, 10) i
     ON CONFLICT (district_id, code) DO NOTHING`,
    [titles, owners],
  );
  const unit = await app.system(
    `INSERT INTO unit (district_id, code, name, kind) VALUES (1, 'TEST-DIRECTIVE', 'Phòng thử nghiệm', 'division')
     ON CONFLICT (district_id, code) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
  );
  unitId = unit.rows[0].id;
  saved = (await app.sql.query(`SELECT id, status, notes, to_char(deadline, 'YYYY-MM-DD') AS deadline, responsible_unit_id FROM directive`)).rows;
});
afterAll(async () => {
  // The directives as they were, for the files after this one.
  if (saved) {
    await app.system(
      `UPDATE directive d SET status = o.status, notes = o.notes, deadline = o.deadline, responsible_unit_id = o.responsible_unit_id
         FROM json_to_recordset($1::json) AS o(id int, status text, notes text, deadline date, responsible_unit_id int)
        WHERE d.id = o.id`,
      [JSON.stringify(saved)],
    );
  }
  await app?.close();
});

/** A demo user of each role that acts for the whole district (and a chair for ward_chair). */
const USER_OF_ROLE: Record<string, string> = {
  admin: 'admin', planner: 'planner', ward_chair: 'chair.p02', police: 'police', justice: 'justice', home_affairs: 'homeaffairs',
};
const ROLES = Object.keys(USER_OF_ROLE);

interface Row {
  id: number;
  code: string;
  owner_roles: string[];
  status: string;
  notes: string | null;
  deadline: string | null;
  responsible_unit_id: number | null;
  updated_at: Date;
  updated_by: string | null;
}
async function row(code: string): Promise<Row> {
  const { rows } = await app.sql.query(
    `SELECT id, code, owner_roles, status, notes, to_char(deadline, 'YYYY-MM-DD') AS deadline, responsible_unit_id, updated_at, updated_by
       FROM directive WHERE district_id = 1 AND code = $1`,
    [code],
  );
  return rows[0];
}
/** The first directive that `role` owns (or, with `owns` false, does not own), and that `notAlso` does not own. */
async function ownedBy(role: string, owns = true, notAlso?: string): Promise<Row> {
  const { rows } = await app.sql.query(
    `SELECT code FROM directive WHERE district_id = 1 AND ($1 = ANY (owner_roles)) = $2 AND NOT (coalesce($3, '') = ANY (owner_roles))
      ORDER BY length(code), code LIMIT 1`,
    [role, owns, notAlso ?? null],
  );
  expect(rows[0], `a directive ${owns ? '' : 'not '}owned by ${role}${notAlso ? ` and not by ${notAlso}` : ''}`).toBeDefined();
  return row(rows[0].code);
}

const UPDATE = `mutation($id: Int!, $input: UpdateDirectiveInput!) {
  updateDirective(id: $id, input: $input) { id code status notes deadline daysLeft overdue responsibleUnitId responsibleUnit { id code } updatedBy canEdit } }`;
const update = (id: number, input: Record<string, unknown>, as: string) => app.gql(UPDATE, { id, input }, { as });

/** Counts of what a refused change must leave alone. */
async function writes(): Promise<{ audit: number; directives: number }> {
  return { audit: await app.count('audit_log'), directives: await app.count('directive') };
}

describe('the directive list', () => {
  it('lists R1 to R10 in order, with days left from today (Asia/Ho_Chi_Minh) and overdue as the database counts them', async () => {
    const r = await app.gql(`{ directives { id code title ownerRoles deadline daysLeft status overdue canEdit responsibleUnit { id } } }`, {}, { as: 'planner' });
    expect(r.errors).toBeUndefined();
    const list = r.data.directives;
    expect(list.map((d: { code: string }) => d.code)).toEqual(['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9', 'R10']);
    const { rows } = await app.sql.query(
      `SELECT code, deadline - ww_today() AS "daysLeft", coalesce(deadline < ww_today() AND status <> 'done', false) AS overdue, owner_roles
         FROM directive WHERE district_id = 1 ORDER BY length(code), code`,
    );
    list.forEach((d: Record<string, unknown>, i: number) => {
      expect(d).toMatchObject({ code: rows[i].code, daysLeft: rows[i].daysLeft, overdue: rows[i].overdue });
      expect(d.ownerRoles).toEqual(rows[i].owner_roles.map((x: string) => x.toUpperCase()));
      expect(d.canEdit).toBe(rows[i].owner_roles.includes('planner'));
    });
  });

  it('is there for every role, and says what each may change', async () => {
    for (const role of ROLES) {
      const r = await app.gql(`{ directives { code ownerRoles canEdit } }`, {}, { as: USER_OF_ROLE[role] });
      expect(r.errors, role).toBeUndefined();
      for (const d of r.data.directives) {
        expect(d.canEdit, `${role} ${d.code}`).toBe(role === 'admin' || d.ownerRoles.includes(role.toUpperCase()));
      }
    }
  });
});

describe('changing a directive', () => {
  it('lets a role that owns it change its status and notes, recorded with who did it and in the audit log', async () => {
    const d = await ownedBy('police');
    const audit = await app.count('audit_log', `entity = 'directive' AND entity_id = ${d.id}`);
    const r = await update(d.id, { status: 'IN_PROGRESS', notes: '  Đã họp với Viettel, VNPT, FPT.  ' }, 'police');
    expect(r.errors).toBeUndefined();
    expect(r.data.updateDirective).toMatchObject({ id: d.id, status: 'IN_PROGRESS', notes: 'Đã họp với Viettel, VNPT, FPT.', updatedBy: 'police', canEdit: true });
    expect(await row(d.code)).toMatchObject({ status: 'in_progress', notes: 'Đã họp với Viettel, VNPT, FPT.', updated_by: 'police' });
    const log = await app.sql.query(`SELECT action, username, role FROM audit_log WHERE entity = 'directive' AND entity_id = $1 ORDER BY id DESC LIMIT 1`, [d.id]);
    expect(await app.count('audit_log', `entity = 'directive' AND entity_id = ${d.id}`)).toBe(audit + 1);
    expect(log.rows[0]).toEqual({ action: 'updateDirective', username: 'police', role: 'police' });
    // Empty notes clear them; DONE is never overdue.
    const done = await update(d.id, { status: 'DONE', notes: '' }, 'police');
    expect(done.data.updateDirective).toMatchObject({ status: 'DONE', notes: null, overdue: false });
  });

  it('refuses a role that does not own it (FORBIDDEN naming id), and writes nothing', async () => {
    const d = await ownedBy('police', false);
    const before = await writes();
    const r = await update(d.id, { status: 'BLOCKED', notes: 'không phải việc của tôi' }, 'police');
    expect(firstError(r)).toMatchObject({ code: 'FORBIDDEN', field: 'id' });
    expect(await writes()).toEqual(before);
    expect(await row(d.code)).toEqual(d);
  });

  it('lets ADMIN change any directive, deadline and unit included', async () => {
    const d = await ownedBy('admin', false);
    const r = await update(d.id, { deadline: '2030-06-30', responsibleUnitId: unitId, status: 'IN_PROGRESS' }, 'admin');
    expect(r.errors).toBeUndefined();
    expect(r.data.updateDirective).toMatchObject({ deadline: '2030-06-30', responsibleUnitId: unitId, responsibleUnit: { id: unitId, code: 'TEST-DIRECTIVE' }, overdue: false });
    expect(r.data.updateDirective.daysLeft).toBe((await app.sql.query(`SELECT DATE '2030-06-30' - ww_today() AS n`)).rows[0].n);
    // null clears the deadline and the unit.
    const cleared = await update(d.id, { deadline: null, responsibleUnitId: null }, 'admin');
    expect(cleared.data.updateDirective).toMatchObject({ deadline: null, daysLeft: null, overdue: false, responsibleUnit: null });
  });

  it('lets PLANNER move the deadline of a directive it owns', async () => {
    const d = await ownedBy('planner');
    const r = await update(d.id, { deadline: '2017-01-31', status: 'IN_PROGRESS' }, 'planner');
    expect(r.errors).toBeUndefined();
    expect(r.data.updateDirective).toMatchObject({ deadline: '2017-01-31', overdue: true });
    expect(r.data.updateDirective.daysLeft).toBeLessThan(0);
  });

  it('refuses a deadline or a unit from an owner that is neither ADMIN nor PLANNER (FORBIDDEN naming the field), and writes nothing', async () => {
    const d = await ownedBy('ward_chair', true, 'planner');
    const before = await writes();
    expect(firstError(await update(d.id, { deadline: '2031-01-01', notes: 'dời hạn' }, 'chair.p02'))).toMatchObject({ code: 'FORBIDDEN', field: 'input.deadline' });
    expect(firstError(await update(d.id, { responsibleUnitId: unitId }, 'chair.p02'))).toMatchObject({ code: 'FORBIDDEN', field: 'input.responsibleUnitId' });
    expect(firstError(await update(d.id, { deadline: null }, 'chair.p02'))).toMatchObject({ code: 'FORBIDDEN', field: 'input.deadline' });
    expect(await writes()).toEqual(before);
    expect(await row(d.code)).toEqual(d);
  });

  const bad: [string, Record<string, unknown>, string][] = [
    ['notes over 4000 characters', { notes: 'x'.repeat(4001) }, 'input.notes'],
    ['a deadline that is no date', { deadline: 'next month' }, 'input.deadline'],
    ['a deadline on 30 February', { deadline: '2017-02-30' }, 'input.deadline'],
    ['a deadline with a time', { deadline: '2017-09-30T00:00:00Z' }, 'input.deadline'],
    ['a deadline in year 0', { deadline: '0000-01-01' }, 'input.deadline'],
    ['a unit that does not exist', { responsibleUnitId: 999999 }, 'input.responsibleUnitId'],
  ];
  for (const [what, input, field] of bad) {
    it(`rejects ${what} naming ${field}, and writes nothing`, async () => {
      const d = await row('R8');
      const before = await writes();
      expect(firstError(await update(d.id, { status: 'BLOCKED', ...input }, 'admin'))).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await writes()).toEqual(before);
      expect(await row('R8')).toEqual(d);
    });
  }

  it('answers NOT_FOUND for a directive that does not exist', async () => {
    expect(firstError(await update(999999, { status: 'DONE' }, 'admin'))).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });

  it('is refused by the database too: an UPDATE by a role that does not own the directive changes no row', async () => {
    const d = await ownedBy('justice', false);
    const own = await ownedBy('justice');
    const client = new pg.Client({ connectionString: inject('appDatabaseUrl') || inject('databaseUrl') });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SET LOCAL ROLE ${APP_ROLE}`);
      await client.query(`SELECT set_config('ww.district_id', '1', true), set_config('ww.role', 'justice', true)`);
      const refused = await client.query(`UPDATE directive SET status = 'blocked' WHERE id = $1`, [d.id]);
      expect(refused.rowCount).toBe(0);
      const allowed = await client.query(`UPDATE directive SET notes = 'ok' WHERE id = $1`, [own.id]);
      expect(allowed.rowCount).toBe(1);
      await expect(client.query(`UPDATE directive SET title = 'x' WHERE id = $1`, [own.id])).rejects.toMatchObject({ code: '42501' });
    } finally {
      await client.query('ROLLBACK').catch(() => {});
      await client.end();
    }
  });
});
