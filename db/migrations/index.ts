import { Access1764662400000 } from './1764662400000-access';
import { Compliance1764748800000 } from './1764748800000-compliance';
import { Coverage1764576000000 } from './1764576000000-coverage';
import { InitialSchema1764489600000 } from './1764489600000-initial-schema';
import { NetworkOperators1764835200000 } from './1764835200000-network-operators';
import { CameraHealth1764835300000 } from './1764835300000-camera-health';
import { Maintenance1764835400000 } from './1764835400000-maintenance';
import { Sponsorship1764835500000 } from './1764835500000-sponsorship';
import { CameraRegistration1764835600000 } from './1764835600000-camera-registration';

/** Every migration, oldest first. TypeORM records the ones it ran in the `migrations` table. */
export const migrations = [
  InitialSchema1764489600000,
  Coverage1764576000000,
  Access1764662400000,
  Compliance1764748800000,
  NetworkOperators1764835200000,
  CameraHealth1764835300000,
  Maintenance1764835400000,
  Sponsorship1764835500000,
  CameraRegistration1764835600000,
];
