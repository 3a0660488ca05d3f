import { Role } from './entities/enums';

/**
 * Who may do what: the one table the server checks on every field (auth-checker.ts), and that
 * test/server/policy.test.ts checks against the schema. A field that is not listed here is refused
 * at run time and fails the test: every new field needs a policy.
 *
 * Scope is a separate rule applied everywhere: a WARD_CHAIR (and a ward's POLICE) sees and changes
 * only their own ward (services and row-level security), whatever the operation.
 */
export const PUBLIC = 'PUBLIC' as const;
export type Access = typeof PUBLIC | readonly Role[];

const ALL: readonly Role[] = Object.values(Role);
const { ADMIN, PLANNER, WARD_CHAIR, POLICE, JUSTICE } = Role;
/** Roles that work with rental houses and their owners (R2, R5, penalties). */
const RENTAL_HOUSES: readonly Role[] = [ADMIN, PLANNER, WARD_CHAIR, POLICE, JUSTICE];
/** Roles that register and change cameras and rental houses: a chair in their own ward. */
const REGISTRARS: readonly Role[] = [ADMIN, WARD_CHAIR];
/** Roles that read the units and their home-camera uptake (aggregates: R4, R6). */
const UNITS: readonly Role[] = [ADMIN, PLANNER, WARD_CHAIR, Role.HOME_AFFAIRS];
/** Roles that keep the civil-servant registry (a chair: residents of their ward). */
const CIVIL_SERVANTS: readonly Role[] = [ADMIN, WARD_CHAIR, Role.HOME_AFFAIRS];

