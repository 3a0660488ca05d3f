/**
 * The compliance registries' queries and mutations (issue 5): the ward's report of rental houses
 * without a camera (R5), units and civil servants (R4, R6), penalty cases (R7). Enum values keep the
 * GraphQL spelling (UPPER_CASE); the UI translates them. A refused mutation throws a
 * GraphQLClientError with the server's `code` and `field`.
 */
import { graphqlRequest, type RequestOptions } from './graphql';

// ------------------------------------------------------------------ vocabulary

export const COMPLIANCE_STATUSES = ['REGISTERED', 'CAMERA_INSTALLED', 'CAMERA_VERIFIED', 'NON_COMPLIANT'] as const;
export type ComplianceStatus = (typeof COMPLIANCE_STATUSES)[number];

export const PENALTY_CASE_STATES = ['OPEN', 'REFERRED', 'DECIDED', 'CLOSED'] as const;
export type PenaltyCaseState = (typeof PENALTY_CASE_STATES)[number];

export const PENALTY_DECISIONS = ['WARNING', 'FINE'] as const;
export type PenaltyDecision = (typeof PENALTY_DECISIONS)[number];

export const PENALTY_CLOSE_REASONS = ['CAMERA_VERIFIED', 'FINE_PAID'] as const;
export type PenaltyCloseReason = (typeof PENALTY_CLOSE_REASONS)[number];

export const PENALTY_CASE_EVENT_KINDS = ['OPENED', 'REFERRED', 'DECIDED', 'FINE_PAID', 'NOTE', 'EVIDENCE', 'CLOSED'] as const;
export type PenaltyCaseEventKind = (typeof PENALTY_CASE_EVENT_KINDS)[number];

/** The order the detail panel shows the server's allowed actions in. */
export const PENALTY_CASE_ACTIONS = ['REFER', 'DECIDE', 'RECORD_PAYMENT', 'CLOSE', 'ADD_EVIDENCE'] as const;
export type PenaltyCaseAction = (typeof PENALTY_CASE_ACTIONS)[number];

