import { readFileSync } from 'node:fs';
import {
  buildSchema,
  getNamedType,
  isLeafType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/src/entities/enums';
import { FIELDS, LAYERS, OPERATIONS, PERSONAL_DATA_ROLES, allows } from '../../server/src/policy';
import { DEMO_PASSWORD, loginOver, startTestApp, type GraphQLResponse, type TestApp } from '../support/server';
import { FRESH_MAINTENANCE, freshMaintenance } from '../support/maintenance';
import { openLive, type LiveConnection, type LiveStream } from '../support/live';

/**
 * The authorisation matrix, built from the schema: every query and mutation run as every role, and
 * every field of every object type selected. A field without a policy, an operation without a
 * sample, a refusal where the policy allows (or the reverse), another ward's row in a ward user's
 * answer, or personal data shown to a role that may not see it: each fails this file.
 */
const schema = buildSchema(readFileSync('server/schema.graphql', 'utf8'));
const ROOTS = ['Query', 'Mutation'] as const;
/** Subscriptions have policies too; they run over WebSocket (their matrix below). */
const POLICY_ROOTS = [...ROOTS, 'Subscription'] as const;

interface Actor {
  username: string | null;
  role?: Role;
  /** The ward the user is bound to (null: whole district). */
  wardId: number | null;
}

/** Every role, a ward chair of the sample ward and of another, ward police, and nobody. */
const ACTORS: Actor[] = [
  { username: null, wardId: null },
  { username: 'admin', role: Role.ADMIN, wardId: null },
  { username: 'planner', role: Role.PLANNER, wardId: null },
  { username: 'chair.p02', role: Role.WARD_CHAIR, wardId: 2 },
  { username: 'chair.p01', role: Role.WARD_CHAIR, wardId: 1 },
  { username: 'police', role: Role.POLICE, wardId: null },
  { username: 'police.p01', role: Role.POLICE, wardId: 1 },
  { username: 'justice', role: Role.JUSTICE, wardId: null },
  { username: 'homeaffairs', role: Role.HOME_AFFAIRS, wardId: null },
];

/** Ids in ward 2 (the sample ward) and a point inside it, read from the database. */
interface Fixture {
  cameraId: number;
  houseId: number;
  groupId: number;
  userId: number;
  penaltyCaseId: number;
  civilServantId: number;
  unitId: number;
  lon: number;
  lat: number;
}

/** Arguments of each operation (the test fails for an operation without one). */
function samples(f: Fixture, actor: Actor, n: number): Record<string, { args?: string; vars?: Record<string, unknown> }> {
  const point = { type: 'Point', coordinates: [f.lon, f.lat] };
  const tag = `${actor.username ?? 'anon'}-${n}`.replace(/[^a-z0-9]/g, '');
  return {
    'Query.me': {},
    'Query.district': {},
    'Query.wards': {},
    'Query.ward': { args: '(id: 2)' },
    'Query.residentialGroups': { args: '(wardId: 2)' },
    'Query.residentialGroup': { args: `(id: ${f.groupId})` },
    'Query.camera': { args: `(id: ${f.cameraId})` },
    'Query.cameras': { args: '(first: 5)' },
    'Query.rentalHouse': { args: `(id: ${f.houseId})` },
    'Query.rentalHouses': { args: '(first: 5)' },
    'Query.layer': { args: '(kind: CAMERAS)' },
    'Query.coverageGaps': {},
    'Query.uncoveredResidentialGroups': {},
    'Query.unregisteredRentalHouses': { args: '(wardId: 2, first: 5)' },
    'Query.auditLog': { args: '(first: 5)' },
    'Query.users': {},
    'Mutation.login': { args: '(input: $input)', vars: { input: { type: 'LoginInput!', value: { username: 'planner', password: DEMO_PASSWORD } } } },
    'Mutation.logout': {},
    'Mutation.registerCamera': {
      args: '(input: $input)',
      vars: { input: { type: 'RegisterCameraInput!', value: { location: point, type: 'DOME', ownerKind: 'HOUSEHOLD', ownerName: `Matrix ${tag}` } } },
    },
    'Mutation.updateCamera': { args: `(id: ${f.cameraId}, input: $input)`, vars: { input: { type: 'UpdateCameraInput!', value: { label: `matrix ${tag}` } } } },
    'Mutation.decommissionCamera': { args: '(id: $id)', vars: { id: { type: 'Int!', value: -1 } } }, // filled in per run: a fresh camera
    'Mutation.registerRentalHouse': {
      args: '(input: $input)',
      vars: { input: { type: 'RegisterRentalHouseInput!', value: { address: `Matrix ${tag}`, ownerName: 'Matrix Owner', rooms: 2, location: point } } },
    },
    'Mutation.updateRentalHouse': { args: `(id: ${f.houseId}, input: $input)`, vars: { input: { type: 'UpdateRentalHouseInput!', value: { rooms: 3 } } } },
    'Mutation.createUser': {
      args: '(input: $input)',
      vars: { input: { type: 'CreateUserInput!', value: { username: `m.${tag}`, displayName: 'Matrix', role: 'PLANNER', password: 'a-long-matrix-password' } } },
    },
    'Query.penaltyCases': { args: '(first: 5)' },
    'Query.penaltyCase': { args: `(id: ${f.penaltyCaseId})` },
    'Mutation.recordRentalHouseCheck': { args: `(input: { rentalHouseId: ${f.houseId}, result: NO_CAMERA, note: "matrix ${tag}" })` },
    'Mutation.addPenaltyCaseEvidence': { args: `(id: ${f.penaltyCaseId}, input: { note: "matrix ${tag}" })` },
    // Filled in per run (FRESH_CASE below): a fresh house, or a fresh case in the state the transition needs.
    'Mutation.openPenaltyCase': { args: '(input: { rentalHouseId: $id })', vars: { id: { type: 'Int!', value: -1 } } },
    'Mutation.referPenaltyCase': { args: '(id: $id, note: "matrix")', vars: { id: { type: 'Int!', value: -1 } } },
    'Mutation.decidePenaltyCase': { args: '(id: $id, input: { decision: WARNING, legalBasis: "Matrix basis" })', vars: { id: { type: 'Int!', value: -1 } } },
    'Mutation.recordFinePayment': { args: '(id: $id)', vars: { id: { type: 'Int!', value: -1 } } },
    'Mutation.closePenaltyCase': { args: '(id: $id)', vars: { id: { type: 'Int!', value: -1 } } },
    'Query.complianceDashboard': {},
    'Query.directives': {},
    'Mutation.takeComplianceSnapshot': {},
    // Filled in per run: a directive the actor's role owns (DIRECTIVE_OF); the service refuses the others.
    'Mutation.updateDirective': { args: `(id: $id, input: { notes: "matrix ${tag}" })`, vars: { id: { type: 'Int!', value: -1 } } },
    'Query.units': {},
    'Query.commendationRoster': {},
    'Query.civilServants': { args: '(first: 5)' },
    'Query.civilServant': { args: `(id: ${f.civilServantId})` },
    'Mutation.registerCivilServant': {
      args: '(input: $input)',
      vars: { input: { type: 'RegisterCivilServantInput!', value: { unitId: f.unitId, fullName: `Matrix ${tag}`, homeAddress: `${n} Matrix`, location: point } } },
    },
    'Mutation.updateCivilServant': { args: `(id: ${f.civilServantId}, input: { position: "matrix ${tag}" })` },
    'Mutation.linkHomeCamera': { args: `(civilServantId: ${f.civilServantId}, cameraId: null)` },
    'Mutation.recordCivilServantCheck': { args: `(input: { civilServantId: ${f.civilServantId}, result: NO_CAMERA, note: "matrix ${tag}" })` },
    'Mutation.updateUser': { args: `(id: ${f.userId}, input: $input)`, vars: { input: { type: 'UpdateUserInput!', value: { displayName: `Matrix ${tag}` } } } },
    'Query.heartbeatTokens': { args: `(cameraId: ${f.cameraId})` },
    'Mutation.issueHeartbeatToken': { args: `(input: { cameraId: ${f.cameraId}, label: "matrix ${tag}" })` },
    'Mutation.revokeHeartbeatToken': { args: '(id: $id)', vars: { id: { type: 'Int!', value: -1 } } }, // filled in per run: a fresh token
    'Query.cameraHealth': { args: '(wardId: 2)' },
    'Subscription.cameraStatusChanged': { args: '(wardId: 2)' }, // over WebSocket: see the subscription matrix
    // Filled in per run (FRESH_MAINTENANCE, test/support/maintenance.ts): a fresh camera, or a fresh ticket in the state the operation needs.
    'Query.maintenanceTickets': { args: '(first: 5)' },
    'Query.maintenanceTicket': { args: '(id: $id)', vars: { id: { type: 'Int!', value: -1 } } },
    'Query.maintenanceStats': { args: '(periodDays: 90)' },
    'Mutation.reportCameraProblem': { args: `(input: { cameraId: $id, problem: "matrix ${tag}" })`, vars: { id: { type: 'Int!', value: -1 } } },
    'Mutation.assignMaintenanceTicket': { args: `(id: $id, input: { assignee: "Matrix ${tag}" })`, vars: { id: { type: 'Int!', value: -1 } } },
    'Mutation.startMaintenanceTicket': { args: '(id: $id, input: { assignee: "Matrix team" })', vars: { id: { type: 'Int!', value: -1 } } },
    'Mutation.resolveMaintenanceTicket': { args: '(id: $id, input: { resolution: "Matrix repair", repairCostVnd: 0 })', vars: { id: { type: 'Int!', value: -1 } } },
    'Mutation.addMaintenanceTicketNote': { args: `(id: $id, note: "matrix ${tag}")`, vars: { id: { type: 'Int!', value: -1 } } },
    // db/seed/demo-operators.ts seeds operators 1-4 and their agreements 1-4 in this order: viettel, vnpt, fpt, cmc (4: CMC, used here).
    'Query.networkOperators': {},
    'Query.supportAgreements': {},
    'Query.operatorReport': { args: '(wardId: 2)' },
    'Mutation.createNetworkOperator': { args: `(input: { code: "m${tag}", name: "Matrix ${tag}", kind: OTHER })` },
    'Mutation.updateNetworkOperator': { args: `(id: 4, input: { contactName: "Matrix ${tag}" })` },
    'Mutation.createSupportAgreement': { args: `(input: { operatorId: 4, title: "Matrix ${tag}", monthlyFeeSupportVnd: 1000, startsOn: "2020-01-01" })` },
    'Mutation.updateSupportAgreement': { args: `(id: 4, input: { terms: "matrix ${tag}" })` },
    'Mutation.setCameraConnection': { args: `(cameraId: ${f.cameraId}, input: { operatorId: 4, plan: "Matrix ${tag}", monthlyFeeVnd: 150000, agreementId: 4 })` },
    'Mutation.removeCameraConnection': { args: `(cameraId: ${f.cameraId})` },
    // db/seed/demo-funds.ts: fund 3 is ward 2's (the first ward fund); spent today (UTC: never after the district's local day).
    'Query.funds': { args: '(filter: { wardId: 2 })' },
    'Query.fundReport': { args: '(wardId: 2)' },
    'Mutation.recordFund': { args: `(input: { target: WARD, wardId: 2, sponsor: "Matrix ${tag}", amountVnd: 1000000, receivedOn: "2024-01-01", purpose: "matrix ${tag}" })` },
    'Mutation.recordFundSpending': {
      args: `(input: { fundId: 3, amountVnd: 1000, spentOn: "${new Date().toISOString().slice(0, 10)}", purpose: "matrix ${tag}" })`,
    },
    // The public page: each actor registers once (anonymous per address, signed in per user: under the hourly limit).
    'Mutation.submitCameraRegistration': {
      args: '(input: $input)',
      vars: { input: { type: 'SubmitCameraRegistrationInput!', value: { location: point, type: 'FIXED', ownerKind: 'HOUSEHOLD', bearing: 90,
        ownerName: `Matrix ${tag}`, ownerPhone: '0905 000 111', address: '1 Matrix street', policeAccess: 'ON_REQUEST', consentToContact: true } } },
    },
    'Query.cameraRegistrationStatus': { args: '(reference: "ZZZZZ-ZZZZZ", phone: "0905 000 111")' }, // no such one: null, for everyone
    'Query.registrationArea': {},
    'Query.cameraRegistrations': { args: '(first: 5)' },
    // db/seed/demo-registrations.ts: registrations 1-4 are ward 2's pending ones (the ADMIN decides one, P02's chair the next).
    'Mutation.approveCameraRegistration': { args: `(id: ${n === 2 ? 1 : 2}, input: { note: "matrix ${tag}" })` },
    'Mutation.rejectCameraRegistration': { args: `(id: ${n === 2 ? 3 : 4}, reason: "matrix ${tag}")` },
  };
}

/** Selects every field of `type` (objects to `depth` levels; fields with required arguments skipped). */
function selection(type: GraphQLType, depth: number): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (!isObjectType(named)) return '{ __typename }';
  const parts = ['__typename'];
  for (const field of Object.values(named.getFields())) {
    if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const inner = getNamedType(field.type);
    if (isLeafType(inner)) parts.push(field.name);
    else if (depth > 0) parts.push(`${field.name} ${selection(field.type, depth - 1)}`);
  }
  return `{ ${parts.join(' ')} }`;
}

