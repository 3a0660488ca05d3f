import { existsSync } from 'node:fs';
import path from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type ErrorRequestHandler, type Express, type Request, type RequestHandler, type Response } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import type { Config } from './config';
import { assertAllowed, seesPersonalData } from './auth-checker';
import { createContext, createServices, type AppDeps, type Context, type Services, type Viewer } from './context';
import { UnitKind } from './entities/enums';
import { AppError, BadUserInputError, ErrorCode, TooManyRequestsError } from './errors';
import { EXPORTS } from './policy';
import { SESSION_COOKIE } from './resolvers/auth.resolver';
import { MAX_COST, queryCostLimit } from './query-cost';
import { createSchema } from './schema';
import { toCsv } from './services/csv';
import { REPORT_COLUMNS as COMPLIANCE_REPORT_COLUMNS } from './services/compliance.service';
import { ScopedDb } from './services/scoped-db';
import { registerHeartbeatRoutes } from './routes/heartbeat';

declare module 'express-serve-static-core' {
  interface Request {
    /** The session token from the cookie (or an `Authorization: Bearer` header). */
    sessionToken?: string;
    /** The session's user, or null. */
    viewer?: Viewer | null;
  }
}

/** Query limits enforced before anything runs (graphql-armor): see README "Hardening". */
export const LIMITS = { maxDepth: 10, maxAliases: 15, maxCost: MAX_COST, maxTokens: 2000, maxDirectives: 20, bodyBytes: '1mb' } as const;

/** Codes that graphql-js and Apollo produce for bad requests; their messages are safe to show. */
const REQUEST_ERROR_CODES = new Set<string>([
  ErrorCode.GRAPHQL_PARSE_FAILED,
  ErrorCode.GRAPHQL_VALIDATION_FAILED,
  ErrorCode.BAD_USER_INPUT,
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

const DB_DOWN = new Set(['ECONNREFUSED', 'ECONNRESET', '57P01', '57P03', '08006', '08001']);

/**
 * Every error leaves as `{ message, extensions: { code, ... } }` with no stack trace and no SQL:
 * our own coded errors as they are, graphql's request errors as they are, a lost database as
 * SERVICE_UNAVAILABLE, anything else as INTERNAL_SERVER_ERROR with a generic message (logged here).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { locations: formatted.locations, path: formatted.path };
  if (original instanceof AppError) {
    return { ...base, message: original.message, extensions: { ...original.extensions } };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
    const { stacktrace: _s, ...extensions } = formatted.extensions ?? {};
    return { ...base, message: formatted.message, extensions };
  }
  const dbCode = (original as { code?: string; driverError?: { code?: string } })?.driverError?.code ?? (original as { code?: string })?.code;
  if (dbCode && DB_DOWN.has(dbCode)) {
    return { ...base, message: 'The database is unavailable; try again shortly', extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } };
  }
  // A database error is logged by its code and constraint only: its message, detail and parameters
  // may quote the values of a row (owners' names and phones).
  const e = original as { name?: string; message?: string; driverError?: { constraint?: string; table?: string } };
  console.error(
    dbCode
      ? `[wardwatch] internal error: database error ${dbCode} ${e?.driverError?.table ?? ''} ${e?.driverError?.constraint ?? ''}`
      : `[wardwatch] internal error: ${e?.name ?? 'Error'} ${String(e?.message ?? original).slice(0, 300)}`,
  );
  return { ...base, message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}

/**
 * Production mode tells nobody what the schema holds: graphql-js's "Did you mean ...?" hints (field,
 * type, argument and enum value names) are cut from every message.
 */
export function withoutSuggestions(f: GraphQLFormattedError): GraphQLFormattedError {
  return { ...f, message: f.message.replace(/ ?Did you mean [^?]*\?/g, '') };
}

export interface App {
  app: Express;
  /** Stops Apollo (the caller closes the HTTP server and the database). */
  stop(): Promise<void>;
}

/**
 * Ends each request's transaction when its response is ready: commits, or reports the failure
 * instead of data that was never saved.
 */
const finishTransaction: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        try {
          await contextValue.db.finish(true);
        } catch (err) {
          console.error(`[wardwatch] commit failed: ${(err as Error).message}`);
          if (response.body.kind === 'single') {
            response.body.singleResult = {
              data: null,
              errors: [{ message: 'The change could not be saved; try again', extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } }],
            };
          }
        }
      },
    };
  },
};

