import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstError, startTestApp, type TestApp } from '../../support/server';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ as: 'planner' });
});
afterAll(() => app?.close());

const COUNTS = [
  'groupsTotal', 'groupsWithCamera', 'housesTotal', 'housesWithCamera', 'housesVerified',
  'civilServantsTotal', 'civilServantsVerified', 'activeCameras', 'openCases',
] as const;
const PERCENTS = [
  ['groupsPercent', 'groupsWithCamera', 'groupsTotal'],
  ['housesPercent', 'housesWithCamera', 'housesTotal'],
  ['civilServantUptakePercent', 'civilServantsVerified', 'civilServantsTotal'],
] as const;
const FIGURES = `{ ${COUNTS.join(' ')} ${PERCENTS.map(([p]) => p).join(' ')} }`;
const DASHBOARD = `query($wardId: Int) { complianceDashboard(wardId: $wardId) {
  asOf wardId groupDeadline groupDaysLeft houseDeadline houseDaysLeft
  totals ${FIGURES} wards { wardId ward { id code } figures ${FIGURES} } } }`;
const SNAPSHOT = `mutation { takeComplianceSnapshot }`;

type Figures = Record<string, number | null>;
interface Dashboard {
  asOf: string;
  wardId: number | null;
  groupDeadline: string;
  groupDaysLeft: number;
  houseDeadline: string | null;
  houseDaysLeft: number | null;
  totals: Figures;
  wards: { wardId: number; ward: { id: number; code: string }; figures: Figures }[];
}

async function dashboard(wardId?: number, as = 'planner'): Promise<Dashboard> {
  const r = await app.gql(DASHBOARD, { wardId }, { as });
  expect(r.errors).toBeUndefined();
  return r.data.complianceDashboard;
}

/** Every percentage is its count over its total × 100, null when the total is 0. */
function expectConsistentPercents(f: Figures): void {
  for (const [p, part, whole] of PERCENTS) {
    if (f[whole] === 0) expect(f[p], p).toBeNull();
    else expect(f[p], p).toBeCloseTo((100 * f[part]!) / f[whole]!, 9);
  }
}

/** Today's snapshot rows, by ward id, as the dashboard names the figures. */
async function snapshotOfToday(): Promise<Map<number, Figures>> {
  const { rows } = await app.sql.query(
    `SELECT ward_id, groups_total AS "groupsTotal", groups_with_camera AS "groupsWithCamera", houses_total AS "housesTotal",
            houses_with_camera AS "housesWithCamera", houses_verified AS "housesVerified", civil_servants_total AS "civilServantsTotal",
            civil_servants_verified AS "civilServantsVerified", active_cameras AS "activeCameras", open_cases AS "openCases"
       FROM compliance_snapshot WHERE taken_on = ww_today()`,
  );
  return new Map(rows.map(({ ward_id, ...f }) => [ward_id, f]));
}

const pick = (f: Figures) => Object.fromEntries(COUNTS.map((k) => [k, f[k]]));

