import { createClient, type Client, type ExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';

/** How a socket ended: the close code and reason the server sent. */
export interface Closed {
  code: number;
  reason: string;
}

/** One subscription's stream as it arrived: every `next` payload, and how it ended. */
export interface LiveStream<T = any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  results: ExecutionResult<T>[];
  /** The data of the results that had some. */
  readonly data: T[];
  /** Resolves when the stream ends: completed, or with the error or close event it ended on. */
  ended: Promise<{ error?: unknown }>;
  /** Waits until `predicate` holds for the data received, or rejects after `ms`. */
  until(predicate: (data: T[]) => boolean, ms?: number): Promise<T[]>;
  stop(): void;
}

export interface LiveConnection {
  client: Client;
  /** Resolves when the socket closes (for good: the test client does not reconnect). */
  closed: Promise<Closed>;
  subscribe<T = any>(query: string, variables?: Record<string, unknown>): LiveStream<T>; // eslint-disable-line @typescript-eslint/no-explicit-any
  dispose(): Promise<void>;
}

export interface LiveAuth {
  /** A Cookie header for the handshake (as a browser sends the session cookie). */
  cookie?: string | null;
  /** A session token for connectionParams.authorization ('Bearer <token>'). */
  bearer?: string;
  /** An Origin header for the handshake. */
  origin?: string;
}

/** The app's WebSocket URL (ws://host/graphql). */
export function liveUrl(httpUrl: string): string {
  return `${httpUrl.replace(/^http/, 'ws')}/graphql`;
}

/**
 * A graphql-ws client over `ws` (Node 20 has no global WebSocket) that connects at once and never
 * retries. Resolves when the server acknowledged the connection; rejects with the close event
 * (`{ code, reason }`) if it closed the socket first.
 */
export async function openLive(httpUrl: string, auth: LiveAuth = {}): Promise<LiveConnection> {
  const headers: Record<string, string> = {};
  if (auth.cookie) headers.cookie = auth.cookie;
  if (auth.origin) headers.origin = auth.origin;
  class HandshakeWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  let onClosed!: (c: Closed) => void;
  const closed = new Promise<Closed>((resolve) => (onClosed = resolve));
  let connected!: () => void;
  let refused!: (e: unknown) => void;
  const ready = new Promise<void>((resolve, reject) => {
    connected = resolve;
    refused = reject;
  });
  const client = createClient({
    url: liveUrl(httpUrl),
    webSocketImpl: HandshakeWebSocket,
    lazy: false,
    retryAttempts: 0,
    connectionParams: auth.bearer ? { authorization: `Bearer ${auth.bearer}` } : undefined,
    onNonLazyError: () => undefined,
    on: {
      connected: () => connected(),
      closed: (event) => {
        const e = event as { code?: number; reason?: string | Buffer };
        const c = { code: e?.code ?? 0, reason: String(e?.reason ?? '') };
        onClosed(c);
        refused(c);
      },
      error: (err) => refused(err),
    },
  });
  await ready;
  return {
    client,
    closed,
    subscribe<T>(query: string, variables?: Record<string, unknown>): LiveStream<T> {
      const results: ExecutionResult<T>[] = [];
      const waiters = new Set<() => void>();
      let end!: (r: { error?: unknown }) => void;
      const ended = new Promise<{ error?: unknown }>((resolve) => (end = resolve));
      const stream: LiveStream<T> = {
        results,
        get data() {
          return results.filter((r) => r.data != null).map((r) => r.data as T);
        },
        ended,
        until(predicate, ms = 10_000) {
          return new Promise<T[]>((resolve, reject) => {
            const check = () => {
              if (predicate(stream.data)) {
                waiters.delete(check);
                clearTimeout(timer);
                resolve(stream.data);
              }
            };
            const timer = setTimeout(() => {
              waiters.delete(check);
              reject(new Error(`not received within ${ms} ms; got ${JSON.stringify(results)}`));
            }, ms);
            waiters.add(check);
            check();
          });
        },
        stop: () => undefined,
      };
      stream.stop = client.subscribe<T>(
        { query, variables },
        {
          next: (r) => {
            results.push(r as ExecutionResult<T>);
            for (const w of [...waiters]) w();
          },
          error: (error) => end({ error }),
          complete: () => end({}),
        },
      );
      return stream;
    },
    async dispose() {
      await client.dispose();
    },
  };
}
