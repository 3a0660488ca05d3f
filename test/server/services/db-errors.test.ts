import { QueryFailedError } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BadUserInputError, ForbiddenError } from '../../../server/src/errors';
import { translateDbError } from '../../../server/src/services/db-errors';
import { startTestApp, type TestApp } from '../../support/server';

/** What the penalty-case service maps (server/src/services/penalty-case.service.ts), in part. */
const FIELDS = { penalty_case_one_open_idx: 'input.rentalHouseId', penalty_case_legal_basis_check: 'input.legalBasis' };

/** A driver error as TypeORM wraps it. */
const failed = (driverError: Record<string, unknown>) => new QueryFailedError('INSERT …', [], Object.assign(new Error('db'), driverError));

/** What translateDbError throws for `err` (it always throws). */
function translated(err: unknown, fields: Record<string, string> = FIELDS): unknown {
  try {
    translateDbError(err, fields);
  } catch (e) {
    return e;
  }
  throw new Error('translateDbError returned');
}

describe('translateDbError', () => {
  it('turns a unique violation of a constraint the caller names into BAD_USER_INPUT naming its field', () => {
    const e = translated(failed({ code: '23505', constraint: 'penalty_case_one_open_idx' }));
    expect(e).toBeInstanceOf(BadUserInputError);
    expect((e as BadUserInputError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.rentalHouseId' });
    expect((e as BadUserInputError).message).not.toMatch(/penalty_case_one_open_idx|INSERT/);
  });

  it('leaves a unique violation of any other constraint as it was (an internal error), even one named like a known one', () => {
    for (const constraint of ['app_user_username_key', 'penalty_case_one_open_idx_2', undefined]) {
      const err = failed({ code: '23505', constraint });
      expect(translated(err)).toBe(err);
    }
  });

  it('still maps a CHECK to its field, refuses row-level security as FORBIDDEN, and rethrows anything else', () => {
    const check = translated(failed({ code: '23514', constraint: 'penalty_case_legal_basis_check' }));
    expect((check as BadUserInputError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.legalBasis' });
    expect(translated(failed({ code: '42501' }))).toBeInstanceOf(ForbiddenError);
    const other = new Error('not a query');
    expect(translated(other)).toBe(other);
  });
});

describe("the database's own refusal of a second unclosed case for a house", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.close());

  it('carries code 23505 and constraint penalty_case_one_open_idx, which translateDbError maps to input.rentalHouseId', async () => {
    const { rows } = await app.sql.query(`SELECT rental_house_id AS id FROM penalty_case WHERE state <> 'closed' ORDER BY id LIMIT 1`);
    expect(rows).toHaveLength(1);
    const before = await app.count('penalty_case');
    let driverError: unknown;
    await app.sql.query('BEGIN');
    try {
      await app.sql.query(`SET LOCAL ww.system = 'on'`);
      await app.sql.query(`INSERT INTO penalty_case (rental_house_id) VALUES ($1)`, [rows[0].id]);
    } catch (err) {
      driverError = err;
    } finally {
      await app.sql.query('ROLLBACK');
    }
    expect(driverError).toMatchObject({ code: '23505', constraint: 'penalty_case_one_open_idx' });
    const e = translated(new QueryFailedError('INSERT INTO penalty_case …', [], driverError as Error));
    expect((e as BadUserInputError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.rentalHouseId' });
    expect(await app.count('penalty_case')).toBe(before);
  });
});