function operationText(root: 'Query' | 'Mutation', field: GraphQLField<unknown, unknown>, sample: { args?: string; vars?: Record<string, unknown> }): string {
  const vars = Object.entries(sample.vars ?? {}).map(([k, v]) => `$${k}: ${(v as { type: string }).type}`);
  const head = `${root === 'Query' ? 'query' : 'mutation'}${vars.length ? `(${vars.join(', ')})` : ''}`;
  return `${head} { ${field.name}${sample.args ?? ''} ${selection(field.type, 3)} }`;
}

function variablesOf(sample: { vars?: Record<string, unknown> }): Record<string, unknown> {
  return Object.fromEntries(Object.entries(sample.vars ?? {}).map(([k, v]) => [k, (v as { value: unknown }).value]));
}

/** Every object in a response (GraphQL objects and GeoJSON features), depth first. */
function* walk(value: unknown): Generator<Record<string, unknown>> {
  if (Array.isArray(value)) for (const v of value) yield* walk(v);
  else if (value && typeof value === 'object') {
    yield value as Record<string, unknown>;
    for (const v of Object.values(value)) yield* walk(v);
  }
}

const WARD_TABLE: Record<string, string> = {
  Camera: 'camera', RentalHouse: 'rental_house', ResidentialGroup: 'residential_group', PenaltyCase: 'penalty_case',
  RentalHouseEvent: 'rental_house_event', PenaltyCaseEvent: 'penalty_case_event', CivilServant: 'civil_servant',
  CivilServantCheck: 'civil_servant_check',
};

