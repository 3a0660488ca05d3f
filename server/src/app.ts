import { existsSync } from 'node:fs';
import path from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import type { DataSource } from 'typeorm';
import type { Config } from './config';
import { createContext, createServices, type Context } from './context';
import { AppError, ErrorCode } from './errors';
import { createSchema } from './schema';

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
  console.error('[wardwatch] internal error:', original);
  return { ...base, message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}

export interface App {
  app: Express;
  /** Stops Apollo (the caller closes the HTTP server and the database). */
  stop(): Promise<void>;
}

/** The HTTP application: GraphQL at /graphql, the map client at /, its runtime config at /config.json. */
export async function createApp(config: Config, dataSource: DataSource, plugins: ApolloServerPlugin<Context>[] = []): Promise<App> {
  const services = createServices(dataSource);
  const apollo = new ApolloServer<Context>({
    schema: await createSchema(),
    formatError,
    includeStacktraceInErrorResponses: false,
    // main.ts owns the signals and stops everything in order (Apollo's own handler would race it).
    stopOnTerminationSignals: false,
    plugins,
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, { context: async () => createContext(config, services) }),
  );
  app.get('/config.json', (_req, res) => {
    res.json({ tileUrl: config.tileUrl, tileAttribution: config.tileAttribution });
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
    app.use(express.static(config.clientDir, { index: 'index.html', maxAge: '1h' }));
    app.get('/{*path}', (_req, res) => res.sendFile(index));
  } else {
    app.get('/', (_req, res) => {
      res.status(503).type('text').send('The map client is not built: run `npm run build` (npm start does it).');
    });
  }
  return { app, stop: () => apollo.stop() };
}
