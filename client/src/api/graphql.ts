/**
 * A tiny fetch-based GraphQL client: POST /graphql with a JSON body; the session cookie goes with it
 * (same origin, HttpOnly: the client never sees the token).
 * A GraphQL error is thrown as a GraphQLClientError carrying the first error's `extensions.code`
 * (and `extensions.field` when the server names one), so the UI can translate it.
 * Any answer that says UNAUTHENTICATED (the session expired or ended) is also reported to the
 * `onUnauthenticated` listeners, which send the user back to the login screen.
 */

export interface GraphQLErrorItem {
  message: string;
  extensions?: { code?: string; field?: string; [key: string]: unknown };
}

export class GraphQLClientError extends Error {
  readonly code: string;
  readonly field?: string;
  readonly status?: number;
  /** TOO_MANY_REQUESTS: seconds until the server accepts the request again */
  readonly retryAfterSeconds?: number;

  constructor(
    message: string,
    code: string,
    options: { field?: string; status?: number; retryAfterSeconds?: number; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'GraphQLClientError';
    this.code = code;
    this.field = options.field;
    this.status = options.status;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** The code every request without a valid session gets. */
export const UNAUTHENTICATED = 'UNAUTHENTICATED';

type UnauthenticatedListener = () => void;
const unauthenticatedListeners = new Set<UnauthenticatedListener>();
/** Bumped at every login and logout: an answer to a request of an earlier session reports nothing. */
let sessionEpoch = 0;

/** Calls `listener` whenever an answer says UNAUTHENTICATED; returns the unsubscribe function. */
export function onUnauthenticated(listener: UnauthenticatedListener): () => void {
  unauthenticatedListeners.add(listener);
  return () => {
    unauthenticatedListeners.delete(listener);
  };
}

/** A new session begins (or ends): late answers to the old one's requests no longer count. */
export function startSessionEpoch(): void {
  sessionEpoch += 1;
}

/** Codes the client itself produces when no GraphQL error came back. */
export const CLIENT_ERROR_CODES = {
  network: 'NETWORK_ERROR',
  http: 'HTTP_ERROR',
  badResponse: 'BAD_RESPONSE',
  unknown: 'UNKNOWN_ERROR',
} as const;

export interface RequestOptions {
  endpoint?: string;
  signal?: AbortSignal;
  fetch?: typeof fetch;
  /**
   * Report an UNAUTHENTICATED answer to the onUnauthenticated listeners (default true). The login
   * mutation turns it off: there UNAUTHENTICATED means a wrong password, not an ended session.
   */
  reportUnauthenticated?: boolean;
}

export async function graphqlRequest<TData, TVariables extends Record<string, unknown> = Record<string, unknown>>(
  query: string,
  variables?: TVariables,
  options: RequestOptions = {},
): Promise<TData> {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const epoch = sessionEpoch;
  let response: Response;
  try {
    response = await doFetch(options.endpoint ?? '/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify(variables === undefined ? { query } : { query, variables }),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (isAbortError(cause)) throw cause;
    throw new GraphQLClientError(errorMessage(cause, 'Network request failed'), CLIENT_ERROR_CODES.network, { cause });
  }

  let body: { data?: TData | null; errors?: GraphQLErrorItem[] } | undefined;
  const text = await response.text();
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }

  const errors = Array.isArray(body?.errors) ? body.errors : [];
  const unauthenticated = errors.some((e) => e?.extensions?.code === UNAUTHENTICATED);
  if (unauthenticated && options.reportUnauthenticated !== false && epoch === sessionEpoch && !options.signal?.aborted) {
    for (const listener of [...unauthenticatedListeners]) listener();
  }
  const first = errors[0];
  if (first) {
    const retry = first.extensions?.retryAfterSeconds;
    throw new GraphQLClientError(first.message || 'GraphQL error', first.extensions?.code ?? CLIENT_ERROR_CODES.unknown, {
      field: first.extensions?.field,
      status: response.status,
      retryAfterSeconds: typeof retry === 'number' && Number.isFinite(retry) ? retry : undefined,
    });
  }
  if (!response.ok) {
    throw new GraphQLClientError(`HTTP ${response.status}`, CLIENT_ERROR_CODES.http, { status: response.status });
  }
  if (body == null || body.data == null) {
    throw new GraphQLClientError('The response has no data', CLIENT_ERROR_CODES.badResponse, { status: response.status });
  }
  return body.data;
}

/** The error code of anything thrown by graphqlRequest (or something else). */
export function errorCode(error: unknown): string {
  if (error instanceof GraphQLClientError) return error.code;
  if (isAbortError(error)) return 'ABORTED';
  return CLIENT_ERROR_CODES.unknown;
}

export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

function errorMessage(error: unknown, fallback: string): string {
  return error instanceof Error && error.message ? error.message : fallback;
}

/** The GeoJSON scalar is an object; accept a JSON string too, in case a server passes SQL text through. */
export function asGeoJSON<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}
