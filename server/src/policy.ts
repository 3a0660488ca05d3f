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
  // [issue 6: health]
  // [issue 6: live]
  // [issue 6: maintenance]
  // [issue 6: operators]
  // [issue 6: registration]
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
  // [issue 6: health]
  // [issue 6: live]
  // [issue 6: maintenance]
  // [issue 6: operators]
  // [issue 6: registration]
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
      'decommissionedAt', 'viewSector', 'updatedAt', 'longitude', 'latitude', 'ward'),
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
  // [issue 6: health]
  // [issue 6: live]
  // [issue 6: maintenance]
  // [issue 6: operators]
  // [issue 6: registration]
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
