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
// [issue 6: live]
// [issue 6: maintenance]
// [issue 6: operators]
// [issue 6: registration]

export { AuditEntry, Camera, District, RentalHouse, ResidentialGroup, User, Ward };
export { CivilServant, CivilServantCheck, Unit };
export { PenaltyCase, PenaltyCaseEvent, RentalHouseEvent };
export { Directive };
/** Every TypeORM entity, for the DataSource. */
export const entities = [
  District, Ward, ResidentialGroup, RentalHouse, Camera, User, AuditEntry, Unit, CivilServant, CivilServantCheck, RentalHouseEvent, PenaltyCase,
  PenaltyCaseEvent, Directive,
  // [issue 6: health]
  // [issue 6: live]
  // [issue 6: maintenance]
  // [issue 6: operators]
  // [issue 6: registration]
];
