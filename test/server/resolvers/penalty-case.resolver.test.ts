import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstError, startTestApp, type GraphQLResponse, type TestApp } from '../../support/server';

/**
 * Penalty cases (R7): the state machine through the API, as the roles that act on it. Every case
 * here is opened by the test itself against a house it registered (the demo seed has cases of its
 * own, whose number this file does not rely on).
 */
let app: TestApp;
/** Points inside a residential group of ward 2 (chair.p02's) and of ward 3. */
const spot: Record<number, { lon: number; lat: number }> = {};

const CASE = `id wardId rentalHouseId state decision fineAmountVnd legalBasis finePaidAt closeReason openedAt referredAt decidedAt closedAt
  updatedAt allowedActions ward { id } events { kind note fileReference username at } rentalHouse { id complianceStatus }`;

const OPEN = `mutation($input: OpenPenaltyCaseInput!) { openPenaltyCase(input: $input) { ${CASE} } }`;
const REFER = `mutation($id: Int!, $note: String) { referPenaltyCase(id: $id, note: $note) { ${CASE} } }`;
const DECIDE = `mutation($id: Int!, $input: DecidePenaltyCaseInput!) { decidePenaltyCase(id: $id, input: $input) { ${CASE} } }`;
const PAY = `mutation($id: Int!, $note: String) { recordFinePayment(id: $id, note: $note) { ${CASE} } }`;
const CLOSE = `mutation($id: Int!, $note: String) { closePenaltyCase(id: $id, note: $note) { ${CASE} } }`;
const EVIDENCE = `mutation($id: Int!, $input: PenaltyCaseEvidenceInput!) { addPenaltyCaseEvidence(id: $id, input: $input) { ${CASE} } }`;
const CHECK = `mutation($input: RecordRentalHouseCheckInput!) { recordRentalHouseCheck(input: $input) { id complianceStatus } }`;
const GET = `query($id: Int!) { penaltyCase(id: $id) { ${CASE} } }`;

const FINE = { decision: 'FINE', fineAmountVnd: 2_000_000, legalBasis: 'Nghị định 144/2021/NĐ-CP, điều 9' };
const WARNING = { decision: 'WARNING', legalBasis: 'Nghị định 144/2021/NĐ-CP, điều 9' };

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
  for (const user of ['admin', 'planner', 'chair.p02', 'justice', 'police', 'police.p01', 'homeaffairs']) await app.cookieOf(user);
});
afterAll(() => app?.close());

/** A fresh rental house (no camera) in `ward`, registered by the admin; its id. */
async function newHouse(ward = 2): Promise<number> {
  const r = await app.gql(`mutation($i: RegisterRentalHouseInput!) { registerRentalHouse(input: $i) { id } }`, {
    i: { address: `Kiệt ${ward} đường Xử Phạt`, ownerName: 'Trần Thị Chủ Trọ', ownerPhone: '0905 111 222', rooms: 6, location: point(ward) },
  });
  expect(r.errors).toBeUndefined();
  return r.data.registerRentalHouse.id;
}

function point(ward: number) {
  return { type: 'Point', coordinates: [spot[ward]!.lon, spot[ward]!.lat] };
}

/** Registers an active camera to house `houseId` (in `ward`); its id. */
async function cameraFor(houseId: number, ward = 2): Promise<number> {
  const r = await app.gql(`mutation($i: RegisterCameraInput!) { registerCamera(input: $i) { id rentalHouseId status } }`, {
    i: { type: 'DOME', ownerKind: 'RENTAL_HOUSE', rentalHouseId: houseId, location: point(ward) },
  });
  expect(r.errors).toBeUndefined();
  return r.data.registerCamera.id;
}

/** Opens a case against a fresh house of `ward` as `as`; the case. */
async function newCase(ward = 2, as = ward === 2 ? 'chair.p02' : 'admin'): Promise<any> {
  const houseId = await newHouse(ward);
  const r = await app.gql(OPEN, { input: { rentalHouseId: houseId } }, { as });
  expect(r.errors).toBeUndefined();
  return r.data.openPenaltyCase;
}

