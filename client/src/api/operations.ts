/**
 * Network operators (R3) and sponsorship funds (R9): their queries and mutations. Enum values keep
 * the GraphQL spelling (UPPER_CASE); the UI translates them. Amounts are whole VND. A refused
 * mutation throws a GraphQLClientError with the server's `code` and `field`.
 */
import { graphqlRequest, type RequestOptions } from './graphql';

// ------------------------------------------------------------------ operators (R3)

export const OPERATOR_KINDS = ['VIETTEL', 'VNPT', 'FPT', 'OTHER'] as const;
export type OperatorKind = (typeof OPERATOR_KINDS)[number];

export interface SupportAgreement {
  id: number;
  operatorId: number;
  title: string;
  bandwidthMbps: number | null;
  monthlyFeeSupportVnd: number;
  startsOn: string;
  endsOn: string | null;
  terms: string | null;
  inForce: boolean;
  connectionCount: number;
}

export interface TelecomOperator {
  id: number;
  code: string;
  name: string;
  kind: OperatorKind;
  contactName: string | null;
  contactPhone: string | null;
}

export interface OperatorReportLine {
  operatorId: number | null;
  operatorCode: string | null;
  operatorName: string | null;
  operatorKind: OperatorKind | null;
  wardId: number | null;
  wardCode: string | null;
  wardName: string | null;
  cameras: number;
  supportedCameras: number;
  supportedPercent: number | null;
  monthlyFeesVnd: number;
  feesCoveredVnd: number;
  feesNotCoveredVnd: number;
}

export interface OperatorReport {
  asOf: string;
  wardId: number | null;
  rows: OperatorReportLine[];
  operators: OperatorReportLine[];
  totals: OperatorReportLine;
}

export interface OperatorsPageData {
  operators: TelecomOperator[];
  agreements: SupportAgreement[];
  report: OperatorReport;
}

const LINE = 'operatorId operatorCode operatorName operatorKind wardId wardCode wardName cameras supportedCameras supportedPercent monthlyFeesVnd feesCoveredVnd feesNotCoveredVnd';
const AGREEMENT = 'id operatorId title bandwidthMbps monthlyFeeSupportVnd startsOn endsOn terms inForce connectionCount';
const OPERATOR = 'id code name kind contactName contactPhone';

const OPERATORS_PAGE = /* GraphQL */ `
  query OperatorsPage($wardId: Int) {
    networkOperators { ${OPERATOR} }
    supportAgreements { ${AGREEMENT} }
    operatorReport(wardId: $wardId) { asOf wardId rows { ${LINE} } operators { ${LINE} } totals { ${LINE} } }
  }
`;

export async function fetchOperatorsPage(wardId: number | null, options?: RequestOptions): Promise<OperatorsPageData> {
  const data = await graphqlRequest<{ networkOperators: TelecomOperator[]; supportAgreements: SupportAgreement[]; operatorReport: OperatorReport }>(
    OPERATORS_PAGE,
    { wardId },
    options,
  );
  return { operators: data.networkOperators, agreements: data.supportAgreements, report: data.operatorReport };
}

export function operatorReportCsvUrl(wardId: number | null): string {
  return wardId == null ? '/export/operator-report.csv' : `/export/operator-report.csv?wardId=${wardId}`;
}

export interface CreateAgreementInput {
  operatorId: number;
  title: string;
  monthlyFeeSupportVnd: number;
  bandwidthMbps?: number | null;
  startsOn: string;
  endsOn?: string | null;
  terms?: string | null;
}

export async function createSupportAgreement(input: CreateAgreementInput): Promise<SupportAgreement> {
  const data = await graphqlRequest<{ createSupportAgreement: SupportAgreement }>(
    `mutation CreateSupportAgreement($input: CreateSupportAgreementInput!) { createSupportAgreement(input: $input) { ${AGREEMENT} } }`,
    { input },
  );
  return data.createSupportAgreement;
}

export interface CreateOperatorInput {
  code: string;
  name: string;
  kind: OperatorKind;
  contactName?: string | null;
  contactPhone?: string | null;
}

export async function createNetworkOperator(input: CreateOperatorInput): Promise<TelecomOperator> {
  const data = await graphqlRequest<{ createNetworkOperator: TelecomOperator }>(
    `mutation CreateNetworkOperator($input: CreateNetworkOperatorInput!) { createNetworkOperator(input: $input) { ${OPERATOR} } }`,
    { input },
  );
  return data.createNetworkOperator;
}

export interface CameraConnectionInput {
  operatorId: number;
  plan: string;
  monthlyFeeVnd: number;
  bandwidthMbps?: number | null;
  agreementId?: number | null;
  connectedOn?: string | null;
}

export interface CameraNetworkConnection {
  id: number;
  cameraId: number;
  wardId: number;
  operatorId: number;
  plan: string;
  monthlyFeeVnd: number;
  agreementId: number | null;
  supported: boolean;
  feeCoveredVnd: number;
}

