/**
 * Maintenance tickets (R10): the list, one ticket with its timeline and the actions the server allows
 * this viewer, the report of a problem, the transitions, and the time-to-repair figures per ward.
 * Enum values keep the GraphQL spelling (UPPER_CASE); the UI translates them. A refused mutation
 * throws a GraphQLClientError with the server's `code` and `field`.
 */
import { graphqlRequest, type RequestOptions } from './graphql';
import type { Page, PageInfo } from './registries';

export const MAINTENANCE_STATES = ['REPORTED', 'ASSIGNED', 'IN_PROGRESS', 'RESOLVED'] as const;
export type MaintenanceState = (typeof MAINTENANCE_STATES)[number];
/** The states of a ticket not yet resolved. */
export const OPEN_STATES: readonly MaintenanceState[] = ['REPORTED', 'ASSIGNED', 'IN_PROGRESS'];

export const MAINTENANCE_SOURCES = ['MANUAL', 'HEARTBEAT'] as const;
export type MaintenanceSource = (typeof MAINTENANCE_SOURCES)[number];

export const MAINTENANCE_EVENT_KINDS = ['REPORTED', 'ASSIGNED', 'STARTED', 'RESOLVED', 'NOTE'] as const;
export type MaintenanceEventKind = (typeof MAINTENANCE_EVENT_KINDS)[number];

/** The order the detail panel shows the server's allowed actions in. */
export const MAINTENANCE_ACTIONS = ['ASSIGN', 'START', 'RESOLVE', 'ADD_NOTE'] as const;
export type MaintenanceAction = (typeof MAINTENANCE_ACTIONS)[number];

export type CameraStatus = 'ACTIVE' | 'OFFLINE' | 'MAINTENANCE' | 'DECOMMISSIONED';

export interface MaintenanceTicketSummary {
  id: number;
  wardId: number;
  ward: { id: number; name: string };
  cameraId: number;
  camera: { id: number; label: string | null; status: CameraStatus };
  state: MaintenanceState;
  source: MaintenanceSource;
  problem: string;
  reportedAt: string;
  assignee: string | null;
  resolvedAt: string | null;
  elapsedHours: number;
}

export interface MaintenanceEvent {
  id: number;
  kind: MaintenanceEventKind;
  note: string | null;
  assignee: string | null;
  at: string;
  username: string | null;
}

export interface MaintenanceTicket extends MaintenanceTicketSummary {
  camera: { id: number; label: string | null; status: CameraStatus; type: string; ownerKind: string };
  reportedBy: string | null;
  assignedAt: string | null;
  startedAt: string | null;
  resolution: string | null;
  repairCostVnd: number | null;
  updatedAt: string;
  events: MaintenanceEvent[];
  allowedActions: MaintenanceAction[];
}

const SUMMARY_FIELDS =
  'id wardId ward { id name } cameraId camera { id label status } state source problem reportedAt assignee resolvedAt elapsedHours';
const TICKET_FIELDS =
  'id wardId ward { id name } cameraId camera { id label status type ownerKind } state source problem reportedAt reportedBy ' +
  'assignee assignedAt startedAt resolvedAt resolution repairCostVnd updatedAt elapsedHours ' +
  'events { id kind note assignee at username } allowedActions';

export interface MaintenanceFilter {
  wardId?: number | null;
  states?: readonly MaintenanceState[] | null;
  cameraId?: number | null;
}

export function maintenanceFilterInput(filter: MaintenanceFilter): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  if (filter.wardId != null) input.wardId = filter.wardId;
  if (filter.states && filter.states.length > 0) input.states = [...filter.states];
  if (filter.cameraId != null) input.cameraId = filter.cameraId;
  return input;
}

const TICKETS = /* GraphQL */ `
  query MaintenanceTickets($filter: MaintenanceTicketFilterInput, $first: Int!, $after: String) {
    maintenanceTickets(filter: $filter, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { ${SUMMARY_FIELDS} } }
    }
  }
`;

/** Tickets matching the filter, newest first. */
export async function fetchMaintenanceTickets(
  filter: MaintenanceFilter,
  page: { first: number; after: string | null },
  options?: RequestOptions,
): Promise<Page<MaintenanceTicketSummary>> {
  const data = await graphqlRequest<{
    maintenanceTickets: { totalCount: number; pageInfo: PageInfo; edges: Array<{ node: MaintenanceTicketSummary }> };
  }>(TICKETS, { filter: maintenanceFilterInput(filter), first: page.first, after: page.after }, options);
  const c = data.maintenanceTickets;
  return { totalCount: c.totalCount, pageInfo: c.pageInfo, items: c.edges.map((e) => e.node) };
}

const TICKET = /* GraphQL */ `
  query MaintenanceTicket($id: Int!) {
    maintenanceTicket(id: $id) { ${TICKET_FIELDS} }
  }
`;

