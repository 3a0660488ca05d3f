import { AuditEntry } from './audit-entry';
import { Camera } from './camera';
import { District } from './district';
import { RentalHouse } from './rental-house';
import { ResidentialGroup } from './residential-group';
import { User } from './user';
import { Ward } from './ward';

export { AuditEntry, Camera, District, RentalHouse, ResidentialGroup, User, Ward };
/** Every TypeORM entity, for the DataSource. */
export const entities = [District, Ward, ResidentialGroup, RentalHouse, Camera, User, AuditEntry];