/** Personal fields by type (the owners of cameras and houses; civil servants' homes, and the home cameras that place them). */
const PERSONAL_KEYS: Record<string, string[]> = {
  Camera: ['ownerName', 'ownerPhone'],
  RentalHouse: ['ownerName', 'ownerPhone'],
  CivilServant: ['phone', 'homeAddress', 'longitude', 'latitude', 'residentialGroupId', 'cameraId', 'camera'],
  CivilServantCheck: ['cameraId'],
};

/** A directive each role owns in the demo district (db/seed/demo-compliance.ts); ADMIN edits any. */
const DIRECTIVE_OF: Record<string, string> = {
  [Role.ADMIN]: 'R1', [Role.PLANNER]: 'R8', [Role.WARD_CHAIR]: 'R8', [Role.POLICE]: 'R2', [Role.JUSTICE]: 'R7', [Role.HOME_AFFAIRS]: 'R4',
};

/** How far a fresh fixture of a penalty-case mutation goes before the mutation runs. */
const FRESH_CASE: Record<string, 'house' | 'open' | 'referred' | 'decided' | 'paid'> = {
  'Mutation.openPenaltyCase': 'house',
  'Mutation.referPenaltyCase': 'open',
  'Mutation.decidePenaltyCase': 'referred',
  'Mutation.recordFinePayment': 'decided',
  'Mutation.closePenaltyCase': 'paid',
};

