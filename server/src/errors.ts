import { GraphQLError } from 'graphql';

/** Every error a client can receive carries one of these in `extensions.code`. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  FORBIDDEN = 'FORBIDDEN',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  GRAPHQL_VALIDATION_FAILED = 'GRAPHQL_VALIDATION_FAILED',
  GRAPHQL_PARSE_FAILED = 'GRAPHQL_PARSE_FAILED',
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

/** No such object (or, once roles exist, one the caller may not know about). */
export class NotFoundError extends AppError {
  constructor(entity: string, id: number | string, field = 'id') {
    super(`${entity} ${id} was not found`, ErrorCode.NOT_FOUND, { field, entity });
  }
}