export const UNIT_KINDS = ['DIVISION', 'WARD_COMMITTEE'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const CIVIL_SERVANT_CHECK_RESULTS = ['WORKING', 'NOT_WORKING', 'NO_CAMERA'] as const;
export type CivilServantCheckResult = (typeof CIVIL_SERVANT_CHECK_RESULTS)[number];

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface Page<T> {
  totalCount: number;
  pageInfo: PageInfo;
  items: T[];
}

interface ConnectionOf<T> {
  totalCount: number;
  pageInfo: PageInfo;
  edges: Array<{ node: T }>;
}

function pageOf<T>(c: ConnectionOf<T>): Page<T> {
  return { totalCount: c.totalCount, pageInfo: c.pageInfo, items: c.edges.map((e) => e.node) };
}

/** The largest page the server gives (server/src/services/pagination.ts). */
export const MAX_PAGE_SIZE = 500;

// ------------------------------------------------------------------ the ward's report (R5)

export interface WardOption {
  id: number;
  code: string;
  name: string;
}

const WARDS = /* GraphQL */ `
  query RegistryWards {
    wards { id code name }
  }
`;

/** The wards the user may see (a ward chair: their own), by code. */
export async function fetchWards(options?: RequestOptions): Promise<WardOption[]> {
  return (await graphqlRequest<{ wards: WardOption[] }>(WARDS, undefined, options)).wards;
}

export interface ReportHouse {
  id: number;
  address: string;
  ownerName: string | null;
  ownerPhone: string | null;
  rooms: number;
  residentialGroupId: number | null;
  complianceStatus: ComplianceStatus;
  statusChangedAt: string;
  nearestActiveCameraMeters: number | null;
  openPenaltyCase: { id: number; state: PenaltyCaseState } | null;
}

export interface WardReportSummary {
  ward: { id: number; code: string; name: string; chairName: string | null };
  groups: Array<{ id: number; code: string; name: string }>;
  housesTotal: number;
  housesWithCamera: number;
  byStatus: Record<ComplianceStatus, number>;
}

const statusCount = (s: ComplianceStatus) =>
  `${s.toLowerCase()}: rentalHouses(filter: { wardId: $wardId, complianceStatus: [${s}] }, first: 1) { totalCount }`;

const WARD_REPORT_SUMMARY = /* GraphQL */ `
  query WardReportSummary($wardId: Int!) {
    ward(id: $wardId) { id code name chairName }
    residentialGroups(wardId: $wardId) { id code name }
    all: rentalHouses(filter: { wardId: $wardId }, first: 1) { totalCount }
    withCamera: rentalHouses(filter: { wardId: $wardId, hasActiveCamera: true }, first: 1) { totalCount }
    ${COMPLIANCE_STATUSES.map(statusCount).join('\n    ')}
  }
`;

const REPORT_HOUSE_FIELDS =
  'id address ownerName ownerPhone rooms residentialGroupId complianceStatus statusChangedAt nearestActiveCameraMeters openPenaltyCase { id state }';

const UNREGISTERED_HOUSES = /* GraphQL */ `
  query UnregisteredRentalHouses($wardId: Int!, $first: Int!, $after: String) {
    unregisteredRentalHouses(wardId: $wardId, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { ${REPORT_HOUSE_FIELDS} } }
    }
  }
`;

type Count = { totalCount: number };

export async function fetchWardReportSummary(wardId: number, options?: RequestOptions): Promise<WardReportSummary> {
  const data = await graphqlRequest<
    { ward: WardReportSummary['ward']; residentialGroups: WardReportSummary['groups']; all: Count; withCamera: Count } & Record<string, Count>
  >(WARD_REPORT_SUMMARY, { wardId }, options);
  const byStatus = Object.fromEntries(COMPLIANCE_STATUSES.map((s) => [s, data[s.toLowerCase()].totalCount])) as Record<ComplianceStatus, number>;
  return {
    ward: data.ward,
    groups: data.residentialGroups,
    housesTotal: data.all.totalCount,
    housesWithCamera: data.withCamera.totalCount,
    byStatus,
  };
}

/** Every rental house of the ward without an active camera, by id (all pages). */
export async function fetchUnregisteredHouses(wardId: number, options?: RequestOptions): Promise<ReportHouse[]> {
  const houses: ReportHouse[] = [];
  let after: string | null = null;
  for (;;) {
    const data: { unregisteredRentalHouses: ConnectionOf<ReportHouse> } = await graphqlRequest(
      UNREGISTERED_HOUSES,
      { wardId, first: MAX_PAGE_SIZE, after },
      options,
    );
    const page = pageOf(data.unregisteredRentalHouses);
    houses.push(...page.items);
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return houses;
    after = page.pageInfo.endCursor;
  }
}

/** Where a ward's rental houses without an active camera (R2, R5) are downloaded as CSV. */
export { unregisteredHousesCsvUrl } from './queries';

// ------------------------------------------------------------------ units and civil servants (R4, R6)

export interface Unit {
  id: number;
  code: string;
  name: string;
  kind: UnitKind;
  wardId: number | null;
  headcount: number;
  verifiedCount: number;
  uptakePercent: number | null;
  reachedFullAt: string | null;
}

const UNIT_FIELDS = 'id code name kind wardId headcount verifiedCount uptakePercent reachedFullAt';

const UNITS = /* GraphQL */ `
  query Units {
    units { ${UNIT_FIELDS} }
    commendationRoster { ${UNIT_FIELDS} }
  }
`;

export async function fetchUnits(options?: RequestOptions): Promise<{ units: Unit[]; roster: Unit[] }> {
  const data = await graphqlRequest<{ units: Unit[]; commendationRoster: Unit[] }>(UNITS, undefined, options);
  return { units: data.units, roster: data.commendationRoster };
}

/** The unit uptake figures as CSV (same roles as Query.units). */
export const UNIT_UPTAKE_CSV_URL = '/export/unit-uptake.csv';

export interface CivilServantCheck {
  id: number;
  result: CivilServantCheckResult;
  checkedAt: string;
  checkedBy: string;
  note: string | null;
}

export interface CivilServant {
  id: number;
  fullName: string;
  position: string | null;
  phone: string | null;
  homeAddress: string | null;
  unitId: number;
  unit: { id: number; code: string; name: string };
  wardId: number;
  ward: { id: number; name: string };
  cameraId: number | null;
  camera: { id: number; label: string | null; status: string } | null;
  verifiedSince: string | null;
  hasVerifiedCamera: boolean;
  lastCheck: CivilServantCheck | null;
}

const CIVIL_SERVANT_FIELDS =
  'id fullName position phone homeAddress unitId unit { id code name } wardId ward { id name } cameraId camera { id label status } ' +
  'verifiedSince hasVerifiedCamera lastCheck { id result checkedAt checkedBy note }';

export interface CivilServantFilter {
  unitId?: number | null;
  verified?: boolean | null;
  search?: string | null;
}

const CIVIL_SERVANTS = /* GraphQL */ `
  query CivilServants($filter: CivilServantFilterInput, $first: Int!, $after: String) {
    civilServants(filter: $filter, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { ${CIVIL_SERVANT_FIELDS} } }
    }
  }
`;

/** Only the filter fields that are set (an empty search is no filter). */
export function civilServantFilterInput(filter: CivilServantFilter): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  if (filter.unitId != null) input.unitId = filter.unitId;
  if (filter.verified != null) input.verified = filter.verified;
  const search = filter.search?.trim();
  if (search) input.search = search;
  return input;
}

