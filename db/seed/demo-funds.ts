import type { Queryable } from './demo-district';
import { businessName, mobilePhone, personName } from './names';
import { streamOf, type Random } from './random';

/**
 * The demo district's sponsorship funds and their spending (R9): two district funds, seven ward
 * funds and three residential-group funds received over the last two years, and about forty
 * spendings from them, some of which pay for a resolved maintenance ticket of the fund's ward (R10;
 * any ward's for a district fund) at its repair cost. Run after the maintenance seed (it reads the
 * tickets; without any, no spending names one). Every fund keeps a balance: the database would refuse
 * more (ww_fund_spending_check). Two statements, set-based; deterministic for a seed and a database.
 */

export const DEMO_FUND_COUNTS = { district: 2, ward: 7, group: 3 } as const;

/** What the spending pays for when it pays no ticket. */
const PURPOSES = [
  'Cước thuê bao đường truyền camera (quý)',
  'Thay nguồn điện và ổ cắm chống sét cho camera',
  'Thay ổ cứng đầu ghi hình',
  'Lắp thêm camera tại ngã ba kiệt',
  'Vệ sinh, chỉnh lại góc quay camera',
  'Mua bổ sung dây cáp và hộp kỹ thuật',
  'Thay camera hỏng do mưa bão',
  'Sơn, gia cố cột gắn camera',
];

const FUND_PURPOSES = {
  district: ['Quỹ duy trì hệ thống camera an ninh khu dân cư của quận', 'Hỗ trợ sửa chữa, thay thế camera công cộng'],
  ward: ['Duy trì camera an ninh của phường', 'Hỗ trợ cước thuê bao và sửa chữa camera', 'Lắp bổ sung camera tại các kiệt, hẻm'],
  group: ['Duy trì camera của tổ dân phố', 'Sửa chữa camera đầu kiệt của tổ'],
};

interface PlannedFund {
  key: string;
  target: 'district' | 'ward' | 'residential_group';
  wardId: number | null;
  groupId: number | null;
  sponsor: string;
  contact: string | null;
  amount: number;
  receivedOn: string;
  purpose: string;
}

interface PlannedSpending {
  fundKey: string;
  amount: number;
  spentOn: string;
  purpose: string;
  ticketId: number | null;
}

export interface FundsSummary {
  funds: number;
  spendings: number;
  spendingsOnTickets: number;
}

const DAY = 86_400_000;
const day = (t: number) => new Date(t).toISOString().slice(0, 10);
/** A whole number of thousands of VND in [min, max]. */
const thousands = (rng: Random, min: number, max: number) => rng.int(min / 1000, max / 1000) * 1000;

