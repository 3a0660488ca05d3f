import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstError, startTestApp, type GraphQLResponse, type TestApp } from '../../support/server';

/**
 * A rental house's compliance status and its history (R2, R5): what the database records as cameras
 * come and go, and what the ward's checks add.
 */
let app: TestApp;
/** A point inside a residential group of ward 2 (chair.p02's) and of ward 3. */
const spot: Record<number, { lon: number; lat: number }> = {};

const HOUSE = `id wardId complianceStatus statusChangedAt hasActiveCamera
  statusHistory { id rentalHouseId status reason cameraId note at username }`;
const CHECK = `mutation($input: RecordRentalHouseCheckInput!) { recordRentalHouseCheck(input: $input) { ${HOUSE} } }`;
const GET = `query($id: Int!) { rentalHouse(id: $id) { ${HOUSE} } }`;

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
  for (const user of ['admin', 'planner', 'chair.p02', 'justice', 'police']) await app.cookieOf(user);
});
afterAll(() => app?.close());

const point = (ward: number) => ({ type: 'Point', coordinates: [spot[ward]!.lon, spot[ward]!.lat] });

async function newHouse(ward = 2, as = 'admin'): Promise<any> {
  const r = await app.gql(`mutation($i: RegisterRentalHouseInput!) { registerRentalHouse(input: $i) { ${HOUSE} } }`, {
    i: { address: `Kiệt ${ward} đường Trạng Thái`, ownerName: 'Lê Văn Trọ', rooms: 4, location: point(ward) },
  }, { as });
  expect(r.errors).toBeUndefined();
  return r.data.registerRentalHouse;
}

async function counts() {
  return { houseEvents: await app.count('rental_house_event'), houses: await app.count('rental_house'), audit: await app.count('audit_log') };
}

async function expectRefused(run: () => Promise<GraphQLResponse>, code: string, field?: string): Promise<void> {
  const before = await counts();
  const r = await run();
  expect(firstError(r)).toMatchObject(field ? { code, field } : { code });
  expect(await counts()).toEqual(before);
}

const steps = (h: { statusHistory: { status: string; reason: string }[] }) => h.statusHistory.map((e) => `${e.status}/${e.reason}`);

