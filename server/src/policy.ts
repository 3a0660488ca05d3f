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
  'Mutation.createUser': [ADMIN],
  'Mutation.updateUser': [ADMIN],
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
      'hasActiveCamera', 'nearestActiveCameraMeters', 'cameras', 'ward'),
    ...personal('ownerName', 'ownerPhone'),
  },
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
