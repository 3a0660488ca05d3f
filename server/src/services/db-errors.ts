import { QueryFailedError } from 'typeorm';
import { BadUserInputError, ForbiddenError } from '../errors';

/**
 * Turns a constraint violation the database caught (a CHECK, a trigger's location check, a foreign
 * key, a unique index the caller names) into BAD_USER_INPUT naming the input field, so that no SQL
 * text reaches the client. Anything else is rethrown unchanged (and masked later as
 * INTERNAL_SERVER_ERROR).
 *
 * `fields` maps a constraint or column name to the input field path. A unique violation (23505) is
 * translated only for a constraint named exactly in `fields`: a duplicate the caller did not expect
 * stays an internal error.
 */
export function translateDbError(err: unknown, fields: Record<string, string>): never {
  if (err instanceof QueryFailedError) {
    const e = err.driverError as { code?: string; constraint?: string; column?: string };
    // Row-level security refused the row: it would land outside the user's ward or district.
    if (e.code === '42501') throw new ForbiddenError('input', 'The change would reach outside your ward or district');
    // A unique key a concurrent change took first (e.g. a second unclosed penalty case for a house).
    if (e.code === '23505' && e.constraint && Object.hasOwn(fields, e.constraint)) {
      throw new BadUserInputError(fields[e.constraint]!, 'conflicts with a record that already exists (another change may have just made it)');
    }
    if (e.code === '23514' || e.code === '23503' || e.code === '23502' || e.code === '22P02') {
      const key = e.constraint ?? e.column ?? '';
      const field = fields[key] ?? Object.entries(fields).find(([k]) => key.includes(k))?.[1] ?? 'input';
      const reason =
        e.constraint === 'ww_location_inside_district'
          ? 'is outside every ward of the district'
          : e.code === '23503'
            ? 'refers to a record that does not exist'
            : 'is not allowed';
      throw new BadUserInputError(field, reason);
    }
  }
  throw err;
}