describe('the access policy', () => {
  it('has an entry for every query and mutation of the schema, and none for operations that do not exist', () => {
    const inSchema = POLICY_ROOTS.flatMap((root) => Object.keys((schema.getType(root) as GraphQLObjectType | undefined)?.getFields() ?? {}).map((f) => `${root}.${f}`));
    expect(inSchema.filter((k) => !(k in OPERATIONS))).toEqual([]);
    expect(Object.keys(OPERATIONS).filter((k) => !inSchema.includes(k))).toEqual([]);
  });

  it('classifies every field of every object type as open or personal, and lists nothing else', () => {
    const types = Object.values(schema.getTypeMap()).filter(
      (t): t is GraphQLObjectType => isObjectType(t) && !t.name.startsWith('__') && !POLICY_ROOTS.includes(t.name as (typeof POLICY_ROOTS)[number]),
    );
    const missing = types.flatMap((t) => Object.keys(t.getFields()).filter((f) => FIELDS[t.name]?.[f] === undefined).map((f) => `${t.name}.${f}`));
    expect(missing).toEqual([]);
    const stale = Object.entries(FIELDS).flatMap(([t, fields]) =>
      Object.keys(fields).filter((f) => !(schema.getType(t) && isObjectType(schema.getType(t)) && f in (schema.getType(t) as GraphQLObjectType).getFields())).map((f) => `${t}.${f}`),
    );
    expect(stale).toEqual([]);
  });

  it("marks owners' names and phone numbers, and civil servants' homes and phones, as personal", () => {
    for (const [t, keys] of Object.entries(PERSONAL_KEYS)) for (const k of keys) expect(FIELDS[t]![k], `${t}.${k}`).toBe('personal');
    expect([...PERSONAL_DATA_ROLES].sort()).toEqual([Role.JUSTICE, Role.POLICE, Role.WARD_CHAIR].sort());
  });
});

