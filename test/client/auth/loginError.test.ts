import { describe, expect, it } from 'vitest';
import { GraphQLClientError } from '../../../client/src/api/graphql';
import { loginErrorOf, waitOf } from '../../../client/src/auth/loginError';

describe('waitOf', () => {
  it('says a wait in the largest readable unit, rounded up', () => {
    expect(waitOf(45)).toEqual({ unit: 'seconds', count: 45 });
    expect(waitOf(0.4)).toEqual({ unit: 'seconds', count: 1 });
    expect(waitOf(60)).toEqual({ unit: 'minutes', count: 1 });
    expect(waitOf(61)).toEqual({ unit: 'minutes', count: 2 });
    expect(waitOf(898)).toEqual({ unit: 'minutes', count: 15 });
    expect(waitOf(3600)).toEqual({ unit: 'hours', count: 1 });
    expect(waitOf(5000)).toEqual({ unit: 'hours', count: 2 });
  });

  it('has no wait to tell without a positive number', () => {
    expect(waitOf(undefined)).toBeNull();
    expect(waitOf(null)).toBeNull();
    expect(waitOf(0)).toBeNull();
    expect(waitOf(Number.NaN)).toBeNull();
  });
});

describe('loginErrorOf', () => {
  it('reads UNAUTHENTICATED on login as wrong credentials', () => {
    expect(loginErrorOf(new GraphQLClientError('Wrong username or password', 'UNAUTHENTICATED'))).toEqual({ kind: 'wrongCredentials' });
  });

  it('reads TOO_MANY_REQUESTS with the wait the server gives', () => {
    const error = new GraphQLClientError('Too many failed logins', 'TOO_MANY_REQUESTS', { retryAfterSeconds: 898 });
    expect(loginErrorOf(error)).toEqual({ kind: 'tooManyAttempts', wait: { unit: 'minutes', count: 15 } });
    expect(loginErrorOf(new GraphQLClientError('slow down', 'TOO_MANY_REQUESTS'))).toEqual({ kind: 'tooManyAttempts', wait: null });
  });

  it('passes any other failure on by its code', () => {
    expect(loginErrorOf(new GraphQLClientError('down', 'NETWORK_ERROR'))).toEqual({ kind: 'other', code: 'NETWORK_ERROR' });
    expect(loginErrorOf(new Error('?'))).toEqual({ kind: 'other', code: 'UNKNOWN_ERROR' });
  });
});