describe('the status history of a rental house', () => {
  it('goes registered -> camera installed -> camera verified -> registered as its camera is linked, checked and decommissioned', async () => {
    const created = await newHouse(2, 'chair.p02');
    expect(created.complianceStatus).toBe('REGISTERED');
    expect(steps(created)).toEqual(['REGISTERED/HOUSE_REGISTERED']);
    expect(created.statusChangedAt).toBe(created.statusHistory[0].at);

    const cam = await app.gql(`mutation($i: RegisterCameraInput!) { registerCamera(input: $i) { id } }`, {
      i: { type: 'DOME', ownerKind: 'RENTAL_HOUSE', rentalHouseId: created.id, location: point(2) },
    }, { as: 'chair.p02' });
    expect(cam.errors).toBeUndefined();
    const cameraId = cam.data.registerCamera.id;
    const installed = (await app.gql(GET, { id: created.id }, { as: 'chair.p02' })).data.rentalHouse;
    expect(installed).toMatchObject({ complianceStatus: 'CAMERA_INSTALLED', hasActiveCamera: true });
    expect(steps(installed)).toEqual(['REGISTERED/HOUSE_REGISTERED', 'CAMERA_INSTALLED/CAMERA_ACTIVE']);
    expect(installed.statusHistory[1].cameraId).toBe(cameraId);

    const before = await counts();
    const checked = await app.gql(CHECK, { input: { rentalHouseId: created.id, result: 'CAMERA_WORKING', note: 'Đã kiểm tra tại chỗ' } }, { as: 'chair.p02' });
    expect(checked.errors).toBeUndefined();
    const verified = checked.data.recordRentalHouseCheck;
    expect(verified.complianceStatus).toBe('CAMERA_VERIFIED');
    expect(verified.statusHistory.at(-1)).toMatchObject({
      rentalHouseId: created.id,
      status: 'CAMERA_VERIFIED',
      reason: 'CHECK_PASSED',
      cameraId,
      note: 'Đã kiểm tra tại chỗ',
      username: 'chair.p02',
    });
    expect(verified.statusChangedAt).toBe(verified.statusHistory.at(-1).at);
    expect((await counts()).houseEvents - before.houseEvents).toBe(1);

    const gone = await app.gql(`mutation($id: Int!) { decommissionCamera(id: $id) { status } }`, { id: cameraId }, { as: 'chair.p02' });
    expect(gone.errors).toBeUndefined();
    const back = (await app.gql(GET, { id: created.id }, { as: 'chair.p02' })).data.rentalHouse;
    expect(back.complianceStatus).toBe('REGISTERED');
    expect(steps(back)).toEqual([
      'REGISTERED/HOUSE_REGISTERED',
      'CAMERA_INSTALLED/CAMERA_ACTIVE',
      'CAMERA_VERIFIED/CHECK_PASSED',
      'REGISTERED/CAMERA_INACTIVE',
    ]);
    expect(back.statusHistory.at(-1).cameraId).toBe(cameraId);
    // Oldest first.
    const times = back.statusHistory.map((e: { at: string }) => new Date(e.at).getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('becomes non-compliant when a check finds no camera, or a camera not working', async () => {
    const house = await newHouse();
    const none = await app.gql(CHECK, { input: { rentalHouseId: house.id, result: 'NO_CAMERA' } }, { as: 'police' });
    expect(none.errors).toBeUndefined();
    expect(none.data.recordRentalHouseCheck.complianceStatus).toBe('NON_COMPLIANT');
    expect(none.data.recordRentalHouseCheck.statusHistory.at(-1)).toMatchObject({ reason: 'CHECK_FAILED', cameraId: null, username: 'police' });

    // A camera linked later makes it CAMERA_INSTALLED again; a check that finds it broken, NON_COMPLIANT.
    const cam = await app.gql(`mutation($i: RegisterCameraInput!) { registerCamera(input: $i) { id } }`, {
      i: { type: 'FIXED', ownerKind: 'RENTAL_HOUSE', rentalHouseId: house.id, location: point(2) },
    });
    const broken = await app.gql(CHECK, { input: { rentalHouseId: house.id, result: 'CAMERA_NOT_WORKING' } }, { as: 'chair.p02' });
    expect(steps(broken.data.recordRentalHouseCheck)).toEqual([
      'REGISTERED/HOUSE_REGISTERED',
      'NON_COMPLIANT/CHECK_FAILED',
      'CAMERA_INSTALLED/CAMERA_ACTIVE',
      'NON_COMPLIANT/CHECK_FAILED',
    ]);
    expect(broken.data.recordRentalHouseCheck.statusHistory.at(-1).cameraId).toBe(cam.data.registerCamera.id);
  });

  it('refuses CAMERA_WORKING for a house with no active camera, naming input.result, and writes nothing', async () => {
    const house = await newHouse();
    await expectRefused(() => app.gql(CHECK, { input: { rentalHouseId: house.id, result: 'CAMERA_WORKING' } }, { as: 'chair.p02' }), 'BAD_USER_INPUT', 'input.result');
    const after = (await app.gql(GET, { id: house.id })).data.rentalHouse;
    expect(after.complianceStatus).toBe('REGISTERED');
  });

  it('refuses a note over 2000 characters, a house that does not exist, and roles that do not check houses', async () => {
    const house = await newHouse();
    await expectRefused(() => app.gql(CHECK, { input: { rentalHouseId: house.id, result: 'NO_CAMERA', note: 'x'.repeat(2001) } }), 'BAD_USER_INPUT', 'input.note');
    await expectRefused(() => app.gql(CHECK, { input: { rentalHouseId: 987654, result: 'NO_CAMERA' } }), 'NOT_FOUND', 'input.rentalHouseId');
    await expectRefused(() => app.gql(CHECK, { input: { rentalHouseId: house.id, result: 'NO_CAMERA' } }, { as: 'planner' }), 'FORBIDDEN');
    await expectRefused(() => app.gql(CHECK, { input: { rentalHouseId: house.id, result: 'NO_CAMERA' } }, { as: 'justice' }), 'FORBIDDEN');
  });

  it("lets a ward chair check no other ward's house: NOT_FOUND, nothing written", async () => {
    const other = await newHouse(3);
    await expectRefused(() => app.gql(CHECK, { input: { rentalHouseId: other.id, result: 'NO_CAMERA' } }, { as: 'chair.p02' }), 'NOT_FOUND', 'input.rentalHouseId');
  });

  it('keeps the status to the database: an update of the house does not touch it', async () => {
    const house = await newHouse();
    await app.gql(CHECK, { input: { rentalHouseId: house.id, result: 'NO_CAMERA' } });
    const r = await app.gql(`mutation($id: Int!) { updateRentalHouse(id: $id, input: { rooms: 9 }) { rooms complianceStatus } }`, { id: house.id });
    expect(r.data.updateRentalHouse).toEqual({ rooms: 9, complianceStatus: 'NON_COMPLIANT' });
  });
});

describe('the complianceStatus filter of rentalHouses', () => {
  it('lists the houses with any of the given statuses, counted as the database counts them', async () => {
    const q = `query($f: RentalHouseFilterInput) { rentalHouses(filter: $f, first: 500) { totalCount edges { node { id wardId complianceStatus } } } }`;
    const verified = await app.gql(q, { f: { complianceStatus: ['CAMERA_VERIFIED'] } }, { as: 'planner' });
    expect(verified.errors).toBeUndefined();
    expect(verified.data.rentalHouses.totalCount).toBe(await app.count('rental_house', `compliance_status = 'camera_verified'`));
    for (const e of verified.data.rentalHouses.edges) expect(e.node.complianceStatus).toBe('CAMERA_VERIFIED');

    const failing = await app.gql(q, { f: { wardId: 2, complianceStatus: ['NON_COMPLIANT', 'REGISTERED'] } }, { as: 'chair.p02' });
    expect(failing.data.rentalHouses.totalCount).toBe(
      await app.count('rental_house', `ward_id = 2 AND compliance_status IN ('non_compliant', 'registered')`),
    );
    expect(failing.data.rentalHouses.totalCount).toBeGreaterThan(0);
    for (const e of failing.data.rentalHouses.edges) {
      expect(e.node.wardId).toBe(2);
      expect(['NON_COMPLIANT', 'REGISTERED']).toContain(e.node.complianceStatus);
    }
  });

  it('refuses a list of more statuses than there are (5 of 4), naming filter.complianceStatus', async () => {
    const q = `query($f: RentalHouseFilterInput) { rentalHouses(filter: $f, first: 5) { totalCount } }`;
    const all = ['REGISTERED', 'CAMERA_INSTALLED', 'CAMERA_VERIFIED', 'NON_COMPLIANT'];
    const four = await app.gql(q, { f: { complianceStatus: all } }, { as: 'planner' });
    expect(four.errors).toBeUndefined();
    expect(four.data.rentalHouses.totalCount).toBe(await app.count('rental_house'));
    const five = await app.gql(q, { f: { complianceStatus: [...all, 'REGISTERED'] } }, { as: 'planner' });
    expect(firstError(five)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.complianceStatus' });
    expect(five.data?.rentalHouses ?? null).toBeNull();
  });

  it('agrees with hasActiveCamera: a house with status CAMERA_INSTALLED or CAMERA_VERIFIED has an active camera', async () => {
    const stale = await app.count(
      'rental_house h',
      `h.compliance_status IN ('camera_installed', 'camera_verified') AND NOT EXISTS (SELECT 1 FROM camera c WHERE c.rental_house_id = h.id AND c.status = 'active')`,
    );
    expect(stale).toBe(0);
  });
});
