import { registerEnumType } from 'type-graphql';

// Camera vocabulary as GraphQL enums. GraphQL names are UPPER_CASE; values are the stored
// spellings, kept equal to shared/camera.ts (a test checks they match).
export enum CameraType {
  FIXED = 'fixed',
  DOME = 'dome',
  PTZ = 'ptz',
}
export enum OwnerKind {
  HOUSEHOLD = 'household',
  CIVIL_SERVANT = 'civil_servant',
  RENTAL_HOUSE = 'rental_house',
  BUSINESS = 'business',
  PUBLIC = 'public',
}
export enum NetworkOperator {
  VIETTEL = 'viettel',
  VNPT = 'vnpt',
  FPT = 'fpt',
  OTHER = 'other',
  NONE = 'none',
}
export enum CameraStatus {
  ACTIVE = 'active',
  OFFLINE = 'offline',
  MAINTENANCE = 'maintenance',
  DECOMMISSIONED = 'decommissioned',
}
export enum PoliceAccess {
  NONE = 'none',
  ON_REQUEST = 'on_request',
  LIVE = 'live',
}
registerEnumType(CameraType, {
  name: 'CameraType',
  description: 'FIXED: one direction (default 85° view); DOME and PTZ: counted as seeing all around (360°).',
});
registerEnumType(OwnerKind, { name: 'OwnerKind', description: 'Who owns and pays for the camera.' });
registerEnumType(NetworkOperator, { name: 'NetworkOperator', description: 'The network operator that connects the camera (R3).' });
registerEnumType(CameraStatus, {
  name: 'CameraStatus',
  description: 'Only ACTIVE cameras cover ground; DECOMMISSIONED is final.',
});
registerEnumType(PoliceAccess, { name: 'PoliceAccess', description: "The owner's consent to police access to the footage." });

/**
 * Who a user is in the programme; decides what they may see and do (server/src/policy.ts). Values
 * are shared/roles.ts's (a test checks they match).
 */
export enum Role {
  ADMIN = 'admin',
  PLANNER = 'planner',
  WARD_CHAIR = 'ward_chair',
  POLICE = 'police',
  JUSTICE = 'justice',
  HOME_AFFAIRS = 'home_affairs',
}
registerEnumType(Role, {
  name: 'Role',
  description:
    'ADMIN: users and the whole district; PLANNER: the whole district, planning; WARD_CHAIR: one ward; ' +
    'POLICE: the district or one ward, patrols, owner contacts; JUSTICE: penalty cases; HOME_AFFAIRS: civil-servant statistics.',
});