export async function seedDemoFunds(m: Queryable, districtId: number, seed: number): Promise<FundsSummary> {
  const rng = streamOf(seed, 'funds');
  const [{ today }]: Array<{ today: string }> = await m.query(`SELECT to_char(ww_today(), 'YYYY-MM-DD') AS today`);
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  const wards: Array<{ id: number; name: string }> = await m.query(`SELECT id, name FROM ward WHERE district_id = $1 ORDER BY code`, [districtId]);
  const groups: Array<{ id: number; ward_id: number; name: string }> = await m.query(
    `SELECT id, ward_id, name FROM residential_group WHERE district_id = $1 ORDER BY id`,
    [districtId],
  );
  // Resolved tickets with a repair cost, oldest first: what a fund may have paid for.
  const tickets: Array<{ id: number; ward_id: number; cost: string; resolved_on: string; problem: string }> = await m.query(
    `SELECT t.id, t.ward_id, t.repair_cost_vnd AS cost, to_char((t.resolved_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, 'YYYY-MM-DD') AS resolved_on,
            t.problem
       FROM maintenance_ticket t
      WHERE t.district_id = $1 AND t.state = 'resolved' AND t.repair_cost_vnd > 0
      ORDER BY t.resolved_at, t.id`,
    [districtId],
  );

  const funds: PlannedFund[] = [];
  const received = (minDays: number, maxDays: number) => day(todayMs - rng.int(minDays, maxDays) * DAY);
  funds.push({
    key: 'district-1', target: 'district', wardId: null, groupId: null, sponsor: 'Hội Doanh nghiệp quận', contact: '0236 3650 650',
    amount: 150_000_000, receivedOn: received(600, 700), purpose: FUND_PURPOSES.district[0]!,
  });
  funds.push({
    key: 'district-2', target: 'district', wardId: null, groupId: null, sponsor: 'Ngân hàng TMCP Hải Vân, chi nhánh quận', contact: '0236 3700 700',
    amount: 100_000_000, receivedOn: received(200, 300), purpose: FUND_PURPOSES.district[1]!,
  });
  // Seven wards spread over the district: every other ward from P02 on (the tests find a fund in ward 2).
  const start = 1;
  for (let i = 0; i < DEMO_FUND_COUNTS.ward; i++) {
    const ward = wards[(start + 2 * i) % wards.length]!;
    const company = rng.chance(0.6);
    funds.push({
      key: `ward-${i}`, target: 'ward', wardId: ward.id, groupId: null,
      sponsor: company ? businessName(rng) : `Ông/bà ${personName(rng)}`,
      contact: mobilePhone(rng),
      amount: thousands(rng, 10_000_000, 60_000_000), receivedOn: received(60, 650),
      purpose: `${rng.pick(FUND_PURPOSES.ward)} (${ward.name})`,
    });
  }
  // Three groups, each in a ward of its own.
  const usedWards = new Set<number>();
  for (let i = 0; i < DEMO_FUND_COUNTS.group && groups.length > 0; i++) {
    let g = rng.pick(groups);
    for (let tries = 0; usedWards.has(g.ward_id) && tries < 20; tries++) g = rng.pick(groups);
    usedWards.add(g.ward_id);
    funds.push({
      key: `group-${i}`, target: 'residential_group', wardId: g.ward_id, groupId: g.id,
      sponsor: `Bà con ${g.name}`, contact: rng.chance(0.5) ? mobilePhone(rng) : null,
      amount: thousands(rng, 3_000_000, 8_000_000), receivedOn: received(30, 400),
      purpose: `${rng.pick(FUND_PURPOSES.group)} (${g.name})`,
    });
  }

  // Spending: tickets first (a fund pays the resolved tickets of its ward, at their cost, while it
  // lasts: up to about 85% of the fund), then a few other items; about forty in all.
  const spendings: PlannedSpending[] = [];
  const paid = new Set<number>();
  for (const f of funds) {
    let left = Math.floor(f.amount * 0.85);
    const items = f.target === 'district' ? 6 : f.target === 'ward' ? 3 : 2;
    const mayPay = tickets.filter((t) => (f.wardId == null || t.ward_id === f.wardId) && t.resolved_on >= f.receivedOn);
    let n = 0;
    for (const t of mayPay) {
      if (n >= Math.ceil(items / 2)) break;
      const cost = Number(t.cost);
      if (paid.has(t.id) || cost > left) continue;
      paid.add(t.id);
      left -= cost;
      n += 1;
      spendings.push({ fundKey: f.key, amount: cost, spentOn: t.resolved_on, // a district fund's spending is read in every ward: its purpose names no other ward's ticket
      purpose: f.wardId == null ? 'Sửa chữa camera theo phiếu bảo trì' : `Sửa chữa theo phiếu bảo trì #${t.id}: ${t.problem}`.slice(0, 1000), ticketId: t.id });
    }
    const from = Date.parse(`${f.receivedOn}T00:00:00Z`);
    for (; n < items && left > 500_000; n++) {
      const amount = Math.min(left, thousands(rng, 500_000, Math.max(500_000, Math.min(left, f.amount / 4))));
      left -= amount;
      spendings.push({ fundKey: f.key, amount, spentOn: day(from + rng.int(0, Math.floor((todayMs - from) / DAY)) * DAY), purpose: rng.pick(PURPOSES), ticketId: null });
    }
  }

  const ids: Array<{ id: number; sponsor: string; purpose: string }> = await m.query(
    `INSERT INTO fund (district_id, ward_id, residential_group_id, target, sponsor, sponsor_contact, amount_vnd, received_on, purpose, created_at, created_by)
     SELECT $1, x.ward_id, x.group_id, x.target, x.sponsor, x.contact, x.amount, x.received_on, x.purpose,
            least(now(), x.received_on::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh' + interval '10 hours'), 'planner'
       FROM ROWS FROM (json_to_recordset($2::json) AS (key text, ward_id int, group_id int, target text, sponsor text, contact text, amount bigint, received_on date, purpose text)) WITH ORDINALITY AS x(key, ward_id, group_id, target, sponsor, contact, amount, received_on, purpose, n)
      ORDER BY x.n
     RETURNING id, sponsor, purpose`,
    [
      districtId,
      JSON.stringify(
        funds.map((f) => ({
          key: f.key, ward_id: f.wardId, group_id: f.groupId, target: f.target, sponsor: f.sponsor, contact: f.contact,
          amount: f.amount, received_on: f.receivedOn, purpose: f.purpose,
        })),
      ),
    ],
  );
  // (sponsor and purpose tell the planned funds apart: a ward's or group's purpose names it)
  const idOf = new Map(ids.map((r) => [`${r.sponsor}\n${r.purpose}`, Number(r.id)]));
  const fundId = new Map(funds.map((f) => [f.key, idOf.get(`${f.sponsor}\n${f.purpose}`)]));
  if (idOf.size !== funds.length || [...fundId.values()].some((id) => id === undefined)) throw new Error(`demo seed: ${funds.length} funds planned, ${idOf.size} told apart`);
  spendings.sort((a, b) => (a.spentOn < b.spentOn ? -1 : a.spentOn > b.spentOn ? 1 : 0));
  if (spendings.length > 0) {
    await m.query(
      `INSERT INTO fund_spending (fund_id, amount_vnd, spent_on, purpose, maintenance_ticket_id, created_at, created_by)
       SELECT x.fund_id, x.amount, x.spent_on, x.purpose, x.ticket_id,
              least(now(), x.spent_on::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh' + interval '15 hours'), 'planner'
         FROM ROWS FROM (json_to_recordset($1::json) AS (fund_id int, amount bigint, spent_on date, purpose text, ticket_id int)) WITH ORDINALITY AS x(fund_id, amount, spent_on, purpose, ticket_id, n)
        ORDER BY x.n`,
      [
        JSON.stringify(
          spendings.map((s) => ({ fund_id: fundId.get(s.fundKey), amount: s.amount, spent_on: s.spentOn, purpose: s.purpose, ticket_id: s.ticketId })),
        ),
      ],
    );
  }
  return { funds: funds.length, spendings: spendings.length, spendingsOnTickets: spendings.filter((s) => s.ticketId != null).length };
}
