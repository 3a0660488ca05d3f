import type { DataSource } from 'typeorm';
import type { CameraStatusReason } from '../entities/camera-status-event';
import type { CameraStatus } from '../entities/enums';
import { AppError, ErrorCode } from '../errors';

/** One row of camera_status_event as the live map receives it (db/migrations/1764835300000-camera-health.ts). */
export interface CameraStatusChangeEvent {
  /** camera_status_event.id (bigint; exact below 2^53) */
  eventId: number;
  districtId: number;
  wardId: number;
  cameraId: number;
  status: CameraStatus;
  previousStatus: CameraStatus | null;
  reason: CameraStatusReason;
  at: Date;
  /** The camera's last heartbeat when the event was read (null: not monitored). */
  lastHeartbeatAt: Date | null;
}

/** Who receives an event: the viewer's district, and one ward or (null) all of them. */
export interface LiveFilter {
  districtId: number;
  wardId: number | null;
}

export interface LiveEventsOptions {
  /** Milliseconds between polls while anyone listens. */
  pollMs: number;
  /** Events a slow subscriber may have waiting before it is cut off (it resubscribes and reloads). */
  maxQueue?: number;
  log?: (line: string) => void;
  error?: (line: string) => void;
}

/** Rows per poll; a burst larger than this is read in several polls right after each other. */
export const POLL_BATCH = 1000;
/**
 * How long an id skipped by a poll is looked for again. On a real server two transactions can take
 * ids 10 and 11 and commit 11 first: the poll that sees 11 keeps asking for 10 for this long (a
 * rolled-back insert leaves a gap for good, which is then forgotten).
 */
export const GAP_WAIT_MS = 30_000;
const MAX_GAPS = 5000;

/**
 * A subscriber's stream: an async iterator that the poller pushes into. `return()` (the client
 * unsubscribed or the socket closed) ends it at once, even while it waits for the next event.
 */
class Channel implements AsyncIterableIterator<CameraStatusChangeEvent> {
  private readonly queue: CameraStatusChangeEvent[] = [];
  private waiting: { resolve: (r: IteratorResult<CameraStatusChangeEvent>) => void; reject: (e: unknown) => void } | undefined;
  private failure: Error | undefined;
  private done = false;

  constructor(
    readonly filter: LiveFilter,
    private readonly maxQueue: number,
    private readonly onEnd: (channel: Channel) => void,
  ) {}

  wants(e: CameraStatusChangeEvent): boolean {
    return e.districtId === this.filter.districtId && (this.filter.wardId == null || e.wardId === this.filter.wardId);
  }