/** Rows of every table a case's workflow writes. */
async function counts() {
  return {
    cases: await app.count('penalty_case'),
    caseEvents: await app.count('penalty_case_event'),
    houseEvents: await app.count('rental_house_event'),
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

const kinds = (c: { events: { kind: string }[] }) => c.events.map((e) => e.kind);

describe('a penalty case from opening to a paid fine', () => {
  it('is opened by the ward chair, referred, decided as a fine, paid and closed FINE_PAID: one timeline event per step', async () => {
    const houseId = await newHouse();
    let before = await counts();
    const opened = await app.gql(OPEN, { input: { rentalHouseId: houseId, note: 'Không có camera', fileReference: 'BB-2017/012' } }, { as: 'chair.p02' });
    expect(opened.errors).toBeUndefined();
    const c = opened.data.openPenaltyCase;
    expect(c).toMatchObject({
      wardId: 2,
      ward: { id: 2 },
      rentalHouseId: houseId,
      state: 'OPEN',
      decision: null,
      referredAt: null,
      closedAt: null,
      rentalHouse: { id: houseId, complianceStatus: 'NON_COMPLIANT' },
      allowedActions: ['REFER', 'ADD_EVIDENCE'],
    });
    expect(c.events).toEqual([{ kind: 'OPENED', note: 'Không có camera', fileReference: 'BB-2017/012', username: 'chair.p02', at: c.openedAt }]);
    let after = await counts();
    expect(after.cases - before.cases).toBe(1);
    expect(after.caseEvents - before.caseEvents).toBe(1);
    expect(after.houseEvents - before.houseEvents).toBe(1);
    const [houseEvent] = (await app.sql.query(
      `SELECT status, reason FROM rental_house_event WHERE rental_house_id = $1 ORDER BY at DESC, id DESC LIMIT 1`,
      [houseId],
    )).rows;
    expect(houseEvent).toEqual({ status: 'non_compliant', reason: 'case_opened' });

    // Justice sees the open case but may only add evidence until it is referred.
    const seen = await app.gql(GET, { id: c.id }, { as: 'justice' });
    expect(seen.data.penaltyCase.allowedActions).toEqual(['ADD_EVIDENCE']);

    before = await counts();
    const referred = (await app.gql(REFER, { id: c.id, note: 'Chuyển Phòng Tư pháp' }, { as: 'chair.p02' })).data.referPenaltyCase;
    expect(referred).toMatchObject({ state: 'REFERRED', allowedActions: ['ADD_EVIDENCE'] });
    expect(referred.referredAt).not.toBeNull();
    after = await counts();
    expect([after.cases - before.cases, after.caseEvents - before.caseEvents, after.houseEvents - before.houseEvents]).toEqual([0, 1, 0]);
    expect((await app.gql(GET, { id: c.id }, { as: 'justice' })).data.penaltyCase.allowedActions).toEqual(['DECIDE', 'ADD_EVIDENCE']);

    before = await counts();
    const decided = (await app.gql(DECIDE, { id: c.id, input: { ...FINE, note: 'Phạt tiền' } }, { as: 'justice' })).data.decidePenaltyCase;
    expect(decided).toMatchObject({ state: 'DECIDED', decision: 'FINE', fineAmountVnd: 2_000_000, legalBasis: FINE.legalBasis, finePaidAt: null });
    expect(decided.decidedAt).not.toBeNull();
    expect(decided.allowedActions).toEqual(['RECORD_PAYMENT', 'ADD_EVIDENCE']); // not CLOSE: nothing paid, no verified camera
    after = await counts();
    expect(after.caseEvents - before.caseEvents).toBe(1);

    before = await counts();
    const paid = (await app.gql(PAY, { id: c.id }, { as: 'justice' })).data.recordFinePayment;
    expect(paid).toMatchObject({ state: 'DECIDED', allowedActions: ['CLOSE', 'ADD_EVIDENCE'] });
    expect(paid.finePaidAt).not.toBeNull();
    expect((await counts()).caseEvents - before.caseEvents).toBe(1);
    // The chair may close it too, but not record payments.
    expect((await app.gql(GET, { id: c.id }, { as: 'chair.p02' })).data.penaltyCase.allowedActions).toEqual(['CLOSE', 'ADD_EVIDENCE']);

    before = await counts();
    const closed = (await app.gql(CLOSE, { id: c.id, note: 'Đã nộp phạt' }, { as: 'justice' })).data.closePenaltyCase;
    expect(closed).toMatchObject({ state: 'CLOSED', closeReason: 'FINE_PAID', allowedActions: [] });
    expect(closed.closedAt).not.toBeNull();
    expect(new Date(closed.updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(closed.closedAt).getTime());
    after = await counts();
    expect([after.cases - before.cases, after.caseEvents - before.caseEvents]).toEqual([0, 1]);
    expect(kinds(closed)).toEqual(['OPENED', 'REFERRED', 'DECIDED', 'FINE_PAID', 'CLOSED']);
    expect(closed.events.map((e: { username: string }) => e.username)).toEqual(['chair.p02', 'chair.p02', 'justice', 'justice', 'justice']);
    // The audit log names each step.
    const { rows } = await app.sql.query(`SELECT action FROM audit_log WHERE entity = 'penalty_case' AND entity_id = $1 ORDER BY id`, [c.id]);
    expect(rows.map((r) => r.action)).toEqual(['openPenaltyCase', 'referPenaltyCase', 'decidePenaltyCase', 'recordFinePayment', 'closePenaltyCase']);
  });
});

describe('a penalty case closed by a verified camera', () => {
  it('cannot close while the house has no verified camera, and closes CAMERA_VERIFIED once a check finds its new camera working', async () => {
    const c = await newCase();
    await expectRefused(() => app.gql(CLOSE, { id: c.id }, { as: 'chair.p02' }), 'BAD_USER_INPUT', 'id');

    await cameraFor(c.rentalHouseId);
    const installed = (await app.gql(GET, { id: c.id }, { as: 'chair.p02' })).data.penaltyCase;
    expect(installed.rentalHouse.complianceStatus).toBe('CAMERA_INSTALLED');
    expect(installed.allowedActions).not.toContain('CLOSE'); // installed is not yet verified
    await expectRefused(() => app.gql(CLOSE, { id: c.id }, { as: 'chair.p02' }), 'BAD_USER_INPUT', 'id');

    const check = await app.gql(CHECK, { input: { rentalHouseId: c.rentalHouseId, result: 'CAMERA_WORKING', note: 'Camera hoạt động' } }, { as: 'chair.p02' });
    expect(check.data.recordRentalHouseCheck.complianceStatus).toBe('CAMERA_VERIFIED');
    const verified = (await app.gql(GET, { id: c.id }, { as: 'chair.p02' })).data.penaltyCase;
    expect(verified.allowedActions).toEqual(['REFER', 'CLOSE', 'ADD_EVIDENCE']);

    const closed = await app.gql(CLOSE, { id: c.id, note: 'Đã lắp camera' }, { as: 'chair.p02' });
    expect(closed.errors).toBeUndefined();
    expect(closed.data.closePenaltyCase).toMatchObject({ state: 'CLOSED', closeReason: 'CAMERA_VERIFIED', referredAt: null, decision: null });
    expect(kinds(closed.data.closePenaltyCase)).toEqual(['OPENED', 'CLOSED']);
  });
});

describe('a penalty case decided with a warning', () => {
  it('has no fine to pay, cannot close until the house complies, then closes CAMERA_VERIFIED from DECIDED', async () => {
    const c = await newCase();
    await app.gql(REFER, { id: c.id }, { as: 'chair.p02' });
    const decided = await app.gql(DECIDE, { id: c.id, input: WARNING }, { as: 'justice' });
    expect(decided.errors).toBeUndefined();
    expect(decided.data.decidePenaltyCase).toMatchObject({ state: 'DECIDED', decision: 'WARNING', fineAmountVnd: null, allowedActions: ['ADD_EVIDENCE'] });

    const pay = await expectRefused(() => app.gql(PAY, { id: c.id }, { as: 'justice' }), 'BAD_USER_INPUT', 'id');
    expect(pay.errors![0]!.message).toMatch(/warning/);
    await expectRefused(() => app.gql(CLOSE, { id: c.id }, { as: 'justice' }), 'BAD_USER_INPUT', 'id');

    await cameraFor(c.rentalHouseId);
    await app.gql(CHECK, { input: { rentalHouseId: c.rentalHouseId, result: 'CAMERA_WORKING' } }, { as: 'police' });
    const closed = await app.gql(CLOSE, { id: c.id }, { as: 'justice' });
    expect(closed.data.closePenaltyCase).toMatchObject({ state: 'CLOSED', closeReason: 'CAMERA_VERIFIED', decision: 'WARNING' });
    expect(kinds(closed.data.closePenaltyCase)).toEqual(['OPENED', 'REFERRED', 'DECIDED', 'CLOSED']);
  });
});

describe('illegal transitions change nothing', () => {
  /** One case in each state, opened in ward 2. */
  const c: Record<'open' | 'referred' | 'fine' | 'closed', { id: number; rentalHouseId: number }> = {} as never;
  beforeAll(async () => {
    c.open = await newCase();
    c.referred = await newCase();
    await app.gql(REFER, { id: c.referred.id }, { as: 'chair.p02' });
    c.fine = await newCase();
    await app.gql(REFER, { id: c.fine.id }, { as: 'chair.p02' });
    await app.gql(DECIDE, { id: c.fine.id, input: FINE }, { as: 'justice' });
    c.closed = await newCase();
    await app.gql(REFER, { id: c.closed.id }, { as: 'chair.p02' });
    await app.gql(DECIDE, { id: c.closed.id, input: FINE }, { as: 'justice' });
    await app.gql(PAY, { id: c.closed.id }, { as: 'justice' });
    expect((await app.gql(CLOSE, { id: c.closed.id }, { as: 'justice' })).data.closePenaltyCase.state).toBe('CLOSED');
  });

  const refusals: [string, () => [string, Record<string, unknown>, string], string, string][] = [
    ['deciding a closed case', () => [DECIDE, { id: c.closed.id, input: FINE }, 'justice'], 'BAD_USER_INPUT', 'id'],
    ['referring a closed case', () => [REFER, { id: c.closed.id }, 'chair.p02'], 'BAD_USER_INPUT', 'id'],
    ['paying a closed case again', () => [PAY, { id: c.closed.id }, 'justice'], 'BAD_USER_INPUT', 'id'],
    ['closing a closed case', () => [CLOSE, { id: c.closed.id }, 'justice'], 'BAD_USER_INPUT', 'id'],
    ['adding evidence to a closed case', () => [EVIDENCE, { id: c.closed.id, input: { note: 'muộn' } }, 'police'], 'BAD_USER_INPUT', 'id'],
    ['deciding an open case', () => [DECIDE, { id: c.open.id, input: FINE }, 'justice'], 'BAD_USER_INPUT', 'id'],
    ['paying an open case', () => [PAY, { id: c.open.id }, 'justice'], 'BAD_USER_INPUT', 'id'],
    ['referring a referred case again', () => [REFER, { id: c.referred.id }, 'chair.p02'], 'BAD_USER_INPUT', 'id'],
    ['paying a referred case', () => [PAY, { id: c.referred.id }, 'justice'], 'BAD_USER_INPUT', 'id'],
    ['deciding a decided case again', () => [DECIDE, { id: c.fine.id, input: WARNING }, 'justice'], 'BAD_USER_INPUT', 'id'],
    ['closing while the house has no camera and the fine is unpaid', () => [CLOSE, { id: c.fine.id }, 'justice'], 'BAD_USER_INPUT', 'id'],
    ['closing an open case of a house without a camera', () => [CLOSE, { id: c.open.id }, 'chair.p02'], 'BAD_USER_INPUT', 'id'],
    ['opening a second case for the same house', () => [OPEN, { input: { rentalHouseId: c.open.rentalHouseId } }, 'chair.p02'], 'BAD_USER_INPUT', 'input.rentalHouseId'],
    ['opening a case against a house that does not exist', () => [OPEN, { input: { rentalHouseId: 987654 } }, 'admin'], 'NOT_FOUND', 'input.rentalHouseId'],
    ['referring as JUSTICE', () => [REFER, { id: c.open.id }, 'justice'], 'FORBIDDEN', ''],
    ['deciding as the ward chair', () => [DECIDE, { id: c.referred.id, input: FINE }, 'chair.p02'], 'FORBIDDEN', ''],
    ['recording a payment as the ward chair', () => [PAY, { id: c.fine.id }, 'chair.p02'], 'FORBIDDEN', ''],
    ['closing as POLICE', () => [CLOSE, { id: c.open.id }, 'police'], 'FORBIDDEN', ''],
    ['opening a case as PLANNER', () => [OPEN, { input: { rentalHouseId: c.open.rentalHouseId } }, 'planner'], 'FORBIDDEN', ''],
    ['referring a case that does not exist', () => [REFER, { id: 987654 }, 'admin'], 'NOT_FOUND', 'id'],
  ];
  for (const [what, args, code, field] of refusals) {
    it(`refuses ${what} with ${code}${field ? ` naming ${field}` : ''}`, async () => {
      const [query, vars, as] = args();
      await expectRefused(() => app.gql(query, vars, { as }), code, field || undefined);
    });
  }

  it('opens one case when two openings for the same house race: the other is BAD_USER_INPUT naming input.rentalHouseId', async () => {
    const houseId = await newHouse();
    const before = await counts();
    const both = await Promise.all([
      app.gql(OPEN, { input: { rentalHouseId: houseId } }, { as: 'chair.p02' }),
      app.gql(OPEN, { input: { rentalHouseId: houseId } }, { as: 'admin' }),
    ]);
    const opened = both.filter((r) => r.errors === undefined);
    const refused = both.filter((r) => r.errors !== undefined);
    expect(opened).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(firstError(refused[0]!)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.rentalHouseId' });
    const after = await counts();
    expect(after.cases - before.cases).toBe(1);
    expect(after.caseEvents - before.caseEvents).toBe(1);
    expect(await app.count('penalty_case', `rental_house_id = ${houseId}`)).toBe(1);
  });

  it('refuses to open a case against a house with an active camera', async () => {
    const houseId = await newHouse();
    await cameraFor(houseId);
    await expectRefused(() => app.gql(OPEN, { input: { rentalHouseId: houseId } }, { as: 'chair.p02' }), 'BAD_USER_INPUT', 'input.rentalHouseId');
  });

  it('leaves the refused cases as they were', async () => {
    const states = await app.sql.query(`SELECT id, state FROM penalty_case WHERE id = ANY($1) ORDER BY id`, [
      [c.open.id, c.referred.id, c.fine.id, c.closed.id],
    ]);
    expect(states.rows.map((r) => r.state)).toEqual(['open', 'referred', 'decided', 'closed']);
  });

  it('is also refused by the database itself, past the server (the trigger the server maps to the field)', async () => {
    /** A statement straight to the database, rolled back whatever happens. */
    const direct = async (text: string, params: unknown[]) => {
      await app.sql.query('BEGIN');
      try {
        await app.sql.query(`SET LOCAL ww.system = 'on'`);
        return await app.sql.query(text, params);
      } finally {
        await app.sql.query('ROLLBACK');
      }
    };
    const refused = { code: '23514', constraint: 'ww_penalty_case_transition' };
    await expect(direct(`UPDATE penalty_case SET state = 'decided', decision = 'warning', legal_basis = 'abc', decided_at = now() WHERE id = $1`, [c.open.id]))
      .rejects.toMatchObject(refused);
    await expect(direct(`UPDATE penalty_case SET state = 'open', closed_at = NULL, close_reason = NULL WHERE id = $1`, [c.closed.id]))
      .rejects.toMatchObject(refused);
    await expect(direct(`UPDATE penalty_case SET state = 'closed', closed_at = now(), close_reason = 'fine_paid' WHERE id = $1`, [c.fine.id]))
      .rejects.toMatchObject(refused);
  });
});

describe('bad input', () => {
  let referred: { id: number };
  let open: { id: number; rentalHouseId: number };
  beforeAll(async () => {
    referred = await newCase();
    await app.gql(REFER, { id: referred.id }, { as: 'chair.p02' });
    open = await newCase();
  });
  const long = 'x'.repeat(4001);

  const decisions: [string, Record<string, unknown>, string][] = [
    ['a fine of 0 VND', { ...FINE, fineAmountVnd: 0 }, 'input.fineAmountVnd'],
    ['a fine over 1,000,000,000 VND', { ...FINE, fineAmountVnd: 1_000_000_001 }, 'input.fineAmountVnd'],
    ['a negative fine', { ...FINE, fineAmountVnd: -5 }, 'input.fineAmountVnd'],
    ['a fine without its amount', { decision: 'FINE', legalBasis: FINE.legalBasis }, 'input.fineAmountVnd'],
    ['a warning with an amount', { ...WARNING, fineAmountVnd: 100_000 }, 'input.fineAmountVnd'],
    ['an empty legal basis', { ...FINE, legalBasis: '' }, 'input.legalBasis'],
    ['a legal basis of spaces', { ...FINE, legalBasis: '      ' }, 'input.legalBasis'],
    ['a legal basis over 1000 characters', { ...FINE, legalBasis: 'x'.repeat(1001) }, 'input.legalBasis'],
    ['a note over 4000 characters', { ...FINE, note: long }, 'input.note'],
  ];
  for (const [what, input, field] of decisions) {
    it(`refuses a decision with ${what}, naming ${field}`, async () => {
      await expectRefused(() => app.gql(DECIDE, { id: referred.id, input }, { as: 'justice' }), 'BAD_USER_INPUT', field);
    });
  }

  it('refuses notes over 4000 characters and file references over 500 on every mutation that takes them', async () => {
    await expectRefused(() => app.gql(REFER, { id: open.id, note: long }, { as: 'chair.p02' }), 'BAD_USER_INPUT', 'note');
    await expectRefused(() => app.gql(CLOSE, { id: open.id, note: long }, { as: 'chair.p02' }), 'BAD_USER_INPUT', 'note');
    await expectRefused(() => app.gql(PAY, { id: open.id, note: long }, { as: 'justice' }), 'BAD_USER_INPUT', 'note');
    await expectRefused(() => app.gql(EVIDENCE, { id: open.id, input: { note: long } }, { as: 'police' }), 'BAD_USER_INPUT', 'input.note');
    await expectRefused(() => app.gql(EVIDENCE, { id: open.id, input: { fileReference: 'f'.repeat(501) } }, { as: 'police' }), 'BAD_USER_INPUT', 'input.fileReference');
    const houseId = await newHouse();
    await expectRefused(() => app.gql(OPEN, { input: { rentalHouseId: houseId, note: long } }, { as: 'chair.p02' }), 'BAD_USER_INPUT', 'input.note');
  });

  it('refuses a states filter longer than the states there are (5 of 4), naming filter.states', async () => {
    const q = `query($f: PenaltyCaseFilterInput) { penaltyCases(filter: $f, first: 5) { totalCount } }`;
    const all = ['OPEN', 'REFERRED', 'DECIDED', 'CLOSED'];
    const four = await app.gql(q, { f: { states: all } }, { as: 'justice' });
    expect(four.errors).toBeUndefined();
    expect(four.data.penaltyCases.totalCount).toBe(await app.count('penalty_case'));
    const five = await app.gql(q, { f: { states: [...all, 'OPEN'] } }, { as: 'justice' });
    expect(firstError(five)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.states' });
    expect(five.data?.penaltyCases ?? null).toBeNull();
  });

  it('refuses evidence with neither a note nor a file reference', async () => {
    await expectRefused(() => app.gql(EVIDENCE, { id: open.id, input: { note: '   ' } }, { as: 'police' }), 'BAD_USER_INPUT', 'input.note');
  });

  it('adds a note and a piece of evidence to the timeline without changing the state', async () => {
    const before = await counts();
    await app.gql(EVIDENCE, { id: open.id, input: { note: 'Chủ nhà hẹn lắp camera' } }, { as: 'police' });
    const r = await app.gql(EVIDENCE, { id: open.id, input: { fileReference: 'anh-hien-truong.jpg', note: 'Ảnh hiện trường' } }, { as: 'justice' });
    expect(r.errors).toBeUndefined();
    expect(r.data.addPenaltyCaseEvidence.state).toBe('OPEN');
    expect(r.data.addPenaltyCaseEvidence.events.slice(1)).toMatchObject([
      { kind: 'NOTE', note: 'Chủ nhà hẹn lắp camera', fileReference: null, username: 'police' },
      { kind: 'EVIDENCE', note: 'Ảnh hiện trường', fileReference: 'anh-hien-truong.jpg', username: 'justice' },
    ]);
    const after = await counts();
    expect([after.cases - before.cases, after.caseEvents - before.caseEvents, after.houseEvents - before.houseEvents]).toEqual([0, 2, 0]);
  });
});

describe('scope', () => {
  let foreign: { id: number; rentalHouseId: number; wardId: number };
  beforeAll(async () => {
    foreign = await newCase(3, 'admin');
    await newCase(2);
  });

  it("answers a ward chair's request for another ward's case exactly like a missing one", async () => {
    expect(foreign.wardId).toBe(3);
    const theirs = await app.gql(GET, { id: foreign.id }, { as: 'chair.p02' });
    const missing = await app.gql(GET, { id: 987654 }, { as: 'chair.p02' });
    expect(firstError(theirs)).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    const strip = (r: GraphQLResponse) => JSON.stringify(r).replaceAll(String(foreign.id), 'ID').replaceAll('987654', 'ID');
    expect(strip(theirs)).toBe(strip(missing));
  });

  it("lets a ward chair act on no other ward's case or house: NOT_FOUND, nothing written", async () => {
    await expectRefused(() => app.gql(REFER, { id: foreign.id }, { as: 'chair.p02' }), 'NOT_FOUND', 'id');
    await expectRefused(() => app.gql(EVIDENCE, { id: foreign.id, input: { note: 'x' } }, { as: 'chair.p02' }), 'NOT_FOUND', 'id');
    await expectRefused(() => app.gql(CLOSE, { id: foreign.id }, { as: 'chair.p02' }), 'NOT_FOUND', 'id');
    await expectRefused(() => app.gql(EVIDENCE, { id: foreign.id, input: { note: 'x' } }, { as: 'police.p01' }), 'NOT_FOUND', 'id');
    const otherHouse = await newHouse(3);
    await expectRefused(() => app.gql(OPEN, { input: { rentalHouseId: otherHouse } }, { as: 'chair.p02' }), 'NOT_FOUND', 'input.rentalHouseId');
  });

  it("lists only the chair's own ward, and refuses a filter on another ward", async () => {
    const r = await app.gql(`{ penaltyCases(first: 500) { totalCount edges { node { id wardId rentalHouse { wardId } } } } }`, {}, { as: 'chair.p02' });
    expect(r.errors).toBeUndefined();
    expect(r.data.penaltyCases.totalCount).toBe(await app.count('penalty_case', 'ward_id = 2'));
    expect(r.data.penaltyCases.edges.length).toBeGreaterThan(0);
    for (const e of r.data.penaltyCases.edges) expect(e.node).toMatchObject({ wardId: 2, rentalHouse: { wardId: 2 } });
    const other = await app.gql(`{ penaltyCases(filter: { wardId: 3 }) { totalCount } }`, {}, { as: 'chair.p02' });
    expect(firstError(other)).toMatchObject({ code: 'NOT_FOUND', field: 'filter.wardId' });
  });

  it('lists the whole district for JUSTICE, filtered by ward, state and house', async () => {
    const all = await app.gql(`{ penaltyCases(first: 500) { totalCount } }`, {}, { as: 'justice' });
    expect(all.data.penaltyCases.totalCount).toBe(await app.count('penalty_case'));
    const ward3 = await app.gql(`{ penaltyCases(filter: { wardId: 3, states: [OPEN] }, first: 500) { totalCount edges { node { id wardId state } } } }`, {}, { as: 'justice' });
    expect(ward3.data.penaltyCases.totalCount).toBe(await app.count('penalty_case', `ward_id = 3 AND state = 'open'`));
    expect(ward3.data.penaltyCases.edges.map((e: any) => e.node.id)).toContain(foreign.id);
    for (const e of ward3.data.penaltyCases.edges) expect(e.node).toMatchObject({ wardId: 3, state: 'OPEN' });
    const one = await app.gql(`query($h: Int!) { penaltyCases(filter: { rentalHouseId: $h }) { edges { node { id } } } }`, { h: foreign.rentalHouseId }, { as: 'police' });
    expect(one.data.penaltyCases.edges).toEqual([{ node: { id: foreign.id } }]);
  });

  it("shows the house owner's name through the case to JUSTICE, and null to PLANNER", async () => {
    const q = `query($id: Int!) { penaltyCase(id: $id) { rentalHouse { ownerName ownerPhone openPenaltyCase { id } penaltyCases { id state } } } }`;
    const justice = await app.gql(q, { id: foreign.id }, { as: 'justice' });
    expect(justice.data.penaltyCase.rentalHouse).toMatchObject({
      ownerName: 'Trần Thị Chủ Trọ',
      ownerPhone: '0905 111 222',
      openPenaltyCase: { id: foreign.id },
      penaltyCases: [{ id: foreign.id, state: 'OPEN' }],
    });
    const planner = await app.gql(q, { id: foreign.id }, { as: 'planner' });
    expect(planner.errors).toBeUndefined();
    expect(planner.data.penaltyCase.rentalHouse).toMatchObject({ ownerName: null, ownerPhone: null });
  });

  it('refuses penalty cases to HOME_AFFAIRS', async () => {
    expect(firstError(await app.gql(`{ penaltyCases { totalCount } }`, {}, { as: 'homeaffairs' }))).toMatchObject({ code: 'FORBIDDEN' });
  });
});

/** Parses RFC 4180 CSV (quoted fields with commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r' && s[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += ch;
  }
  return rows;
}

describe('the CSV export of penalty cases', () => {
  const HEADER = ['id', 'ward', 'rentalHouseId', 'address', 'ownerName', 'ownerPhone', 'complianceStatus', 'state', 'decision', 'fineAmountVnd',
    'legalBasis', 'openedAt', 'referredAt', 'decidedAt', 'finePaidAt', 'closedAt', 'closeReason'];

  it("gives a planner every case of the district, without the owners' names and phones", async () => {
    const res = await app.get('/export/penalty-cases.csv', { as: 'planner' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="?penalty-cases\.csv"?$/);
    const [header, ...rows] = parseCsv(await res.text());
    expect(header).toEqual(HEADER);
    expect(rows).toHaveLength(await app.count('penalty_case'));
    for (const r of rows) expect([r[4], r[5]]).toEqual(['', '']);
    const fine = rows.find((r) => r[9] === '2000000');
    expect(fine).toBeDefined();
  });

  it('gives JUSTICE the owners, and a ward chair their own ward only', async () => {
    const justice = parseCsv(await (await app.get('/export/penalty-cases.csv?wardId=3', { as: 'justice' })).text()).slice(1);
    expect(justice).toHaveLength(await app.count('penalty_case', 'ward_id = 3'));
    expect(justice.some((r) => r[4] === 'Trần Thị Chủ Trọ')).toBe(true);
    const chair = parseCsv(await (await app.get('/export/penalty-cases.csv', { as: 'chair.p02' })).text()).slice(1);
    expect(chair).toHaveLength(await app.count('penalty_case', 'ward_id = 2'));
    const { rows: wards } = await app.sql.query(`SELECT name FROM ward WHERE id = 2`);
    for (const r of chair) expect(r[1]).toBe(wards[0].name);
    const foreign = await app.get('/export/penalty-cases.csv?wardId=3', { as: 'chair.p02' });
    expect(foreign.status).toBe(404);
  });

  it('is refused to HOME_AFFAIRS, to nobody logged in, and for a malformed ward id', async () => {
    const homeAffairs = await app.get('/export/penalty-cases.csv', { as: 'homeaffairs' });
    expect(homeAffairs.status).toBe(403);
    expect((await homeAffairs.json()).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await app.get('/export/penalty-cases.csv', { as: null })).status).toBe(401);
    const bad = await app.get('/export/penalty-cases.csv?wardId=abc', { as: 'planner' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'wardId' });
  });
});