describe('the authorisation matrix: every operation as every role', () => {
  let app: TestApp;
  let fixture: Fixture;
  const cookies = new Map<string, string>();
  const personalSeen = new Map<string, number>();

  async function login(username: string): Promise<string> {
    const { cookie } = await loginOver(app.server.url, username, DEMO_PASSWORD);
    if (!cookie) throw new Error(`login as ${username} failed`);
    return cookie;
  }

  async function cookieFor(actor: Actor): Promise<string | undefined> {
    let cookie = actor.username ? cookies.get(actor.username) : undefined;
    if (actor.username && !cookie) cookies.set(actor.username, (cookie = await login(actor.username)));
    return cookie;
  }

  async function run(actor: Actor, query: string, variables: Record<string, unknown>): Promise<GraphQLResponse> {
    const cookie = await cookieFor(actor);
    const res = await fetch(`${app.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GraphQLResponse;
  }

  /** Fails on any object of another ward (for ward users) or any personal value shown to a role that may not see it. */
  async function assertNoLeak(actor: Actor, key: string, body: GraphQLResponse): Promise<void> {
    const mayPersonal = actor.role !== undefined && PERSONAL_DATA_ROLES.includes(actor.role);
    for (const o of walk(body.data)) {
      for (const k of PERSONAL_KEYS[o.__typename as string] ?? ['ownerName', 'ownerPhone']) {
        if (k in o && o[k] != null) {
          expect(mayPersonal, `${key} shows ${k} to ${actor.username}`).toBe(true);
          personalSeen.set(actor.username!, (personalSeen.get(actor.username!) ?? 0) + 1);
        }
      }
      if (actor.wardId == null) continue;
      const typename = o.__typename as string | undefined;
      if (typename === 'Ward') expect(o.id, `${key} shows ward ${String(o.id)} to ${actor.username}`).toBe(actor.wardId);
      if (typename && WARD_TABLE[typename] && typeof o.id === 'number') {
        const [row] = (await app.sql.query(`SELECT ward_id FROM ${WARD_TABLE[typename]} WHERE id = $1`, [o.id])).rows;
        expect(row?.ward_id, `${key} shows ${typename} ${o.id} of another ward to ${actor.username}`).toBe(actor.wardId);
      }
      if (typename === undefined && o.type === 'Feature') {
        const p = o.properties as Record<string, unknown>;
        expect(p.wardId ?? p.id, `${key} shows a feature of another ward to ${actor.username}`).toBe(actor.wardId);
      }
    }
  }

  /** A house of its own in ward 2 (`house`), or a case against one taken by the admin as far as `upTo`. */
  async function freshCase(upTo: 'house' | 'open' | 'referred' | 'decided' | 'paid'): Promise<number> {
    const house = await app.gql(`mutation($i: RegisterRentalHouseInput!) { registerRentalHouse(input: $i) { id } }`, {
      i: { address: 'Matrix case house', ownerName: 'Matrix Owner', rooms: 2, location: { type: 'Point', coordinates: [fixture.lon, fixture.lat] } },
    });
    const houseId: number = house.data.registerRentalHouse.id;
    if (upTo === 'house') return houseId;
    const id: number = (await app.gql(`mutation($h: Int!) { openPenaltyCase(input: { rentalHouseId: $h }) { id } }`, { h: houseId })).data.openPenaltyCase.id;
    if (upTo !== 'open') await app.gql(`mutation($id: Int!) { referPenaltyCase(id: $id) { id } }`, { id });
    if (upTo === 'decided' || upTo === 'paid') {
      await app.gql(`mutation($id: Int!) { decidePenaltyCase(id: $id, input: { decision: FINE, fineAmountVnd: 500000, legalBasis: "Matrix basis" }) { id } }`, { id });
    }
    if (upTo === 'paid') await app.gql(`mutation($id: Int!) { recordFinePayment(id: $id) { id } }`, { id });
    return id;
  }

  beforeAll(async () => {
    app = await startTestApp();
    const [r] = (
      await app.sql.query(`
        SELECT (SELECT min(id) FROM camera WHERE ward_id = 2 AND status = 'active') AS "cameraId",
               (SELECT min(id) FROM rental_house WHERE ward_id = 2) AS "houseId",
               (SELECT min(id) FROM residential_group WHERE ward_id = 2) AS "groupId",
               (SELECT id FROM app_user WHERE username = 'homeaffairs') AS "userId",
               (SELECT min(id) FROM civil_servant WHERE ward_id = 2) AS "civilServantId",
               (SELECT min(id) FROM unit) AS "unitId",
               ST_X(p) AS lon, ST_Y(p) AS lat
          FROM (SELECT ST_PointOnSurface(boundary) AS p FROM residential_group WHERE ward_id = 2 ORDER BY id LIMIT 1) s`)
    ).rows;
    fixture = r;
    // An unclosed case in ward 2, for the queries and the evidence.
    fixture.penaltyCaseId = await freshCase('open');
  });

  afterAll(async () => {
    await app?.close();
  });

  for (const root of ROOTS) {
    const fields = Object.values((schema.getType(root) as GraphQLObjectType).getFields());
    for (const field of fields) {
      const key = `${root}.${field.name}`;
      it(`${key}: allowed and refused as the policy says, leaking no other ward's rows and no personal data`, async () => {
        let n = 0;
        for (const actor of ACTORS) {
          n += 1;
          const sample = samples(fixture, actor, n)[key];
          expect(sample, `${key} has no sample arguments in this test`).toBeDefined();
          const vars = variablesOf(sample!);
          if (key === 'Mutation.decommissionCamera') {
            // A camera of its own to retire, registered by the admin in ward 2.
            const made = await app.gql(`mutation($i: RegisterCameraInput!) { registerCamera(input: $i) { id } }`, {
              i: { location: { type: 'Point', coordinates: [fixture.lon, fixture.lat] }, type: 'FIXED', ownerKind: 'PUBLIC' },
            });
            vars.id = made.data.registerCamera.id;
          }
          if (FRESH_CASE[key]) vars.id = await freshCase(FRESH_CASE[key]);
          if (FRESH_MAINTENANCE[key]) vars.id = await freshMaintenance(app, fixture, FRESH_MAINTENANCE[key]);
          if (key === 'Mutation.revokeHeartbeatToken') { // a token of its own, issued by the admin for the sample camera
            const issued = await app.gql(`mutation($c: Int!) { issueHeartbeatToken(input: { cameraId: $c, label: "matrix" }) { heartbeatToken { id } } }`, {
              c: fixture.cameraId,
            });
            vars.id = issued.data.issueHeartbeatToken.heartbeatToken.id;
          }
          if (key === 'Mutation.updateDirective') {
            const code = DIRECTIVE_OF[actor.role ?? Role.ADMIN];
            vars.id = (await app.sql.query(`SELECT id FROM directive WHERE district_id = 1 AND code = $1`, [code])).rows[0].id;
          }
          await cookieFor(actor); // a login writes an audit row of its own: not counted below
          const before = root === 'Mutation' ? await app.count('audit_log') : 0;
          const body = await run(actor, operationText(root, field, sample!), vars);
          const codes = (body.errors ?? []).map((e) => e.extensions?.code);
          const allowed = allows(OPERATIONS[key], actor.role);
          if (!allowed) {
            expect(codes, `${key} as ${actor.username}`).toContain(actor.role ? 'FORBIDDEN' : 'UNAUTHENTICATED');
            expect(body.data?.[field.name] ?? null).toBeNull();
            if (root === 'Mutation') expect(await app.count('audit_log'), `${key} refused but wrote`).toBe(before);
            continue;
          }
          expect(codes).not.toContain('UNAUTHENTICATED');
          expect(codes).not.toContain('INTERNAL_SERVER_ERROR');
          // A ward user reaching outside their ward (a sample id or point in ward 2) meets NOT_FOUND
          // or FORBIDDEN for the ward, never data; everyone else gets data.
          const outside = actor.wardId != null && actor.wardId !== 2;
          if (!outside && key !== 'Query.me') {
            expect(body.errors, `${key} as ${actor.username}`).toBeUndefined();
            expect(body.data?.[field.name]).not.toBeUndefined();
          }
          if (outside && body.errors) {
            expect(codes.every((c) => c === 'NOT_FOUND' || c === 'FORBIDDEN'), `${key} as ${actor.username}: ${JSON.stringify(body.errors)}`).toBe(true);
          }
          await assertNoLeak(actor, key, body);
          if (key === 'Mutation.logout' && actor.username) cookies.delete(actor.username);
        }
      });
    }
  }

  // Every subscription over WebSocket (graphql-ws at /graphql) as every role: nobody is refused at
  // connect (4401), a role the policy refuses gets FORBIDDEN, a ward user asking for another ward NOT_FOUND or
  // FORBIDDEN; every other role receives the next change in the sample's ward (2), and nothing of another ward.
  for (const field of Object.values(schema.getSubscriptionType()?.getFields() ?? {})) {
    const key = `Subscription.${field.name}`;
    it(`${key}: over WebSocket, allowed and refused as the policy says, leaking no other ward's events`, async () => {
      const open: Array<{ actor: Actor; conn: LiveConnection; stream: LiveStream }> = [];
      try {
        let n = 0;
        for (const actor of ACTORS) {
          n += 1;
          const sample = samples(fixture, actor, n)[key];
          expect(sample, `${key} has no sample arguments in this test`).toBeDefined();
          const cookie = await cookieFor(actor);
          if (!actor.role) {
            await expect(openLive(app.server.url, { cookie }), `${key} as nobody`).rejects.toMatchObject({ code: 4401 });
            continue;
          }
          const conn = await openLive(app.server.url, { cookie });
          const vars = Object.entries(sample!.vars ?? {}).map(([k, v]) => `$${k}: ${(v as { type: string }).type}`);
          const text = `subscription${vars.length ? `(${vars.join(', ')})` : ''} { ${field.name}${sample!.args ?? ''} ${selection(field.type, 3)} }`;
          open.push({ actor, conn, stream: conn.subscribe(text, variablesOf(sample!)) });
        }
        await new Promise((r) => setTimeout(r, 2000)); // every subscription has started
        // Changes in ward 2: a camera of its own, registered by the admin, taken offline, then retired.
        const made = await app.gql(`mutation($i: RegisterCameraInput!) { registerCamera(input: $i) { id } }`, {
          i: { location: { type: 'Point', coordinates: [fixture.lon, fixture.lat] }, type: 'FIXED', ownerKind: 'PUBLIC' },
        });
        expect(made.errors).toBeUndefined();
        const id = made.data.registerCamera.id;
        expect((await app.gql(`mutation($id: Int!) { updateCamera(id: $id, input: { status: OFFLINE }) { id } }`, { id })).errors).toBeUndefined();
        expect((await app.gql(`mutation($id: Int!) { decommissionCamera(id: $id) { id } }`, { id })).errors).toBeUndefined();
        for (const { actor, stream } of open) {
          const errors = () => stream.results.flatMap((r) => r.errors ?? []).map((e) => e.extensions?.code);
          if (!allows(OPERATIONS[key], actor.role)) {
            await stream.ended;
            expect(errors(), `${key} as ${actor.username}`).toContain('FORBIDDEN');
            continue;
          }
          if (actor.wardId != null && actor.wardId !== 2) {
            await stream.ended;
            expect(errors().length, `${key} as ${actor.username}`).toBeGreaterThan(0);
            expect(errors().every((c) => c === 'NOT_FOUND' || c === 'FORBIDDEN'), `${key} as ${actor.username}: ${JSON.stringify(stream.results)}`).toBe(true);
            continue;
          }
          const data = await stream.until((d) => d.length > 0, 15_000);
          expect(errors(), `${key} as ${actor.username}`).toEqual([]);
          await assertNoLeak(actor, key, { data: data[0] });
          for (const o of walk(data)) if ('wardId' in o) expect(o.wardId, `${key} sent ${actor.username} another ward's event`).toBe(2);
        }
      } finally {
        await Promise.all(open.map(({ conn }) => conn.dispose().catch(() => undefined)));
      }
    });
  }

  it('serves each map layer only to the roles allowed the list it draws', async () => {
    for (const actor of ACTORS) {
      for (const [kind, access] of Object.entries(LAYERS)) {
        const body = await run(actor, `{ layer(kind: ${kind.toUpperCase()}) }`, {});
        const code = body.errors?.[0]?.extensions?.code;
        if (allows(access, actor.role)) {
          expect(body.errors, `${kind} as ${actor.username}`).toBeUndefined();
          await assertNoLeak(actor, `layer ${kind}`, body);
        } else expect(code, `${kind} as ${actor.username}`).toBe(actor.role ? 'FORBIDDEN' : 'UNAUTHENTICATED');
      }
    }
  });

  it('showed personal data to every role allowed to see it (so the check above can fail)', () => {
    for (const actor of ACTORS.filter((a) => a.role && PERSONAL_DATA_ROLES.includes(a.role))) {
      expect(personalSeen.get(actor.username!) ?? 0, `${actor.username} saw no personal data`).toBeGreaterThan(0);
    }
  });
});

