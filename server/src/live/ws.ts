import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  getOperationAST,
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { DataSource } from 'typeorm';
import { WebSocketServer, type WebSocket } from 'ws';
import { bearerToken, cookieValue, formatError, LIMITS, withoutSuggestions } from '../app';
import type { Config } from '../config';
import { AppError, ErrorCode } from '../errors';
import { SESSION_COOKIE } from '../resolvers/auth.resolver';
import { createSchema } from '../schema';
import { AuthService } from '../services/auth.service';
import { ScopedDb, type Viewer } from '../services/scoped-db';
import { LiveEvents } from './live-events';

/** The WebSocket endpoint: the same path as POST /graphql (graphql-ws protocol, `graphql-transport-ws`). */
export const LIVE_PATH = '/graphql';

/** What a live socket may do (README "Live map updates"). */
export const LIVE_LIMITS = {
  /** Largest message a client may send (a subscription document and its variables). */
  maxMessageBytes: 16 * 1024,
  /** Operations open at once on one socket. */
  maxSubscriptionsPerSocket: 5,
  /** Sockets open at once for one user (browser tabs). */
  maxSocketsPerUser: 10,
  /** Sockets open at once on the server. */
  maxSockets: 2000,
  /** WebSocket handshakes a minute from one address. */
  upgradesPerMinute: 60,
} as const;

/** Close codes besides graphql-ws's own (4401 Unauthorized: no session, or it ended). */
export const LIVE_CLOSE = {
  unauthorized: CloseCode.Unauthorized,
  /** The user's role or ward changed: reconnect to get the new scope. */
  scopeChanged: CloseCode.Forbidden,
  tooManySockets: 4429,
  /** The database could not check the session: try again later. */
  tryAgain: 1013,
  goingAway: 1001,
} as const;

/** What a subscription's resolvers get instead of a request's context (no database transaction). */
export interface SubscriptionContext {
  viewer: Viewer;
  config: Config;
  live: LiveHub;
}

export interface LiveHub {
  events: LiveEvents;
  /** Whether the viewer may see this ward (it exists in their district and scope). */
  wardVisible(viewer: Viewer, wardId: number): Promise<boolean>;
}

export interface LiveServer {
  events: LiveEvents;
  /** Sockets open now. */
  readonly sockets: number;
  /** Closes every socket (1001), stops the feed. Call before closing the HTTP server: it waits for open sockets. */
  close(): Promise<void>;
}

export interface LiveDeps {
  config: Config;
  /** The connection that serves requests (sessions, ward checks). */
  ds: DataSource;
  /** The schema owner's (reads the status events with `ww.system` on). */
  owner: DataSource;
  rowLevelSecurity: boolean;
}

interface SocketState {
  token: string;
  viewer: Viewer;
}

/**
 * GraphQL subscriptions over WebSocket on the app's HTTP server: graphql-ws's server (protocol
 * `graphql-transport-ws`) on a `ws` WebSocketServer that takes the upgrades of LIVE_PATH.
 *
 * - Who: the session of the handshake's cookie (as the browser sends it), or a `Bearer` session
 *   token in connectionParams.authorization (or the handshake's Authorization header). No session:
 *   the socket closes with 4401 at connection_init. Every `liveSessionCheckMs` each socket's session
 *   is checked again; one that ended (logout, expiry, a disabled user) closes its socket with 4401,
 *   one whose role or ward changed closes with 4403 (a client reconnects with its new scope).
 * - What: subscriptions only (queries and mutations go to POST /graphql, with its transaction and
 *   limits); parsed and validated with POST's limits (tokens, depth, aliases, directives); at most
 *   LIVE_LIMITS per socket, user, address and server. Every root field passes the access policy.
 * - Errors are coded and masked exactly as POST's (app.ts formatError).
 * - Handshakes from another origin are refused (403): a page elsewhere cannot ride the cookie.
 */
