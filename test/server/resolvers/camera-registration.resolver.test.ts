import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { APP_ROLE } from '../../../db/migrations/1764662400000-access';
import { DEFAULT_DEMO_SEED } from '../../../db/seed/demo-district';
import { demoRegistrations } from '../../../db/seed/demo-registrations';
import { firstError, gqlWith, startTestApp, type GraphQLResponse, type TestApp } from '../../support/server';

/**
 * Owners' self-registration (R1): the public page's submission and status check (no login), the
 * rate limit on them, and the ward's review queue. Every refusal is shown to write nothing by
 * counting rows before and after. The app believes one proxy hop (X-Forwarded-For), so each test
 * speaks from its own address.
 */
const SUBMIT = /* GraphQL */ `
  mutation Submit($input: SubmitCameraRegistrationInput!) {
    submitCameraRegistration(input: $input) {
      reference state submittedAt wardName residentialGroupName districtName longitude latitude type ownerKind bearing fieldOfView rangeMeters policeAccess
    }
  }`;
const STATUS = /* GraphQL */ `
  query Status($reference: String!, $phone: String!) {
    cameraRegistrationStatus(reference: $reference, phone: $phone) { reference state submittedAt decidedAt reviewNote wardName }
  }`;
const REGISTRATION_FIELDS = 'id reference state wardId bearing ownerName ownerPhone ownerEmail address reviewedBy reviewedAt reviewNote cameraId camera { id bearing status wardId }';

let app: TestApp;
/** A point in ward 2 where no active camera sees (the gap of one of its groups), and that group. */
let spot: { lon: number; lat: number; groupId: number };
let addressNo = 0;

/** A fresh client address (TEST-NET-3), so that each test has its own rate-limit budget. */
function newAddress(): string {
  addressNo += 1;
  return `203.0.113.${addressNo}`;
}

function registration(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    location: { type: 'Point', coordinates: [spot.lon, spot.lat] },
    type: 'FIXED',
    ownerKind: 'HOUSEHOLD',
    bearing: 45,
    ownerName: 'Nguyễn Văn Kiểm',
    ownerPhone: '0905 123 456',
    ownerEmail: 'kiem.nguyen@example.com',
    address: '12 Lê Lợi, tổ 3',
    policeAccess: 'ON_REQUEST',
    consentToContact: true,
    ...overrides,
  };
}

/** The public mutation, anonymous, from `address`. */
async function submit(address: string, input: Record<string, unknown> = registration()): Promise<GraphQLResponse> {
  return (await gqlWith(app.server.url, null, SUBMIT, { input }, { 'x-forwarded-for': address })).body;
}

async function status(address: string, reference: string, phone: string): Promise<GraphQLResponse> {
  return (await gqlWith(app.server.url, null, STATUS, { reference, phone }, { 'x-forwarded-for': address })).body;
}

async function idOf(reference: string): Promise<number> {
  return (await app.sql.query(`SELECT id FROM camera_registration WHERE reference = $1`, [reference])).rows[0].id;
}

async function coverageOf(groupId: number): Promise<{ covered: number; cameras: number; at: string }> {
  const { rows } = await app.sql.query(
    `SELECT covered_area_m2 AS covered, active_camera_count AS cameras, computed_at::text AS at FROM residential_group_coverage WHERE residential_group_id = $1`,
    [groupId],
  );
  return rows[0];
}

beforeAll(async () => {
  app = await startTestApp({ config: { trustProxy: 1, registrationsPerHour: 5, registrationsPerHourTotal: 1000 } });
  const { rows } = await app.sql.query(`
    SELECT g.id AS "groupId", ST_X(p) AS lon, ST_Y(p) AS lat
      FROM residential_group g JOIN residential_group_coverage c ON c.residential_group_id = g.id
      CROSS JOIN LATERAL ST_PointOnSurface(c.gap) AS p
     WHERE g.ward_id = 2 AND c.gap_area_m2 > 5000 AND ST_Covers(g.boundary, p)
     ORDER BY g.id LIMIT 1`);
  spot = rows[0];
});