describe('the deadline dashboard', () => {
  it('shows a planner all 13 wards, with totals that are the sum of the wards and consistent percentages', async () => {
    const d = await dashboard();
    expect(d.wardId).toBeNull();
    expect(d.wards).toHaveLength(13);
    expect(d.wards.map((w) => w.ward.code)).toEqual([...d.wards.map((w) => w.ward.code)].sort());
    for (const k of COUNTS) expect(d.totals[k], k).toBe(d.wards.reduce((s, w) => s + (w.figures[k] as number), 0));
    expectConsistentPercents(d.totals);
    for (const w of d.wards) expectConsistentPercents(w.figures);
    expect(d.totals.groupsTotal).toBe(await app.count('residential_group'));
    expect(d.totals.housesTotal).toBe(await app.count('rental_house'));
    expect(d.totals.activeCameras).toBe(await app.count('camera', `status = 'active'`));
    expect(d.totals.groupsWithCamera).toBe(
      await app.count('residential_group g', `EXISTS (SELECT 1 FROM camera c WHERE c.residential_group_id = g.id AND c.status = 'active')`),
    );
    expect(d.totals.housesWithCamera).toBe(await app.count('rental_house h', `ww_has_active_camera(h.id)`));
    expect(d.totals.openCases).toBe(await app.count('penalty_case', `state <> 'closed'`));
  });

  it("counts the days left to the R8 and R2 deadlines from today in Asia/Ho_Chi_Minh, negative when overdue", async () => {
    const d = await dashboard();
    const { rows } = await app.sql.query(
      `SELECT to_char(ww_today(), 'YYYY-MM-DD') AS today,
              to_char(coalesce((SELECT deadline FROM directive WHERE district_id = 1 AND code = 'R8'), DATE '2017-09-30'), 'YYYY-MM-DD') AS r8,
              to_char((SELECT deadline FROM directive WHERE district_id = 1 AND code = 'R2'), 'YYYY-MM-DD') AS r2`,
    );
    const { today, r8, r2 } = rows[0];
    const days = (to: string) => Math.round((Date.parse(to) - Date.parse(today)) / 86_400_000);
    expect(d.asOf).toBe(today);
    expect(d.groupDeadline).toBe(r8);
    expect(d.groupDaysLeft).toBe(days(r8));
    expect(d.houseDeadline).toBe(r2);
    expect(d.houseDaysLeft).toBe(r2 == null ? null : days(r2));
  });

  it("follows the R8 directive's deadline, also in the list of uncovered groups", async () => {
    await app.system(
      `INSERT INTO directive (district_id, code, title, owner_roles, deadline)
       VALUES (1, 'R8', 'Mỗi tổ dân phố ít nhất 1 camera', '{ward_chair,planner}', DATE '2017-09-30')
       ON CONFLICT (district_id, code) DO NOTHING`,
    );
    const { rows } = await app.sql.query(`SELECT id, to_char(deadline, 'YYYY-MM-DD') AS deadline FROM directive WHERE district_id = 1 AND code = 'R8'`);
    const moved = await app.gql(`mutation($id: Int!, $d: String) { updateDirective(id: $id, input: { deadline: $d }) { deadline } }`, {
      id: rows[0].id,
      d: '2099-12-31',
    }, { as: 'admin' });
    expect(moved.errors).toBeUndefined();
    try {
      const d = await dashboard();
      expect(d.groupDeadline).toBe('2099-12-31');
      expect(d.groupDaysLeft).toBeGreaterThan(0);
      const u = await app.gql(`{ uncoveredResidentialGroups { deadline daysToDeadline } }`);
      expect(u.data.uncoveredResidentialGroups).toEqual({ deadline: '2099-12-31', daysToDeadline: d.groupDaysLeft });
    } finally {
      await app.gql(`mutation($id: Int!, $d: String) { updateDirective(id: $id, input: { deadline: $d }) { id } }`, { id: rows[0].id, d: rows[0].deadline }, { as: 'admin' });
    }
  });

  it("shows a ward chair their own ward only, with the planner's figures for it", async () => {
    const own = await dashboard(undefined, 'chair.p02');
    expect(own.wardId).toBe(2);
    expect(own.wards.map((w) => w.wardId)).toEqual([2]);
    expect(own.totals).toEqual(own.wards[0].figures);
    const planners = (await dashboard()).wards.find((w) => w.wardId === 2)!;
    expect(own.wards[0].figures).toEqual(planners.figures);
    expect((await dashboard(2, 'chair.p02')).wards.map((w) => w.wardId)).toEqual([2]);
  });

  it("answers NOT_FOUND for another ward's dashboard to a chair, and for a ward that does not exist", async () => {
    expect(firstError(await app.gql(DASHBOARD, { wardId: 3 }, { as: 'chair.p02' }))).toMatchObject({ code: 'NOT_FOUND', field: 'wardId' });
    expect(firstError(await app.gql(DASHBOARD, { wardId: 999999 }))).toMatchObject({ code: 'NOT_FOUND', field: 'wardId' });
  });

  it('lets a district role look at one ward', async () => {
    const d = await dashboard(5, 'homeaffairs');
    expect(d.wardId).toBe(5);
    expect(d.wards.map((w) => w.wardId)).toEqual([5]);
    expect(d.totals).toEqual(d.wards[0].figures);
  });

  it('counts a camera registered in a residential group without one: groupsWithCamera and activeCameras go up by one', async () => {
    const { rows } = await app.sql.query(
      `SELECT g.id, g.ward_id AS "wardId", ST_X(p) AS lon, ST_Y(p) AS lat
         FROM residential_group g, LATERAL (SELECT ST_PointOnSurface(g.boundary) AS p) s
        WHERE NOT EXISTS (SELECT 1 FROM camera c WHERE c.residential_group_id = g.id AND c.status = 'active')
        ORDER BY g.id LIMIT 1`,
    );
    const group = rows[0];
    expect(group, 'the demo district has a group without an active camera').toBeDefined();
    const before = await dashboard();
    const r = await app.gql(
      `mutation($input: RegisterCameraInput!) { registerCamera(input: $input) { residentialGroupId } }`,
      { input: { location: { type: 'Point', coordinates: [group.lon, group.lat] }, type: 'DOME', ownerKind: 'PUBLIC' } },
      { as: 'admin' },
    );
    expect(r.data.registerCamera.residentialGroupId).toBe(group.id);
    const after = await dashboard();
    const ward = (d: Dashboard) => d.wards.find((w) => w.wardId === group.wardId)!.figures;
    expect(ward(after)).toEqual({
      ...ward(before),
      groupsWithCamera: (ward(before).groupsWithCamera as number) + 1,
      groupsPercent: (100 * ((ward(before).groupsWithCamera as number) + 1)) / (ward(before).groupsTotal as number),
      activeCameras: (ward(before).activeCameras as number) + 1,
    });
    expect(after.totals.groupsWithCamera).toBe((before.totals.groupsWithCamera as number) + 1);
  });

  it('rejects a trend of 0 days or of more than 730, naming days', async () => {
    for (const days of [0, 731]) {
      const r = await app.gql(`query($days: Int!) { complianceDashboard { trend(days: $days) { day } } }`, { days });
      expect(firstError(r)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'days' });
    }
  });
});