/** Root fields: Query.x and Mutation.x. */
export const OPERATIONS: Readonly<Record<string, Access>> = {
  'Query.me': PUBLIC,
  'Query.district': ALL,
  'Query.wards': ALL,
  'Query.ward': ALL,
  'Query.residentialGroups': ALL,
  'Query.residentialGroup': ALL,
  'Query.camera': ALL,
  'Query.cameras': ALL,
  'Query.rentalHouse': RENTAL_HOUSES,
  'Query.rentalHouses': RENTAL_HOUSES,
  'Query.layer': ALL, // and the kind's own rule: LAYERS below
  'Query.coverageGaps': ALL,
  'Query.uncoveredResidentialGroups': ALL,
  'Query.unregisteredRentalHouses': RENTAL_HOUSES,
  'Query.auditLog': [ADMIN, PLANNER],
  'Query.users': [ADMIN],
  'Mutation.login': PUBLIC,
  'Mutation.logout': ALL,
  'Mutation.registerCamera': REGISTRARS,
  'Mutation.updateCamera': REGISTRARS,
  'Mutation.decommissionCamera': REGISTRARS,
  'Mutation.registerRentalHouse': REGISTRARS,
  'Mutation.updateRentalHouse': REGISTRARS,
  'Mutation.recordRentalHouseCheck': [ADMIN, WARD_CHAIR, POLICE],
  'Query.penaltyCases': RENTAL_HOUSES,
  'Query.penaltyCase': RENTAL_HOUSES,
  'Mutation.openPenaltyCase': REGISTRARS,
  'Mutation.referPenaltyCase': REGISTRARS,
  'Mutation.decidePenaltyCase': [ADMIN, JUSTICE],
  'Mutation.recordFinePayment': [ADMIN, JUSTICE],
  'Mutation.closePenaltyCase': [ADMIN, WARD_CHAIR, JUSTICE],
  'Mutation.addPenaltyCaseEvidence': [ADMIN, WARD_CHAIR, JUSTICE, POLICE],
  'Mutation.createUser': [ADMIN],
  'Mutation.updateUser': [ADMIN],
  'Query.units': UNITS,
  'Query.commendationRoster': UNITS,
  'Query.civilServants': CIVIL_SERVANTS,
  'Query.civilServant': CIVIL_SERVANTS,
  'Mutation.registerCivilServant': CIVIL_SERVANTS,
  'Mutation.updateCivilServant': CIVIL_SERVANTS,
  'Mutation.linkHomeCamera': REGISTRARS,
  'Mutation.recordCivilServantCheck': REGISTRARS,
  'Query.complianceDashboard': ALL, // aggregates only; a ward user: their ward
  'Mutation.takeComplianceSnapshot': [ADMIN, PLANNER],
  'Query.directives': ALL,
  'Mutation.updateDirective': ALL, // and the directive's own rule: ADMIN or its ownerRoles (deadline, unit: ADMIN, PLANNER)
  'Query.heartbeatTokens': REGISTRARS, // a chair: their ward's cameras' tokens; an operator's: ADMIN only
  'Mutation.issueHeartbeatToken': REGISTRARS,
  'Mutation.revokeHeartbeatToken': REGISTRARS,
  'Query.cameraHealth': ALL, // aggregates only; a ward user: their ward
  'Subscription.cameraStatusChanged': ALL, // and the scope: the viewer's district, a ward user's ward
  'Query.maintenanceTickets': [ADMIN, PLANNER, WARD_CHAIR, POLICE],
  'Query.maintenanceTicket': [ADMIN, PLANNER, WARD_CHAIR, POLICE],
  'Query.maintenanceStats': [ADMIN, PLANNER, WARD_CHAIR, POLICE],
  'Mutation.reportCameraProblem': [ADMIN, WARD_CHAIR, POLICE],
  'Mutation.addMaintenanceTicketNote': [ADMIN, WARD_CHAIR, POLICE],
  'Mutation.assignMaintenanceTicket': REGISTRARS,
  'Mutation.startMaintenanceTicket': REGISTRARS,
  'Mutation.resolveMaintenanceTicket': REGISTRARS,
  // R3: operators and agreements are the district's (ADMIN, PLANNER keep them); a camera's connection is its ward's.
  'Query.networkOperators': [ADMIN, PLANNER, WARD_CHAIR, POLICE],
  'Query.supportAgreements': [ADMIN, PLANNER, WARD_CHAIR, POLICE],
  'Query.operatorReport': [ADMIN, PLANNER, WARD_CHAIR, POLICE], // a ward user: their ward's lines
  'Mutation.createNetworkOperator': [ADMIN, PLANNER],
  'Mutation.updateNetworkOperator': [ADMIN, PLANNER],
  'Mutation.createSupportAgreement': [ADMIN, PLANNER],
  'Mutation.updateSupportAgreement': [ADMIN, PLANNER],
  'Mutation.setCameraConnection': REGISTRARS,
  'Mutation.removeCameraConnection': REGISTRARS,
  // R9: the wards raise the funds; a chair reads their ward's and the district's, records only their ward's.
  'Query.funds': [ADMIN, PLANNER, WARD_CHAIR],
  'Query.fundReport': [ADMIN, PLANNER, WARD_CHAIR],
  'Mutation.recordFund': [ADMIN, PLANNER, WARD_CHAIR],
  'Mutation.recordFundSpending': [ADMIN, PLANNER, WARD_CHAIR],
  // R1: the public registration page (no login; rate-limited) and the ward's review queue.
  'Mutation.submitCameraRegistration': PUBLIC,
  'Query.cameraRegistrationStatus': PUBLIC,
  'Query.registrationArea': PUBLIC,
  'Query.cameraRegistrations': REGISTRARS,
  'Mutation.approveCameraRegistration': REGISTRARS,
  'Mutation.rejectCameraRegistration': REGISTRARS,
};

/** Map layers follow the rule of the list they draw. */
export const LAYERS: Readonly<Record<string, Access>> = {
  wards: ALL,
  residential_groups: ALL,
  cameras: ALL,
  view_sectors: ALL,
  rental_houses: RENTAL_HOUSES,
  coverage_gaps: ALL,
};

/** The CSV export of rental houses without a camera follows Query.unregisteredRentalHouses. */
export const EXPORTS: Readonly<Record<string, Access>> = {
  'unregistered-rental-houses.csv': RENTAL_HOUSES,
  'penalty-cases.csv': RENTAL_HOUSES, // as Query.penaltyCases
  'unit-uptake.csv': UNITS,
  'compliance-dashboard.csv': ALL, // as Query.complianceDashboard
  'maintenance-tickets.csv': [ADMIN, PLANNER, WARD_CHAIR, POLICE], // as Query.maintenanceTickets
  'operator-report.csv': [ADMIN, PLANNER, WARD_CHAIR, POLICE], // as Query.operatorReport
  'fund-report.csv': [ADMIN, PLANNER, WARD_CHAIR], // as Query.fundReport
};