/** One cookie's value from a Cookie header (the session token is base64url: nothing to decode). */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || undefined;
  }
  return undefined;
}

/** The token of an `Authorization: Bearer <token>` header, if that is what it holds. */
export function bearerToken(header: string | undefined): string | undefined {
  return header?.startsWith('Bearer ') ? header.slice(7).trim() || undefined : undefined;
}

/** The rate limits' key for the client's address (behind config.trustProxy proxies). */
export const addressOf = (req: Request) => `ip:${ipKeyGenerator(req.ip ?? 'unknown')}`;

/** At most `limit` requests (`what`) a minute per `key`, then 429 TOO_MANY_REQUESTS with the wait. */
export function perMinute(limit: number, key: (req: Request) => string, who: string, what = 'requests'): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: key,
    handler: (_req, res, _next, options) => {
      sendError(res, new TooManyRequestsError(`More than ${options.limit} ${what} a minute${who}; slow down`, Math.ceil(options.windowMs / 1000)));
    },
  });
}

/** Reads the session cookie (or bearer token) and loads its user for the rest of the request. */
function authenticate(deps: AppDeps): RequestHandler {
  return async (req, _res, next) => {
    try {
      req.sessionToken = bearerToken(req.headers.authorization) ?? cookieValue(req.headers.cookie, SESSION_COOKIE);
      req.viewer = await deps.auth.viewerOf(req.sessionToken);
      next();
    } catch (err) {
      next(err);
    }
  };
}