describe('the compliance snapshot', () => {
  it("takes today's snapshot for a planner: 13 rows, and taking it again adds none", async () => {
    const today = `taken_on = ww_today()`;
    const others = await app.count('compliance_snapshot', `NOT (${today})`);
    const r = await app.gql(SNAPSHOT);
    expect(r).toEqual({ data: { takeComplianceSnapshot: 13 } });
    expect(await app.count('compliance_snapshot', today)).toBe(13);
    expect((await app.gql(SNAPSHOT)).data.takeComplianceSnapshot).toBe(13);
    expect(await app.count('compliance_snapshot', today)).toBe(13);
    expect(await app.count('compliance_snapshot', `NOT (${today})`)).toBe(others);
  });

  it("matches the live figures of every ward when taken now", async () => {
    expect((await app.gql(SNAPSHOT)).errors).toBeUndefined();
    const live = await dashboard();
    const snap = await snapshotOfToday();
    expect(snap.size).toBe(13);
    for (const w of live.wards) expect(snap.get(w.wardId), `ward ${w.ward.code}`).toEqual(pick(w.figures));
  });

  it('is refused to a ward chair (FORBIDDEN), who writes nothing', async () => {
    const before = (await app.sql.query(`SELECT max(taken_at) AS t, count(*)::int AS n FROM compliance_snapshot`)).rows[0];
    expect(firstError(await app.gql(SNAPSHOT, {}, { as: 'chair.p02' }))).toMatchObject({ code: 'FORBIDDEN', field: 'takeComplianceSnapshot' });
    expect(firstError(await app.gql(SNAPSHOT, {}, { as: 'police' }))).toMatchObject({ code: 'FORBIDDEN' });
    expect((await app.sql.query(`SELECT max(taken_at) AS t, count(*)::int AS n FROM compliance_snapshot`)).rows[0]).toEqual(before);
  });

  it("draws the trend from the snapshots, oldest day first, summed over the dashboard's wards", async () => {
    // Three earlier days, taken now by the database as they stood then.
    await app.system(`SELECT ww_take_compliance_snapshot(1, ww_today() - k) FROM generate_series(1, 3) k`);
    const { rows: expected } = await app.sql.query(
      `SELECT to_char(taken_on, 'YYYY-MM-DD') AS day, sum(groups_with_camera)::int AS "groupsWithCamera", sum(groups_total)::int AS "groupsTotal",
              sum(houses_with_camera)::int AS "housesWithCamera", sum(open_cases)::int AS "openCases"
         FROM compliance_snapshot WHERE district_id = 1 AND taken_on > ww_today() - 4 GROUP BY taken_on ORDER BY taken_on`,
    );
    expect(expected).toHaveLength(4);
    const r = await app.gql(`{ complianceDashboard { asOf trend(days: 4) { day figures ${FIGURES} } } }`);
    expect(r.errors).toBeUndefined();
    const trend = r.data.complianceDashboard.trend as { day: string; figures: Figures }[];
    expect(trend.map((p) => p.day)).toEqual(expected.map((e) => e.day));
    expect(trend.at(-1)!.day).toBe(r.data.complianceDashboard.asOf);
    trend.forEach((p, i) => {
      const { day: _d, ...sums } = expected[i];
      expect(p.figures).toMatchObject(sums);
      expectConsistentPercents(p.figures);
    });
    // The default is the last 120 days; a chair's trend sums their ward's rows only.
    const all = await app.gql(`{ complianceDashboard { trend { day } } }`);
    expect(all.data.complianceDashboard.trend.length).toBeLessThanOrEqual(120);
    expect(all.data.complianceDashboard.trend.length).toBeGreaterThanOrEqual(4);
    const chair = await app.gql(`{ complianceDashboard { trend(days: 4) { day figures { groupsTotal } } } }`, {}, { as: 'chair.p02' });
    const ward2 = await app.sql.query(
      `SELECT groups_total AS n FROM compliance_snapshot WHERE ward_id = 2 AND taken_on > ww_today() - 4 ORDER BY taken_on`,
    );
    expect(chair.data.complianceDashboard.trend.map((p: { figures: Figures }) => p.figures.groupsTotal)).toEqual(ward2.rows.map((x) => x.n));
  });
});

