import { AuditEntry } from './audit-entry';
import { Camera } from './camera';
import { PenaltyCase } from './penalty-case';
import { PenaltyCaseEvent } from './penalty-case-event';
import { RentalHouseEvent } from './rental-house-event';
import { CivilServant } from './civil-servant';
import { CivilServantCheck } from './civil-servant-check';
import { Unit } from './unit';
import { Directive } from './directive';
import { District } from './district';
import { RentalHouse } from './rental-house';
import { ResidentialGroup } from './residential-group';
import { User } from './user';
import { Ward } from './ward';
// [issue 6: health]
import { CameraStatusEvent } from './camera-status-event';
import { HeartbeatToken } from './heartbeat-token';
// [issue 6: live]
// [issue 6: maintenance]
import { MaintenanceTicket } from './maintenance-ticket';
import { MaintenanceTicketEvent } from './maintenance-ticket-event';
// [issue 6: operators]
import { CameraNetworkConnection, NetworkOperatorRecord, SupportAgreement } from './network-operator';
import { Fund, FundSpending } from './fund';
// [issue 6: registration]
import { CameraRegistration } from './camera-registration';

export { AuditEntry, Camera, District, RentalHouse, ResidentialGroup, User, Ward };
export { CivilServant, CivilServantCheck, Unit };
export { PenaltyCase, PenaltyCaseEvent, RentalHouseEvent };
export { Directive };
/** Every TypeORM entity, for the DataSource. */
export const entities = [
  District, Ward, ResidentialGroup, RentalHouse, Camera, User, AuditEntry, Unit, CivilServant, CivilServantCheck, RentalHouseEvent, PenaltyCase,
  PenaltyCaseEvent, Directive,
  // [issue 6: health]
  CameraStatusEvent, HeartbeatToken,
  // [issue 6: live]
  // [issue 6: maintenance]
  MaintenanceTicket, MaintenanceTicketEvent,
  // [issue 6: operators]
  NetworkOperatorRecord, SupportAgreement, CameraNetworkConnection, Fund, FundSpending,
  // [issue 6: registration]
  CameraRegistration,
];
