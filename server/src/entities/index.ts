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
import { CameraStatusEvent } from './camera-status-event';
import { HeartbeatToken } from './heartbeat-token';
import { MaintenanceTicket } from './maintenance-ticket';
import { MaintenanceTicketEvent } from './maintenance-ticket-event';
import { CameraNetworkConnection, NetworkOperatorRecord, SupportAgreement } from './network-operator';
import { Fund, FundSpending } from './fund';
import { CameraRegistration } from './camera-registration';

export { AuditEntry, Camera, District, RentalHouse, ResidentialGroup, User, Ward };
export { CivilServant, CivilServantCheck, Unit };
export { PenaltyCase, PenaltyCaseEvent, RentalHouseEvent };
export { Directive };
/** Every TypeORM entity, for the DataSource. */
export const entities = [
  District, Ward, ResidentialGroup, RentalHouse, Camera, User, AuditEntry, Unit, CivilServant, CivilServantCheck, RentalHouseEvent, PenaltyCase,
  PenaltyCaseEvent, Directive,
  CameraStatusEvent, HeartbeatToken,
  MaintenanceTicket, MaintenanceTicketEvent,
  NetworkOperatorRecord, SupportAgreement, CameraNetworkConnection, Fund, FundSpending,
  CameraRegistration,
];
