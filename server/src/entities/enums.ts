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

/** A unit of the district's civil servants (R4, R6): one of its divisions, or a ward's committee. */
export enum UnitKind {
  DIVISION = 'division',
  WARD_COMMITTEE = 'ward_committee',
}
registerEnumType(UnitKind, { name: 'UnitKind', description: "DIVISION: a district division (phòng, ban); WARD_COMMITTEE: a ward's people's committee." });

/** What the ward found when it checked a civil servant's home camera (R4, R6). */
export enum CivilServantCheckResult {
  WORKING = 'working',
  NOT_WORKING = 'not_working',
  NO_CAMERA = 'no_camera',
}
registerEnumType(CivilServantCheckResult, {
  name: 'CivilServantCheckResult',
  description: 'WORKING needs a linked, ACTIVE home camera; an unbroken run of WORKING checks of the current camera verifies it.',
});

// Rental-house compliance and penalty cases (R2, R5, R7). Values are the stored spellings.
export enum ComplianceStatus {
  REGISTERED = 'registered',
  CAMERA_INSTALLED = 'camera_installed',
  CAMERA_VERIFIED = 'camera_verified',
  NON_COMPLIANT = 'non_compliant',
}
export enum RentalHouseEventReason {
  HOUSE_REGISTERED = 'house_registered',
  CAMERA_ACTIVE = 'camera_active',
  CAMERA_INACTIVE = 'camera_inactive',
  CHECK_PASSED = 'check_passed',
  CHECK_FAILED = 'check_failed',
  CASE_OPENED = 'case_opened',
}
export enum HouseCheckResult {
  CAMERA_WORKING = 'camera_working',
  CAMERA_NOT_WORKING = 'camera_not_working',
  NO_CAMERA = 'no_camera',
}
export enum PenaltyCaseState {
  OPEN = 'open',
  REFERRED = 'referred',
  DECIDED = 'decided',
  CLOSED = 'closed',
}
export enum PenaltyDecision {
  WARNING = 'warning',
  FINE = 'fine',
}
export enum PenaltyCloseReason {
  CAMERA_VERIFIED = 'camera_verified',
  FINE_PAID = 'fine_paid',
}
export enum PenaltyCaseEventKind {
  OPENED = 'opened',
  REFERRED = 'referred',
  DECIDED = 'decided',
  FINE_PAID = 'fine_paid',
  NOTE = 'note',
  EVIDENCE = 'evidence',
  CLOSED = 'closed',
}
export enum PenaltyCaseAction {
  REFER = 'refer',
  DECIDE = 'decide',
  RECORD_PAYMENT = 'record_payment',
  CLOSE = 'close',
  ADD_EVIDENCE = 'add_evidence',
}
registerEnumType(ComplianceStatus, {
  name: 'ComplianceStatus',
  description:
    "A rental house's standing (R2): REGISTERED (no active camera), CAMERA_INSTALLED (an active camera is linked), " +
    'CAMERA_VERIFIED (a ward check found it working), NON_COMPLIANT (a check failed or a penalty case was opened).',
});
registerEnumType(RentalHouseEventReason, { name: 'RentalHouseEventReason', description: "Why a rental house's status changed." });
registerEnumType(HouseCheckResult, { name: 'HouseCheckResult', description: "What a ward's check of a rental house found." });
registerEnumType(PenaltyCaseState, {
  name: 'PenaltyCaseState',
  description: 'OPEN -> REFERRED (to Justice) -> DECIDED -> CLOSED; OPEN or REFERRED -> CLOSED once the house has complied. CLOSED is final.',
});
registerEnumType(PenaltyDecision, { name: 'PenaltyDecision', description: "Justice's decision: a WARNING, or a FINE with an amount in VND." });
registerEnumType(PenaltyCloseReason, { name: 'PenaltyCloseReason', description: 'Why a penalty case was closed.' });
registerEnumType(PenaltyCaseEventKind, { name: 'PenaltyCaseEventKind', description: "A step in a penalty case's timeline." });
registerEnumType(PenaltyCaseAction, { name: 'PenaltyCaseAction', description: 'What the viewer may do with a penalty case now.' });

/** Where a directive (R1-R10) stands. */
export enum DirectiveStatus {
  NOT_STARTED = 'not_started',
  IN_PROGRESS = 'in_progress',
  DONE = 'done',
  BLOCKED = 'blocked',
}
registerEnumType(DirectiveStatus, { name: 'DirectiveStatus', description: 'Where a directive (R1-R10) stands.' });