export async function setCameraConnection(cameraId: number, input: CameraConnectionInput): Promise<CameraNetworkConnection> {
  const data = await graphqlRequest<{ setCameraConnection: CameraNetworkConnection }>(
    `mutation SetCameraConnection($cameraId: Int!, $input: CameraConnectionInput!) {
       setCameraConnection(cameraId: $cameraId, input: $input) { id cameraId wardId operatorId plan monthlyFeeVnd agreementId supported feeCoveredVnd }
     }`,
    { cameraId, input },
  );
  return data.setCameraConnection;
}

// ------------------------------------------------------------------ funds (R9)

export const FUND_TARGETS = ['DISTRICT', 'WARD', 'RESIDENTIAL_GROUP'] as const;
export type FundTarget = (typeof FUND_TARGETS)[number];

export interface FundSpending {
  id: number;
  fundId: number;
  amountVnd: number;
  spentOn: string;
  purpose: string;
  maintenanceTicketId: number | null;
  ticketElsewhere: boolean;
  maintenanceTicket: { id: number; state: string; problem: string; cameraId: number } | null;
  createdBy: string | null;
}

export interface Fund {
  id: number;
  wardId: number | null;
  ward: { id: number; name: string } | null;
  residentialGroupId: number | null;
  residentialGroupName: string | null;
  target: FundTarget;
  sponsor: string;
  sponsorContact: string | null;
  amountVnd: number;
  receivedOn: string;
  purpose: string;
  createdBy: string | null;
  spentVnd: number;
  balanceVnd: number;
  spendings: FundSpending[];
}

export interface FundReportLine {
  wardId: number | null;
  wardCode: string | null;
  wardName: string | null;
  funds: number;
  spendings: number;
  receivedVnd: number;
  spentVnd: number;
  balanceVnd: number;
  spentOnTicketsVnd: number;
}

export interface FundReport {
  asOf: string;
  wardId: number | null;
  wards: FundReportLine[];
  district: FundReportLine;
  totals: FundReportLine;
}

const SPENDING = 'id fundId amountVnd spentOn purpose maintenanceTicketId ticketElsewhere maintenanceTicket { id state problem cameraId } createdBy';
const FUND = `id wardId ward { id name } residentialGroupId residentialGroupName target sponsor sponsorContact amountVnd receivedOn purpose createdBy
  spentVnd balanceVnd spendings { ${SPENDING} }`;
const FUND_LINE = 'wardId wardCode wardName funds spendings receivedVnd spentVnd balanceVnd spentOnTicketsVnd';

const FUNDS_PAGE = /* GraphQL */ `
  query FundsPage($wardId: Int, $filter: FundFilterInput) {
    funds(filter: $filter) { ${FUND} }
    fundReport(wardId: $wardId) { asOf wardId wards { ${FUND_LINE} } district { ${FUND_LINE} } totals { ${FUND_LINE} } }
  }
`;

export async function fetchFundsPage(wardId: number | null, options?: RequestOptions): Promise<{ funds: Fund[]; report: FundReport }> {
  // One ward: its funds and the district's own (the report shows both); all wards: every fund in scope.
  const data = await graphqlRequest<{ funds: Fund[]; fundReport: FundReport }>(FUNDS_PAGE, { wardId, filter: null }, options);
  const funds = wardId == null ? data.funds : data.funds.filter((f) => f.wardId == null || f.wardId === wardId);
  return { funds, report: data.fundReport };
}

export function fundReportCsvUrl(wardId: number | null): string {
  return wardId == null ? '/export/fund-report.csv' : `/export/fund-report.csv?wardId=${wardId}`;
}

export interface RecordFundInput {
  target: FundTarget;
  wardId?: number | null;
  residentialGroupId?: number | null;
  sponsor: string;
  sponsorContact?: string | null;
  amountVnd: number;
  receivedOn: string;
  purpose: string;
}

export async function recordFund(input: RecordFundInput): Promise<Fund> {
  const data = await graphqlRequest<{ recordFund: Fund }>(`mutation RecordFund($input: RecordFundInput!) { recordFund(input: $input) { ${FUND} } }`, { input });
  return data.recordFund;
}

export interface RecordSpendingInput {
  fundId: number;
  amountVnd: number;
  spentOn: string;
  purpose: string;
  maintenanceTicketId?: number | null;
}

/** Spends from a fund; answers the fund as it now stands. */
export async function recordFundSpending(input: RecordSpendingInput): Promise<Fund> {
  const data = await graphqlRequest<{ recordFundSpending: Fund }>(
    `mutation RecordFundSpending($input: RecordFundSpendingInput!) { recordFundSpending(input: $input) { ${FUND} } }`,
    { input },
  );
  return data.recordFundSpending;
}

export interface GroupOption {
  id: number;
  code: string;
  name: string;
}

export async function fetchGroups(wardId: number, options?: RequestOptions): Promise<GroupOption[]> {
  const data = await graphqlRequest<{ residentialGroups: GroupOption[] }>(
    `query FundGroups($wardId: Int!) { residentialGroups(wardId: $wardId) { id code name } }`,
    { wardId },
    options,
  );
  return data.residentialGroups;
}