export async function startLive(http: Server, deps: LiveDeps): Promise<LiveServer> {
  const { config } = deps;
  const schema = await createSchema();
  const auth = new AuthService(deps.ds, deps.owner);
  const events = new LiveEvents(deps.owner, { pollMs: config.livePollMs });
  const hub: LiveHub = {
    events,
    async wardVisible(viewer, wardId) {
      const db = new ScopedDb(deps.ds, viewer, deps.rowLevelSecurity);
      try {
        const rows = await db.query(`SELECT 1 FROM ward w WHERE w.id = $1 AND w.district_id = $2 AND ($3::int IS NULL OR w.id = $3)`, [
          wardId,
          viewer.districtId,
          viewer.wardId,
        ]);
        await db.finish(true);
        return rows.length > 0;
      } catch (err) {
        await db.finish(false).catch(() => undefined);
        throw err;
      }
    },
  };
  const armorRules =
    new ApolloArmor({
      maxDepth: { n: LIMITS.maxDepth },
      maxAliases: { n: LIMITS.maxAliases },
      costLimit: { enabled: false },
      maxTokens: { enabled: false },
      maxDirectives: { n: LIMITS.maxDirectives },
      blockFieldSuggestion: { enabled: config.production },
    }).protect().validationRules ?? [];
  const format = (e: GraphQLError): GraphQLFormattedError => {
    const formatted = e.toJSON();
    // graphql-js's own errors before any resolver runs (variables that do not fit) have no path and no code: as Apollo, BAD_USER_INPUT.
    const coded = formatted.extensions?.code || e.path ? formatted : { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.BAD_USER_INPUT } };
    const f = formatError(coded, e);
    return config.production ? withoutSuggestions(f) : f;
  };
  const requestError = (message: string, code: string): GraphQLError => new AppError(message, code as ErrorCode);

  const wss = new WebSocketServer({ noServer: true, maxPayload: LIVE_LIMITS.maxMessageBytes, clientTracking: true });
  const states = new WeakMap<WebSocket, SocketState>();
  const perUser = new Map<number, Set<WebSocket>>();
  const upgrades = new Map<string, { count: number; resetAt: number }>();

  const forget = (socket: WebSocket) => {
    const state = states.get(socket);
    if (!state) return;
    states.delete(socket);
    const mine = perUser.get(state.viewer.userId);
    mine?.delete(socket);
    if (mine?.size === 0) perUser.delete(state.viewer.userId);
  };

  const disposable = useServer<Record<string, unknown>>(
    {
      schema,
      onConnect: async (ctx) => {
        const socket = ctx.extra.socket;
        const params = ctx.connectionParams ?? {};
        const token =
          bearerToken(typeof params.authorization === 'string' ? params.authorization : undefined) ??
          bearerToken(ctx.extra.request.headers.authorization) ??
          cookieValue(ctx.extra.request.headers.cookie, SESSION_COOKIE);
        let viewer: Viewer | null;
        try {
          viewer = token ? await auth.viewerOf(token) : null;
        } catch {
          socket.close(LIVE_CLOSE.tryAgain, 'SERVICE_UNAVAILABLE: the session could not be checked');
          return false;
        }
        if (!viewer || !token) {
          socket.close(LIVE_CLOSE.unauthorized, 'UNAUTHENTICATED: You must log in first');
          return false;
        }
        const mine = perUser.get(viewer.userId) ?? new Set<WebSocket>();
        if (mine.size >= LIVE_LIMITS.maxSocketsPerUser) {
          socket.close(LIVE_CLOSE.tooManySockets, `TOO_MANY_REQUESTS: at most ${LIVE_LIMITS.maxSocketsPerUser} live connections per user`);
          return false;
        }
        mine.add(socket);
        perUser.set(viewer.userId, mine);
        states.set(socket, { token, viewer });
        startSessionChecks();
        return true;
      },
      onClose: (ctx) => forget(ctx.extra.socket),
      onSubscribe: (ctx, _id, payload) => {
        const state = states.get(ctx.extra.socket);
        if (!state) return [requestError('You must log in first', ErrorCode.UNAUTHENTICATED)];
        // ctx.subscriptions already holds this one.
        if (Object.keys(ctx.subscriptions).length > LIVE_LIMITS.maxSubscriptionsPerSocket) {
          return [requestError(`At most ${LIVE_LIMITS.maxSubscriptionsPerSocket} subscriptions at once on one connection`, ErrorCode.TOO_MANY_REQUESTS)];
        }
        let document: DocumentNode;
        try {
          document = parse(payload.query, { maxTokens: LIMITS.maxTokens });
        } catch (err) {
          return [requestError((err as Error).message, ErrorCode.GRAPHQL_PARSE_FAILED)];
        }
        const invalid = validate(schema, document, [...specifiedRules, ...armorRules]);
        if (invalid.length > 0) {
          return invalid.map((e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { ...e.extensions, code: ErrorCode.GRAPHQL_VALIDATION_FAILED } }));
        }
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) return [requestError('Name the operation to run', 'OPERATION_RESOLUTION_FAILURE')];
        if (operation.operation !== 'subscription') {
          return [requestError('Only subscriptions are served over the WebSocket; send queries and mutations with POST /graphql', 'BAD_REQUEST')];
        }
        const contextValue: SubscriptionContext = { viewer: state.viewer, config, live: hub };
        return { schema, document, operationName: payload.operationName, variableValues: payload.variables, contextValue };
      },
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: result.errors.map(format) } : undefined),
      onError: (_ctx, _id, _payload, errors) => errors.map(format),
    },
    wss,
  );

  // ---------------------------------------------------------------- the handshake
  const addressOf = (req: IncomingMessage): string => {
    const direct = req.socket.remoteAddress ?? 'unknown';
    if (!config.trustProxy) return direct;
    const forwarded = String(req.headers['x-forwarded-for'] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    return forwarded[Math.max(0, forwarded.length - config.trustProxy)] ?? direct;
  };
  const refuse = (socket: Duplex, status: number, text: string) => {
    socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  };
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    let path: string;
    try {
      path = new URL(req.url ?? '/', 'http://localhost').pathname;
    } catch {
      return refuse(socket, 400, 'Bad Request');
    }
    if (path !== LIVE_PATH) return refuse(socket, 404, 'Not Found');
    const origin = req.headers.origin;
    if (origin !== undefined && !sameOrigin(origin, req.headers.host)) return refuse(socket, 403, 'Forbidden');
    const now = Date.now();
    const key = addressOf(req);
    const seen = upgrades.get(key);
    if (!seen || seen.resetAt <= now) upgrades.set(key, { count: 1, resetAt: now + 60_000 });
    else if ((seen.count += 1) > LIVE_LIMITS.upgradesPerMinute) return refuse(socket, 429, 'Too Many Requests');
    if (upgrades.size > 10_000) for (const [k, v] of upgrades) if (v.resetAt <= now) upgrades.delete(k);
    if (wss.clients.size >= LIVE_LIMITS.maxSockets) return refuse(socket, 503, 'Service Unavailable');
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  };
  http.on('upgrade', onUpgrade);

  // ---------------------------------------------------------------- sessions end, sockets close
  let checker: NodeJS.Timeout | undefined;
  let checking: Promise<void> | undefined;
  const checkSessions = async () => {
    const byToken = new Map<string, WebSocket[]>();
    for (const socket of wss.clients) {
      const state = states.get(socket);
      if (state) byToken.set(state.token, [...(byToken.get(state.token) ?? []), socket]);
    }
    for (const [token, sockets] of byToken) {
      let now: Viewer | null;
      try {
        now = await auth.viewerOf(token);
      } catch {
        continue; // the database is away: check again next time
      }
      for (const socket of sockets) {
        const was = states.get(socket)?.viewer;
        if (!was) continue;
        if (!now) socket.close(LIVE_CLOSE.unauthorized, 'UNAUTHENTICATED: the session has ended');
        else if (now.userId !== was.userId || now.role !== was.role || now.wardId !== was.wardId || now.districtId !== was.districtId) {
          socket.close(LIVE_CLOSE.scopeChanged, 'FORBIDDEN: your role or ward changed; connect again');
        }
      }
    }
    if (wss.clients.size === 0) stopSessionChecks();
  };
  function startSessionChecks(): void {
    if (checker) return;
    checker = setInterval(() => {
      checking ??= checkSessions().finally(() => {
        checking = undefined;
      });
    }, config.liveSessionCheckMs);
    checker.unref();
  }
  function stopSessionChecks(): void {
    if (checker) clearInterval(checker);
    checker = undefined;
  }

  let closed = false;
  return {
    events,
    get sockets() {
      return wss.clients.size;
    },
    async close() {
      if (closed) return;
      closed = true;
      http.off('upgrade', onUpgrade);
      stopSessionChecks();
      await checking;
      const open = [...wss.clients];
      const gone = Promise.all(open.map((s) => (s.readyState === s.CLOSED ? undefined : new Promise((r) => s.once('close', r)))));
      for (const s of open) s.close(LIVE_CLOSE.goingAway, 'Server shutting down');
      // A client that does not answer the closing handshake soon is cut off.
      const timer = setTimeout(() => open.forEach((s) => s.terminate()), 2000);
      await gone;
      clearTimeout(timer);
      await disposable.dispose();
      await events.stop();
    },
  };
}


/** Whether a handshake's Origin is the page the server itself serves (same host and port). */
function sameOrigin(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}
