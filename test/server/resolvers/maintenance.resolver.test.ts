import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstError, startTestApp, type GraphQLResponse, type TestApp } from '../../support/server';

/**
 * Maintenance tickets (R10) through the API: the state machine as the roles that act on it, the
 * camera's status following the work, refusals that write nothing, the lists and the export in
 * scope, and the time-to-repair figures checked against the tickets themselves. Every ticket whose
 * workflow a test follows is reported by the test itself, on a camera it registered.
 */
let app: TestApp;
/** A point inside a residential group of each ward used here. */
const spot: Record<number, { lon: number; lat: number }> = {};

const TICKET = `id wardId cameraId state problem source reportedAt reportedBy assignee assignedAt startedAt resolvedAt resolution repairCostVnd
  updatedAt elapsedHours allowedActions ward { id } camera { id status } events { kind note assignee username at }`;

const REPORT = `mutation($input: ReportCameraProblemInput!) { reportCameraProblem(input: $input) { ${TICKET} } }`;
const ASSIGN = `mutation($id: Int!, $input: AssignMaintenanceTicketInput!) { assignMaintenanceTicket(id: $id, input: $input) { ${TICKET} } }`;
const START = `mutation($id: Int!, $input: StartMaintenanceTicketInput) { startMaintenanceTicket(id: $id, input: $input) { ${TICKET} } }`;
const RESOLVE = `mutation($id: Int!, $input: ResolveMaintenanceTicketInput!) { resolveMaintenanceTicket(id: $id, input: $input) { ${TICKET} } }`;
const NOTE = `mutation($id: Int!, $note: String!) { addMaintenanceTicketNote(id: $id, note: $note) { ${TICKET} } }`;
const GET = `query($id: Int!) { maintenanceTicket(id: $id) { ${TICKET} } }`;
const LIST = `query($filter: MaintenanceTicketFilterInput, $first: Int, $after: String) {
  maintenanceTickets(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id wardId state source } } } }`;
const STATS = `query($wardId: Int, $periodDays: Int) { maintenanceStats(wardId: $wardId, periodDays: $periodDays) {
  asOf periodDays
  wards { wardId ward { id name } openTickets inProgressTickets resolvedTickets meanTimeToRepairHours medianTimeToRepairHours oldestOpenReportedAt oldestOpenAgeHours repairCostVnd }
  total { wardId ward { id } openTickets inProgressTickets resolvedTickets meanTimeToRepairHours medianTimeToRepairHours oldestOpenReportedAt oldestOpenAgeHours repairCostVnd } } }`;

beforeAll(async () => {
  app = await startTestApp();
  for (const ward of [2, 3]) {
    const r = await app.sql.query(
      `SELECT ST_X(p) AS lon, ST_Y(p) AS lat FROM residential_group g, LATERAL (SELECT ST_PointOnSurface(g.boundary) p) s
        WHERE g.ward_id = $1 ORDER BY g.id LIMIT 1`,
      [ward],
    );
    spot[ward] = r.rows[0];
  }
  // A first login writes an audit row of its own: log everyone in before rows are counted.
  for (const user of ['admin', 'planner', 'chair.p02', 'chair.p03', 'police', 'police.p01', 'justice', 'homeaffairs']) await app.cookieOf(user);
});
afterAll(() => app?.close());

/** A fresh ACTIVE camera in `ward`, registered by the admin; its id. */
async function newCamera(ward = 2): Promise<number> {
  const r = await app.gql(`mutation($i: RegisterCameraInput!) { registerCamera(input: $i) { id status } }`, {
    i: { type: 'FIXED', ownerKind: 'PUBLIC', label: `Bảo trì ${ward}`, location: { type: 'Point', coordinates: [spot[ward]!.lon, spot[ward]!.lat] } },
  });
  expect(r.errors).toBeUndefined();
  return r.data.registerCamera.id;
}

/** Reports a problem with a fresh camera of `ward` as `as`; the ticket. */
async function newTicket(ward = 2, as = ward === 2 ? 'chair.p02' : 'admin'): Promise<any> {
  const r = await app.gql(REPORT, { input: { cameraId: await newCamera(ward), problem: 'Camera mất hình' } }, { as });
  expect(r.errors).toBeUndefined();
  return r.data.reportCameraProblem;
}

