import type { DataSource } from 'typeorm';

/**
 * Drop every WardWatch table, view and `ww_*` function in the public schema, and the migration log
 * (PostGIS and its spatial_ref_sys stay), so that `migrate` builds the schema afresh.
 * Used by `npm run db:reset` and by the test suite on a real server.
 */
export async function resetDatabase(ds: DataSource): Promise<void> {
  await ds.query(`CREATE EXTENSION IF NOT EXISTS postgis`);
  await ds.query(`
    DO $$
    DECLARE r record;
    BEGIN
      FOR r IN SELECT table_name FROM information_schema.views
               WHERE table_schema = 'public' AND table_name NOT IN ('geometry_columns', 'geography_columns')
      LOOP EXECUTE format('DROP VIEW IF EXISTS %I CASCADE', r.table_name); END LOOP;
      FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'spatial_ref_sys'
      LOOP EXECUTE format('DROP TABLE IF EXISTS %I CASCADE', r.tablename); END LOOP;
      FOR r IN SELECT p.oid::regprocedure AS sig FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
               WHERE n.nspname = 'public' AND p.proname LIKE 'ww\\_%'
      LOOP EXECUTE 'DROP FUNCTION IF EXISTS ' || r.sig || ' CASCADE'; END LOOP;
    END $$`);
}
