import { GraphQLError } from 'graphql';

/** Every error a client can receive carries one of these in `extensions.code`. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  FORBIDDEN = 'FORBIDDEN',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  GRAPHQL_VALIDATION_FAILED = 'GRAPHQL_VALIDATION_FAILED',
  GRAPHQL_PARSE_FAILED = 'GRAPHQL_PARSE_FAILED',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/** Base class: a coded error whose message is safe to show to the user. */
export class AppError extends GraphQLError {
  constructor(message: string, code: ErrorCode, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extensions } });
    this.name = new.target.name;
  }
}

/** The input is wrong; `field` names the argument path, e.g. `input.bearing`. */
export class BadUserInputError extends AppError {
  constructor(field: string, message: string, extra: Record<string, unknown> = {}) {
    super(`${field}: ${message}`, ErrorCode.BAD_USER_INPUT, { field, ...extra });
  }
}

/**
 * No such object, or one outside the caller's ward: both answer exactly alike, so that an id tells
 * nobody whether another ward's record exists.
 */
export class NotFoundError extends AppError {
  constructor(entity: string, id: number | string, field = 'id') {
    super(`${entity} ${id} was not found`, ErrorCode.NOT_FOUND, { field, entity });
  }
}

/** No valid session: log in first. */
export class UnauthenticatedError extends AppError {
  constructor(message = 'You must log in first') {
    super(message, ErrorCode.UNAUTHENTICATED);
  }
}

/** Logged in, but the role may not do this; `field` names the operation or argument refused. */
export class ForbiddenError extends AppError {
  constructor(field: string, message: string) {
    super(message, ErrorCode.FORBIDDEN, { field });
  }
}

/** Too many requests (or failed logins) in a short time; `retryAfterSeconds` says when to try again. */
export class TooManyRequestsError extends AppError {
  constructor(message: string, retryAfterSeconds: number) {
    super(message, ErrorCode.TOO_MANY_REQUESTS, { retryAfterSeconds });
  }
}