/** Rows of every table a ticket's workflow writes. */
async function counts() {
  return {
    tickets: await app.count('maintenance_ticket'),
    events: await app.count('maintenance_ticket_event'),
    statusEvents: await app.count('camera_status_event'),
    audit: await app.count('audit_log'),
  };
}

/** Runs `run` and expects it refused with `code` (naming `field`, if given) and nothing written anywhere. */
async function expectRefused(run: () => Promise<GraphQLResponse>, code: string, field?: string): Promise<GraphQLResponse> {
  const before = await counts();
  const r = await run();
  expect(firstError(r)).toMatchObject(field ? { code, field } : { code });
  expect(r.data?.[Object.keys(r.data ?? {})[0] ?? ''] ?? null).toBeNull();
  expect(await counts()).toEqual(before);
  return r;
}

const kinds = (t: { events: { kind: string }[] }) => t.events.map((e) => e.kind);
const cameraStatus = async (id: number) => (await app.sql.query(`SELECT status FROM camera WHERE id = $1`, [id])).rows[0].status;

describe('a ticket from report to repair', () => {
  it('is reported by the police, assigned and started by the ward chair (camera in MAINTENANCE), resolved (camera ACTIVE): one timeline entry per step', async () => {
    const cameraId = await newCamera();
    let before = await counts();
    const reported = await app.gql(REPORT, { input: { cameraId, problem: '  Hồng ngoại ban đêm không hoạt động  ' } }, { as: 'police' });
    expect(reported.errors).toBeUndefined();
    const t = reported.data.reportCameraProblem;
    expect(t).toMatchObject({
      wardId: 2, ward: { id: 2 }, cameraId, camera: { id: cameraId, status: 'ACTIVE' }, state: 'REPORTED', source: 'MANUAL',
      problem: 'Hồng ngoại ban đêm không hoạt động', reportedBy: 'police', assignee: null, assignedAt: null, startedAt: null, resolvedAt: null,
    });
    expect(t.events).toEqual([{ kind: 'REPORTED', note: null, assignee: null, username: 'police', at: t.reportedAt }]);
    expect(t.allowedActions).toEqual(['ADD_NOTE']); // the police report and write notes; the ward does the work
    expect((await app.gql(GET, { id: t.id }, { as: 'chair.p02' })).data.maintenanceTicket.allowedActions).toEqual(['ASSIGN', 'START', 'ADD_NOTE']);
    expect((await app.gql(GET, { id: t.id }, { as: 'planner' })).data.maintenanceTicket.allowedActions).toEqual([]);
    let after = await counts();
    expect([after.tickets - before.tickets, after.events - before.events, after.statusEvents - before.statusEvents]).toEqual([1, 1, 0]);

    before = await counts();
    const assigned = (await app.gql(ASSIGN, { id: t.id, input: { assignee: 'Viettel Đà Nẵng - Tổ kỹ thuật', note: 'Gọi tổng đài' } }, { as: 'chair.p02' }))
      .data.assignMaintenanceTicket;
    expect(assigned).toMatchObject({ state: 'ASSIGNED', assignee: 'Viettel Đà Nẵng - Tổ kỹ thuật', camera: { status: 'ACTIVE' } });
    expect(assigned.assignedAt).not.toBeNull();
    after = await counts();
    expect([after.tickets - before.tickets, after.events - before.events, after.statusEvents - before.statusEvents]).toEqual([0, 1, 0]);

    before = await counts();
    const started = (await app.gql(START, { id: t.id }, { as: 'chair.p02' })).data.startMaintenanceTicket;
    expect(started).toMatchObject({ state: 'IN_PROGRESS', assignee: 'Viettel Đà Nẵng - Tổ kỹ thuật', camera: { status: 'MAINTENANCE' } });
    expect(started.assignedAt).toBe(assigned.assignedAt); // the first assignment's time stays
    expect(new Date(started.startedAt).getTime()).toBeGreaterThanOrEqual(new Date(started.assignedAt).getTime());
    expect(started.allowedActions).toEqual(['ASSIGN', 'RESOLVE', 'ADD_NOTE']);
    after = await counts();
    expect([after.events - before.events, after.statusEvents - before.statusEvents]).toEqual([1, 1]);
    const [event] = (await app.sql.query(`SELECT status, previous_status, reason, username FROM camera_status_event WHERE camera_id = $1 ORDER BY id DESC LIMIT 1`, [cameraId])).rows;
    expect(event).toEqual({ status: 'maintenance', previous_status: 'active', reason: 'maintenance', username: 'chair.p02' });

    const noted = (await app.gql(NOTE, { id: t.id, note: 'Chờ thay cảm biến' }, { as: 'police' })).data.addMaintenanceTicketNote;
    expect(kinds(noted)).toEqual(['REPORTED', 'ASSIGNED', 'STARTED', 'NOTE']);

    before = await counts();
    const resolved = (await app.gql(RESOLVE, { id: t.id, input: { resolution: 'Thay camera mới', repairCostVnd: 1_850_000 } }, { as: 'chair.p02' }))
      .data.resolveMaintenanceTicket;
    expect(resolved).toMatchObject({ state: 'RESOLVED', resolution: 'Thay camera mới', repairCostVnd: 1_850_000, camera: { status: 'ACTIVE' }, allowedActions: [] });
    expect(resolved.elapsedHours).toBeCloseTo((new Date(resolved.resolvedAt).getTime() - new Date(resolved.reportedAt).getTime()) / 3_600_000, 6);
    after = await counts();
    expect([after.tickets - before.tickets, after.events - before.events, after.statusEvents - before.statusEvents]).toEqual([0, 1, 1]);
    expect(kinds(resolved)).toEqual(['REPORTED', 'ASSIGNED', 'STARTED', 'NOTE', 'RESOLVED']);
    expect(resolved.events.map((e: { username: string }) => e.username)).toEqual(['police', 'chair.p02', 'chair.p02', 'police', 'chair.p02']);
    expect(resolved.events.map((e: { assignee: string | null }) => e.assignee)).toEqual([null, 'Viettel Đà Nẵng - Tổ kỹ thuật', 'Viettel Đà Nẵng - Tổ kỹ thuật', null, null]);
    expect(resolved.events[4].note).toBe('Thay camera mới');
    // The audit log names each step, and the camera's own changes with the step that made them.
    const { rows } = await app.sql.query(
      `SELECT entity, action FROM audit_log WHERE (entity = 'maintenance_ticket' AND entity_id = $1) OR (entity = 'camera' AND entity_id = $2 AND operation = 'UPDATE') ORDER BY id`,
      [t.id, cameraId],
    );
    expect(rows.map((r) => `${r.entity}:${r.action}`)).toEqual([
      'maintenance_ticket:reportCameraProblem', 'maintenance_ticket:assignMaintenanceTicket', 'camera:startMaintenanceTicket',
      'maintenance_ticket:startMaintenanceTicket', 'camera:resolveMaintenanceTicket', 'maintenance_ticket:resolveMaintenanceTicket',
    ]);
  });

  it('starts a REPORTED ticket at once when the chair names who does the work (no separate assignment), and not without', async () => {
    const t = await newTicket();
    await expectRefused(() => app.gql(START, { id: t.id }, { as: 'chair.p02' }), 'BAD_USER_INPUT', 'input.assignee');
    const started = await app.gql(START, { id: t.id, input: { assignee: 'Tổ kỹ thuật phường', note: 'Sửa ngay' } }, { as: 'chair.p02' });
    expect(started.errors).toBeUndefined();
    const s = started.data.startMaintenanceTicket;
    expect(s).toMatchObject({ state: 'IN_PROGRESS', assignee: 'Tổ kỹ thuật phường', camera: { status: 'MAINTENANCE' } });
    expect(s.assignedAt).toBe(s.startedAt);
    expect(s.events.map((e: any) => [e.kind, e.assignee, e.note])).toEqual([['REPORTED', null, null], ['STARTED', 'Tổ kỹ thuật phường', 'Sửa ngay']]);
  });

  it('lets the chair hand an assigned or started ticket to someone else; the state and the first assignment time stay', async () => {
    const t = await newTicket();
    const a = (await app.gql(ASSIGN, { id: t.id, input: { assignee: 'Đội A' } }, { as: 'chair.p02' })).data.assignMaintenanceTicket;
    const b = (await app.gql(ASSIGN, { id: t.id, input: { assignee: 'Đội B' } }, { as: 'admin' })).data.assignMaintenanceTicket;
    expect([b.state, b.assignee, b.assignedAt]).toEqual(['ASSIGNED', 'Đội B', a.assignedAt]);
    await expectRefused(() => app.gql(ASSIGN, { id: t.id, input: { assignee: 'Đội B' } }, { as: 'chair.p02' }), 'BAD_USER_INPUT', 'input.assignee');
    await app.gql(START, { id: t.id }, { as: 'chair.p02' });
    const c = (await app.gql(ASSIGN, { id: t.id, input: { assignee: 'Đội C' } }, { as: 'chair.p02' })).data.assignMaintenanceTicket;
    expect([c.state, c.assignee, c.camera.status]).toEqual(['IN_PROGRESS', 'Đội C', 'MAINTENANCE']);
    expect(kinds(c)).toEqual(['REPORTED', 'ASSIGNED', 'ASSIGNED', 'STARTED', 'ASSIGNED']);
  });
});

