import { Camera } from './camera';
import { District } from './district';
import { RentalHouse } from './rental-house';
import { ResidentialGroup } from './residential-group';
import { Ward } from './ward';

export { Camera, District, RentalHouse, ResidentialGroup, Ward };
/** Every TypeORM entity, for the DataSource. */
export const entities = [District, Ward, ResidentialGroup, RentalHouse, Camera];