/** Roles that see owners' names and phone numbers (a chair only in their ward, by scope). */
export const PERSONAL_DATA_ROLES: readonly Role[] = [WARD_CHAIR, POLICE, JUSTICE];

/** A field of an object type: OPEN to whoever may reach the object, or PERSONAL (null for others). */
export type FieldAccess = 'open' | 'personal';

const open = (...names: string[]): Record<string, FieldAccess> => Object.fromEntries(names.map((n) => [n, 'open' as const]));
const personal = (...names: string[]): Record<string, FieldAccess> => Object.fromEntries(names.map((n) => [n, 'personal' as const]));

const COVERAGE = ['areaM2', 'coveredAreaM2', 'gapAreaM2', 'coveredPercent', 'activeCameraCount', 'residentialGroupCount', 'residentialGroupsWithoutCamera', 'computedAt'];
const CONNECTION = ['edges', 'pageInfo', 'totalCount'];
const EDGE = ['cursor', 'node', 'distanceMeters'];

/** Every field of every object type in the schema. */
export const FIELDS: Readonly<Record<string, Readonly<Record<string, FieldAccess>>>> = {
  District: open('id', 'code', 'name', 'boundary', 'bbox', 'wardCount', 'residentialGroupCount', 'cameraCount', 'coverage', 'rentalHouseCount'),
  Ward: open('id', 'districtId', 'code', 'name', 'chairName', 'chairPhone', 'chairEmail', 'boundary', 'residentialGroups', 'bbox', 'residentialGroupCount', 'cameraCount', 'coverage', 'rentalHouseCount'),
  ResidentialGroup: open('id', 'districtId', 'wardId', 'code', 'name', 'households', 'boundary', 'coverage'),
  Camera: {
    ...open('id', 'districtId', 'wardId', 'residentialGroupId', 'label', 'location', 'bearing', 'fieldOfView', 'rangeMeters', 'type',
      'mountHeightMeters', 'ownerKind', 'rentalHouseId', 'networkOperator', 'status', 'policeAccess', 'installedOn', 'registeredAt',
      'decommissionedAt', 'viewSector', 'updatedAt', 'longitude', 'latitude', 'ward', 'lastHeartbeatAt', 'monitored', 'statusHistory',
      'connection'),
    ...personal('ownerName', 'ownerPhone'),
  },
  RentalHouse: {
    ...open('id', 'districtId', 'wardId', 'residentialGroupId', 'address', 'rooms', 'location', 'createdAt', 'updatedAt', 'longitude', 'latitude',
      'hasActiveCamera', 'nearestActiveCameraMeters', 'cameras', 'ward', 'complianceStatus', 'statusChangedAt', 'statusHistory',
      'penaltyCases', 'openPenaltyCase'),
    ...personal('ownerName', 'ownerPhone'),
  },
  RentalHouseEvent: open('id', 'rentalHouseId', 'status', 'reason', 'cameraId', 'note', 'at', 'username'),
  PenaltyCase: open('id', 'districtId', 'wardId', 'ward', 'rentalHouseId', 'rentalHouse', 'state', 'decision', 'fineAmountVnd', 'legalBasis',
    'finePaidAt', 'closeReason', 'openedAt', 'referredAt', 'decidedAt', 'closedAt', 'updatedAt', 'events', 'allowedActions'),
  PenaltyCaseEvent: open('id', 'penaltyCaseId', 'kind', 'note', 'fileReference', 'at', 'username'),
  PenaltyCaseConnection: open(...CONNECTION),
  PenaltyCaseEdge: open(...EDGE),
  Coverage: open(...COVERAGE),
  GroupCoverage: open(...COVERAGE, 'sectorCount', 'gap'),
  UncoveredResidentialGroups: open('deadline', 'daysToDeadline', 'totalGroups', 'groupsWithoutCamera', 'belowPercent', 'groups'),
  PageInfo: open('hasNextPage', 'hasPreviousPage', 'startCursor', 'endCursor'),
  CameraConnection: open(...CONNECTION),
  CameraEdge: open(...EDGE),
  RentalHouseConnection: open(...CONNECTION),
  RentalHouseEdge: open(...EDGE),
  AuditEntryConnection: open(...CONNECTION),
  AuditEntryEdge: open(...EDGE),
  AuditEntry: open('id', 'at', 'userId', 'username', 'role', 'action', 'entity', 'entityId', 'operation', 'before', 'after'),
  User: open('id', 'districtId', 'username', 'displayName', 'role', 'wardId', 'disabled', 'createdAt', 'ward', 'canSeePersonalData', 'permissions'),
  LoginResult: open('user', 'expiresAt'),
  Unit: open('id', 'districtId', 'wardId', 'code', 'name', 'kind', 'headcount', 'verifiedCount', 'uptakePercent', 'reachedFullAt'),
  CivilServant: {
    ...open('id', 'districtId', 'unitId', 'unit', 'wardId', 'ward', 'fullName', 'position',
      'verifiedSince', 'hasVerifiedCamera', 'checks', 'lastCheck', 'createdAt', 'updatedAt'),
    // The home, and what places it: the residential group, and the home camera (within 150 m of the
    // home, its location open on Camera).
    ...personal('phone', 'homeAddress', 'longitude', 'latitude', 'residentialGroupId', 'cameraId', 'camera'),
  },
  CivilServantCheck: {
    ...open('id', 'civilServantId', 'result', 'checkedAt', 'checkedBy', 'note', 'username'),
    ...personal('cameraId'), // the home camera when checked: places the home as CivilServant.cameraId does
  },
  CivilServantConnection: open(...CONNECTION),
  CivilServantEdge: open(...EDGE),
  ComplianceFigures: open('groupsTotal', 'groupsWithCamera', 'groupsPercent', 'housesTotal', 'housesWithCamera', 'housesPercent', 'housesVerified',
    'civilServantsTotal', 'civilServantsVerified', 'civilServantUptakePercent', 'activeCameras', 'openCases'),
  WardCompliance: open('wardId', 'ward', 'figures'),
  ComplianceTrendPoint: open('day', 'figures'),
  ComplianceDashboard: open('asOf', 'wardId', 'groupDeadline', 'groupDaysLeft', 'houseDeadline', 'houseDaysLeft', 'totals', 'wards', 'trend'),
  Directive: open('id', 'code', 'title', 'responsibleUnitId', 'responsibleUnit', 'ownerRoles', 'deadline', 'daysLeft', 'status', 'overdue',
    'notes', 'updatedAt', 'updatedBy', 'canEdit'),
  CameraStatusEvent: open('id', 'cameraId', 'status', 'previousStatus', 'reason', 'username', 'at'),
  HeartbeatToken: open('id', 'wardId', 'cameraId', 'operatorId', 'label', 'createdAt', 'createdBy', 'lastUsedAt', 'revokedAt'),
  IssuedHeartbeatToken: open('token', 'heartbeatToken'),
  CameraHealthFigures: open('cameras', 'monitored', 'online', 'stale', 'offline', 'maintenance', 'lastHeartbeatAt'),
  WardCameraHealth: open('wardId', 'ward', 'figures'),
  CameraHealth: open('asOf', 'timeoutSeconds', 'wardId', 'wards', 'total'),
  CameraStatusChange: open('eventId', 'cameraId', 'wardId', 'status', 'previousStatus', 'reason', 'at', 'lastHeartbeatAt'),
  MaintenanceTicket: open('id', 'districtId', 'wardId', 'ward', 'cameraId', 'camera', 'state', 'problem', 'source', 'reportedAt', 'reportedBy',
    'assignee', 'assignedAt', 'startedAt', 'resolvedAt', 'resolution', 'repairCostVnd', 'updatedAt', 'events', 'elapsedHours', 'allowedActions'),
  MaintenanceTicketEvent: open('id', 'maintenanceTicketId', 'kind', 'note', 'assignee', 'at', 'username'),
  MaintenanceTicketConnection: open(...CONNECTION),
  MaintenanceTicketEdge: open(...EDGE),
  MaintenanceWardStats: open('wardId', 'ward', 'openTickets', 'inProgressTickets', 'resolvedTickets', 'meanTimeToRepairHours',
    'medianTimeToRepairHours', 'oldestOpenReportedAt', 'oldestOpenAgeHours', 'repairCostVnd'),
  MaintenanceStats: open('asOf', 'periodDays', 'wards', 'total'),
  TelecomOperator: open('id', 'districtId', 'code', 'name', 'kind', 'contactName', 'contactPhone', 'createdAt'),
  SupportAgreement: open('id', 'districtId', 'operatorId', 'operator', 'title', 'bandwidthMbps', 'monthlyFeeSupportVnd', 'startsOn', 'endsOn',
    'terms', 'createdAt', 'inForce', 'connectionCount'),
  CameraNetworkConnection: open('id', 'districtId', 'wardId', 'cameraId', 'operatorId', 'operator', 'plan', 'monthlyFeeVnd', 'bandwidthMbps',
    'agreementId', 'agreement', 'connectedOn', 'updatedAt', 'supported', 'feeCoveredVnd'),
  OperatorReportRow: open('operatorId', 'operatorCode', 'operatorName', 'operatorKind', 'wardId', 'wardCode', 'wardName', 'cameras',
    'supportedCameras', 'supportedPercent', 'monthlyFeesVnd', 'feesCoveredVnd', 'feesNotCoveredVnd'),
  OperatorReport: open('asOf', 'wardId', 'rows', 'operators', 'totals'),
  Fund: {
    ...open('id', 'districtId', 'wardId', 'ward', 'residentialGroupId', 'residentialGroupName', 'target', 'sponsor', 'amountVnd', 'receivedOn',
      'purpose', 'createdAt', 'createdBy', 'spentVnd', 'balanceVnd', 'spendings'),
    ...personal('sponsorContact'),
  },
  FundSpending: open('id', 'districtId', 'wardId', 'fundId', 'amountVnd', 'spentOn', 'purpose', 'maintenanceTicketId', 'ticketElsewhere', 'maintenanceTicket',
    'createdAt', 'createdBy'),
  FundSpendingTicket: open('id', 'wardId', 'cameraId', 'state', 'problem', 'repairCostVnd', 'resolvedAt'),
  FundReportRow: open('wardId', 'wardCode', 'wardName', 'funds', 'spendings', 'receivedVnd', 'spentVnd', 'balanceVnd', 'spentOnTicketsVnd'),
  FundReport: open('asOf', 'wardId', 'wards', 'district', 'totals'),
  CameraRegistration: {
    ...open('id', 'districtId', 'wardId', 'ward', 'residentialGroupId', 'reference', 'location', 'longitude', 'latitude', 'bearing',
      'fieldOfView', 'rangeMeters', 'type', 'ownerKind', 'policeAccess', 'state', 'submittedAt', 'reviewedAt', 'reviewedBy', 'reviewNote',
      'cameraId', 'camera', 'updatedAt'),
    ...personal('ownerName', 'ownerPhone', 'ownerEmail', 'address'), // the owner's contact and home
  },
  CameraRegistrationConnection: open(...CONNECTION),
  CameraRegistrationEdge: open(...EDGE),
  // What the public gets: its own registration's summary (no contact details), its state, the wards' outlines.
  CameraRegistrationReceipt: open('reference', 'state', 'submittedAt', 'wardName', 'residentialGroupName', 'districtName', 'longitude',
    'latitude', 'type', 'ownerKind', 'bearing', 'fieldOfView', 'rangeMeters', 'policeAccess'),
  CameraRegistrationStatus: open('reference', 'state', 'submittedAt', 'decidedAt', 'reviewNote', 'wardName'),
  RegistrationArea: open('wards', 'bbox'),
  RegistrationWard: open('code', 'name', 'districtName', 'boundary'),
};

export function allows(access: Access | undefined, role: Role | undefined): boolean {
  if (access === undefined) return false;
  if (access === PUBLIC) return true;
  return role !== undefined && access.includes(role);
}

/** The operations a role may use (for the client, to show only the controls it may use). */
export function permissionsOf(role: Role): string[] {
  return Object.entries(OPERATIONS)
    .filter(([, access]) => access !== PUBLIC && access.includes(role))
    .map(([key]) => key.replace(/^(Query|Mutation)\./, ''));
}
