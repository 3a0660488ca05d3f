/**
 * Live camera status: a GraphQL subscription over WebSocket (graphql-ws protocol) at the page's own
 * origin, /graphql. The browser sends the HttpOnly session cookie with the handshake, as it does with
 * every POST; the socket reconnects by itself after a network failure, with a growing wait, and
 * stops for good when the server says the session has ended (4401).
 */
import { createClient, type Client } from 'graphql-ws';
import type { CameraStatus } from '../types';

export const CAMERA_STATUS_CHANGED = `subscription CameraStatusChanged {
  cameraStatusChanged { eventId cameraId wardId status previousStatus reason at lastHeartbeatAt }
}`;

export type CameraStatusReason = 'HEARTBEAT' | 'TIMEOUT' | 'EDIT' | 'REGISTRATION' | 'MAINTENANCE' | 'SEED';

export interface CameraStatusChange {
  eventId: number;
  cameraId: number;
  wardId: number;
  status: CameraStatus;
  previousStatus: CameraStatus | null;
  reason: CameraStatusReason;
  at: string;
  lastHeartbeatAt: string | null;
}

/** connecting: the first time; live: receiving; reconnecting: lost, trying again; offline: given up (session ended). */
export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'offline';

/** Close codes after which trying again cannot help (graphql-ws's, and the server's own: server/src/live/ws.ts). */
const FINAL_CLOSE_CODES = new Set([4400, 4401, 4406, 4409, 4429, 4500]);

export interface LiveFeedHandlers {
  onChange: (change: CameraStatusChange) => void;
  onState: (state: LiveState) => void;
  /** The feed (re)started after a gap in which changes may have been missed: reload what they affect. */
  onResync: () => void;
}

/** ws://host/graphql (wss:// on an https page). */
export function liveUrl(location: { protocol: string; host: string }): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/graphql`;
}

/** Wait before reconnect attempt `n` (0-based): 1 s, 2 s, 4 s ... up to 30 s, with some jitter. */
export function retryDelayMs(n: number, random: () => number = Math.random): number {
  return Math.min(30_000, 1000 * 2 ** Math.min(n, 5)) * (0.75 + random() * 0.5);
}

/**
 * Subscribes to camera status changes until the returned function is called. A subscription that
 * the server ends with an error (the feed fell behind, the database was away) is started again.
 */
export function startLiveFeed(handlers: LiveFeedHandlers, url = liveUrl(window.location)): () => void {
  let connectedBefore = false;
  let stopped = false;
  let unsubscribe: (() => void) | null = null;
  let resubscribe: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  const client: Client = createClient({
    url,
    lazy: false,
    keepAlive: 20_000,
    retryAttempts: Infinity,
    shouldRetry: (event) => !FINAL_CLOSE_CODES.has((event as { code?: number })?.code ?? 0),
    retryWait: async (n) => {
      await new Promise((r) => setTimeout(r, retryDelayMs(n)));
    },
    onNonLazyError: () => {
      if (!stopped) handlers.onState('offline');
    },
    on: {
      connecting: () => {
        if (!stopped) handlers.onState(connectedBefore ? 'reconnecting' : 'connecting');
      },
      connected: () => {
        if (stopped) return;
        handlers.onState('live');
        if (connectedBefore) handlers.onResync();
        connectedBefore = true;
        failures = 0;
      },
      closed: (event) => {
        if (stopped) return;
        const code = (event as { code?: number })?.code ?? 0;
        handlers.onState(FINAL_CLOSE_CODES.has(code) ? 'offline' : 'reconnecting');
      },
    },
  });

  const subscribe = () => {
    unsubscribe = client.subscribe<{ cameraStatusChanged: CameraStatusChange }>(
      { query: CAMERA_STATUS_CHANGED },
      {
        next: (result) => {
          const change = result.data?.cameraStatusChanged;
          if (change) handlers.onChange(change);
        },
        error: (err) => {
          unsubscribe = null;
          if (stopped) return;
          // A closed socket (err is its close event) is the client's to retry or give up; an error of
          // the subscription itself: start it again a little later, and reload what it may have missed.
          if (err && typeof err === 'object' && 'code' in err) {
            if (FINAL_CLOSE_CODES.has((err as { code: number }).code)) return handlers.onState('offline');
          }
          resubscribe = setTimeout(() => {
            if (stopped) return;
            handlers.onResync();
            subscribe();
          }, retryDelayMs(failures++));
        },
        complete: () => {
          unsubscribe = null;
        },
      },
    );
  };
  subscribe();

  return () => {
    stopped = true;
    clearTimeout(resubscribe);
    unsubscribe?.();
    void client.dispose();
  };
}