describe('refusals write nothing', () => {
  it('refuses moves the state machine does not have, naming the field', async () => {
    const t = await newTicket();
    await expectRefused(() => app.gql(RESOLVE, { id: t.id, input: { resolution: 'Xong' } }, { as: 'chair.p02' }), 'BAD_USER_INPUT', 'id');
    await app.gql(ASSIGN, { id: t.id, input: { assignee: 'Đội A' } }, { as: 'chair.p02' });
    await expectRefused(() => app.gql(RESOLVE, { id: t.id, input: { resolution: 'Xong' } }, { as: 'chair.p02' }), 'BAD_USER_INPUT', 'id');
    await app.gql(START, { id: t.id }, { as: 'chair.p02' });
    await expectRefused(() => app.gql(START, { id: t.id }, { as: 'chair.p02' }), 'BAD_USER_INPUT', 'id');
    await expectRefused(() => app.gql(RESOLVE, { id: t.id, input: { resolution: 'ab' } }, { as: 'chair.p02' }), 'BAD_USER_INPUT', 'input.resolution');
    await expectRefused(() => app.gql(RESOLVE, { id: t.id, input: { resolution: '     ' } }, { as: 'chair.p02' }), 'BAD_USER_INPUT', 'input.resolution');
    await expectRefused(() => app.gql(RESOLVE, { id: t.id, input: { resolution: 'Xong việc', repairCostVnd: -1 } }, { as: 'chair.p02' }), 'BAD_USER_INPUT', 'input.repairCostVnd');
    await expectRefused(() => app.gql(NOTE, { id: t.id, note: '  ' }, { as: 'chair.p02' }), 'BAD_USER_INPUT', 'note');
    const done = await app.gql(RESOLVE, { id: t.id, input: { resolution: 'Xong việc' } }, { as: 'chair.p02' });
    expect(done.data.resolveMaintenanceTicket).toMatchObject({ state: 'RESOLVED', repairCostVnd: null });
    // A resolved ticket is final.
    await expectRefused(() => app.gql(START, { id: t.id, input: { assignee: 'Đội B' } }, { as: 'chair.p02' }), 'BAD_USER_INPUT', 'id');
    await expectRefused(() => app.gql(ASSIGN, { id: t.id, input: { assignee: 'Đội B' } }, { as: 'chair.p02' }), 'BAD_USER_INPUT', 'id');
    await expectRefused(() => app.gql(RESOLVE, { id: t.id, input: { resolution: 'Lần nữa' } }, { as: 'chair.p02' }), 'BAD_USER_INPUT', 'id');
    await expectRefused(() => app.gql(NOTE, { id: t.id, note: 'Muộn' }, { as: 'chair.p02' }), 'BAD_USER_INPUT', 'id');
  });

  it('refuses a report for a camera that has an unresolved ticket, a decommissioned one, or with too little to say', async () => {
    const t = await newTicket();
    const twice = await expectRefused(() => app.gql(REPORT, { input: { cameraId: t.cameraId, problem: 'Lại hỏng' } }, { as: 'police' }), 'BAD_USER_INPUT', 'input.cameraId');
    expect(twice.errors![0]!.extensions!.maintenanceTicketId).toBe(t.id);
    const retired = await newCamera();
    await app.gql(`mutation($id: Int!) { decommissionCamera(id: $id) { id } }`, { id: retired });
    await expectRefused(() => app.gql(REPORT, { input: { cameraId: retired, problem: 'Hỏng' } }, { as: 'chair.p02' }), 'BAD_USER_INPUT', 'input.cameraId');
    const fresh = await newCamera();
    await expectRefused(() => app.gql(REPORT, { input: { cameraId: fresh, problem: ' x ' } }, { as: 'chair.p02' }), 'BAD_USER_INPUT', 'input.problem');
    await expectRefused(() => app.gql(REPORT, { input: { cameraId: fresh, problem: 'x'.repeat(2001) } }, { as: 'chair.p02' }), 'BAD_USER_INPUT', 'input.problem');
    await expectRefused(() => app.gql(ASSIGN, { id: t.id, input: { assignee: 'x'.repeat(121) } }, { as: 'chair.p02' }), 'BAD_USER_INPUT', 'input.assignee');
  });

  it("keeps a ward user to their ward: another ward's camera and ticket do not exist for them", async () => {
    const other = await newTicket(3);
    await expectRefused(() => app.gql(GET, { id: other.id }, { as: 'chair.p02' }), 'NOT_FOUND', 'id');
    await expectRefused(() => app.gql(START, { id: other.id, input: { assignee: 'Đội A' } }, { as: 'chair.p02' }), 'NOT_FOUND', 'id');
    await expectRefused(() => app.gql(NOTE, { id: other.id, note: 'Xem giúp' }, { as: 'police.p01' }), 'NOT_FOUND', 'id');
    const foreignCamera = await newCamera(3);
    await expectRefused(() => app.gql(REPORT, { input: { cameraId: foreignCamera, problem: 'Mất hình' } }, { as: 'chair.p02' }), 'NOT_FOUND', 'input.cameraId');
    await expectRefused(() => app.gql(LIST, { filter: { wardId: 3 } }, { as: 'chair.p02' }), 'NOT_FOUND', 'filter.wardId');
  });

  it('refuses the roles the policy does not list', async () => {
    const t = await newTicket();
    const fresh = await newCamera();
    await expectRefused(() => app.gql(REPORT, { input: { cameraId: fresh, problem: 'Mất hình' } }, { as: 'planner' }), 'FORBIDDEN');
    await expectRefused(() => app.gql(ASSIGN, { id: t.id, input: { assignee: 'Đội A' } }, { as: 'police' }), 'FORBIDDEN');
    await expectRefused(() => app.gql(START, { id: t.id, input: { assignee: 'Đội A' } }, { as: 'justice' }), 'FORBIDDEN');
    await expectRefused(() => app.gql(GET, { id: t.id }, { as: 'homeaffairs' }), 'FORBIDDEN');
    await expectRefused(() => app.gql(GET, { id: t.id }, { as: null }), 'UNAUTHENTICATED');
  });
});