export async function fetchCivilServants(
  filter: CivilServantFilter,
  page: { first: number; after: string | null },
  options?: RequestOptions,
): Promise<Page<CivilServant>> {
  const data = await graphqlRequest<{ civilServants: ConnectionOf<CivilServant> }>(
    CIVIL_SERVANTS,
    { filter: civilServantFilterInput(filter), first: page.first, after: page.after },
    options,
  );
  return pageOf(data.civilServants);
}

export interface RecordCivilServantCheckInput {
  civilServantId: number;
  result: CivilServantCheckResult;
  checkedAt?: string;
  checkedBy?: string;
  note?: string;
}

const RECORD_CHECK = /* GraphQL */ `
  mutation RecordCivilServantCheck($input: RecordCivilServantCheckInput!) {
    recordCivilServantCheck(input: $input) { ${CIVIL_SERVANT_FIELDS} }
  }
`;

export async function recordCivilServantCheck(input: RecordCivilServantCheckInput, options?: RequestOptions): Promise<CivilServant> {
  return (await graphqlRequest<{ recordCivilServantCheck: CivilServant }>(RECORD_CHECK, { input }, options)).recordCivilServantCheck;
}

const LINK_HOME_CAMERA = /* GraphQL */ `
  mutation LinkHomeCamera($civilServantId: Int!, $cameraId: Int) {
    linkHomeCamera(civilServantId: $civilServantId, cameraId: $cameraId) { ${CIVIL_SERVANT_FIELDS} }
  }
`;

/** Links a camera to a civil servant's home; null unlinks. */
export async function linkHomeCamera(civilServantId: number, cameraId: number | null, options?: RequestOptions): Promise<CivilServant> {
  return (await graphqlRequest<{ linkHomeCamera: CivilServant }>(LINK_HOME_CAMERA, { civilServantId, cameraId }, options)).linkHomeCamera;
}

// ------------------------------------------------------------------ penalty cases (R7)

export interface PenaltyCaseSummary {
  id: number;
  wardId: number;
  ward: { id: number; name: string };
  rentalHouseId: number;
  rentalHouse: { id: number; address: string };
  state: PenaltyCaseState;
  decision: PenaltyDecision | null;
  fineAmountVnd: number | null;
  openedAt: string;
  updatedAt: string;
}

export interface PenaltyCaseEvent {
  id: number;
  kind: PenaltyCaseEventKind;
  note: string | null;
  fileReference: string | null;
  at: string;
  username: string | null;
}

export interface PenaltyCase extends PenaltyCaseSummary {
  rentalHouse: {
    id: number;
    address: string;
    ownerName: string | null;
    ownerPhone: string | null;
    rooms: number;
    complianceStatus: ComplianceStatus;
    hasActiveCamera: boolean;
  };
  legalBasis: string | null;
  finePaidAt: string | null;
  closeReason: PenaltyCloseReason | null;
  referredAt: string | null;
  decidedAt: string | null;
  closedAt: string | null;
  events: PenaltyCaseEvent[];
  allowedActions: PenaltyCaseAction[];
}

const CASE_SUMMARY_FIELDS = 'id wardId ward { id name } rentalHouseId rentalHouse { id address } state decision fineAmountVnd openedAt updatedAt';

const CASE_FIELDS =
  'id wardId ward { id name } rentalHouseId ' +
  'rentalHouse { id address ownerName ownerPhone rooms complianceStatus hasActiveCamera } ' +
  'state decision fineAmountVnd legalBasis finePaidAt closeReason openedAt referredAt decidedAt closedAt updatedAt ' +
  'events { id kind note fileReference at username } allowedActions';

export interface PenaltyCaseFilter {
  wardId?: number | null;
  states?: PenaltyCaseState[] | null;
}

const PENALTY_CASES = /* GraphQL */ `
  query PenaltyCases($filter: PenaltyCaseFilterInput, $first: Int!, $after: String) {
    penaltyCases(filter: $filter, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { ${CASE_SUMMARY_FIELDS} } }
    }
  }
`;

