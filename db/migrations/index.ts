import { InitialSchema1764489600000 } from './1764489600000-initial-schema';

/** Every migration, oldest first. TypeORM records the ones it ran in the `migrations` table. */
export const migrations = [InitialSchema1764489600000];