/** The HTTP application: GraphQL at /graphql, the map client at /, its runtime config at /config.json. */
export async function createApp(deps: AppDeps, plugins: ApolloServerPlugin<Context>[] = []): Promise<App> {
  const { config, ds: dataSource } = deps;
  const armor = new ApolloArmor({
    maxDepth: { n: LIMITS.maxDepth },
    maxAliases: { n: LIMITS.maxAliases },
    // Cost is estimated with the variables known (query-cost.ts): armor's rule cannot see `first: $n`.
    costLimit: { enabled: false },
    // graphql-js counts tokens itself (parseOptions below), so a plain syntax error stays GRAPHQL_PARSE_FAILED.
    maxTokens: { enabled: false },
    maxDirectives: { n: LIMITS.maxDirectives },
    blockFieldSuggestion: { enabled: config.production },
  }).protect();
  const apollo = new ApolloServer<Context>({
    schema: await createSchema(),
    formatError: config.production ? (f, e) => withoutSuggestions(formatError(f, e)) : formatError,
    includeStacktraceInErrorResponses: false,
    // One operation per request: an array body is refused before anything runs.
    allowBatchedHttpRequests: false,
    introspection: !config.production,
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: LIMITS.maxTokens },
    // main.ts owns the signals and stops everything in order (Apollo's own handler would race it).
    stopOnTerminationSignals: false,
    // No landing page: Apollo's loads its sandbox from a CDN, and nothing may download at run time.
    plugins: [ApolloServerPluginLandingPageDisabled(), ...armor.plugins, queryCostLimit as ApolloServerPlugin<Context>, finishTransaction, ...plugins],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  // Per address first, with a wider margin (an office shares one): a flood of requests with forged
  // cookies is refused before each one costs a session lookup.
  const perAddress = perMinute(config.rateLimitPerMinute * 5, addressOf, ' from this address');
  // Then per user (per address before login).
  const perUser = perMinute(config.rateLimitPerMinute, (req) => (req.viewer ? `user:${req.viewer.userId}` : addressOf(req)), '');
  app.use(['/graphql', '/export'], perAddress, authenticate(deps), perUser);
  app.use(
    '/graphql',
    express.json({ limit: LIMITS.bodyBytes }),
    expressMiddleware(apollo, { context: async ({ req, res }) => createContext(deps, req, res, req.viewer ?? null) }),
  );
  app.get('/config.json', (_req, res) => {
    // `demo`: the login screen may name the demo users (their password is public in demo mode only).
    res.json({ tileUrl: config.tileUrl, tileAttribution: config.tileAttribution, demo: config.demo });
  });
  /** The optional `wardId` query parameter (null: none; required: must be there); BAD_USER_INPUT unless a ward id. */
  const wardIdOf = (req: Request, required = false): number | null => {
    if (req.query.wardId === undefined && !required) return null;
    const wardId = Number(req.query.wardId);
    if (!Number.isInteger(wardId) || wardId < 1 || wardId > 2 ** 31 - 1) throw new BadUserInputError('wardId', 'must be a ward id');
    return wardId;
  };
  /** `<base>.csv`, or `<base>-ward-<id>.csv` for one ward's. */
  const fileOf = (base: string, wardId: number | null) => (wardId === null ? `${base}.csv` : `${base}-ward-${wardId}.csv`);
  /**
   * GET /export/<name>: a CSV that the EXPORTS policy lets the viewer's role download, made by `make`
   * over the request's scoped transaction (committed before anything is sent); an error answers as
   * the API's do, and leaves nothing open.
   */
  const csvExport = (name: string, make: (services: Services, req: Request) => Promise<{ csv: string; file: string }>) => {
    app.get(`/export/${name}`, async (req, res) => {
      const db = new ScopedDb(dataSource, req.viewer ?? null, deps.rowLevelSecurity);
      try {
        assertAllowed(EXPORTS[name], req.viewer?.role, name);
        const { csv, file } = await make(createServices(db), req);
        await db.finish(true);
        res.type('text/csv; charset=utf-8').attachment(file).send(csv);
      } catch (err) {
        await db.finish(false).catch(() => {});
        sendError(res, err);
      }
    });
  };
  const table = <R extends Record<string, unknown>>(header: readonly string[], rows: R[]) => toCsv([...header], rows.map((r) => header.map((k) => r[k])));
  // R5: the ward's list of rental houses without a camera, as the ward reports it to the district.
  csvExport('unregistered-rental-houses.csv', async (services, req) => {
    const wardId = wardIdOf(req, true)!;
    const rows = await services.coverage.unregisteredRentalHouseRows(wardId);
    if (!seesPersonalData(req.viewer?.role)) for (const r of rows) r.ownerName = r.ownerPhone = null;
    const header = ['id', 'ward', 'residentialGroup', 'address', 'ownerName', 'ownerPhone', 'rooms', 'latitude', 'longitude', 'nearestActiveCameraMeters'];
    return { csv: table(header, rows), file: fileOf('unregistered-rental-houses', wardId) };
  });
  // R7: the penalty cases in the viewer's scope (optionally one ward's), as Query.penaltyCases gives them.
  csvExport('penalty-cases.csv', async (services, req) => {
    const wardId = wardIdOf(req);
    const rows = await services.penaltyCase.csvRows(wardId);
    if (!seesPersonalData(req.viewer?.role)) for (const r of rows) r.ownerName = r.ownerPhone = null;
    const header = ['id', 'ward', 'rentalHouseId', 'address', 'ownerName', 'ownerPhone', 'complianceStatus', 'state', 'decision', 'fineAmountVnd',
      'legalBasis', 'openedAt', 'referredAt', 'decidedAt', 'finePaidAt', 'closedAt', 'closeReason'];
    return { csv: table(header, rows), file: fileOf('penalty-cases', wardId) };
  });
  // R4, R6: the units' home-camera uptake, as Query.units gives it (a chair: their ward's residents).
  csvExport('unit-uptake.csv', async (services, req) => {
    const kind = req.query.kind === undefined ? null : String(req.query.kind).toLowerCase();
    if (kind !== null && !(Object.values(UnitKind) as string[]).includes(kind)) {
      throw new BadUserInputError('kind', 'must be DIVISION or WARD_COMMITTEE');
    }
    const rows = await services.unit.uptakeRows(kind as UnitKind | null);
    const header = ['id', 'code', 'name', 'kind', 'wardId', 'headcount', 'verifiedCount', 'uptakePercent', 'reachedFullAt'];
    return { csv: table(header, rows), file: 'unit-uptake.csv' };
  });
  // R8, R2, R4: the deadline dashboard's live figures per ward and in total (a chair: their ward).
  csvExport('compliance-dashboard.csv', async (services, req) => {
    const wardId = wardIdOf(req);
    const rows = await services.compliance.reportRows(wardId);
    return { csv: table(COMPLIANCE_REPORT_COLUMNS, rows), file: fileOf('compliance-dashboard', wardId) };
  });
  // R10: cameras' heartbeats (a heartbeat token, not a session): POST /api/heartbeat.
  registerHeartbeatRoutes(app, deps);
  // R10: the maintenance tickets in the viewer's scope (optionally one ward's, one state's), as Query.maintenanceTickets gives them.
  csvExport('maintenance-tickets.csv', async ({ maintenance }, req) => {
    const wardId = wardIdOf(req);
    const rows = await maintenance.csvRows(wardId, req.query.state === undefined ? null : String(req.query.state));
    return { csv: table(maintenance.csvColumns, rows), file: fileOf('maintenance-tickets', wardId) };
  });
  // R3, R9: the operator report and the fund report, as Query.operatorReport and Query.fundReport give them.
  csvExport('operator-report.csv', async (services, req) => {
    const wardId = wardIdOf(req);
    return { csv: await services.networkOperator.reportCsv(wardId), file: fileOf('operator-report', wardId) };
  });
  csvExport('fund-report.csv', async (services, req) => {
    const wardId = wardIdOf(req);
    return { csv: await services.fund.reportCsv(wardId), file: fileOf('fund-report', wardId) };
  });
  app.get('/healthz', async (_req, res) => {
    try {
      await dataSource.query('SELECT 1');
      res.json({ status: 'ok' });
    } catch {
      res.status(503).json({ status: 'database unavailable' });
    }
  });
  const index = path.join(config.clientDir, 'index.html');
  if (existsSync(index)) {
    // Hashed assets may be cached for long; index.html never, so a redeploy reaches every browser.
    app.use('/assets', express.static(path.join(config.clientDir, 'assets'), { maxAge: '7d', immutable: true, fallthrough: false }));
    app.use(express.static(config.clientDir, { index: 'index.html', setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache') }));
    app.get('/{*path}', (_req, res) => res.setHeader('Cache-Control', 'no-cache').sendFile(index));
  } else {
    app.get('/', (_req, res) => {
      res.status(503).type('text').send('The map client is not built: run `npm run build` (npm start does it).');
    });
  }
  app.use(httpErrors);
  return { app, stop: () => apollo.stop() };
}

const HTTP_STATUS: Record<string, number> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.TOO_MANY_REQUESTS]: 429,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
};

/** A coded JSON error for a plain HTTP route, shaped like a GraphQL error and masked the same way. */
export function sendError(res: Response, err: unknown): void {
  const f = formatError({ message: 'error' }, err);
  const code = String(f.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR);
  res.status(HTTP_STATUS[code] ?? 500).json({ errors: [{ message: f.message, extensions: f.extensions }] });
}

/**
 * Errors outside GraphQL's own handling (a malformed or oversized JSON body, a missing asset):
 * coded JSON with no stack trace, never Express's HTML error page.
 */
const httpErrors: ErrorRequestHandler = (err, _req, res, next) => {
  if (res.headersSent) return next(err);
  const e = err as { type?: string; status?: number };
  if (e.type === 'entity.parse.failed') {
    res.status(400).json({ errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
  } else if (e.type === 'entity.too.large') {
    res.status(413).json({ errors: [{ message: 'The request body is larger than 1 MB', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
  } else if (e.status === 404) {
    res.status(404).json({ errors: [{ message: 'Not found', extensions: { code: ErrorCode.NOT_FOUND } }] });
  } else {
    sendError(res, err);
  }
};