  push(e: CameraStatusChangeEvent): void {
    if (this.done) return;
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = undefined;
      w.resolve({ value: e, done: false });
    } else if (this.queue.length >= this.maxQueue) {
      this.fail(new AppError('The live feed fell behind; subscribe again and reload the map', ErrorCode.SERVICE_UNAVAILABLE));
    } else {
      this.queue.push(e);
    }
  }

  /** Ends the stream with an error (delivered after the events already queued). */
  fail(err: Error): void {
    if (this.done) return;
    this.failure = err;
    this.finish();
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = undefined;
      this.failure = undefined;
      w.reject(err);
    }
  }

  /** Ends the stream normally. */
  end(): void {
    if (this.done) return;
    this.finish();
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = undefined;
      w.resolve({ value: undefined, done: true });
    }
  }

  next(): Promise<IteratorResult<CameraStatusChangeEvent>> {
    const e = this.queue.shift();
    if (e) return Promise.resolve({ value: e, done: false });
    if (this.failure) {
      const err = this.failure;
      this.failure = undefined;
      return Promise.reject(err);
    }
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
    });
  }

  return(): Promise<IteratorResult<CameraStatusChangeEvent>> {
    this.queue.length = 0;
    this.failure = undefined;
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(err: unknown): Promise<IteratorResult<CameraStatusChangeEvent>> {
    this.return();
    return Promise.reject(err);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private finish(): void {
    this.done = true;
    this.onEnd(this);
  }
}

interface EventRow {
  id: string;
  district_id: number;
  ward_id: number;
  camera_id: number;
  status: CameraStatus;
  previous_status: CameraStatus | null;
  reason: CameraStatusReason;
  at: Date;
  last_heartbeat_at: Date | null;
}

const COLUMNS = `e.id::text AS id, e.district_id, e.ward_id, e.camera_id, e.status, e.previous_status, e.reason, e.at,
  (SELECT c.last_heartbeat_at FROM camera c WHERE c.id = e.camera_id) AS last_heartbeat_at`;
/** The poll: the events after the last id seen, in id order, along the primary key's index. $1: that id. */
export const POLL_SQL = `SELECT ${COLUMNS} FROM camera_status_event e WHERE e.id > $1::bigint ORDER BY e.id LIMIT ${POLL_BATCH}`;
/** Ids an earlier poll skipped ($1: bigint[]), looked for again. */
const GAPS_SQL = `SELECT ${COLUMNS} FROM camera_status_event e WHERE e.id = ANY ($1::bigint[])`;

/**
 * The live feed of camera status changes, for one server process. camera_status_event is written
 * by a trigger on camera whoever changes a status (the API, a heartbeat, the timeout job, a script),
 * so reading that table catches them all: while anyone subscribes, the poller reads the rows after
 * the last id it saw (the primary key's index; one short transaction on the owner's connection with
 * `ww.system` on, never held between polls) and hands each to the subscribers whose district and
 * ward it belongs to. With nobody subscribed it does not query at all; the first subscriber starts
 * from the newest event. Fan-out is in-process: one server instance (see README "Live map updates").
 */
export class LiveEvents {
  private readonly channels = new Set<Channel>();
  /** The newest id handed out; null: not read since the last subscriber left. */
  private cursor: bigint | null = null;
  private cursorRead: Promise<void> | undefined;
  /** Ids skipped by a poll, looked for again until the time given. */
  private readonly gaps = new Map<bigint, number>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private failing = false;
  private readonly log: (line: string) => void;
  private readonly error: (line: string) => void;

  constructor(
    private readonly owner: DataSource,
    private readonly options: LiveEventsOptions,
  ) {
    this.log = options.log ?? ((line) => console.log(line));
    this.error = options.error ?? ((line) => console.error(line));
  }

  /** Subscribers now. */
  get subscribers(): number {
    return this.channels.size;
  }

  /**
   * The events of `filter` from now on. Resolves once the starting point is known, so nothing
   * committed after this resolves is missed.
   */
  async subscribe(filter: LiveFilter): Promise<AsyncIterableIterator<CameraStatusChangeEvent>> {
    if (this.stopped) throw new AppError('The server is shutting down', ErrorCode.SERVICE_UNAVAILABLE);
    const channel = new Channel(filter, this.options.maxQueue ?? 1000, (c) => this.drop(c));
    this.channels.add(channel);
    try {
      await this.readCursor();
    } catch (err) {
      this.channels.delete(channel);
      this.error(`[wardwatch] live feed: reading the newest camera status event failed: ${(err as Error)?.message?.slice(0, 300)}`);
      throw new AppError('The live feed is unavailable; try again shortly', ErrorCode.SERVICE_UNAVAILABLE);
    }
    this.schedule();
    return channel;
  }

  /** One poll now (also what the timer runs); resolves when its events have been handed out. */
  poll(): Promise<void> {
    this.running ??= this.pollOnce().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Stops polling and ends every subscription. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
    for (const c of [...this.channels]) c.end();
  }

  private drop(channel: Channel): void {
    this.channels.delete(channel);
    if (this.channels.size === 0) {
      // Nobody listens: no polling, and the next subscriber starts from the newest event.
      if (this.timer) clearTimeout(this.timer);
      this.timer = undefined;
      this.cursor = null;
      this.gaps.clear();
    }
  }

  private readCursor(): Promise<void> {
    if (this.cursor !== null) return Promise.resolve();
    this.cursorRead ??= this.system(`SELECT coalesce(max(id), 0)::text AS id FROM camera_status_event`)
      .then((rows: { id: string }[]) => {
        this.cursor ??= BigInt(rows[0]!.id);
      })
      .finally(() => {
        this.cursorRead = undefined;
      });
    return this.cursorRead;
  }

  private schedule(): void {
    if (this.stopped || this.timer || this.channels.size === 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.poll().finally(() => this.schedule());
    }, this.options.pollMs);
    this.timer.unref();
  }

  private async pollOnce(): Promise<void> {
    if (this.stopped || this.channels.size === 0 || this.cursor === null) return;
    try {
      // A burst bigger than one batch is read in a few rounds at once (bounded: the next tick goes on).
      for (let round = 0; round < 5; round += 1) {
        const from: bigint | null = this.cursor;
        if (from === null) return;
        const now = Date.now();
        for (const [id, until] of this.gaps) if (until < now) this.gaps.delete(id);
        const gaps = [...this.gaps.keys()].map(String);
        const rows: EventRow[] = await this.system(POLL_SQL, [String(from)], gaps.length ? GAPS_SQL : undefined, [gaps]);
        if (this.cursor !== from) return; // the last subscriber left meanwhile
        this.deliver(rows, from, now);
        if (this.failing) this.log('[wardwatch] live feed: reading camera status events again');
        this.failing = false;
        if (rows.filter((r) => BigInt(r.id) > from).length < POLL_BATCH) return;
      }
    } catch (err) {
      // Logged once per run of failures (the database may be restarting); the next poll tries again.
      if (!this.failing) this.error(`[wardwatch] live feed: reading camera status events failed: ${(err as Error)?.message?.slice(0, 300)}`);
      this.failing = true;
    }
  }

  private deliver(rows: EventRow[], from: bigint, now: number): void {
    const fresh = rows.map((r) => ({ id: BigInt(r.id), row: r })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    let expected = from + 1n;
    for (const { id, row } of fresh) {
      if (id > from) {
        // Ids between the last one seen and this one may belong to transactions still open.
        if (id - expected <= BigInt(MAX_GAPS)) {
          for (let g = expected; g < id && this.gaps.size < MAX_GAPS; g += 1n) this.gaps.set(g, now + GAP_WAIT_MS);
        }
        expected = id + 1n;
        this.cursor = id;
      } else {
        this.gaps.delete(id);
      }
      const event = toEvent(row);
      for (const c of [...this.channels]) if (c.wants(event)) c.push(event);
    }
  }

  /**
   * Runs `sql` (and `extra`, if any) in one short transaction as the database itself: the owner's
   * connection with `ww.system` on (row-level security), a statement timeout, and nothing held after.
   */
  private system(sql: string, params: unknown[] = [], extra?: string, extraParams: unknown[] = []): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
    return this.owner.transaction(async (m) => {
      await m.query(`SELECT set_config('ww.system', 'on', true), set_config('statement_timeout', '5s', true)`);
      const rows = await m.query(sql, params);
      return extra ? [...rows, ...(await m.query(extra, extraParams))] : rows;
    });
  }
}

function toEvent(r: EventRow): CameraStatusChangeEvent {
  return {
    eventId: Number(r.id),
    districtId: r.district_id,
    wardId: r.ward_id,
    cameraId: r.camera_id,
    status: r.status,
    previousStatus: r.previous_status,
    reason: r.reason,
    at: new Date(r.at),
    lastHeartbeatAt: r.last_heartbeat_at ? new Date(r.last_heartbeat_at) : null,
  };
}

/**
 * type-graphql requires a PubSub when the schema has a subscription, even one with its own
 * `subscribe` (server/src/resolvers/live.resolver.ts): this one is never used for topics.
 */
export const LIVE_PUBSUB = {
  publish(): void {},
  subscribe(routingKey: string): AsyncIterable<unknown> {
    throw new Error(`no topic "${routingKey}": live subscriptions read from LiveEvents`);
  },
};
