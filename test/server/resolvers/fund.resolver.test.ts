import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstError, startTestApp, type GraphQLResponse, type TestApp } from '../../support/server';

/**
 * Sponsorship funds and their spending (R9) through the API: who records what, the balance the
 * database will not let spending pass, spending on maintenance tickets (R10) of the fund's own
 * ward only, what a ward chair sees (their ward's funds and the district's, read-only), and the
 * report, checked against sums this file computes from the rows in the database.
 */
let app: TestApp;
let today: string;
/** A point inside a residential group of ward 2 (chair.p02's) and of ward 3, and those groups. */
const spot: Record<number, { lon: number; lat: number; groupId: number }> = {};
/** Open maintenance tickets on fresh cameras of ward 2 and ward 3. */
const ticket: Record<number, number> = {};

const FUND = `id wardId ward { id } residentialGroupId residentialGroupName target sponsor sponsorContact amountVnd receivedOn purpose createdBy
  spentVnd balanceVnd spendings { id amountVnd spentOn maintenanceTicketId }`;
const SPENDING = 'id fundId wardId amountVnd spentOn purpose maintenanceTicketId maintenanceTicket { id wardId } createdBy';
const LINE = 'wardId wardCode wardName funds spendings receivedVnd spentVnd balanceVnd spentOnTicketsVnd';
const REPORT = `query($wardId: Int) { fundReport(wardId: $wardId) { asOf wardId wards { ${LINE} } district { ${LINE} } totals { ${LINE} } } }`;
const RECORD = `mutation($i: RecordFundInput!) { recordFund(input: $i) { ${FUND} } }`;
/** Spending answers the fund as it now stands; `spent` below is its newest spending. */
const SPEND = `mutation($i: RecordFundSpendingInput!) { recordFundSpending(input: $i) { id wardId spentVnd balanceVnd spendings { ${SPENDING} } } }`;
const spent = (r: GraphQLResponse) => r.data.recordFundSpending.spendings.reduce((a: { id: number }, b: { id: number }) => (b.id > a.id ? b : a));
const FUNDS = `query($f: FundFilterInput) { funds(filter: $f) { ${FUND} } }`;

const shift = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  app = await startTestApp();
  today = (await app.sql.query(`SELECT to_char(ww_today(), 'YYYY-MM-DD') AS d`)).rows[0].d;
  for (const ward of [2, 3]) {
    const r = await app.sql.query(
      `SELECT g.id AS "groupId", ST_X(p) AS lon, ST_Y(p) AS lat FROM residential_group g, LATERAL (SELECT ST_PointOnSurface(g.boundary) p) s
        WHERE g.ward_id = $1 ORDER BY g.id LIMIT 1`,
      [ward],
    );
    spot[ward] = r.rows[0];
    const camera = await app.gql(`mutation($i: RegisterCameraInput!) { registerCamera(input: $i) { id } }`, {
      i: { type: 'DOME', ownerKind: 'PUBLIC', location: { type: 'Point', coordinates: [spot[ward]!.lon, spot[ward]!.lat] } },
    });
    const reported = await app.gql(`mutation($i: ReportCameraProblemInput!) { reportCameraProblem(input: $i) { id wardId } }`, {
      i: { cameraId: camera.data.registerCamera.id, problem: 'Mất tín hiệu sau mưa bão' },
    });
    expect(reported.errors).toBeUndefined();
    expect(reported.data.reportCameraProblem.wardId).toBe(ward);
    ticket[ward] = reported.data.reportCameraProblem.id;
  }
  // A first login writes an audit row of its own: log everyone in before rows are counted.
  for (const user of ['admin', 'planner', 'chair.p02', 'chair.p03', 'police', 'homeaffairs']) await app.cookieOf(user);
});
afterAll(() => app?.close());

async function counts() {
  return { funds: await app.count('fund'), spendings: await app.count('fund_spending'), audit: await app.count('audit_log') };
}

async function expectRefused(run: () => Promise<GraphQLResponse>, code: string, field?: string): Promise<GraphQLResponse> {
  const before = await counts();
  const r = await run();
  expect(firstError(r)).toMatchObject(field ? { code, field } : { code });
  expect(r.data?.[Object.keys(r.data ?? {})[0] ?? ''] ?? null).toBeNull();
  expect(await counts()).toEqual(before);
  return r;
}

