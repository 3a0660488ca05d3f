import { DataSource, type EntitySchema, type MixedList } from 'typeorm';
import { migrations } from './migrations';

export interface DataSourceOptions {
  url: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities?: MixedList<Function | string | EntitySchema>;
  /** Pool size; the embedded server must accept at least this + 1 connections. */
  poolSize?: number;
  logging?: boolean;
  /**
   * The schema owner's own work (migrations, seeding, start-up checks): sets `ww.system = on` for
   * the session, which row-level security requires of the owner (FORCE ROW LEVEL SECURITY).
   */
  system?: boolean;
}

/**
 * A TypeORM DataSource over PostgreSQL + PostGIS (embedded or real: the same driver either way).
 * The schema comes only from `db/migrations`; `synchronize` is always off.
 */
export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities: options.entities ?? [],
    migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    logging: options.logging ? ['query', 'error'] : false,
    poolSize: options.poolSize ?? 10,
    extra: {
      connectionTimeoutMillis: 15000,
      application_name: 'wardwatch',
      ...(options.system ? { options: '-c ww.system=on' } : {}),
    },
  });
}

/** Run pending migrations, each in its own transaction. Safe to call on every start. */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const ran = await dataSource.runMigrations({ transaction: 'each' });
  return ran.map((m) => m.name);
}
