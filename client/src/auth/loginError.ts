/**
 * What the login screen says when a login fails: wrong credentials, too many attempts (and how long
 * to wait), or another error by its code. No React, no i18next: unit-tested in node; the screen
 * translates `auth.error.<kind>` and `auth.wait.<unit>`.
 */
import { GraphQLClientError, errorCode } from '../api/graphql';

export type WaitUnit = 'seconds' | 'minutes' | 'hours';
export interface Wait {
  unit: WaitUnit;
  count: number;
}

export type LoginError =
  | { kind: 'wrongCredentials' }
  | { kind: 'tooManyAttempts'; wait: Wait | null }
  | { kind: 'other'; code: string };

/** A wait in the largest unit that keeps it readable, rounded up: 45 s, 2 min (for 61 s), 15 min, 2 h. */
export function waitOf(seconds: number | null | undefined): Wait | null {
  if (seconds == null || !Number.isFinite(seconds) || seconds <= 0) return null;
  if (seconds < 60) return { unit: 'seconds', count: Math.ceil(seconds) };
  if (seconds < 3600) return { unit: 'minutes', count: Math.ceil(seconds / 60) };
  return { unit: 'hours', count: Math.ceil(seconds / 3600) };
}

export function loginErrorOf(error: unknown): LoginError {
  const code = errorCode(error);
  if (code === 'UNAUTHENTICATED') return { kind: 'wrongCredentials' };
  if (code === 'TOO_MANY_REQUESTS') {
    return { kind: 'tooManyAttempts', wait: waitOf(error instanceof GraphQLClientError ? error.retryAfterSeconds : null) };
  }
  return { kind: 'other', code };
}
