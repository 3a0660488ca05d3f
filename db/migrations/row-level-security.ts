import type { QueryRunner } from 'typeorm';
import { APP_ROLE } from './1764662400000-access';

/**
 * The scope rule of a ward-owned table for row-level security: the user's district, and their ward
 * unless they see the whole district (db/migrations/1764662400000-access.ts sets the scope).
 */
export const IN_WARD_SCOPE = `district_id = ww_scope_district() AND (ww_scope_ward() IS NULL OR ward_id = ww_scope_ward())`;

/**
 * Row-level security on `table`, enabled and forced (its owner too): the database's own work
 * (ww.system on) sees every row, and, given a `scope` rule, the app role sees and writes only the rows
 * it holds for. Without one the caller writes the app role's policies itself.
 */
export async function protectTable(q: QueryRunner, table: string, scope?: string): Promise<void> {
  await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
  await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
  if (scope) await q.query(`CREATE POLICY ww_scope ON ${table} TO ${APP_ROLE} USING (${scope}) WITH CHECK (${scope})`);
  await q.query(`CREATE POLICY ww_system ON ${table} TO CURRENT_USER USING (ww_system()) WITH CHECK (ww_system())`);
}
