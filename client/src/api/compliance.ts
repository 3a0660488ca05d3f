/**
 * The deadline dashboard's and the directive list's queries and mutations (issue 5, server part C),
 * with the shapes of their answers. Percentages are 0–100 and null when the total is 0.
 */
import type { Role } from '../types';
import { graphqlRequest, type RequestOptions } from './graphql';

export interface ComplianceFigures {
  groupsTotal: number;
  groupsWithCamera: number;
  groupsPercent: number | null;
  housesTotal: number;
  housesWithCamera: number;
  housesPercent: number | null;
  housesVerified: number;
  civilServantsTotal: number;
  civilServantsVerified: number;
  civilServantUptakePercent: number | null;
  activeCameras: number;
  openCases: number;
}

export interface WardCompliance {
  wardId: number;
  ward: { id: number; code: string; name: string };
  figures: ComplianceFigures;
}

export interface ComplianceTrendPoint {
  /** YYYY-MM-DD, the local day of the snapshot */
  day: string;
  figures: ComplianceFigures;
}

export interface ComplianceDashboard {
  /** today in Vietnam, YYYY-MM-DD */
  asOf: string;
  /** null: the whole district */
  wardId: number | null;
  groupDeadline: string | null;
  groupDaysLeft: number | null;
  houseDeadline: string | null;
  houseDaysLeft: number | null;
  totals: ComplianceFigures;
  wards: WardCompliance[];
  trend: ComplianceTrendPoint[];
}

export const DIRECTIVE_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'DONE', 'BLOCKED'] as const;
export type DirectiveStatus = (typeof DIRECTIVE_STATUSES)[number];

export interface Directive {
  id: number;
  code: string;
  title: string;
  responsibleUnitId: number | null;
  responsibleUnit: { id: number; code: string; name: string } | null;
  ownerRoles: Role[];
  deadline: string | null;
  daysLeft: number | null;
  status: DirectiveStatus;
  overdue: boolean;
  notes: string | null;
  updatedAt: string;
  updatedBy: string | null;
  canEdit: boolean;
}

export interface UpdateDirectiveInput {
  status?: DirectiveStatus;
  notes?: string | null;
  deadline?: string | null;
}

/** The trend the dashboard asks for by default, and the spans it offers (the server allows up to 730 days). */
export const DEFAULT_TREND_DAYS = 120;
export const TREND_SPANS = [30, 90, 120, 365, 730] as const;

const FIGURES =
  'groupsTotal groupsWithCamera groupsPercent housesTotal housesWithCamera housesPercent housesVerified ' +
  'civilServantsTotal civilServantsVerified civilServantUptakePercent activeCameras openCases';

const DASHBOARD = /* GraphQL */ `
  query ComplianceDashboard($wardId: Int, $days: Int) {
    complianceDashboard(wardId: $wardId) {
      asOf wardId groupDeadline groupDaysLeft houseDeadline houseDaysLeft
      totals { ${FIGURES} }
      wards { wardId ward { id code name } figures { ${FIGURES} } }
      trend(days: $days) { day figures { ${FIGURES} } }
    }
  }
`;

const SCOPES = /* GraphQL */ `
  query DashboardScopes {
    wards { id code name }
  }
`;

const TAKE_SNAPSHOT = /* GraphQL */ `
  mutation TakeComplianceSnapshot {
    takeComplianceSnapshot
  }
`;

const DIRECTIVE_FIELDS =
  'id code title responsibleUnitId responsibleUnit { id code name } ownerRoles deadline daysLeft status overdue notes updatedAt updatedBy canEdit';

const DIRECTIVES = /* GraphQL */ `
  query Directives {
    directives { ${DIRECTIVE_FIELDS} }
  }
`;

const UPDATE_DIRECTIVE = /* GraphQL */ `
  mutation UpdateDirective($id: Int!, $input: UpdateDirectiveInput!) {
    updateDirective(id: $id, input: $input) { ${DIRECTIVE_FIELDS} }
  }
`;

const PAGE_HEADER = /* GraphQL */ `
  query PageHeader {
    district { id name coverage { coveredPercent } }
  }
`;

/** The dashboard for the district (wardId null) or one ward, with `days` days of trend. */
export async function fetchComplianceDashboard(
  scope: { wardId: number | null; days?: number },
  options?: RequestOptions,
): Promise<ComplianceDashboard> {
  const variables: Record<string, unknown> = { days: scope.days ?? DEFAULT_TREND_DAYS };
  if (scope.wardId != null) variables.wardId = scope.wardId;
  return (await graphqlRequest<{ complianceDashboard: ComplianceDashboard }>(DASHBOARD, variables, options)).complianceDashboard;
}

/** The wards the user may pick as the dashboard's scope (a ward chair: their own). */
export async function fetchDashboardScopes(options?: RequestOptions): Promise<Array<{ id: number; code: string; name: string }>> {
  return (await graphqlRequest<{ wards: Array<{ id: number; code: string; name: string }> }>(SCOPES, undefined, options)).wards;
}

/** Takes today's snapshot now; returns the number of wards written. */
export async function takeComplianceSnapshot(options?: RequestOptions): Promise<number> {
  return (await graphqlRequest<{ takeComplianceSnapshot: number }>(TAKE_SNAPSHOT, undefined, options)).takeComplianceSnapshot;
}

export async function fetchDirectives(options?: RequestOptions): Promise<Directive[]> {
  return (await graphqlRequest<{ directives: Directive[] }>(DIRECTIVES, undefined, options)).directives;
}

/** Updates a directive; a refusal throws a GraphQLClientError with `code` and `field`. */
export async function updateDirective(id: number, input: UpdateDirectiveInput, options?: RequestOptions): Promise<Directive> {
  return (await graphqlRequest<{ updateDirective: Directive }>(UPDATE_DIRECTIVE, { id, input }, options)).updateDirective;
}

/** The header of a page other than the map: the district's name and the coverage the user sees. */
export async function fetchPageHeader(options?: RequestOptions): Promise<{ name: string; coveredPercent: number | null }> {
  const data = await graphqlRequest<{ district: { name: string; coverage: { coveredPercent: number } | null } }>(PAGE_HEADER, undefined, options);
  return { name: data.district.name, coveredPercent: data.district.coverage?.coveredPercent ?? null };
}

/** Where the dashboard's per-ward figures (and the district's total) download as CSV. */
export function complianceCsvUrl(wardId: number | null): string {
  return wardId == null ? '/export/compliance-dashboard.csv' : `/export/compliance-dashboard.csv?wardId=${encodeURIComponent(String(wardId))}`;
}