export function penaltyCaseFilterInput(filter: PenaltyCaseFilter): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  if (filter.wardId != null) input.wardId = filter.wardId;
  if (filter.states && filter.states.length > 0) input.states = filter.states;
  return input;
}

export async function fetchPenaltyCases(
  filter: PenaltyCaseFilter,
  page: { first: number; after: string | null },
  options?: RequestOptions,
): Promise<Page<PenaltyCaseSummary>> {
  const data = await graphqlRequest<{ penaltyCases: ConnectionOf<PenaltyCaseSummary> }>(
    PENALTY_CASES,
    { filter: penaltyCaseFilterInput(filter), first: page.first, after: page.after },
    options,
  );
  return pageOf(data.penaltyCases);
}

const PENALTY_CASE = /* GraphQL */ `
  query PenaltyCase($id: Int!) {
    penaltyCase(id: $id) { ${CASE_FIELDS} }
  }
`;

export async function fetchPenaltyCase(id: number, options?: RequestOptions): Promise<PenaltyCase> {
  return (await graphqlRequest<{ penaltyCase: PenaltyCase }>(PENALTY_CASE, { id }, options)).penaltyCase;
}

export interface OpenPenaltyCaseInput {
  rentalHouseId: number;
  note?: string;
  fileReference?: string;
}

const OPEN_CASE = /* GraphQL */ `
  mutation OpenPenaltyCase($input: OpenPenaltyCaseInput!) {
    openPenaltyCase(input: $input) { ${CASE_FIELDS} }
  }
`;

export async function openPenaltyCase(input: OpenPenaltyCaseInput, options?: RequestOptions): Promise<PenaltyCase> {
  return (await graphqlRequest<{ openPenaltyCase: PenaltyCase }>(OPEN_CASE, { input }, options)).openPenaltyCase;
}

export interface DecidePenaltyCaseInput {
  decision: PenaltyDecision;
  fineAmountVnd?: number;
  legalBasis: string;
  note?: string;
}

/** What each action sends: the mutation and its variables besides the case id. */
export type CaseActionRequest =
  | { action: 'REFER'; note?: string }
  | { action: 'DECIDE'; input: DecidePenaltyCaseInput }
  | { action: 'RECORD_PAYMENT'; note?: string }
  | { action: 'CLOSE'; note?: string }
  | { action: 'ADD_EVIDENCE'; input: { note?: string; fileReference?: string } };

const ACTION_MUTATIONS: Record<PenaltyCaseAction, { field: string; document: string }> = {
  REFER: {
    field: 'referPenaltyCase',
    document: `mutation ReferPenaltyCase($id: Int!, $note: String) { referPenaltyCase(id: $id, note: $note) { ${CASE_FIELDS} } }`,
  },
  DECIDE: {
    field: 'decidePenaltyCase',
    document: `mutation DecidePenaltyCase($id: Int!, $input: DecidePenaltyCaseInput!) { decidePenaltyCase(id: $id, input: $input) { ${CASE_FIELDS} } }`,
  },
  RECORD_PAYMENT: {
    field: 'recordFinePayment',
    document: `mutation RecordFinePayment($id: Int!, $note: String) { recordFinePayment(id: $id, note: $note) { ${CASE_FIELDS} } }`,
  },
  CLOSE: {
    field: 'closePenaltyCase',
    document: `mutation ClosePenaltyCase($id: Int!, $note: String) { closePenaltyCase(id: $id, note: $note) { ${CASE_FIELDS} } }`,
  },
  ADD_EVIDENCE: {
    field: 'addPenaltyCaseEvidence',
    document: `mutation AddPenaltyCaseEvidence($id: Int!, $input: PenaltyCaseEvidenceInput!) { addPenaltyCaseEvidence(id: $id, input: $input) { ${CASE_FIELDS} } }`,
  },
};

/** The variables of an action's mutation: empty optional strings are left out. */
export function actionVariables(id: number, request: CaseActionRequest): Record<string, unknown> {
  const clean = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== ''));
  switch (request.action) {
    case 'DECIDE':
    case 'ADD_EVIDENCE':
      return { id, input: clean({ ...request.input }) };
    default:
      return clean({ id, note: request.note });
  }
}

export async function runCaseAction(id: number, request: CaseActionRequest, options?: RequestOptions): Promise<PenaltyCase> {
  const m = ACTION_MUTATIONS[request.action];
  const data = await graphqlRequest<Record<string, PenaltyCase>>(m.document, actionVariables(id, request), options);
  return data[m.field];
}

/** The penalty cases as CSV (same roles as Query.penaltyCases). */
export const PENALTY_CASES_CSV_URL = '/export/penalty-cases.csv';
