import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstError, startTestApp, type GraphQLResponse, type TestApp } from '../../support/server';

/**
 * Network operators (R3) through the API: the district's operators and their support agreements,
 * each camera's connection, and the report of cameras per operator and ward with the share
 * supported and the monthly fees covered and not covered. The report is checked against sums this
 * file computes itself from the rows in the database.
 */
let app: TestApp;
/** A point inside a residential group of ward 2 (chair.p02's) and of ward 3. */
const spot: Record<number, { lon: number; lat: number }> = {};
let today: string;

const OPERATOR = 'id code name kind contactName contactPhone';
const AGREEMENT = 'id operatorId operator { id code } title bandwidthMbps monthlyFeeSupportVnd startsOn endsOn terms inForce connectionCount';
const CONNECTION = 'id cameraId wardId operatorId operator { id kind } plan monthlyFeeVnd bandwidthMbps agreementId agreement { id } connectedOn supported feeCoveredVnd';
const LINE = 'operatorId operatorCode operatorName operatorKind wardId wardCode wardName cameras supportedCameras supportedPercent monthlyFeesVnd feesCoveredVnd feesNotCoveredVnd';
const REPORT = `query($wardId: Int) { operatorReport(wardId: $wardId) { asOf wardId rows { ${LINE} } operators { ${LINE} } totals { ${LINE} } } }`;

const CREATE_OPERATOR = `mutation($i: CreateNetworkOperatorInput!) { createNetworkOperator(input: $i) { ${OPERATOR} } }`;
const UPDATE_OPERATOR = `mutation($id: Int!, $i: UpdateNetworkOperatorInput!) { updateNetworkOperator(id: $id, input: $i) { ${OPERATOR} } }`;
const CREATE_AGREEMENT = `mutation($i: CreateSupportAgreementInput!) { createSupportAgreement(input: $i) { ${AGREEMENT} } }`;
const UPDATE_AGREEMENT = `mutation($id: Int!, $i: UpdateSupportAgreementInput!) { updateSupportAgreement(id: $id, input: $i) { ${AGREEMENT} } }`;
const SET = `mutation($c: Int!, $i: CameraConnectionInput!) { setCameraConnection(cameraId: $c, input: $i) { ${CONNECTION} } }`;
const REMOVE = `mutation($c: Int!) { removeCameraConnection(cameraId: $c) }`;
const CAMERA = `query($id: Int!) { camera(id: $id) { id networkOperator connection { ${CONNECTION} } } }`;

/** A day `days` from the database's today, YYYY-MM-DD. */
const shift = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

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
  today = (await app.sql.query(`SELECT to_char(ww_today(), 'YYYY-MM-DD') AS d`)).rows[0].d;
  // A first login writes an audit row of its own: log everyone in before rows are counted.
  for (const user of ['admin', 'planner', 'chair.p02', 'chair.p03', 'police', 'police.p01', 'homeaffairs']) await app.cookieOf(user);
});
afterAll(() => app?.close());

