import type { Queryable } from './demo-district';

/**
 * The demo district's network operators and their support for the programme (R3): Viettel, VNPT,
 * FPT and one other (CMC), four support agreements (one of them expired, so its cameras are no
 * longer supported), and a connection for every camera that is not decommissioned and whose
 * network_operator names one of them: a plan and its monthly fee, and for a share of them the
 * operator's agreement. Set-based (three statements); the dates are relative to the local day the
 * seed runs on (ww_today()), so "in force" and "expired" hold whenever the demo is seeded.
 */

/** The operators: one of each kind (the connections find their operator by the camera's network_operator). */
export const DEMO_OPERATORS: ReadonlyArray<{ code: string; name: string; kind: string; contactName: string; contactPhone: string }> = [
  { code: 'viettel', name: 'Viettel Đà Nẵng', kind: 'viettel', contactName: 'Nguyễn Văn Hùng', contactPhone: '0236 3811 101' },
  { code: 'vnpt', name: 'VNPT Đà Nẵng', kind: 'vnpt', contactName: 'Trần Thị Lan', contactPhone: '0236 3822 202' },
  { code: 'fpt', name: 'FPT Telecom Đà Nẵng', kind: 'fpt', contactName: 'Lê Minh Quân', contactPhone: '0236 3833 303' },
  { code: 'cmc', name: 'CMC Telecom', kind: 'other', contactName: 'Phạm Thu Hà', contactPhone: '0236 3844 404' },
];

/**
 * The agreements, by operator code: days from today when they start and end (null: open-ended), and
 * the share (percent) of the operator's connections that name it. FPT's ended two months ago.
 */
const AGREEMENTS: ReadonlyArray<{
  operator: string;
  title: string;
  mbps: number | null;
  supportVnd: number;
  from: number;
  to: number | null;
  share: number;
  terms: string;
}> = [
  {
    operator: 'viettel',
    title: 'Hỗ trợ kết nối camera an ninh khu dân cư',
    mbps: 30,
    supportVnd: 100_000,
    from: -500,
    to: 230,
    share: 70,
    terms: 'Viettel hỗ trợ 100.000 đồng/tháng cước thuê bao cho mỗi camera an ninh khu dân cư đăng ký với phường, nâng băng thông lên 30 Mbps.',
  },
  {
    operator: 'vnpt',
    title: 'Ưu đãi gói cước cho camera an ninh',
    mbps: 20,
    supportVnd: 80_000,
    from: -300,
    to: null,
    share: 55,
    terms: 'VNPT giảm 80.000 đồng/tháng cho thuê bao kết nối camera an ninh; thời hạn đến khi có thông báo mới.',
  },
  {
    operator: 'fpt',
    title: 'Chương trình hỗ trợ camera an ninh (đợt 1)',
    mbps: 25,
    supportVnd: 70_000,
    from: -1100,
    to: -60,
    share: 60,
    terms: 'FPT hỗ trợ 70.000 đồng/tháng cho mỗi camera; chương trình đã kết thúc, đang đàm phán đợt 2.',
  },
  {
    operator: 'cmc',
    title: 'Băng thông ưu tiên cho camera nơi công cộng',
    mbps: 50,
    supportVnd: 50_000,
    from: -200,
    to: 500,
    share: 40,
    terms: 'CMC ưu tiên băng thông 50 Mbps và hỗ trợ 50.000 đồng/tháng cho camera tại nơi công cộng.',
  },
];

/** Plans by camera network_operator, with their monthly fee (VND) and bandwidth (Mbit/s). */
const PLANS: ReadonlyArray<[kind: string, plan: string, feeVnd: number, mbps: number]> = [
  ['viettel', 'Home Net 1 (30 Mbps)', 165_000, 30],
  ['viettel', 'Home Net 2 (50 Mbps)', 185_000, 50],
  ['viettel', 'Camera Cloud', 220_000, 30],
  ['vnpt', 'Home 1 (40 Mbps)', 165_000, 40],
  ['vnpt', 'Home 2 (60 Mbps)', 180_000, 60],
  ['fpt', 'Giga (50 Mbps)', 180_000, 50],
  ['fpt', 'Sky (80 Mbps)', 200_000, 80],
  ['other', 'CMC Basic (30 Mbps)', 150_000, 30],
];

export interface OperatorsSummary {
  operators: number;
  agreements: number;
  connections: number;
}