export async function fetchMaintenanceTicket(id: number, options?: RequestOptions): Promise<MaintenanceTicket> {
  return (await graphqlRequest<{ maintenanceTicket: MaintenanceTicket }>(TICKET, { id }, options)).maintenanceTicket;
}

const REPORT = /* GraphQL */ `
  mutation ReportCameraProblem($input: ReportCameraProblemInput!) {
    reportCameraProblem(input: $input) { ${TICKET_FIELDS} }
  }
`;

export async function reportCameraProblem(input: { cameraId: number; problem: string }, options?: RequestOptions): Promise<MaintenanceTicket> {
  return (await graphqlRequest<{ reportCameraProblem: MaintenanceTicket }>(REPORT, { input }, options)).reportCameraProblem;
}

/** One of the actions, with what it needs. */
export type MaintenanceActionRequest =
  | { action: 'ASSIGN'; input: { assignee: string; note?: string } }
  | { action: 'START'; input: { assignee?: string; note?: string } }
  | { action: 'RESOLVE'; input: { resolution: string; repairCostVnd?: number } }
  | { action: 'ADD_NOTE'; note: string };

const ACTION_MUTATIONS: Record<MaintenanceAction, { field: string; document: string }> = {
  ASSIGN: {
    field: 'assignMaintenanceTicket',
    document: `mutation AssignMaintenanceTicket($id: Int!, $input: AssignMaintenanceTicketInput!) { assignMaintenanceTicket(id: $id, input: $input) { ${TICKET_FIELDS} } }`,
  },
  START: {
    field: 'startMaintenanceTicket',
    document: `mutation StartMaintenanceTicket($id: Int!, $input: StartMaintenanceTicketInput) { startMaintenanceTicket(id: $id, input: $input) { ${TICKET_FIELDS} } }`,
  },
  RESOLVE: {
    field: 'resolveMaintenanceTicket',
    document: `mutation ResolveMaintenanceTicket($id: Int!, $input: ResolveMaintenanceTicketInput!) { resolveMaintenanceTicket(id: $id, input: $input) { ${TICKET_FIELDS} } }`,
  },
  ADD_NOTE: {
    field: 'addMaintenanceTicketNote',
    document: `mutation AddMaintenanceTicketNote($id: Int!, $note: String!) { addMaintenanceTicketNote(id: $id, note: $note) { ${TICKET_FIELDS} } }`,
  },
};

export async function runMaintenanceAction(id: number, request: MaintenanceActionRequest, options?: RequestOptions): Promise<MaintenanceTicket> {
  const m = ACTION_MUTATIONS[request.action];
  const variables = request.action === 'ADD_NOTE' ? { id, note: request.note } : { id, input: request.input };
  const data = await graphqlRequest<Record<string, MaintenanceTicket>>(m.document, variables, options);
  return data[m.field]!;
}

export interface MaintenanceFigures {
  wardId: number | null;
  ward: { id: number; name: string } | null;
  openTickets: number;
  inProgressTickets: number;
  resolvedTickets: number;
  meanTimeToRepairHours: number | null;
  medianTimeToRepairHours: number | null;
  oldestOpenReportedAt: string | null;
  oldestOpenAgeHours: number | null;
  repairCostVnd: number;
}

export interface MaintenanceStats {
  asOf: string;
  periodDays: number | null;
  wards: MaintenanceFigures[];
  total: MaintenanceFigures;
}

const FIGURES =
  'wardId ward { id name } openTickets inProgressTickets resolvedTickets meanTimeToRepairHours medianTimeToRepairHours ' +
  'oldestOpenReportedAt oldestOpenAgeHours repairCostVnd';

const STATS = /* GraphQL */ `
  query MaintenanceStats($periodDays: Int) {
    maintenanceStats(periodDays: $periodDays) { asOf periodDays wards { ${FIGURES} } total { ${FIGURES} } }
  }
`;

/** Time to repair per ward in the viewer's scope, for the last `periodDays` days (null: all time). */
export async function fetchMaintenanceStats(periodDays: number | null, options?: RequestOptions): Promise<MaintenanceStats> {
  return (await graphqlRequest<{ maintenanceStats: MaintenanceStats }>(STATS, { periodDays }, options)).maintenanceStats;
}

/** The periods the time-to-repair table offers, in days (null: all time). */
export const STATS_PERIODS: ReadonlyArray<number | null> = [30, 90, 365, null];

export const MAINTENANCE_CSV_URL = '/export/maintenance-tickets.csv';

/** Hours as the page shows them: hours under two days, days from then on (one decimal). */
export function durationParts(hours: number): { unit: 'hours' | 'days'; value: number } {
  return hours < 48 ? { unit: 'hours', value: Math.round(hours * 10) / 10 } : { unit: 'days', value: Math.round((hours / 24) * 10) / 10 };
}