/** Rows of every table these mutations write. */
async function counts() {
  return {
    operators: await app.count('network_operator'),
    agreements: await app.count('support_agreement'),
    connections: await app.count('camera_connection'),
    cameras: await app.sql.query(`SELECT md5(string_agg(id || network_operator, ',' ORDER BY id)) AS h FROM camera`).then((r) => r.rows[0].h),
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

/** A fresh active camera in `ward`, registered by the admin; its id. */
async function newCamera(ward = 2): Promise<number> {
  const r = await app.gql(`mutation($i: RegisterCameraInput!) { registerCamera(input: $i) { id } }`, {
    i: { type: 'DOME', ownerKind: 'PUBLIC', location: { type: 'Point', coordinates: [spot[ward]!.lon, spot[ward]!.lat] } },
  });
  expect(r.errors).toBeUndefined();
  return r.data.registerCamera.id;
}

async function operatorId(code: string): Promise<number> {
  return (await app.sql.query(`SELECT id FROM network_operator WHERE code = $1`, [code])).rows[0].id;
}

/** An agreement of operator `code` that is (or is not) in force today. */
async function agreementOf(code: string, inForce: boolean): Promise<{ id: number; support: number }> {
  const r = await app.sql.query(
    `SELECT a.id, a.monthly_fee_support_vnd::int AS support FROM support_agreement a JOIN network_operator o ON o.id = a.operator_id
      WHERE o.code = $1 AND (a.starts_on <= ww_today() AND (a.ends_on IS NULL OR a.ends_on >= ww_today())) = $2 ORDER BY a.id LIMIT 1`,
    [code, inForce],
  );
  return r.rows[0];
}

describe("the district's operators and their agreements", () => {
  it('lists the demo operators with their agreements, and says which agreements are in force today as the database judges it', async () => {
    const r = await app.gql(`{ networkOperators { ${OPERATOR} } supportAgreements { ${AGREEMENT} } }`, {}, { as: 'police' });
    expect(r.errors).toBeUndefined();
    const { rows } = await app.sql.query(`SELECT code, kind FROM network_operator ORDER BY code`);
    expect(r.data.networkOperators.map((o: { code: string; kind: string }) => [o.code, o.kind])).toEqual(rows.map((o) => [o.code, o.kind.toUpperCase()]));
    const expected = await app.sql.query(
      `SELECT a.id, (a.starts_on <= ww_today() AND (a.ends_on IS NULL OR a.ends_on >= ww_today())) AS "inForce",
              (SELECT count(*)::int FROM camera_connection k WHERE k.agreement_id = a.id) AS "connectionCount"
         FROM support_agreement a ORDER BY a.id`,
    );
    const got = [...r.data.supportAgreements].sort((a: { id: number }, b: { id: number }) => a.id - b.id);
    expect(got.map((a: { id: number; inForce: boolean; connectionCount: number }) => ({ id: a.id, inForce: a.inForce, connectionCount: a.connectionCount }))).toEqual(
      expected.rows,
    );
    // Operators and agreements 1-4 are viettel, vnpt, fpt, cmc in that order (the policy matrix uses number 4).
    const order = await app.sql.query(`SELECT o.id, o.code, a.id AS agreement FROM network_operator o JOIN support_agreement a ON a.operator_id = o.id WHERE o.id <= 4 AND a.id <= 4 ORDER BY o.id`);
    expect(order.rows).toEqual(['viettel', 'vnpt', 'fpt', 'cmc'].map((code, i) => ({ id: i + 1, code, agreement: i + 1 })));
    // The demo has agreements both in force and expired (FPT's ended).
    expect(new Set(got.map((a: { inForce: boolean }) => a.inForce))).toEqual(new Set([true, false]));
    const inForce = await app.gql(`{ supportAgreements(inForce: true) { id inForce } }`);
    expect(inForce.data.supportAgreements.every((a: { inForce: boolean }) => a.inForce)).toBe(true);
    expect(inForce.data.supportAgreements).toHaveLength(expected.rows.filter((a) => a.inForce).length);
  });

  it('lets a planner add an operator and an agreement with it; the agreement is in force over its period only', async () => {
    const before = await counts();
    const op = await app.gql(CREATE_OPERATOR, { i: { code: 'mobifone', name: '  MobiFone  ', kind: 'OTHER', contactName: 'Đỗ Văn Tâm', contactPhone: '0236 3555 555' } }, { as: 'planner' });
    expect(op.errors).toBeUndefined();
    expect(op.data.createNetworkOperator).toMatchObject({ code: 'mobifone', name: 'MobiFone', kind: 'OTHER', contactName: 'Đỗ Văn Tâm' });
    const id = op.data.createNetworkOperator.id;
    const future = await app.gql(
      CREATE_AGREEMENT,
      { i: { operatorId: id, title: 'Hỗ trợ năm sau', monthlyFeeSupportVnd: 60000, bandwidthMbps: 40, startsOn: shift(30), endsOn: shift(400), terms: 'Từ tháng sau' } },
      { as: 'planner' },
    );
    expect(future.errors).toBeUndefined();
    expect(future.data.createSupportAgreement).toMatchObject({ operatorId: id, operator: { id, code: 'mobifone' }, inForce: false, connectionCount: 0, startsOn: shift(30) });
    const moved = await app.gql(UPDATE_AGREEMENT, { id: future.data.createSupportAgreement.id, i: { startsOn: shift(-1) } }, { as: 'admin' });
    expect(moved.errors).toBeUndefined();
    expect(moved.data.updateSupportAgreement).toMatchObject({ startsOn: shift(-1), endsOn: shift(400), inForce: true });
    const after = await counts();
    expect(after.operators - before.operators).toBe(1);
    expect(after.agreements - before.agreements).toBe(1);
    expect((await app.gql(`query($id: Int!) { supportAgreements(operatorId: $id) { id } }`, { id })).data.supportAgreements).toHaveLength(1);
  });

  it('refuses other roles and bad input, naming the field, and writes nothing', async () => {
    const viettel = await operatorId('viettel');
    const good = { code: 'saigontel', name: 'Saigontel', kind: 'OTHER' };
    await expectRefused(() => app.gql(CREATE_OPERATOR, { i: good }, { as: 'chair.p02' }), 'FORBIDDEN');
    await expectRefused(() => app.gql(CREATE_OPERATOR, { i: good }, { as: 'police' }), 'FORBIDDEN');
    await expectRefused(() => app.gql(CREATE_OPERATOR, { i: good }, { as: null }), 'UNAUTHENTICATED');
    await expectRefused(() => app.gql(CREATE_OPERATOR, { i: { ...good, code: 'Bad Code' } }), 'BAD_USER_INPUT', 'input.code');
    await expectRefused(() => app.gql(CREATE_OPERATOR, { i: { ...good, code: 'viettel' } }), 'BAD_USER_INPUT', 'input.code');
    await expectRefused(() => app.gql(CREATE_OPERATOR, { i: { ...good, kind: 'NONE' } }), 'BAD_USER_INPUT', 'input.kind');
    await expectRefused(() => app.gql(CREATE_OPERATOR, { i: { ...good, name: '   ' } }), 'BAD_USER_INPUT', 'input.name');
    await expectRefused(() => app.gql(CREATE_OPERATOR, { i: { ...good, contactPhone: 'call me' } }), 'BAD_USER_INPUT', 'input.contactPhone');
    const agreement = { operatorId: viettel, title: 'X', monthlyFeeSupportVnd: 1000, startsOn: shift(0) };
    await expectRefused(() => app.gql(CREATE_AGREEMENT, { i: agreement }, { as: 'chair.p02' }), 'FORBIDDEN');
    await expectRefused(() => app.gql(CREATE_AGREEMENT, { i: { ...agreement, endsOn: shift(-1) } }), 'BAD_USER_INPUT', 'input.endsOn');
    await expectRefused(() => app.gql(CREATE_AGREEMENT, { i: { ...agreement, monthlyFeeSupportVnd: -5 } }), 'BAD_USER_INPUT', 'input.monthlyFeeSupportVnd');
    await expectRefused(() => app.gql(CREATE_AGREEMENT, { i: { ...agreement, startsOn: '2026-02-30' } }), 'BAD_USER_INPUT', 'input.startsOn');
    await expectRefused(() => app.gql(CREATE_AGREEMENT, { i: { ...agreement, operatorId: 999999 } }), 'NOT_FOUND', 'input.operatorId');
    const existing = await agreementOf('viettel', true);
    await expectRefused(
      () => app.gql(UPDATE_AGREEMENT, { id: existing.id, i: { endsOn: '2000-01-01' } }),
      'BAD_USER_INPUT',
      'input.endsOn',
    );
    await expectRefused(() => app.gql(UPDATE_OPERATOR, { id: viettel, i: { name: 'Viettel' } }, { as: 'chair.p02' }), 'FORBIDDEN');
    await expectRefused(() => app.gql(UPDATE_OPERATOR, { id: 999999, i: { name: 'Viettel' } }), 'NOT_FOUND', 'id');
  });
});

describe("a camera's connection", () => {
  it("is set by the ward's chair with an agreement in force: supported, the covered fee is min(fee, support), and the camera's operator follows", async () => {
    const cameraId = await newCamera(2);
    const vnpt = await operatorId('vnpt');
    const agreement = await agreementOf('vnpt', true);
    const fee = agreement.support + 45000;
    const before = await counts();
    const r = await app.gql(
      SET,
      { c: cameraId, i: { operatorId: vnpt, plan: ' Home 2 ', monthlyFeeVnd: fee, bandwidthMbps: 60, agreementId: agreement.id, connectedOn: shift(-3) } },
      { as: 'chair.p02' },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.setCameraConnection).toMatchObject({
      cameraId, wardId: 2, operatorId: vnpt, operator: { id: vnpt, kind: 'VNPT' }, plan: 'Home 2', monthlyFeeVnd: fee, bandwidthMbps: 60,
      agreementId: agreement.id, agreement: { id: agreement.id }, connectedOn: shift(-3), supported: true, feeCoveredVnd: agreement.support,
    });
    expect((await counts()).connections - before.connections).toBe(1);
    const cam = await app.gql(CAMERA, { id: cameraId }, { as: 'chair.p02' });
    expect(cam.data.camera).toMatchObject({ networkOperator: 'VNPT', connection: { cameraId, supported: true } });

    // A cheaper plan than the support: the whole fee is covered. Bandwidth and the connection date,
    // not named, stay as they were.
    const cheap = await app.gql(SET, { c: cameraId, i: { operatorId: vnpt, plan: 'Mini', monthlyFeeVnd: 1000, agreementId: agreement.id } }, { as: 'chair.p02' });
    expect(cheap.data.setCameraConnection).toMatchObject({ monthlyFeeVnd: 1000, feeCoveredVnd: 1000, connectedOn: shift(-3), bandwidthMbps: 60 });
    const cleared = await app.gql(SET, { c: cameraId, i: { operatorId: vnpt, plan: 'Mini', monthlyFeeVnd: 1000, agreementId: agreement.id, connectedOn: null } }, { as: 'chair.p02' });
    expect(cleared.data.setCameraConnection).toMatchObject({ connectedOn: null, bandwidthMbps: 60 });
    // Another operator without an agreement: not supported, nothing covered; the camera says so.
    const viettel = await operatorId('viettel');
    const moved = await app.gql(SET, { c: cameraId, i: { operatorId: viettel, plan: 'Home Net 1', monthlyFeeVnd: 165000 } }, { as: 'admin' });
    expect(moved.data.setCameraConnection).toMatchObject({ operatorId: viettel, agreementId: null, agreement: null, supported: false, feeCoveredVnd: 0 });
    expect((await app.gql(CAMERA, { id: cameraId })).data.camera.networkOperator).toBe('VIETTEL');
    expect((await counts()).connections - before.connections).toBe(1); // one connection per camera, changed in place
  });

  it('is not supported under an expired agreement', async () => {
    const cameraId = await newCamera(2);
    const fpt = await operatorId('fpt');
    const expired = await agreementOf('fpt', false);
    const r = await app.gql(SET, { c: cameraId, i: { operatorId: fpt, plan: 'Giga', monthlyFeeVnd: 180000, agreementId: expired.id } });
    expect(r.errors).toBeUndefined();
    expect(r.data.setCameraConnection).toMatchObject({ agreementId: expired.id, supported: false, feeCoveredVnd: 0 });
  });

  it('is removed by the chair; the camera then has no operator, and a second removal finds nothing', async () => {
    const cameraId = await newCamera(2);
    await app.gql(SET, { c: cameraId, i: { operatorId: await operatorId('fpt'), plan: 'Sky', monthlyFeeVnd: 200000 } });
    expect((await app.gql(CAMERA, { id: cameraId })).data.camera.networkOperator).toBe('FPT');
    const before = await counts();
    expect((await app.gql(REMOVE, { c: cameraId }, { as: 'chair.p02' })).data.removeCameraConnection).toBe(true);
    expect((await counts()).connections).toBe(before.connections - 1);
    expect((await app.gql(CAMERA, { id: cameraId })).data.camera).toMatchObject({ networkOperator: 'NONE', connection: null });
    expect((await app.gql(REMOVE, { c: cameraId }, { as: 'chair.p02' })).data.removeCameraConnection).toBe(false);
  });

  it("refuses another ward's camera (as if it did not exist), other roles, and an agreement of another operator, writing nothing", async () => {
    const own = await newCamera(2);
    const other = await newCamera(3);
    const vnpt = await operatorId('vnpt');
    const input = { operatorId: vnpt, plan: 'Home 1', monthlyFeeVnd: 165000 };
    await expectRefused(() => app.gql(SET, { c: other, i: input }, { as: 'chair.p02' }), 'NOT_FOUND', 'cameraId');
    await expectRefused(() => app.gql(SET, { c: 999999, i: input }, { as: 'chair.p02' }), 'NOT_FOUND', 'cameraId');
    await expectRefused(() => app.gql(REMOVE, { c: other }, { as: 'chair.p02' }), 'NOT_FOUND', 'cameraId');
    await expectRefused(() => app.gql(SET, { c: own, i: input }, { as: 'police' }), 'FORBIDDEN');
    await expectRefused(() => app.gql(SET, { c: own, i: input }, { as: 'planner' }), 'FORBIDDEN');
    const viettelAgreement = await agreementOf('viettel', true);
    await expectRefused(() => app.gql(SET, { c: own, i: { ...input, agreementId: viettelAgreement.id } }), 'BAD_USER_INPUT', 'input.agreementId');
    await expectRefused(() => app.gql(SET, { c: own, i: { ...input, operatorId: 999999 } }), 'NOT_FOUND', 'input.operatorId');
    await expectRefused(() => app.gql(SET, { c: own, i: { ...input, monthlyFeeVnd: 100_000_001 } }), 'BAD_USER_INPUT', 'input.monthlyFeeVnd');
    await expectRefused(() => app.gql(SET, { c: own, i: { ...input, plan: '' } }), 'BAD_USER_INPUT', 'input.plan');
    await expectRefused(() => app.gql(SET, { c: own, i: { ...input, connectedOn: shift(2) } }), 'BAD_USER_INPUT', 'input.connectedOn');
    // The other ward's chair sees and sets it.
    const r = await app.gql(SET, { c: other, i: input }, { as: 'chair.p03' });
    expect(r.errors).toBeUndefined();
    expect(r.data.setCameraConnection.wardId).toBe(3);
  });

  it("follows its camera to another ward (the new ward's chair sees it)", async () => {
    const cameraId = await newCamera(2);
    await app.gql(SET, { c: cameraId, i: { operatorId: await operatorId('vnpt'), plan: 'Home 1', monthlyFeeVnd: 165000 } });
    const moved = await app.gql(`mutation($id: Int!, $i: UpdateCameraInput!) { updateCamera(id: $id, input: $i) { wardId } }`, {
      id: cameraId,
      i: { location: { type: 'Point', coordinates: [spot[3]!.lon, spot[3]!.lat] } },
    });
    expect(moved.data.updateCamera.wardId).toBe(3);
    expect((await app.sql.query(`SELECT ward_id FROM camera_connection WHERE camera_id = $1`, [cameraId])).rows[0].ward_id).toBe(3);
    expect((await app.gql(CAMERA, { id: cameraId }, { as: 'chair.p03' })).data.camera.connection.wardId).toBe(3);
  });
});

interface Line {
  operatorId: number | null;
  wardId: number | null;
  cameras: number;
  supportedCameras: number;
  supportedPercent: number | null;
  monthlyFeesVnd: number;
  feesCoveredVnd: number;
  feesNotCoveredVnd: number;
  [k: string]: unknown;
}

/** The report's figures computed here from the connections themselves (the database's today). */
async function expectedLines(wardId: number | null): Promise<{ rows: Map<string, Line>; operators: Map<string, Line>; totals: Line }> {
  const { rows } = await app.sql.query(
    `SELECT k.operator_id, k.ward_id, k.monthly_fee_vnd::int AS fee, to_char(a.starts_on, 'YYYY-MM-DD') AS starts_on,
            to_char(a.ends_on, 'YYYY-MM-DD') AS ends_on, a.monthly_fee_support_vnd::int AS support
       FROM camera_connection k JOIN camera c ON c.id = k.camera_id LEFT JOIN support_agreement a ON a.id = k.agreement_id
      WHERE c.status <> 'decommissioned' AND ($1::int IS NULL OR k.ward_id = $1)`,
    [wardId],
  );
  const blank = (operatorId: number | null, wardId: number | null): Line => ({
    operatorId, wardId, cameras: 0, supportedCameras: 0, supportedPercent: null, monthlyFeesVnd: 0, feesCoveredVnd: 0, feesNotCoveredVnd: 0,
  });
  const byRow = new Map<string, Line>();
  const byOperator = new Map<string, Line>();
  const totals = blank(null, null);
  for (const k of rows) {
    const supported = k.starts_on != null && k.starts_on <= today && (k.ends_on == null || k.ends_on >= today);
    const covered = supported ? Math.min(k.fee, k.support) : 0;
    const key = `${k.operator_id}/${k.ward_id}`;
    if (!byRow.has(key)) byRow.set(key, blank(k.operator_id, k.ward_id));
    if (!byOperator.has(String(k.operator_id))) byOperator.set(String(k.operator_id), blank(k.operator_id, null));
    for (const line of [byRow.get(key)!, byOperator.get(String(k.operator_id))!, totals]) {
      line.cameras += 1;
      line.supportedCameras += supported ? 1 : 0;
      line.monthlyFeesVnd += k.fee;
      line.feesCoveredVnd += covered;
      line.feesNotCoveredVnd += k.fee - covered;
    }
  }
  for (const line of [...byRow.values(), ...byOperator.values(), totals]) {
    line.supportedPercent = line.cameras ? (100 * line.supportedCameras) / line.cameras : null;
  }
  return { rows: byRow, operators: byOperator, totals };
}

const FIGURES = ['cameras', 'supportedCameras', 'monthlyFeesVnd', 'feesCoveredVnd', 'feesNotCoveredVnd'] as const;

function expectLine(got: Line, want: Line, what: string) {
  for (const k of FIGURES) expect(got[k], `${what} ${k}`).toBe(want[k]);
  if (want.supportedPercent == null) expect(got.supportedPercent).toBeNull();
  else expect(got.supportedPercent, `${what} supportedPercent`).toBeCloseTo(want.supportedPercent, 9);
}

describe('the operator report', () => {
  it('adds up to the connections in the database: every operator × ward line, every operator, and the total', async () => {
    const r = await app.gql(REPORT, {}, { as: 'planner' });
    expect(r.errors).toBeUndefined();
    const report = r.data.operatorReport;
    const want = await expectedLines(null);
    expect(report.asOf).toBe(today);
    expect(report.rows).toHaveLength(want.rows.size);
    for (const line of report.rows as Line[]) expectLine(line, want.rows.get(`${line.operatorId}/${line.wardId}`)!, `operator ${line.operatorId} ward ${line.wardId}`);
    expect(report.operators).toHaveLength(want.operators.size);
    for (const line of report.operators as Line[]) {
      expect(line.wardId).toBeNull();
      expectLine(line, want.operators.get(String(line.operatorId))!, `operator ${line.operatorId}`);
    }
    expectLine(report.totals, want.totals, 'total');
    // The lines sum to the total, and the demo has supported and unsupported cameras, fees covered and not.
    for (const k of FIGURES) expect((report.rows as Line[]).reduce((s, l) => s + (l[k] as number), 0)).toBe(report.totals[k]);
    expect(report.totals.cameras).toBe(await app.count('camera_connection k JOIN camera c ON c.id = k.camera_id', `c.status <> 'decommissioned'`));
    expect(report.totals.supportedCameras).toBeGreaterThan(0);
    expect(report.totals.supportedCameras).toBeLessThan(report.totals.cameras);
    expect(report.totals.feesCoveredVnd).toBeGreaterThan(0);
    expect(report.totals.feesNotCoveredVnd).toBeGreaterThan(0);
    expect(report.totals.monthlyFeesVnd).toBe(report.totals.feesCoveredVnd + report.totals.feesNotCoveredVnd);
    // Lines name their operator and ward.
    const first = report.rows[0];
    const names = await app.sql.query(`SELECT o.code, o.name, w.code AS ward_code FROM network_operator o, ward w WHERE o.id = $1 AND w.id = $2`, [
      first.operatorId,
      first.wardId,
    ]);
    expect(first).toMatchObject({ operatorCode: names.rows[0].code, operatorName: names.rows[0].name, wardCode: names.rows[0].ward_code });
  });

  it("gives a ward chair (and ward police) only their ward's lines, the same figures the district sees for it", async () => {
    const chair = await app.gql(REPORT, {}, { as: 'chair.p02' });
    expect(chair.errors).toBeUndefined();
    const report = chair.data.operatorReport;
    expect(new Set(report.rows.map((l: Line) => l.wardId))).toEqual(new Set([2]));
    const want = await expectedLines(2);
    expect(report.rows).toHaveLength(want.rows.size);
    for (const line of report.rows as Line[]) expectLine(line, want.rows.get(`${line.operatorId}/${line.wardId}`)!, `ward 2 operator ${line.operatorId}`);
    expectLine(report.totals, want.totals, 'ward 2 total');
    const planner = await app.gql(REPORT, { wardId: 2 }, { as: 'planner' });
    expect(planner.data.operatorReport.totals).toEqual(report.totals);
    expect(planner.data.operatorReport.wardId).toBe(2);
    const police = await app.gql(REPORT, {}, { as: 'police.p01' });
    expect(new Set(police.data.operatorReport.rows.map((l: Line) => l.wardId))).toEqual(new Set([1]));
    expect(firstError(await app.gql(REPORT, { wardId: 3 }, { as: 'chair.p02' }))).toMatchObject({ code: 'NOT_FOUND', field: 'wardId' });
    expect(firstError(await app.gql(REPORT, {}, { as: 'homeaffairs' }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(firstError(await app.gql(REPORT, {}, { as: null }))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('is exported as CSV with the same lines and figures; a chair gets their ward only', async () => {
    const res = await app.get('/export/operator-report.csv', { as: 'planner' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toContain('operator-report.csv');
    const lines = (await res.text()).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    const header = lines[0]!.split(',');
    const cell = (line: string, name: string) => line.split(',')[header.indexOf(name)];
    const report = (await app.gql(REPORT, {}, { as: 'planner' })).data.operatorReport;
    expect(lines).toHaveLength(1 + report.rows.length + report.operators.length + 1);
    report.rows.forEach((l: Line, i: number) => {
      expect(cell(lines[1 + i]!, 'level')).toBe('ward');
      expect(cell(lines[1 + i]!, 'operatorCode')).toBe(l.operatorCode);
      expect(cell(lines[1 + i]!, 'wardCode')).toBe(l.wardCode);
      for (const k of FIGURES) expect(Number(cell(lines[1 + i]!, k))).toBe(l[k]);
    });
    const total = lines[lines.length - 1]!;
    expect(cell(total, 'level')).toBe('total');
    for (const k of FIGURES) expect(Number(cell(total, k))).toBe(report.totals[k]);

    const own = (await (await app.get('/export/operator-report.csv', { as: 'chair.p02' })).text()).trimEnd().split('\r\n');
    expect(own.slice(1).filter((l) => l.includes(',ward,')).every((l) => l.split(',')[header.indexOf('wardCode')] === 'P02')).toBe(true);
    expect((await app.get('/export/operator-report.csv?wardId=3', { as: 'chair.p02' })).status).toBe(404);
    expect((await app.get('/export/operator-report.csv?wardId=x')).status).toBe(400);
    expect((await app.get('/export/operator-report.csv', { as: 'homeaffairs' })).status).toBe(403);
    expect((await app.get('/export/operator-report.csv', { as: null })).status).toBe(401);
  });
});
