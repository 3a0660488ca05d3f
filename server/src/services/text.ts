import { BadUserInputError } from '../errors';

/** Text without surrounding spaces, at least `min` characters of it (else BAD_USER_INPUT naming `field`). */
export function trimmed(value: string, field: string, min: number): string {
  const t = value.trim();
  if (t.length < min) throw new BadUserInputError(field, `must have at least ${min} characters besides spaces`);
  return t;
}

/**
 * Optional free text: trimmed, and null when nothing is left; with `max`, at most that many characters
 * (else BAD_USER_INPUT naming `field`).
 */
export function optionalText(value: string | null | undefined, field?: string, max?: number): string | null {
  const t = value?.trim() || null;
  if (t && max !== undefined && t.length > max) throw new BadUserInputError(field ?? '', `must be at most ${max} characters (got ${t.length})`);
  return t;
}