describe('the ticket list', () => {
  it('filters by state and ward, newest first, page by page; a ward chair sees their ward only', async () => {
    const all = (await app.gql(LIST, { first: 500 })).data.maintenanceTickets;
    const total = await app.count('maintenance_ticket');
    expect(all.totalCount).toBe(total);
    const ids = all.edges.map((e: any) => e.node.id);
    expect(ids).toEqual([...ids].sort((a: number, b: number) => b - a));

    const open = (await app.gql(LIST, { filter: { states: ['REPORTED', 'ASSIGNED', 'IN_PROGRESS'] }, first: 500 })).data.maintenanceTickets;
    expect(open.totalCount).toBe(await app.count('maintenance_ticket', `state <> 'resolved'`));
    expect(open.edges.every((e: any) => e.node.state !== 'RESOLVED')).toBe(true);

    const ward3 = (await app.gql(LIST, { filter: { wardId: 3, states: ['RESOLVED'] }, first: 500 })).data.maintenanceTickets;
    expect(ward3.totalCount).toBe(await app.count('maintenance_ticket', `ward_id = 3 AND state = 'resolved'`));

    const mine = (await app.gql(LIST, { first: 500 }, { as: 'chair.p02' })).data.maintenanceTickets;
    expect(mine.totalCount).toBe(await app.count('maintenance_ticket', 'ward_id = 2'));
    expect(new Set(mine.edges.map((e: any) => e.node.wardId))).toEqual(new Set([2]));

    const page1 = (await app.gql(LIST, { first: 5 })).data.maintenanceTickets;
    const page2 = (await app.gql(LIST, { first: 5, after: page1.pageInfo.endCursor })).data.maintenanceTickets;
    expect([...page1.edges, ...page2.edges].map((e: any) => e.node.id)).toEqual(ids.slice(0, 10));
    const wrongList = await app.gql(LIST, { filter: { wardId: 3 }, first: 5, after: page1.pageInfo.endCursor });
    expect(firstError(wrongList)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('exports the tickets in scope as CSV, one row each', async () => {
    const res = await app.get('/export/maintenance-tickets.csv', { as: 'chair.p02' });
    expect(res.status).toBe(200);
    const lines = (await res.text()).trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^id,ward,cameraId,/);
    expect(lines.length - 1).toBe(await app.count('maintenance_ticket', 'ward_id = 2'));
    const resolved = await app.get('/export/maintenance-tickets.csv?state=RESOLVED');
    expect((await resolved.text()).trim().split(/\r?\n/).length - 1).toBe(await app.count('maintenance_ticket', `state = 'resolved'`));
    expect((await app.get('/export/maintenance-tickets.csv?state=BROKEN')).status).toBe(400);
    expect((await app.get('/export/maintenance-tickets.csv', { as: 'justice' })).status).toBe(403);
  });
});

describe('time to repair per ward', () => {
  /** The figures as the tickets' rows give them, computed here: per ward in `wards`, and in total. */
  async function expected(wards: number[], periodDays: number | null) {
    const { rows } = await app.sql.query(
      `SELECT t.ward_id, t.state, extract(epoch FROM t.reported_at)::float8 AS reported, extract(epoch FROM t.resolved_at)::float8 AS resolved,
              t.repair_cost_vnd::float8 AS cost, ((t.resolved_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date > ww_today() - $2::int) AS in_period,
              extract(epoch FROM now())::float8 AS now
         FROM maintenance_ticket t WHERE t.ward_id = ANY ($1)`,
      [wards, periodDays ?? 100000],
    );
    const figures = (list: typeof rows) => {
      const open = list.filter((r) => r.state !== 'resolved');
      const done = list.filter((r) => r.state === 'resolved' && r.in_period);
      const hours = done.map((r) => (r.resolved - r.reported) / 3600).sort((a, b) => a - b);
      const mid = hours.length / 2;
      const median = hours.length === 0 ? null : hours.length % 2 ? hours[Math.floor(mid)]! : (hours[mid - 1]! + hours[mid]!) / 2;
      const oldest = open.length ? Math.min(...open.map((r) => r.reported)) : null;
      return {
        openTickets: open.length,
        inProgressTickets: list.filter((r) => r.state === 'in_progress').length,
        resolvedTickets: done.length,
        meanTimeToRepairHours: hours.length ? hours.reduce((a, b) => a + b, 0) / hours.length : null,
        medianTimeToRepairHours: median,
        oldestOpenReportedAt: oldest === null ? null : oldest * 1000,
        repairCostVnd: done.reduce((a, r) => a + (r.cost ?? 0), 0),
      };
    };
    return { wards: wards.map((w) => ({ wardId: w, ...figures(rows.filter((r) => r.ward_id === w)) })), total: { wardId: null, ...figures(rows) } };
  }

  /**
   * Expects the answer's figures `got` to be `want`: counts and costs exactly, hours to 1e-6 (the
   * database and this test add in different orders), the oldest open report to the second (the API
   * answers in milliseconds, the database keeps microseconds).
   */
  function expectFigures(got: any, want: any): void {
    const second = (t: unknown) => (t === null ? null : Math.floor((typeof t === 'number' ? t : new Date(t as string).getTime()) / 1000));
    const exact = (f: any) => ({
      wardId: f.wardId, openTickets: f.openTickets, inProgressTickets: f.inProgressTickets, resolvedTickets: f.resolvedTickets,
      repairCostVnd: f.repairCostVnd, oldestOpenReportedAt: second(f.oldestOpenReportedAt),
      hasMean: f.meanTimeToRepairHours !== null, hasMedian: f.medianTimeToRepairHours !== null,
    });
    expect(exact(got)).toEqual(exact(want));
    for (const k of ['meanTimeToRepairHours', 'medianTimeToRepairHours']) {
      if (want[k] !== null) expect(Math.abs(got[k] - want[k]), `${k} of ward ${want.wardId}`).toBeLessThan(1e-6);
    }
  }

  it('equals what the tickets give, per ward and in total, for all time and for the last 30 days', async () => {
    const wardIds = (await app.sql.query(`SELECT id FROM ward WHERE district_id = 1 ORDER BY id`)).rows.map((r) => r.id);
    for (const periodDays of [null, 30]) {
      const r = await app.gql(STATS, { periodDays });
      expect(r.errors).toBeUndefined();
      const s = r.data.maintenanceStats;
      const want = await expected(wardIds, periodDays);
      expect(s.periodDays).toBe(periodDays);
      expect(s.wards.map((w: any) => w.wardId)).toEqual(wardIds);
      s.wards.forEach((w: any, i: number) => expectFigures(w, want.wards[i]));
      expectFigures(s.total, want.total);
      expect(s.total.ward).toBeNull();
      // The seed gives the district something to measure, and the period really bounds it.
      if (periodDays === null) expect(s.total.resolvedTickets).toBeGreaterThan(30);
      else expect(s.total.resolvedTickets).toBeLessThan((await app.gql(STATS, {})).data.maintenanceStats.total.resolvedTickets);
      expect(s.total.openTickets).toBeGreaterThan(0);
      expect(s.total.oldestOpenAgeHours).toBeGreaterThan(0);
    }
  });

  it("gives a ward chair their ward's figures only, the same as the district's row for that ward", async () => {
    const chair = (await app.gql(STATS, { periodDays: 90 }, { as: 'chair.p02' })).data.maintenanceStats;
    const district = (await app.gql(STATS, { periodDays: 90 })).data.maintenanceStats;
    expect(chair.wards.map((w: any) => w.wardId)).toEqual([2]);
    const sansAge = ({ oldestOpenAgeHours: _age, ...f }: any) => f; // the age grows between two requests
    expect(sansAge(chair.wards[0])).toEqual(sansAge(district.wards.find((w: any) => w.wardId === 2)));
    expect(sansAge({ ...chair.total, wardId: 2, ward: chair.wards[0].ward })).toEqual(sansAge(chair.wards[0]));
    expectFigures(chair.wards[0], (await expected([2], 90)).wards[0]);
    expect(firstError(await app.gql(STATS, { wardId: 3 }, { as: 'chair.p02' }))).toMatchObject({ code: 'NOT_FOUND', field: 'wardId' });
    expect(firstError(await app.gql(STATS, { periodDays: 0 }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'periodDays' });
    const one = (await app.gql(STATS, { wardId: 3 })).data.maintenanceStats;
    expect(one.wards.map((w: any) => w.wardId)).toEqual([3]);
  });
});

describe('tickets the heartbeat timeout opens', () => {
  it('show through the API as HEARTBEAT tickets of the offline camera, with the actions the ward may take', async () => {
    const [cam] = (await app.sql.query(
      `SELECT c.id, c.ward_id FROM camera c WHERE c.ward_id = 2 AND c.status = 'active' AND c.last_heartbeat_at IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM maintenance_ticket t WHERE t.camera_id = c.id AND t.state <> 'resolved') ORDER BY c.id LIMIT 1`,
    )).rows;
    await app.system(`UPDATE camera SET last_heartbeat_at = now() - interval '5 hours' WHERE id = $1`, [cam.id]);
    await app.system(`SELECT ww_camera_heartbeat_timeout(interval '4 hours')`);
    const list = (await app.gql(`query($c: Int) { maintenanceTickets(filter: { cameraId: $c, source: HEARTBEAT, states: [REPORTED] }) { edges { node { ${TICKET} } } } }`,
      { c: cam.id }, { as: 'chair.p02' })).data.maintenanceTickets.edges;
    expect(list).toHaveLength(1);
    expect(list[0].node).toMatchObject({ source: 'HEARTBEAT', state: 'REPORTED', reportedBy: null, camera: { status: 'OFFLINE' }, allowedActions: ['ASSIGN', 'START', 'ADD_NOTE'] });
    expect(list[0].node.events).toEqual([{ kind: 'REPORTED', note: null, assignee: null, username: null, at: list[0].node.reportedAt }]);
    // Repaired: the camera is ACTIVE again (it heartbeats again once the device is back).
    await app.gql(START, { id: list[0].node.id, input: { assignee: 'Đội A' } }, { as: 'chair.p02' });
    expect(await cameraStatus(cam.id)).toBe('maintenance');
    await app.gql(RESOLVE, { id: list[0].node.id, input: { resolution: 'Khởi động lại bộ chuyển mạch' } }, { as: 'chair.p02' });
    expect(await cameraStatus(cam.id)).toBe('active');
  });
});