describe('no existence leak', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ as: 'chair.p01' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it("answers a ward chair's request for another ward's camera, house, group and ward exactly like a missing one", async () => {
    const { rows } = await app.sql.query(`
      SELECT (SELECT min(id) FROM camera WHERE ward_id = 2) AS camera, (SELECT min(id) FROM rental_house WHERE ward_id = 2) AS house,
             (SELECT min(id) FROM residential_group WHERE ward_id = 2) AS grp`);
    const { camera, house, grp } = rows[0];
    const cases: Array<[string, number]> = [
      ['camera(id: $id) { id }', camera],
      ['rentalHouse(id: $id) { id }', house],
      ['residentialGroup(id: $id) { id }', grp],
      ['ward(id: $id) { id }', 2],
    ];
    for (const [q, id] of cases) {
      const foreign = await app.gql(`query($id: Int!) { ${q} }`, { id });
      const missing = await app.gql(`query($id: Int!) { ${q} }`, { id: 999999 });
      const strip = (r: GraphQLResponse) => JSON.stringify(r).replaceAll(String(id), 'ID').replaceAll('999999', 'ID');
      expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(strip(foreign)).toBe(strip(missing));
    }
  });
});

describe('the server-side rule alone (row-level security off)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ as: 'chair.p02', rowLevelSecurity: false });
  });
  afterAll(async () => {
    await app?.close();
  });

  it("keeps a ward chair to their ward even when the database would show everything", async () => {
    const r = await app.gql(`{ wards { id } cameras(first: 500) { totalCount edges { node { wardId } } } rentalHouses(first: 500) { edges { node { wardId } } }
      layer(kind: RESIDENTIAL_GROUPS) district { wardCount } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.wards).toEqual([{ id: 2 }]);
    expect(new Set(r.data.cameras.edges.map((e: any) => e.node.wardId))).toEqual(new Set([2]));
    expect(r.data.cameras.totalCount).toBe(await app.count('camera', 'ward_id = 2'));
    expect(new Set(r.data.rentalHouses.edges.map((e: any) => e.node.wardId))).toEqual(new Set([2]));
    expect(new Set(r.data.layer.features.map((f: any) => f.properties.wardId))).toEqual(new Set([2]));
    expect(r.data.district.wardCount).toBe(1);
    const other = await app.sql.query(`SELECT min(id) AS id FROM camera WHERE ward_id = 3`);
    expect((await app.gql(`{ camera(id: ${other.rows[0].id}) { id } }`)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