describe('the compliance dashboard as CSV', () => {
  it('lists every ward and the district total, as the dashboard shows them', async () => {
    const res = await app.get('/export/compliance-dashboard.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toContain('compliance-dashboard.csv');
    const lines = (await res.text()).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    const header = lines[0].split(',');
    expect(header.slice(0, 5)).toEqual(['asOf', 'level', 'wardId', 'wardCode', 'ward']);
    expect(lines).toHaveLength(1 + 13 + 1);
    const d = await dashboard();
    const cell = (line: string, name: string) => line.split(',')[header.indexOf(name)];
    d.wards.forEach((w, i) => {
      expect(cell(lines[1 + i], 'level')).toBe('ward');
      expect(cell(lines[1 + i], 'wardCode')).toBe(w.ward.code);
      for (const k of COUNTS) expect(Number(cell(lines[1 + i], k)), `${w.ward.code} ${k}`).toBe(w.figures[k]);
    });
    const total = lines[14];
    expect(cell(total, 'level')).toBe('district');
    for (const k of COUNTS) expect(Number(cell(total, k)), k).toBe(d.totals[k]);
    expect(Number(cell(total, 'groupsPercent'))).toBeCloseTo(d.totals.groupsPercent as number, 1);
    expect(cell(total, 'groupDeadline')).toBe(d.groupDeadline);
  });

  it("gives a ward chair their ward and its total; another ward's is NOT_FOUND; nobody's without a session", async () => {
    const own = await app.get('/export/compliance-dashboard.csv', { as: 'chair.p02' });
    const lines = (await own.text()).trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(',ward,2,');
    expect(lines[2]).toContain(',total,');
    expect((await app.get('/export/compliance-dashboard.csv?wardId=3', { as: 'chair.p02' })).status).toBe(404);
    expect((await app.get('/export/compliance-dashboard.csv?wardId=x')).status).toBe(400);
    expect((await app.get('/export/compliance-dashboard.csv', { as: null })).status).toBe(401);
  });
});
