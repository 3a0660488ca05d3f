import { createHash, randomBytes } from 'node:crypto';
import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';
import { CameraStatusEvent } from '../entities/camera-status-event';
import { CameraStatus, Role } from '../entities/enums';
import { HeartbeatToken } from '../entities/heartbeat-token';
import { BadUserInputError, ForbiddenError, NotFoundError, UnauthenticatedError } from '../errors';
import { translateDbError } from './db-errors';
import { unscopedTransaction, type ScopedDb } from './scoped-db';
import { applyScope, scopeSql } from './scope';
import { trimmed } from './text';
import { assertWardInScope } from './ward.service';

/** Limits of heartbeats and tokens, as the database and the HTTP route have them. */
export const HEARTBEAT_LIMITS = {
  /** Camera ids in one heartbeat request. */
  cameraIds: 500,
  label: 120,
  /** Status events per camera on Camera.statusHistory. */
  history: 20,
  /** Tokens per Query.heartbeatTokens. */
  tokens: 500,
} as const;

/** Tokens are 'wwhb_' and 32 random bytes in base64url: 48 characters. */
const TOKEN_PREFIX = 'wwhb_';

/** The SHA-256 of a token: all the database keeps of it. */
export function tokenHash(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** A new token (shown once, to whoever issued it). */
export function newToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

export interface HeartbeatResult {
  accepted: number[];
  rejected: { cameraId: number; reason: 'NOT_ALLOWED' }[];
  /** The status of each accepted camera after the heartbeat (GraphQL enum names: ACTIVE, OFFLINE, ...). */
  statuses: Record<string, string>;
}

const STATUS_NAME: Record<string, string> = Object.fromEntries(Object.entries(CameraStatus).map(([name, value]) => [value, name]));

/**
 * A device's heartbeat: what POST /api/heartbeat does after checking the request. Runs in a
 * transaction of its own as the app role, with no user and no scope: ww_camera_heartbeat (SECURITY
 * DEFINER) checks the token and touches only the cameras it may heartbeat. An unknown or revoked
 * token is UNAUTHENTICATED and writes nothing.
 */
export async function receiveHeartbeat(ds: DataSource, token: string, cameraIds: readonly number[], switchRole = true): Promise<HeartbeatResult> {
  let rows: { camera_id: number; accepted: boolean; status: string | null }[];
  try {
    rows = await unscopedTransaction(
      ds,
      (m) => m.query(`SELECT camera_id, accepted, status FROM ww_camera_heartbeat($1, $2::int[])`, [tokenHash(token), cameraIds]),
      { switchRole, timeout: '30s' },
    );
  } catch (err) {
    if (err instanceof QueryFailedError && (err.driverError as { code?: string }).code === '28000') {
      throw new UnauthenticatedError('Unknown or revoked heartbeat token');
    }
    throw err;
  }
  const result: HeartbeatResult = { accepted: [], rejected: [], statuses: {} };
  for (const r of rows) {
    if (r.accepted) {
      result.accepted.push(r.camera_id);
      result.statuses[String(r.camera_id)] = STATUS_NAME[r.status!] ?? r.status!;
    } else {
      result.rejected.push({ cameraId: r.camera_id, reason: 'NOT_ALLOWED' });
    }
  }
  return result;
}

export interface IssueTokenInput {
  cameraId?: number | null;
  operatorId?: number | null;
  label: string;
}

/** Camera health figures of a ward or of the district. */
export interface HealthFigures {
  cameras: number;
  monitored: number;
  online: number;
  stale: number;
  offline: number;
  maintenance: number;
  lastHeartbeatAt: Date | null;
}

export interface CameraHealthReport {
  asOf: Date;
  timeoutSeconds: number;
  wardId: number | null;
  wards: { wardId: number; figures: HealthFigures }[];
  total: HealthFigures;
}

/** The database's constraints, mapped to the input fields they guard. */
const FIELD_OF_CONSTRAINT: Record<string, string> = {
  heartbeat_token_camera: 'input.cameraId',
  heartbeat_token_camera_id_fkey: 'input.cameraId',
  heartbeat_token_operator: 'input.operatorId',
  heartbeat_token_operator_id_fkey: 'input.operatorId',
  heartbeat_token_target_check: 'input.cameraId',
  heartbeat_token_label_check: 'input.label',
  heartbeat_token_revoked: 'id',
  heartbeat_token_hash_key: 'input',
};

/**
 * Camera health for the API (R10): heartbeat tokens (an ADMIN's, and a ward chair's for their
 * ward's cameras; an operator's token is the ADMIN's alone), the status history of cameras, and
 * the health figures per ward. Over the request's scoped transaction; row-level security holds the
 * same rules (db/migrations/1764835300000-camera-health.ts).
 */
export class HeartbeatService {
  constructor(private readonly db: ScopedDb) {}

  /** The newest status events of each camera (batched per request), newest first. */
  async historyOf(cameraIds: readonly number[]): Promise<CameraStatusEvent[][]> {
    const m = await this.db.manager();
    const { districtId, wardId } = this.db.scope;
    const rows: Record<string, unknown>[] = await m.query(
      `SELECT id::text, camera_id, status, previous_status, reason, username, at FROM (
         SELECT e.*, row_number() OVER (PARTITION BY e.camera_id ORDER BY e.id DESC) AS n
           FROM camera_status_event e
          WHERE e.camera_id = ANY ($1::int[]) AND ${scopeSql('e', '$2', '$3')}
       ) x WHERE x.n <= $4 ORDER BY x.camera_id, x.id DESC`, // (x.id: the number, not the text output of the same name)
      [[...cameraIds], districtId, wardId, HEARTBEAT_LIMITS.history],
    );
    const byCamera = new Map<number, CameraStatusEvent[]>();
    for (const r of rows) {
      const e = Object.assign(new CameraStatusEvent(), {
        id: Number(r.id),
        cameraId: r.camera_id,
        status: r.status,
        previousStatus: r.previous_status,
        reason: r.reason,
        username: r.username,
        at: r.at,
      });
      byCamera.set(e.cameraId, [...(byCamera.get(e.cameraId) ?? []), e]);
    }
    return cameraIds.map((id) => byCamera.get(id) ?? []);
  }

  /** The tokens of a camera, of an operator, or (neither) all the viewer may manage; newest first. */
  async tokens(filter: { cameraId?: number | null; operatorId?: number | null }, first: number): Promise<HeartbeatToken[]> {
    if (!(Number.isInteger(first) && first >= 1 && first <= HEARTBEAT_LIMITS.tokens)) {
      throw new BadUserInputError('first', `must be in [1, ${HEARTBEAT_LIMITS.tokens}] (got ${first})`);
    }
    const m = await this.db.manager();
    if (filter.operatorId != null) this.assertAdmin('operatorId');
    if (filter.cameraId != null) await this.cameraInScope(m, filter.cameraId, 'cameraId');
    const qb = m.getRepository(HeartbeatToken).createQueryBuilder('t');
    applyScope(qb, 't', this.db.scope);
    if (this.db.viewer?.role !== Role.ADMIN) qb.andWhere('t.camera_id IS NOT NULL');
    if (filter.cameraId != null) qb.andWhere('t.camera_id = :camera', { camera: filter.cameraId });
    if (filter.operatorId != null) qb.andWhere('t.operator_id = :operator', { operator: filter.operatorId });
    return qb.orderBy('t.id', 'DESC').take(first).getMany();
  }

  /** Issues a token for a camera in scope, or (ADMIN) for a network operator of the district. */
  async issue(input: IssueTokenInput): Promise<{ token: string; heartbeatToken: HeartbeatToken }> {
    const label = trimmed(input.label, 'input.label', 1);
    if (label.length > HEARTBEAT_LIMITS.label) throw new BadUserInputError('input.label', `must be at most ${HEARTBEAT_LIMITS.label} characters (got ${label.length})`);
    if ((input.cameraId == null) === (input.operatorId == null)) {
      throw new BadUserInputError(input.cameraId == null ? 'input.cameraId' : 'input.operatorId', 'give exactly one of cameraId and operatorId');
    }
    return this.db.transaction(async (m) => {
      if (input.cameraId != null) {
        const camera = await this.cameraInScope(m, input.cameraId, 'input.cameraId');
        if (camera.status === CameraStatus.DECOMMISSIONED) {
          throw new BadUserInputError('input.cameraId', `camera ${camera.id} is decommissioned: it sends no more heartbeats`);
        }
      } else {
        this.assertAdmin('input.operatorId');
        const [op] = await m.query(`SELECT 1 FROM network_operator WHERE id = $1 AND district_id = $2`, [input.operatorId, this.db.scope.districtId]);
        if (!op) throw new NotFoundError('NetworkOperator', input.operatorId!, 'input.operatorId');
      }
      const token = newToken();
      let id: number;
      try {
        const [row]: { id: number }[] = await m.query(
          `INSERT INTO heartbeat_token (camera_id, operator_id, label, token_hash) VALUES ($1, $2, $3, $4) RETURNING id`,
          [input.cameraId ?? null, input.operatorId ?? null, label, tokenHash(token)],
        );
        id = row.id;
      } catch (err) {
        translateDbError(err, FIELD_OF_CONSTRAINT);
      }
      return { token, heartbeatToken: await this.token(m, id, 'id') };
    });
  }

  /** Revokes a token the viewer may manage: its heartbeats are refused from now on, for good. */
  async revoke(id: number): Promise<HeartbeatToken> {
    return this.db.transaction(async (m) => {
      const t = await this.token(m, id, 'id', true);
      if (t.revokedAt) throw new BadUserInputError('id', `heartbeat token ${id} is already revoked`);
      try {
        await m.query(`UPDATE heartbeat_token SET revoked_at = now() WHERE id = $1`, [id]);
      } catch (err) {
        translateDbError(err, FIELD_OF_CONSTRAINT);
      }
      return this.token(m, id, 'id');
    });
  }

  /**
   * Health figures per ward of the viewer's scope (or of one ward in it) and in total: cameras (not
   * decommissioned), monitored (with a heartbeat on record), online (ACTIVE, heard from within half
   * the timeout), stale (ACTIVE, silent for longer: going OFFLINE soon), offline and in maintenance
   * (monitored ones), and the last heartbeat. In SQL, from the cameras themselves. `timeoutSeconds`:
   * the server's heartbeat timeout (config.heartbeatTimeoutSeconds).
   */
  async health(wardId: number | null, timeoutSeconds: number): Promise<CameraHealthReport> {
    const m = await this.db.manager();
    const { districtId, wardId: own } = this.db.scope;
    if (wardId != null) await assertWardInScope(m, this.db.scope, wardId, 'wardId');
    const rows: Record<string, unknown>[] = await m.query(
      `SELECT w.id AS ward_id, now() AS as_of,
              count(c.id)::int AS cameras,
              count(c.last_heartbeat_at)::int AS monitored,
              count(*) FILTER (WHERE c.status = 'active' AND c.last_heartbeat_at >= now() - make_interval(secs => $4::float8 / 2))::int AS online,
              count(*) FILTER (WHERE c.status = 'active' AND c.last_heartbeat_at < now() - make_interval(secs => $4::float8 / 2))::int AS stale,
              count(*) FILTER (WHERE c.status = 'offline' AND c.last_heartbeat_at IS NOT NULL)::int AS offline,
              count(*) FILTER (WHERE c.status = 'maintenance' AND c.last_heartbeat_at IS NOT NULL)::int AS maintenance,
              max(c.last_heartbeat_at) AS last_heartbeat_at
         FROM ward w
         LEFT JOIN camera c ON c.ward_id = w.id AND c.status <> 'decommissioned'
        WHERE ${scopeSql('w', '$1', '$2', 'id')} AND ($3::int IS NULL OR w.id = $3)
        GROUP BY w.id ORDER BY w.code, w.id`,
      [districtId, own, wardId, timeoutSeconds],
    );
    const figures = (r: Record<string, unknown>): HealthFigures => ({
      cameras: Number(r.cameras),
      monitored: Number(r.monitored),
      online: Number(r.online),
      stale: Number(r.stale),
      offline: Number(r.offline),
      maintenance: Number(r.maintenance),
      lastHeartbeatAt: (r.last_heartbeat_at as Date | null) ?? null,
    });
    const wards = rows.map((r) => ({ wardId: Number(r.ward_id), figures: figures(r) }));
    const sum = (k: Exclude<keyof HealthFigures, 'lastHeartbeatAt'>) => wards.reduce((s, w) => s + w.figures[k], 0);
    const last = wards.map((w) => w.figures.lastHeartbeatAt).filter((d): d is Date => d != null);
    return {
      asOf: (rows[0]?.as_of as Date | undefined) ?? new Date(),
      timeoutSeconds,
      wardId,
      wards,
      total: {
        cameras: sum('cameras'),
        monitored: sum('monitored'),
        online: sum('online'),
        stale: sum('stale'),
        offline: sum('offline'),
        maintenance: sum('maintenance'),
        lastHeartbeatAt: last.length ? new Date(Math.max(...last.map((d) => d.getTime()))) : null,
      },
    };
  }

  private assertAdmin(field: string): void {
    if (this.db.viewer?.role !== Role.ADMIN) throw new ForbiddenError(field, "Only an ADMIN manages a network operator's heartbeat tokens");
  }

  private async cameraInScope(m: EntityManager, id: number, field: string): Promise<{ id: number; status: CameraStatus }> {
    const { districtId, wardId } = this.db.scope;
    const [c] = await m.query(`SELECT c.id, c.status FROM camera c WHERE c.id = $1 AND ${scopeSql('c', '$2', '$3')}`, [id, districtId, wardId]);
    if (!c) throw new NotFoundError('Camera', id, field);
    return c;
  }

  /** A token the viewer may manage (another ward's, or an operator's for a non-ADMIN, looks like none). */
  private async token(m: EntityManager, id: number, field: string, lock = false): Promise<HeartbeatToken> {
    const qb = m.getRepository(HeartbeatToken).createQueryBuilder('t')
      .where('t.id = :id', { id });
    applyScope(qb, 't', this.db.scope);
    if (this.db.viewer?.role !== Role.ADMIN) qb.andWhere('t.camera_id IS NOT NULL');
    if (lock) qb.setLock('pessimistic_write');
    const t = await qb.getOne();
    if (!t) throw new NotFoundError('HeartbeatToken', id, field);
    return t;
  }
}