afterAll(async () => {
  await app?.close();
});

describe('the public registration: submitted without a login, pending until the ward approves it', () => {
  let reference: string;

  it('answers a signed-out owner with a 10-character reference, the ward that will review it and a summary of what was registered', async () => {
    const before = await app.count('camera_registration');
    const r = await submit(newAddress());
    expect(r.errors).toBeUndefined();
    const receipt = r.data.submitCameraRegistration;
    reference = receipt.reference;
    expect(reference).toMatch(/^[2-9A-HJ-NP-Z]{10}$/);
    expect(receipt).toMatchObject({
      state: 'PENDING', type: 'FIXED', ownerKind: 'HOUSEHOLD', bearing: 45, fieldOfView: 85, rangeMeters: 30, policeAccess: 'ON_REQUEST',
      longitude: spot.lon, latitude: spot.lat,
    });
    const { rows } = await app.sql.query(
      `SELECT w.name AS ward, g.name AS "group", d.name AS district FROM ward w JOIN district d ON d.id = w.district_id
         JOIN residential_group g ON g.id = $1 WHERE w.id = 2`,
      [spot.groupId],
    );
    expect([receipt.wardName, receipt.residentialGroupName, receipt.districtName]).toEqual([rows[0].ward, rows[0].group, rows[0].district]);
    expect(await app.count('camera_registration')).toBe(before + 1);
    const [row] = (await app.sql.query(`SELECT state, ward_id, residential_group_id, owner_name, camera_id FROM camera_registration WHERE reference = $1`, [reference])).rows;
    expect(row).toEqual({ state: 'pending', ward_id: 2, residential_group_id: spot.groupId, owner_name: 'Nguyễn Văn Kiểm', camera_id: null });
  });

  it('gives each registration its own reference', async () => {
    const address = newAddress();
    const a = (await submit(address)).data.submitCameraRegistration.reference;
    const b = (await submit(address)).data.submitCameraRegistration.reference;
    expect(new Set([reference, a, b]).size).toBe(3);
  });

  it('counts pending registrations nowhere: no camera, no coverage, no change to the ward’s camera count', async () => {
    const coverage = await coverageOf(spot.groupId);
    const cameras = await app.count('camera');
    const ward = (await app.gql('{ ward(id: 2) { cameraCount coverage { coveredAreaM2 } } }', {}, { as: 'chair.p02' })).data.ward;
    const address = newAddress();
    for (let i = 0; i < 3; i++) expect((await submit(address, registration({ bearing: i * 90 }))).errors).toBeUndefined();
    expect(await app.count('camera')).toBe(cameras);
    expect(await coverageOf(spot.groupId)).toEqual(coverage);
    expect((await app.gql('{ ward(id: 2) { cameraCount coverage { coveredAreaM2 } } }', {}, { as: 'chair.p02' })).data.ward).toEqual(ward);
  });

  it('tells the owner where it stands from the reference and the phone number, written either way, and nothing else', async () => {
    const r = await status(newAddress(), reference.toLowerCase().replace(/^(.{5})/, '$1-'), '+84 905-123-456');
    expect(r.errors).toBeUndefined();
    expect(r.data.cameraRegistrationStatus).toMatchObject({ reference, state: 'PENDING', decidedAt: null, reviewNote: null });
    expect(Object.keys(r.data.cameraRegistrationStatus).sort()).toEqual(['decidedAt', 'reference', 'reviewNote', 'state', 'submittedAt', 'wardName']);
    // The owner's details are not part of the answer at all.
    const asked = await gqlWith(app.server.url, null, '{ cameraRegistrationStatus(reference: "X", phone: "0905123456") { ownerName } }');
    expect(firstError(asked.body).code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('answers a wrong phone number exactly as an unknown reference: null', async () => {
    const address = newAddress();
    const wrongPhone = await status(address, reference, '0905 123 457');
    const unknown = await status(address, 'ZZZZZZZZZZ', '0905 123 456');
    expect(wrongPhone).toEqual({ data: { cameraRegistrationStatus: null } });
    expect(unknown).toEqual(wrongPhone);
  });

  it('names the field of a malformed look-up', async () => {
    const address = newAddress();
    expect(firstError(await status(address, 'ABC', '0905 123 456'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reference' });
    expect(firstError(await status(address, reference, '12'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'phone' });
  });

  it('draws the wards for the public map: every ward’s name and outline, and their extent', async () => {
    const r = (await gqlWith(app.server.url, null, '{ registrationArea { bbox wards { code name districtName boundary } } }')).body;
    expect(r.errors).toBeUndefined();
    const wards = r.data.registrationArea.wards;
    expect(wards.map((w: { code: string }) => w.code)).toEqual((await app.sql.query(`SELECT code FROM ward ORDER BY district_id, code`)).rows.map((w) => w.code));
    expect(wards[0].boundary.type).toBe('MultiPolygon');
    const [e] = (await app.sql.query(`SELECT ST_XMin(e) AS w, ST_YMin(e) AS s, ST_XMax(e) AS e, ST_YMax(e) AS n FROM (SELECT ST_Extent(boundary) AS e FROM ward) x`)).rows;
    expect(r.data.registrationArea.bbox).toEqual([e.w, e.s, e.e, e.n]);
  });
});

describe('validation: every bad input is named, and nothing is written', () => {
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['a point outside every ward', { location: { type: 'Point', coordinates: [100, 10] } }, 'input.location'],
    ['a latitude out of range', { location: { type: 'Point', coordinates: [108, 95] } }, 'input.location.coordinates[1]'],
    ['a polygon for a location', { location: { type: 'Polygon', coordinates: [] } }, 'input.location.type'],
    ['a phone number that is not one', { ownerPhone: 'call me' }, 'input.ownerPhone'],
    ['an email that is not one', { ownerEmail: 'not-an-email' }, 'input.ownerEmail'],
    ['a blank name', { ownerName: '   ' }, 'input.ownerName'],
    ['a name of 201 characters', { ownerName: 'N'.repeat(201) }, 'input.ownerName'],
    ['an address too short', { address: ' 1 ' }, 'input.address'],
    ['a field of view over 360°', { fieldOfView: 400 }, 'input.fieldOfView'],
    ['a bearing of 360°', { bearing: 360 }, 'input.bearing'],
    ['a range of 0 m', { rangeMeters: 0 }, 'input.rangeMeters'],
    ['a public place (the ward registers those)', { ownerKind: 'PUBLIC' }, 'input.ownerKind'],
    ['no consent to be contacted', { consentToContact: false }, 'input.consentToContact'],
  ];
  for (const [what, change, field] of cases) {
    it(`refuses ${what} as BAD_USER_INPUT naming ${field}`, async () => {
      const before = await app.count('camera_registration');
      const audit = await app.count('audit_log');
      const r = await submit(newAddress(), registration(change));
      expect(firstError(r)).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(r.data?.submitCameraRegistration ?? null).toBeNull();
      expect(await app.count('camera_registration')).toBe(before);
      expect(await app.count('audit_log')).toBe(audit);
    });
  }

  it('does not count refused submissions against the address’s hourly limit', async () => {
    const address = newAddress();
    for (let i = 0; i < 6; i++) expect(firstError(await submit(address, registration({ location: { type: 'Point', coordinates: [100, 10] } }))).code).toBe('BAD_USER_INPUT');
    for (let i = 0; i < 5; i++) expect((await submit(address)).errors).toBeUndefined();
  });
});

describe('the rate limit', () => {
  it('accepts exactly the hourly limit from a flood of 20 submissions sent at once from one address, and writes nothing for the rest', async () => {
    const before = await app.count('camera_registration');
    const address = newAddress();
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => submit(address, registration({ bearing: i * 10 }))));
    const accepted = answers.filter((a) => a.data?.submitCameraRegistration?.reference);
    const refused = answers.filter((a) => firstError(a).code === 'TOO_MANY_REQUESTS');
    expect(accepted).toHaveLength(5);
    expect(refused).toHaveLength(15);
    for (const r of refused) {
      expect(r.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(3500);
      expect(r.errors![0].extensions!.retryAfterSeconds).toBeLessThanOrEqual(3600);
    }
    expect(await app.count('camera_registration')).toBe(before + 5);
    // Another address is not held back by this one.
    expect((await submit(newAddress())).errors).toBeUndefined();
    expect(await app.count('camera_registration')).toBe(before + 6);
  });

  it('answers a refused submission over HTTP as TOO_MANY_REQUESTS too', async () => {
    const address = newAddress();
    for (let i = 0; i < 5; i++) await submit(address);
    const { body } = await gqlWith(app.server.url, null, SUBMIT, { input: registration() }, { 'x-forwarded-for': address });
    expect(firstError(body).code).toBe('TOO_MANY_REQUESTS');
  });

  it('limits status look-ups per address as well', async () => {
    const address = newAddress();
    for (let i = 0; i < 30; i++) expect((await status(address, 'ZZZZZZZZZZ', '0905 123 456')).errors).toBeUndefined();
    expect(firstError(await status(address, 'ZZZZZZZZZZ', '0905 123 456')).code).toBe('TOO_MANY_REQUESTS');
  });

  it('caps the whole intake per hour, whichever addresses the submissions come from', async () => {
    const small = await startTestApp({ config: { trustProxy: 1, registrationsPerHour: 3, registrationsPerHourTotal: 7 } });
    try {
      const before = await small.count('camera_registration');
      const answers: GraphQLResponse[] = [];
      for (const address of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) {
        for (let i = 0; i < 3; i++) answers.push((await gqlWith(small.server.url, null, SUBMIT, { input: registration() }, { 'x-forwarded-for': address })).body);
      }
      expect(answers.map((a) => (a.errors ? firstError(a).code : 'OK'))).toEqual(['OK', 'OK', 'OK', 'OK', 'OK', 'OK', 'OK', 'TOO_MANY_REQUESTS', 'TOO_MANY_REQUESTS']);
      expect(await small.count('camera_registration')).toBe(before + 7);
    } finally {
      await small.close();
    }
  });
});

describe("the ward's review queue", () => {
  /** A fresh pending registration in ward 2 (or at `at`), returned with its id. */
  async function pending(overrides: Record<string, unknown> = {}): Promise<{ id: number; reference: string }> {
    const r = await submit(newAddress(), registration(overrides));
    expect(r.errors).toBeUndefined();
    const reference = r.data.submitCameraRegistration.reference;
    return { id: await idOf(reference), reference };
  }

  it("lists a ward chair's own ward only, oldest first, with the owner's details; the ADMIN sees every ward but no personal data", async () => {
    const mine = await pending();
    const chair = (await app.gql(`{ cameraRegistrations(state: PENDING, first: 500) { totalCount edges { node { ${REGISTRATION_FIELDS} } } } }`, {}, { as: 'chair.p02' })).data.cameraRegistrations;
    const nodes = chair.edges.map((e: { node: { id: number } }) => e.node);
    expect(chair.totalCount).toBe(await app.count('camera_registration', `ward_id = 2 AND state = 'pending'`));
    expect(nodes.every((n: { wardId: number; state: string }) => n.wardId === 2 && n.state === 'PENDING')).toBe(true);
    expect(nodes.map((n: { id: number }) => n.id)).toEqual([...nodes.map((n: { id: number }) => n.id)].sort((a, b) => a - b));
    expect(nodes.find((n: { id: number }) => n.id === mine.id)).toMatchObject({ ownerName: 'Nguyễn Văn Kiểm', ownerPhone: '0905 123 456', ownerEmail: 'kiem.nguyen@example.com', address: '12 Lê Lợi, tổ 3' });

    const other = (await app.gql(`{ cameraRegistrations(first: 500) { totalCount edges { node { wardId } } } }`, {}, { as: 'chair.p01' })).data.cameraRegistrations;
    expect(other.totalCount).toBe(await app.count('camera_registration', 'ward_id = 1'));
    expect(other.edges.every((e: { node: { wardId: number } }) => e.node.wardId === 1)).toBe(true);

    const admin = (await app.gql(`{ cameraRegistrations(state: PENDING, first: 500) { totalCount edges { node { id wardId ownerName ownerPhone ownerEmail address } } } }`)).data.cameraRegistrations;
    expect(admin.totalCount).toBe(await app.count('camera_registration', `state = 'pending'`));
    expect(new Set(admin.edges.map((e: { node: { wardId: number } }) => e.node.wardId)).size).toBeGreaterThan(1);
    expect(admin.edges.find((e: { node: { id: number } }) => e.node.id === mine.id).node).toEqual({ id: mine.id, wardId: 2, ownerName: null, ownerPhone: null, ownerEmail: null, address: null });
  });

  it('refuses the queue to the roles that do not review registrations, and to nobody at all', async () => {
    for (const as of ['planner', 'police', 'justice', 'homeaffairs']) {
      expect(firstError(await app.gql('{ cameraRegistrations { totalCount } }', {}, { as })).code, as).toBe('FORBIDDEN');
    }
    expect(firstError(await app.gql('{ cameraRegistrations { totalCount } }', {}, { as: null })).code).toBe('UNAUTHENTICATED');
    expect(firstError(await app.gql('{ cameraRegistrations(wardId: 2) { totalCount } }', {}, { as: 'chair.p01' })).code).toBe('NOT_FOUND');
  });

  it("lets the chair of ward 1 neither approve nor reject ward 2's registration: NOT_FOUND, nothing changed", async () => {
    const reg = await pending();
    const cameras = await app.count('camera');
    const approve = await app.gql(`mutation($id: Int!) { approveCameraRegistration(id: $id) { id } }`, { id: reg.id }, { as: 'chair.p01' });
    const reject = await app.gql(`mutation($id: Int!) { rejectCameraRegistration(id: $id, reason: "Không thuộc phường") { id } }`, { id: reg.id }, { as: 'chair.p01' });
    const missing = await app.gql(`mutation($id: Int!) { approveCameraRegistration(id: $id) { id } }`, { id: 999999 }, { as: 'chair.p01' });
    expect(firstError(approve).code).toBe('NOT_FOUND');
    expect(firstError(reject).code).toBe('NOT_FOUND');
    expect(JSON.stringify(approve).replaceAll(String(reg.id), 'ID')).toBe(JSON.stringify(missing).replaceAll('999999', 'ID'));
    expect(await app.count('camera')).toBe(cameras);
    expect(await app.count('camera_registration', `id = ${reg.id} AND state = 'pending'`)).toBe(1);
    for (const as of ['planner', 'police']) {
      expect(firstError(await app.gql(`mutation($id: Int!) { approveCameraRegistration(id: $id) { id } }`, { id: reg.id }, { as })).code).toBe('FORBIDDEN');
    }
    expect(await app.count('camera')).toBe(cameras);
  });

  it('approves: the camera is made from the registration, covers its ground from then on, and its history says "registration"', async () => {
    const reg = await pending({ bearing: 200 });
    const coverage = await coverageOf(spot.groupId);
    const cameras = await app.count('camera');
    const wardBefore = (await app.gql('{ ward(id: 2) { cameraCount } }', {}, { as: 'chair.p02' })).data.ward.cameraCount;
    const r = await app.gql(
      `mutation($id: Int!, $input: ApproveCameraRegistrationInput) { approveCameraRegistration(id: $id, input: $input) { ${REGISTRATION_FIELDS} } }`,
      { id: reg.id, input: { bearing: 210, note: 'Đã xác minh tại nhà.' } },
      { as: 'chair.p02' },
    );
    expect(r.errors).toBeUndefined();
    const approved = r.data.approveCameraRegistration;
    expect(approved).toMatchObject({ state: 'APPROVED', reviewedBy: 'chair.p02', reviewNote: 'Đã xác minh tại nhà.', bearing: 200 });
    expect(approved.camera).toEqual({ id: approved.cameraId, bearing: 210, status: 'ACTIVE', wardId: 2 });
    expect(await app.count('camera')).toBe(cameras + 1);
    const [cam] = (await app.sql.query(
      `SELECT c.label, c.owner_name, c.owner_phone, c.police_access, c.camera_type, c.field_of_view, c.range_m, ST_Equals(c.location, r.location) AS same_place
         FROM camera c JOIN camera_registration r ON r.camera_id = c.id WHERE r.id = $1`,
      [reg.id],
    )).rows;
    expect(cam).toEqual({
      label: `Đăng ký ${reg.reference}`, owner_name: 'Nguyễn Văn Kiểm', owner_phone: '0905 123 456', police_access: 'on_request',
      camera_type: 'fixed', field_of_view: 85, range_m: 30, same_place: true,
    });
    const after = await coverageOf(spot.groupId);
    expect(after.cameras).toBe(coverage.cameras + 1);
    expect(after.covered).toBeGreaterThan(coverage.covered);
    expect((await app.gql('{ ward(id: 2) { cameraCount } }', {}, { as: 'chair.p02' })).data.ward.cameraCount).toBe(wardBefore + 1);
    const events = (await app.sql.query(`SELECT status, previous_status, reason, username FROM camera_status_event WHERE camera_id = $1`, [approved.cameraId])).rows;
    expect(events).toEqual([{ status: 'active', previous_status: null, reason: 'registration', username: 'chair.p02' }]);

    // The owner's status check now says so, with the ward's note and the time it was decided.
    const s = (await status(newAddress(), reg.reference, '0905123456')).data.cameraRegistrationStatus;
    expect(s).toMatchObject({ state: 'APPROVED', reviewNote: 'Đã xác minh tại nhà.' });
    expect(Date.parse(s.decidedAt)).toBeGreaterThanOrEqual(Date.parse(s.submittedAt));
  });

  it('keeps a decided registration decided: a second approval or a rejection is BAD_USER_INPUT naming id, and writes nothing', async () => {
    const reg = await pending();
    expect((await app.gql(`mutation($id: Int!) { approveCameraRegistration(id: $id) { id } }`, { id: reg.id })).errors).toBeUndefined();
    const cameras = await app.count('camera');
    const audit = await app.count('audit_log');
    for (const q of [`approveCameraRegistration(id: $id) { id }`, `rejectCameraRegistration(id: $id, reason: "Trùng đăng ký") { id }`]) {
      expect(firstError(await app.gql(`mutation($id: Int!) { ${q} }`, { id: reg.id }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    }
    expect(await app.count('camera')).toBe(cameras);
    expect(await app.count('audit_log')).toBe(audit);
  });

  it('rejects only with a reason, which the owner then reads; nothing covers', async () => {
    const reg = await pending();
    const cameras = await app.count('camera');
    for (const reason of ['', '  ', 'x'.repeat(1001)]) {
      const r = await app.gql(`mutation($id: Int!, $reason: String!) { rejectCameraRegistration(id: $id, reason: $reason) { id } }`, { id: reg.id, reason }, { as: 'chair.p02' });
      expect(firstError(r)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    }
    expect(await app.count('camera_registration', `id = ${reg.id} AND state = 'pending'`)).toBe(1);
    const r = await app.gql(
      `mutation($id: Int!) { rejectCameraRegistration(id: $id, reason: "  Camera hướng vào nhà bên cạnh.  ") { state reviewNote reviewedBy cameraId } }`,
      { id: reg.id },
      { as: 'chair.p02' },
    );
    expect(r.data.rejectCameraRegistration).toEqual({ state: 'REJECTED', reviewNote: 'Camera hướng vào nhà bên cạnh.', reviewedBy: 'chair.p02', cameraId: null });
    expect(await app.count('camera')).toBe(cameras);
    const s = (await status(newAddress(), reg.reference, '0905 123 456')).data.cameraRegistrationStatus;
    expect(s).toMatchObject({ state: 'REJECTED', reviewNote: 'Camera hướng vào nhà bên cạnh.' });
  });

  it('names a bad approval input: a bearing out of range, a note too long', async () => {
    const reg = await pending();
    const q = `mutation($id: Int!, $input: ApproveCameraRegistrationInput) { approveCameraRegistration(id: $id, input: $input) { id } }`;
    expect(firstError(await app.gql(q, { id: reg.id, input: { bearing: -1 } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.bearing' });
    expect(firstError(await app.gql(q, { id: reg.id, input: { note: 'n'.repeat(1001) } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.note' });
    expect(await app.count('camera_registration', `id = ${reg.id} AND state = 'pending'`)).toBe(1);
  });

  it("keeps the owner's contact details and address out of the audit log", async () => {
    const reg = await pending();
    await app.gql(`mutation($id: Int!) { rejectCameraRegistration(id: $id, reason: "Thiếu thông tin") { id } }`, { id: reg.id }, { as: 'chair.p02' });
    const { rows } = await app.sql.query(`SELECT operation, action, username, before, after FROM audit_log WHERE entity = 'camera_registration' AND entity_id = $1 ORDER BY id`, [reg.id]);
    expect(rows.map((r) => [r.operation, r.action, r.username])).toEqual([['INSERT', 'submitCameraRegistration', null], ['UPDATE', 'rejectCameraRegistration', 'chair.p02']]);
    for (const r of rows) {
      for (const image of [r.before, r.after].filter(Boolean)) {
        expect(image).toMatchObject({ owner_name: '[redacted]', owner_phone: '[redacted]', owner_email: '[redacted]', address: '[redacted]' });
      }
    }
    expect(JSON.stringify(rows)).not.toMatch(/Kiểm|0905|example\.com|Lê Lợi/);
  });
});

describe('in the database itself', () => {
  /** Runs `sql` as the app role with the given scope settings (none: the public request's), then rolls back. */
  async function asApp(settings: Record<string, string>, sql: string): Promise<pg.QueryResult> {
    const c = new pg.Client({ connectionString: inject('appDatabaseUrl') || inject('databaseUrl') });
    await c.connect();
    try {
      await c.query('BEGIN');
      await c.query(`SET LOCAL ROLE ${APP_ROLE}`);
      for (const [k, v] of Object.entries(settings)) await c.query(`SELECT set_config($1, $2, true)`, [k, v]);
      return await c.query(sql);
    } finally {
      await c.query('ROLLBACK').catch(() => {});
      await c.end();
    }
  }

  it('shows the public request (no scope) no registration, and a planner none either; a chair their ward’s', async () => {
    expect((await asApp({}, `SELECT count(*)::int AS n FROM camera_registration`)).rows[0].n).toBe(0);
    expect((await asApp({ 'ww.district_id': '1', 'ww.ward_id': '', 'ww.role': 'planner' }, `SELECT count(*)::int AS n FROM camera_registration`)).rows[0].n).toBe(0);
    const chair = await asApp({ 'ww.district_id': '1', 'ww.ward_id': '2', 'ww.role': 'ward_chair' }, `SELECT DISTINCT ward_id FROM camera_registration`);
    expect(chair.rows).toEqual([{ ward_id: 2 }]);
  });

  it('lets the app role insert no registration directly, nor change what the owner submitted', async () => {
    await expect(asApp({ 'ww.district_id': '1', 'ww.ward_id': '', 'ww.role': 'admin' }, `INSERT INTO camera_registration (district_id) VALUES (1)`)).rejects.toMatchObject({ code: '42501' });
    await expect(asApp({ 'ww.district_id': '1', 'ww.ward_id': '', 'ww.role': 'admin' }, `UPDATE camera_registration SET owner_name = 'X'`)).rejects.toMatchObject({ code: '42501' });
  });

  it('seeds the demo queue: pending, approved (each with the demo camera it became) and rejected registrations across wards', async () => {
    const plan = demoRegistrations(DEFAULT_DEMO_SEED, 1);
    expect(plan.filter((r) => r.state === 'pending')).toHaveLength(8);
    expect(plan.filter((r) => r.state === 'approved')).toHaveLength(5);
    expect(plan.filter((r) => r.state === 'rejected')).toHaveLength(3);
    const { rows } = await app.sql.query(
      `SELECT r.reference, r.state, w.code, r.review_note, c.id IS NOT NULL AND ST_Equals(c.location, r.location) AND c.ward_id = r.ward_id AS camera
         FROM camera_registration r JOIN ward w ON w.id = r.ward_id LEFT JOIN camera c ON c.id = r.camera_id
        WHERE r.reference = ANY($1)`,
      [plan.map((r) => r.reference)],
    );
    const byRef = new Map(rows.map((r) => [r.reference, r]));
    expect(byRef.size).toBe(plan.length);
    for (const p of plan) {
      const row = byRef.get(p.reference)!;
      expect(row.code, p.reference).toBe(p.ward_code);
      // (the authorisation matrix may have decided ward P02's pending ones since)
      if (p.state !== 'pending') expect([row.state, row.camera, row.review_note]).toEqual([p.state, p.state === 'approved', p.review_note]);
    }
    expect(new Set(plan.filter((r) => r.state === 'pending').map((r) => r.ward_code)).size).toBeGreaterThanOrEqual(5);
    // The policy matrix relies on the first four being ward P02's pending ones.
    expect(plan.slice(0, 4).map((r) => [r.ward_code, r.state])).toEqual(Array(4).fill(['P02', 'pending']));
    const firstIds = (await app.sql.query(`SELECT reference FROM camera_registration ORDER BY id LIMIT 4`)).rows.map((r) => r.reference);
    expect(firstIds).toEqual(plan.slice(0, 4).map((r) => r.reference));
  });
});

describe("an approved registration and its camera's ward", () => {
  it('follows its camera to another ward, so that only the new ward chair reads it', async () => {
    const { rows } = await app.sql.query(
      `SELECT r.id, r.ward_id, r.camera_id, ST_AsText(c.location) AS at FROM camera_registration r JOIN camera c ON c.id = r.camera_id
        WHERE r.state = 'approved' ORDER BY r.id LIMIT 1`,
    );
    const reg = rows[0];
    const other = (await app.sql.query(`SELECT id, ST_AsText(ST_PointOnSurface(boundary)) AS p FROM ward WHERE id <> $1 ORDER BY id LIMIT 1`, [reg.ward_id])).rows[0];
    const wardOf = async () => (await app.sql.query(`SELECT ward_id FROM camera_registration WHERE id = $1`, [reg.id])).rows[0].ward_id;
    try {
      await app.system(`UPDATE camera SET location = ST_SetSRID(ST_GeomFromText($2), 4326) WHERE id = $1`, [reg.camera_id, other.p]);
      expect(await wardOf()).toBe(other.id);
    } finally {
      await app.system(`UPDATE camera SET location = ST_SetSRID(ST_GeomFromText($2), 4326) WHERE id = $1`, [reg.camera_id, reg.at]);
    }
    expect(await wardOf()).toBe(reg.ward_id);
  });
});