export async function seedDemoOperators(m: Queryable, districtId: number): Promise<OperatorsSummary> {
  await m.query(
    `INSERT INTO network_operator (district_id, code, name, kind, contact_name, contact_phone)
     SELECT $1, x.code, x.name, x.kind, x.contact_name, x.contact_phone
       FROM json_to_recordset($2::json) AS x(code text, name text, kind text, contact_name text, contact_phone text)`,
    [
      districtId,
      JSON.stringify(DEMO_OPERATORS.map((o) => ({ code: o.code, name: o.name, kind: o.kind, contact_name: o.contactName, contact_phone: o.contactPhone }))),
    ],
  );
  await m.query(
    `INSERT INTO support_agreement (district_id, operator_id, title, bandwidth_mbps, monthly_fee_support_vnd, starts_on, ends_on, terms, created_at)
     SELECT $1, o.id, x.title, x.mbps, x.support_vnd, ww_today() + x.from_days, ww_today() + x.to_days, x.terms,
            (ww_today() + x.from_days - 20)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh' + interval '9 hours'
       FROM ROWS FROM (json_to_recordset($2::json) AS (operator text, title text, mbps float8, support_vnd bigint, from_days int, to_days int, terms text)) WITH ORDINALITY AS x(operator, title, mbps, support_vnd, from_days, to_days, terms, n)
       JOIN network_operator o ON o.district_id = $1 AND o.code = x.operator
      ORDER BY x.n`,
    [
      districtId,
      JSON.stringify(
        AGREEMENTS.map((a) => ({ operator: a.operator, title: a.title, mbps: a.mbps, support_vnd: a.supportVnd, from_days: a.from, to_days: a.to, terms: a.terms })),
      ),
    ],
  );
  // Every camera not decommissioned with a known operator: a plan picked by a hash of its id, and
  // the operator's agreement for the first `share` percent of the hash.
  await m.query(
    `WITH plans AS (
       SELECT x.kind, x.plan, x.fee, x.mbps, (row_number() OVER (PARTITION BY x.kind ORDER BY x.n) - 1)::int AS i,
              count(*) OVER (PARTITION BY x.kind)::int AS of
         FROM ROWS FROM (json_to_recordset($2::json) AS (kind text, plan text, fee bigint, mbps float8)) WITH ORDINALITY AS x(kind, plan, fee, mbps, n)
     ), agreements AS (
       SELECT o.kind, o.id AS operator_id, a.id AS agreement_id, x.share
         FROM network_operator o
         JOIN json_to_recordset($3::json) AS x(operator text, share int) ON x.operator = o.code
         LEFT JOIN support_agreement a ON a.operator_id = o.id
        WHERE o.district_id = $1
     ), cams AS (
       SELECT c.id, c.district_id, c.ward_id, c.network_operator AS kind, abs(hashtext('connection' || c.id)) AS h,
              coalesce(c.installed_on, (c.registered_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date) AS since
         FROM camera c
        WHERE c.district_id = $1 AND c.status <> 'decommissioned' AND c.network_operator <> 'none'
     )
     INSERT INTO camera_connection (district_id, ward_id, camera_id, operator_id, plan, monthly_fee_vnd, bandwidth_mbps, agreement_id, connected_on)
     SELECT c.district_id, c.ward_id, c.id, a.operator_id, p.plan, p.fee, p.mbps,
            CASE WHEN c.h % 100 < a.share THEN a.agreement_id END, c.since
       FROM cams c
       JOIN agreements a ON a.kind = c.kind
       JOIN plans p ON p.kind = c.kind AND p.i = (c.h / 100) % p.of
      ORDER BY c.id`,
    [
      districtId,
      JSON.stringify(PLANS.map(([kind, plan, fee, mbps]) => ({ kind, plan, fee, mbps }))),
      JSON.stringify(AGREEMENTS.map((a) => ({ operator: a.operator, share: a.share }))),
    ],
  );
  const [r]: Array<Record<string, number>> = await m.query(
    `SELECT (SELECT count(*)::int FROM network_operator WHERE district_id = $1) AS operators,
            (SELECT count(*)::int FROM support_agreement WHERE district_id = $1) AS agreements,
            (SELECT count(*)::int FROM camera_connection WHERE district_id = $1) AS connections`,
    [districtId],
  );
  return { operators: Number(r!.operators), agreements: Number(r!.agreements), connections: Number(r!.connections) };
}