/** A fresh fund recorded by the admin; its id. */
async function newFund(target: 'DISTRICT' | 'WARD', amountVnd: number, wardId?: number, receivedOn = shift(-10)): Promise<number> {
  const r = await app.gql(RECORD, { i: { target, wardId, sponsor: 'Nhà tài trợ kiểm thử', amountVnd, receivedOn, purpose: 'Kiểm thử quỹ' } });
  expect(r.errors).toBeUndefined();
  return r.data.recordFund.id;
}

describe('the funds a user sees', () => {
  it("shows a ward chair their ward's funds and the district's own, with spending and balances as the rows add up", async () => {
    const r = await app.gql(FUNDS, {}, { as: 'chair.p02' });
    expect(r.errors).toBeUndefined();
    const { rows } = await app.sql.query(
      `SELECT f.id, f.amount_vnd::int AS amount, coalesce((SELECT sum(s.amount_vnd) FROM fund_spending s WHERE s.fund_id = f.id), 0)::int AS spent,
              (SELECT count(*)::int FROM fund_spending s WHERE s.fund_id = f.id) AS n
         FROM fund f WHERE f.ward_id = 2 OR f.ward_id IS NULL ORDER BY f.id`,
    );
    const got = [...r.data.funds].sort((a: { id: number }, b: { id: number }) => a.id - b.id);
    expect(got.map((f: { id: number }) => f.id)).toEqual(rows.map((f) => f.id));
    for (const [i, f] of got.entries()) {
      expect(f.spentVnd).toBe(rows[i].spent);
      expect(f.balanceVnd).toBe(rows[i].amount - rows[i].spent);
      expect(f.spendings).toHaveLength(rows[i].n);
      expect([null, 2]).toContain(f.wardId);
    }
    // The demo has both kinds for ward 2, and spending on tickets; its fund 3 is ward 2's (the policy matrix spends from it).
    expect((await app.sql.query(`SELECT ward_id, target FROM fund WHERE id = 3`)).rows[0]).toEqual({ ward_id: 2, target: 'ward' });
    expect(got.some((f: { wardId: number | null }) => f.wardId === 2)).toBe(true);
    expect(got.some((f: { target: string }) => f.target === 'DISTRICT')).toBe(true);
    expect(got.some((f: { spendings: { maintenanceTicketId: number | null }[] }) => f.spendings.some((s) => s.maintenanceTicketId != null))).toBe(true);
  });

  it("shows the sponsor's contact to the ward chair, not to the planner (personal data)", async () => {
    const chair = await app.gql(`{ funds(filter: { wardId: 2 }) { id sponsorContact } }`, {}, { as: 'chair.p02' });
    const planner = await app.gql(`{ funds(filter: { wardId: 2 }) { id sponsorContact } }`, {}, { as: 'planner' });
    expect(chair.data.funds.some((f: { sponsorContact: string | null }) => f.sponsorContact != null)).toBe(true);
    expect(planner.data.funds.map((f: { id: number }) => f.id)).toEqual(chair.data.funds.map((f: { id: number }) => f.id));
    expect(planner.data.funds.every((f: { sponsorContact: string | null }) => f.sponsorContact === null)).toBe(true);
  });

  it("refuses another ward's filter (as if it did not exist) and roles without funds", async () => {
    expect(firstError(await app.gql(FUNDS, { f: { wardId: 3 } }, { as: 'chair.p02' }))).toMatchObject({ code: 'NOT_FOUND', field: 'filter.wardId' });
    expect(firstError(await app.gql(FUNDS, {}, { as: 'police' }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(firstError(await app.gql(FUNDS, {}, { as: 'homeaffairs' }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(firstError(await app.gql(FUNDS, {}, { as: null }))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('recording a fund', () => {
  it('records district, ward and residential-group funds; a group fund takes its ward from the group', async () => {
    const before = await counts();
    const district = await app.gql(RECORD, {
      i: { target: 'DISTRICT', sponsor: '  Công ty CP Sông Hàn ', sponsorContact: '0905 000 111', amountVnd: 50_000_000, receivedOn: today, purpose: 'Duy trì camera' },
    }, { as: 'planner' });
    expect(district.errors).toBeUndefined();
    expect(district.data.recordFund).toMatchObject({
      target: 'DISTRICT', wardId: null, ward: null, sponsor: 'Công ty CP Sông Hàn', amountVnd: 50_000_000, receivedOn: today, spentVnd: 0,
      balanceVnd: 50_000_000, spendings: [], createdBy: 'planner', sponsorContact: null, // the planner does not see it
    });
    const group = await app.gql(RECORD, {
      i: { target: 'RESIDENTIAL_GROUP', residentialGroupId: spot[2]!.groupId, sponsor: 'Bà con trong tổ', amountVnd: 3_000_000, receivedOn: shift(-2), purpose: 'Camera đầu kiệt' },
    }, { as: 'chair.p02' });
    expect(group.errors).toBeUndefined();
    expect(group.data.recordFund).toMatchObject({ target: 'RESIDENTIAL_GROUP', wardId: 2, ward: { id: 2 }, residentialGroupId: spot[2]!.groupId, createdBy: 'chair.p02' });
    expect(group.data.recordFund.residentialGroupName).toBeTruthy();
    const ward = await app.gql(RECORD, {
      i: { target: 'WARD', wardId: 2, sponsor: 'Hội Phụ nữ phường', sponsorContact: 'Chị Lan, 0905 222 333', amountVnd: 8_000_000, receivedOn: shift(-1), purpose: 'Quỹ camera phường' },
    }, { as: 'chair.p02' });
    expect(ward.data.recordFund).toMatchObject({ target: 'WARD', wardId: 2, sponsorContact: 'Chị Lan, 0905 222 333' });
    const after = await counts();
    expect(after.funds - before.funds).toBe(3);
    expect(after.spendings).toBe(before.spendings);
    // The audit log keeps the record, not the sponsor's contact.
    const audit = await app.sql.query(`SELECT after FROM audit_log WHERE entity = 'fund' AND entity_id = $1`, [ward.data.recordFund.id]);
    expect(audit.rows[0].after.sponsor_contact).toBe('[redacted]');
  });

  it("refuses a ward chair the district's funds and another ward's, other roles, and bad input, naming the field; nothing is written", async () => {
    const good = { target: 'WARD', wardId: 2, sponsor: 'Nhà tài trợ', amountVnd: 1_000_000, receivedOn: today, purpose: 'Duy trì camera' };
    await expectRefused(() => app.gql(RECORD, { i: { ...good, target: 'DISTRICT', wardId: null } }, { as: 'chair.p02' }), 'FORBIDDEN', 'input.target');
    await expectRefused(() => app.gql(RECORD, { i: { ...good, wardId: 3 } }, { as: 'chair.p02' }), 'NOT_FOUND', 'input.wardId');
    await expectRefused(
      () => app.gql(RECORD, { i: { ...good, target: 'RESIDENTIAL_GROUP', wardId: null, residentialGroupId: spot[3]!.groupId } }, { as: 'chair.p02' }),
      'NOT_FOUND',
      'input.residentialGroupId',
    );
    await expectRefused(() => app.gql(RECORD, { i: good }, { as: 'police' }), 'FORBIDDEN');
    await expectRefused(() => app.gql(RECORD, { i: good }, { as: null }), 'UNAUTHENTICATED');
    await expectRefused(() => app.gql(RECORD, { i: { ...good, amountVnd: 0 } }), 'BAD_USER_INPUT', 'input.amountVnd');
    await expectRefused(() => app.gql(RECORD, { i: { ...good, amountVnd: 2_000_000_001 } }), 'BAD_USER_INPUT', 'input.amountVnd');
    await expectRefused(() => app.gql(RECORD, { i: { ...good, receivedOn: shift(1) } }), 'BAD_USER_INPUT', 'input.receivedOn');
    await expectRefused(() => app.gql(RECORD, { i: { ...good, receivedOn: '1999-12-31' } }), 'BAD_USER_INPUT', 'input.receivedOn');
    await expectRefused(() => app.gql(RECORD, { i: { ...good, wardId: null } }), 'BAD_USER_INPUT', 'input.wardId');
    await expectRefused(() => app.gql(RECORD, { i: { ...good, target: 'DISTRICT' } }), 'BAD_USER_INPUT', 'input.wardId');
    await expectRefused(
      () => app.gql(RECORD, { i: { ...good, target: 'RESIDENTIAL_GROUP', wardId: 3, residentialGroupId: spot[2]!.groupId } }),
      'BAD_USER_INPUT',
      'input.wardId',
    );
    await expectRefused(() => app.gql(RECORD, { i: { ...good, sponsor: ' x ' } }), 'BAD_USER_INPUT', 'input.sponsor');
    await expectRefused(() => app.gql(RECORD, { i: { ...good, purpose: 'x'.repeat(1001) } }), 'BAD_USER_INPUT', 'input.purpose');
  });
});

describe('spending from a fund', () => {
  it('goes down to a zero balance and not one đồng further; the refused spending writes nothing', async () => {
    const fundId = await newFund('WARD', 1_000_000, 2);
    const first = await app.gql(SPEND, { i: { fundId, amountVnd: 600_000, spentOn: today, purpose: 'Thay nguồn camera', maintenanceTicketId: ticket[2] } });
    expect(first.errors).toBeUndefined();
    expect(first.data.recordFundSpending).toMatchObject({ id: fundId, spentVnd: 600_000, balanceVnd: 400_000 });
    expect(first.data.recordFundSpending.spendings).toHaveLength(1);
    expect(spent(first)).toMatchObject({
      fundId, wardId: 2, amountVnd: 600_000, spentOn: today, maintenanceTicketId: ticket[2], maintenanceTicket: { id: ticket[2], wardId: 2 }, createdBy: 'admin',
    });
    const over = await expectRefused(() => app.gql(SPEND, { i: { fundId, amountVnd: 400_001, spentOn: today, purpose: 'Quá số dư' } }), 'BAD_USER_INPUT', 'input.amountVnd');
    expect(over.errors?.[0]?.extensions?.balanceVnd).toBe(400_000);
    const rest = await app.gql(SPEND, { i: { fundId, amountVnd: 400_000, spentOn: today, purpose: 'Phần còn lại' } }, { as: 'chair.p02' });
    expect(rest.data.recordFundSpending).toMatchObject({ spentVnd: 1_000_000, balanceVnd: 0 });
    expect(spent(rest).createdBy).toBe('chair.p02');
    await expectRefused(() => app.gql(SPEND, { i: { fundId, amountVnd: 1, spentOn: today, purpose: 'Một đồng' } }), 'BAD_USER_INPUT', 'input.amountVnd');
    const sum = await app.sql.query(`SELECT sum(amount_vnd)::int AS s FROM fund_spending WHERE fund_id = $1`, [fundId]);
    expect(sum.rows[0].s).toBe(1_000_000);
  });

  it('never overdraws a fund, however many spendings arrive at once', async () => {
    const fundId = await newFund('WARD', 1_000_000, 2);
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) => app.gql(SPEND, { i: { fundId, amountVnd: 300_000, spentOn: today, purpose: `Chi song song ${i}` } })),
    );
    const ok = results.filter((r) => !r.errors);
    const refused = results.filter((r) => r.errors);
    expect(ok).toHaveLength(3);
    for (const r of refused) expect(firstError(r)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amountVnd' });
    const sum = await app.sql.query(`SELECT sum(amount_vnd)::int AS s, count(*)::int AS n FROM fund_spending WHERE fund_id = $1`, [fundId]);
    expect(sum.rows[0]).toEqual({ s: 900_000, n: 3 });
  });

  it("pays a ticket of the fund's own ward only; a district fund pays any ward's", async () => {
    const ward2 = await newFund('WARD', 5_000_000, 2);
    await expectRefused(
      () => app.gql(SPEND, { i: { fundId: ward2, amountVnd: 100_000, spentOn: today, purpose: 'Phiếu phường khác', maintenanceTicketId: ticket[3] } }),
      'BAD_USER_INPUT',
      'input.maintenanceTicketId',
    );
    await expectRefused(
      () => app.gql(SPEND, { i: { fundId: ward2, amountVnd: 100_000, spentOn: today, purpose: 'Phiếu không có', maintenanceTicketId: 999999 } }),
      'NOT_FOUND',
      'input.maintenanceTicketId',
    );
    const district = await newFund('DISTRICT', 5_000_000);
    const paid = await app.gql(SPEND, { i: { fundId: district, amountVnd: 250_000, spentOn: today, purpose: 'Sửa camera phường 3', maintenanceTicketId: ticket[3] } });
    expect(paid.errors).toBeUndefined();
    expect(spent(paid)).toMatchObject({ wardId: null, maintenanceTicket: { id: ticket[3], wardId: 3 } });
    // Ward 2's chair reads the district fund's spending, but not the other ward's ticket behind it:
    // not even its id (another ward's id answers like none).
    const query = `query { funds(filter: { target: DISTRICT }) { id spendings { id maintenanceTicketId ticketElsewhere maintenanceTicket { id } } } }`;
    const seen = await app.gql(query, {}, { as: 'chair.p02' });
    const spending = seen.data.funds.find((f: { id: number }) => f.id === district).spendings[0];
    expect(spending).toEqual({ id: spent(paid).id, maintenanceTicketId: null, ticketElsewhere: true, maintenanceTicket: null });
    const own = (await app.gql(query, {}, { as: 'chair.p03' })).data.funds.find((f: { id: number }) => f.id === district).spendings[0];
    expect(own).toEqual({ id: spent(paid).id, maintenanceTicketId: ticket[3], ticketElsewhere: false, maintenanceTicket: { id: ticket[3] } });
  });

  it("lets a ward chair spend their ward's funds only: the district's are read-only to them, another ward's do not exist", async () => {
    const own = await newFund('WARD', 2_000_000, 2);
    const other = await newFund('WARD', 2_000_000, 3);
    const district = await newFund('DISTRICT', 2_000_000);
    const spend = (fundId: number, extra: Record<string, unknown> = {}) =>
      app.gql(SPEND, { i: { fundId, amountVnd: 100_000, spentOn: today, purpose: 'Chi của phường', ...extra } }, { as: 'chair.p02' });
    const ok = await spend(own, { maintenanceTicketId: ticket[2] });
    expect(ok.errors).toBeUndefined();
    expect(spent(ok)).toMatchObject({ wardId: 2, createdBy: 'chair.p02', maintenanceTicketId: ticket[2] });
    await expectRefused(() => spend(district), 'FORBIDDEN', 'input.fundId');
    await expectRefused(() => spend(other), 'NOT_FOUND', 'input.fundId');
    await expectRefused(() => spend(own, { maintenanceTicketId: ticket[3] }), 'NOT_FOUND', 'input.maintenanceTicketId');
    await expectRefused(() => spend(own, { spentOn: shift(-11) }), 'BAD_USER_INPUT', 'input.spentOn'); // before the fund was received
    await expectRefused(() => spend(own, { spentOn: shift(1) }), 'BAD_USER_INPUT', 'input.spentOn');
    await expectRefused(() => spend(own, { amountVnd: 0 }), 'BAD_USER_INPUT', 'input.amountVnd');
    await expectRefused(() => spend(own, { purpose: '  ' }), 'BAD_USER_INPUT', 'input.purpose');
    await expectRefused(() => app.gql(SPEND, { i: { fundId: own, amountVnd: 1, spentOn: today, purpose: 'Công an chi' } }, { as: 'police' }), 'FORBIDDEN');
  });
});

interface Line {
  wardId: number | null;
  funds: number;
  spendings: number;
  receivedVnd: number;
  spentVnd: number;
  balanceVnd: number;
  spentOnTicketsVnd: number;
  [k: string]: unknown;
}
const FIGURES = ['funds', 'spendings', 'receivedVnd', 'spentVnd', 'balanceVnd', 'spentOnTicketsVnd'] as const;

/** Per ward (key: ward id, or 'district'), the figures computed here from the funds and spending rows. */
async function expectedLines(): Promise<Map<string, Line>> {
  const funds = (await app.sql.query(`SELECT id, ward_id, amount_vnd::int AS amount FROM fund`)).rows;
  const spendings = (await app.sql.query(`SELECT fund_id, amount_vnd::int AS amount, maintenance_ticket_id FROM fund_spending`)).rows;
  const wards = (await app.sql.query(`SELECT id FROM ward`)).rows;
  const lines = new Map<string, Line>();
  const blank = (wardId: number | null): Line => ({ wardId, funds: 0, spendings: 0, receivedVnd: 0, spentVnd: 0, balanceVnd: 0, spentOnTicketsVnd: 0 });
  for (const w of wards) lines.set(String(w.id), blank(w.id));
  lines.set('district', blank(null));
  for (const f of funds) {
    const line = lines.get(f.ward_id == null ? 'district' : String(f.ward_id))!;
    line.funds += 1;
    line.receivedVnd += f.amount;
    line.balanceVnd += f.amount;
    for (const s of spendings.filter((x) => x.fund_id === f.id)) {
      line.spendings += 1;
      line.spentVnd += s.amount;
      line.balanceVnd -= s.amount;
      if (s.maintenance_ticket_id != null) line.spentOnTicketsVnd += s.amount;
    }
  }
  return lines;
}

function expectLine(got: Line, want: Line, what: string) {
  for (const k of FIGURES) expect(got[k], `${what} ${k}`).toBe(want[k]);
}

describe('the fund report', () => {
  it("adds up to the funds and spending in the database: every ward, the district's own funds, and the total", async () => {
    const r = await app.gql(REPORT, {}, { as: 'planner' });
    expect(r.errors).toBeUndefined();
    const report = r.data.fundReport;
    const want = await expectedLines();
    expect(report.asOf).toBe(today);
    expect(report.wards).toHaveLength(await app.count('ward'));
    for (const line of report.wards as Line[]) expectLine(line, want.get(String(line.wardId))!, `ward ${line.wardId}`);
    expectLine(report.district, want.get('district')!, 'district');
    for (const k of FIGURES) {
      const sum = [...want.values()].reduce((s, l) => s + (l[k] as number), 0);
      expect(report.totals[k], `total ${k}`).toBe(sum);
    }
    expect(report.totals.receivedVnd).toBe(report.totals.spentVnd + report.totals.balanceVnd);
    expect(report.totals.funds).toBe(await app.count('fund'));
    expect(report.totals.spendings).toBe(await app.count('fund_spending'));
    expect(report.totals.spentOnTicketsVnd).toBeGreaterThan(0);
  });

  it("gives a ward chair their ward and the district's funds, the same figures as the planner's, and totals of those two", async () => {
    const chair = (await app.gql(REPORT, {}, { as: 'chair.p02' })).data.fundReport;
    const planner = (await app.gql(REPORT, {}, { as: 'planner' })).data.fundReport;
    expect(chair.wards).toEqual([planner.wards.find((l: Line) => l.wardId === 2)]);
    expect(chair.district).toEqual(planner.district);
    for (const k of FIGURES) expect(chair.totals[k]).toBe(chair.wards[0][k] + chair.district[k]);
    const one = (await app.gql(REPORT, { wardId: 2 }, { as: 'planner' })).data.fundReport;
    expect(one).toMatchObject({ wardId: 2, wards: chair.wards, district: chair.district, totals: chair.totals });
    expect(firstError(await app.gql(REPORT, { wardId: 3 }, { as: 'chair.p02' }))).toMatchObject({ code: 'NOT_FOUND', field: 'wardId' });
    expect(firstError(await app.gql(REPORT, {}, { as: 'police' }))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('is exported as CSV with the same figures; a chair gets their ward, the district and the total', async () => {
    const res = await app.get('/export/fund-report.csv', { as: 'planner' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toContain('fund-report.csv');
    const lines = (await res.text()).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    const header = lines[0]!.split(',');
    const cell = (line: string, name: string) => line.split(',')[header.indexOf(name)];
    const report = (await app.gql(REPORT, {}, { as: 'planner' })).data.fundReport;
    expect(lines).toHaveLength(1 + report.wards.length + 2);
    report.wards.forEach((l: Line, i: number) => {
      expect(cell(lines[1 + i]!, 'level')).toBe('ward');
      expect(cell(lines[1 + i]!, 'wardCode')).toBe(l.wardCode);
      for (const k of FIGURES) expect(Number(cell(lines[1 + i]!, k)), `${l.wardCode} ${k}`).toBe(l[k]);
    });
    expect(cell(lines.at(-2)!, 'level')).toBe('district');
    expect(cell(lines.at(-1)!, 'level')).toBe('total');
    for (const k of FIGURES) expect(Number(cell(lines.at(-1)!, k))).toBe(report.totals[k]);
    const own = (await (await app.get('/export/fund-report.csv', { as: 'chair.p02' })).text()).trimEnd().split('\r\n');
    expect(own.slice(1).map((l) => cell(l, 'level'))).toEqual(['ward', 'district', 'total']);
    expect(cell(own[1]!, 'wardCode')).toBe('P02');
    expect((await app.get('/export/fund-report.csv?wardId=3', { as: 'chair.p02' })).status).toBe(404);
    expect((await app.get('/export/fund-report.csv', { as: 'police' })).status).toBe(403);
    expect((await app.get('/export/fund-report.csv', { as: null })).status).toBe(401);
  });
});
