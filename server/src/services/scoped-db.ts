import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../../../db/migrations/1764662400000-access';
import { Role } from '../entities/enums';
import { UnauthenticatedError } from '../errors';
import type { Scope } from './scope';

/**
 * The settings that make a transaction the app role's (`set_config('role')` is SET LOCAL ROLE), with
 * `ww.system` cleared: the owner's connection sets it for its whole session (db/data-source.ts), and
 * no request is the database's own work. Empty when the role is not switched (the test that proves
 * the server's own rule without row-level security).
 */
function appRoleSql(switchRole: boolean): string {
  return switchRole ? `set_config('role', '${APP_ROLE}', true), set_config('ww.system', '', true),` : '';
}

/**
 * Work no user does (a device's heartbeat, a member of the public's registration): a transaction of
 * its own as the app role with no scope, so row-level security opens no table and only the SECURITY
 * DEFINER functions it calls reach data. Commits when `fn` resolves, rolls back when it throws.
 */
export function unscopedTransaction<T>(ds: DataSource, fn: (m: EntityManager) => Promise<T>, options: { switchRole?: boolean; timeout: string }): Promise<T> {
  return ds.transaction(async (m) => {
    await m.query(`SELECT ${appRoleSql(options.switchRole ?? true)} set_config('statement_timeout', $1, true)`, [options.timeout]);
    return fn(m);
  });
}

/** A logged-in user, as every request sees them (loaded from the session on each request). */
export interface Viewer {
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  districtId: number;
  /** The one ward a WARD_CHAIR (or ward POLICE) is bound to; null: the whole district. */
  wardId: number | null;
}

/**
 * One request's database work: a single transaction, opened on first use, in which the server has
 * switched to the non-owner role `wardwatch_app` and set the user's scope for row-level security
 * (db/migrations/1764662400000-access.ts). Every service of the request goes through it, so every
 * query is scoped, whether or not the service remembered to filter (it does, too: the server-side
 * rule and the database's rule each hold on their own).
 *
 * Mutations run in savepoints (`transaction`): a failed one leaves nothing behind, the request's
 * others stand. `finish` commits (or rolls back) and returns the connection to the pool.
 */
export class ScopedDb {
  private runner: QueryRunner | undefined;
  private started: Promise<EntityManager> | undefined;
  private done = false;
  /** A mutation ran: its work must really commit, or the request must say it did not. */
  private changed = false;

  constructor(
    private readonly ds: DataSource,
    readonly viewer: Viewer | null,
    /** false only in the test that proves the server-side rule holds without row-level security. */
    private readonly switchRole = true,
  ) {}

  /** The user's district and ward; UNAUTHENTICATED for an anonymous request. */
  get scope(): Scope {
    if (!this.viewer) throw new UnauthenticatedError();
    return { districtId: this.viewer.districtId, wardId: this.viewer.wardId };
  }

  /**
   * The DataSource behind the request, for the few public operations that run without a viewer in a
   * short transaction of their own (services/camera-registration.service.ts).
   */
  get dataSource(): DataSource {
    return this.ds;
  }

  /** Whether the request's transaction has been opened. */
  get isOpen(): boolean {
    return this.started !== undefined && !this.done;
  }

  /** The request's EntityManager, bound to its transaction. */
  manager(): Promise<EntityManager> {
    if (!this.viewer) return Promise.reject(new UnauthenticatedError());
    if (this.done) return Promise.reject(new Error('the request has finished'));
    return (this.started ??= this.start(this.viewer));
  }

  async query<T = any>(sql: string, params: unknown[] = []): Promise<T> { // eslint-disable-line @typescript-eslint/no-explicit-any
    return (await this.manager()).query(sql, params);
  }

  /** Runs `fn` in a savepoint of the request's transaction. */
  async transaction<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    return (await this.manager()).transaction(fn);
  }

  /** Names the operation for the audit log rows written from now on in this transaction. */
  async setAction(action: string): Promise<void> {
    this.changed = true;
    await this.query(`SELECT set_config('ww.action', $1, true)`, [action]);
  }

  /** Commits (or rolls back) and releases the connection. Throws if the commit fails. */
  async finish(commit: boolean): Promise<void> {
    if (this.done) return;
    this.done = true;
    if (!this.started) return;
    try {
      await this.started;
    } catch {
      // the transaction never opened: start() released what it had
      return;
    }
    const runner = this.runner!;
    try {
      if (runner.isTransactionActive) {
        if (commit) {
          // A statement that failed after a mutation (in a field of its answer, say) aborts the whole
          // transaction, and COMMIT would then quietly roll it back: ask first, and fail loudly.
          if (this.changed) await runner.query('SELECT 1');
          await runner.commitTransaction();
        } else await runner.rollbackTransaction();
      }
    } catch (err) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => {});
      throw err;
    } finally {
      await runner.release();
    }
  }

  private async start(viewer: Viewer): Promise<EntityManager> {
    const runner = this.ds.createQueryRunner();
    try {
      await runner.connect();
      await runner.startTransaction();
      // One round trip: the role (appRoleSql), the scope, and a statement timeout (no request holds
      // the database for long: the embedded one has a single connection).
      await runner.query(
        `SELECT ${appRoleSql(this.switchRole)}
                set_config('ww.district_id', $1, true), set_config('ww.ward_id', $2, true),
                set_config('ww.user_id', $3, true), set_config('ww.username', $4, true), set_config('ww.role', $5, true),
                set_config('statement_timeout', '30s', true)`,
        [String(viewer.districtId), viewer.wardId == null ? '' : String(viewer.wardId), String(viewer.userId), viewer.username, viewer.role],
      );
    } catch (err) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => {});
      await runner.release().catch(() => {});
      throw err;
    }
    // One statement at a time on this connection: the request's resolvers run side by side, and pg
    // (8.x warns, 9 refuses) wants its caller to queue them. TypeORM's own statements (savepoints,
    // commit) go through the same queue.
    const raw = runner.query.bind(runner);
    let tail: Promise<unknown> = Promise.resolve();
    runner.query = ((...args: Parameters<typeof raw>) => {
      const next = tail.then(() => raw(...args));
      tail = next.catch(() => undefined);
      return next;
    }) as typeof runner.query;
    this.runner = runner;
    return runner.manager;
  }
}
