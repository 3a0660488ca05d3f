import { Access1764662400000 } from './1764662400000-access';
import { Compliance1764748800000 } from './1764748800000-compliance';
import { Coverage1764576000000 } from './1764576000000-coverage';
import { InitialSchema1764489600000 } from './1764489600000-initial-schema';
import { NetworkOperators1764835200000 } from './1764835200000-network-operators';
// [issue 6: health]
// [issue 6: live]
// [issue 6: maintenance]
// [issue 6: operators]
// [issue 6: registration]

/** Every migration, oldest first. TypeORM records the ones it ran in the `migrations` table. */
export const migrations = [
  InitialSchema1764489600000,
  Coverage1764576000000,
  Access1764662400000,
  Compliance1764748800000,
  NetworkOperators1764835200000,
  // [issue 6: health]
  // [issue 6: live]
  // [issue 6: maintenance]
  // [issue 6: operators]
  // [issue 6: registration]
];
