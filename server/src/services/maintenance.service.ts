import { In, type EntityManager } from 'typeorm';
import { Camera } from '../entities';
import { type Role } from '../entities/enums';
import {
  MaintenanceTicket,
  MaintenanceTicketAction,
  MaintenanceTicketEventKind,
  MaintenanceTicketSource,
  MaintenanceTicketState,
} from '../entities/maintenance-ticket';
import { MaintenanceTicketEvent } from '../entities/maintenance-ticket-event';
import { BadUserInputError, NotFoundError } from '../errors';
import { OPERATIONS, allows } from '../policy';
import { translateDbError } from './db-errors';
import { listFingerprint, pageOf, toConnection, type Connection, type PageArgs } from './pagination';
import type { ScopedDb } from './scoped-db';
import { applyScope, scopeSql, scopeWhere } from './scope';
import { optionalText } from './text';
import { assertWardInScope } from './ward.service';

export interface MaintenanceTicketFilter {
  wardId?: number | null;
  states?: MaintenanceTicketState[] | null;
  cameraId?: number | null;
  source?: MaintenanceTicketSource | null;
}

export interface ReportCameraProblem {
  cameraId: number;
  problem: string;
}

export interface AssignMaintenanceTicket {
  assignee: string;
  note?: string | null;
}

export interface StartMaintenanceTicket {
  assignee?: string | null;
  note?: string | null;
}

export interface ResolveMaintenanceTicket {
  resolution: string;
  repairCostVnd?: number | null;
}

/** Limits, as the database has them (db/migrations/1764835400000-maintenance.ts). */
export const MAINTENANCE_LIMITS = {
  problem: { min: 3, max: 2000 },
  assignee: { min: 2, max: 120 },
  resolution: { min: 3, max: 2000 },
  note: 2000,
  repairCostVnd: { min: 0, max: 1_000_000_000 },
  periodDays: { min: 1, max: 3660 },
} as const;

/**
 * The database's constraints and the input fields they guard. The server checks every rule first
 * (with a clearer message); these are the second line, e.g. a transition a concurrent change made
 * illegal, or a second open ticket reported at the same moment.
 */
const FIELD_OF_CONSTRAINT: Record<string, string> = {
  ww_maintenance_ticket_transition: 'id',
  ww_maintenance_ticket_parent: 'input.cameraId',
  ww_maintenance_ticket_camera: 'input.cameraId',
  maintenance_ticket_one_open_idx: 'input.cameraId',
  maintenance_ticket_camera_id_fkey: 'input.cameraId',
  maintenance_ticket_problem_check: 'input.problem',
  maintenance_ticket_assignee_check: 'input.assignee',
  maintenance_ticket_resolution_check: 'input.resolution',
  maintenance_ticket_repair_cost_check: 'input.repairCostVnd',
  maintenance_ticket_assigned: 'id',
  maintenance_ticket_started: 'id',
  maintenance_ticket_resolved: 'id',
  maintenance_ticket_times: 'id',
  maintenance_ticket_event_note_check: 'input.note',
  maintenance_ticket_event_has_note: 'input.note',
  maintenance_ticket_event_assignee_check: 'input.assignee',
};

/** The mutation behind each action: the viewer's role must be allowed it (server/src/policy.ts). */
const MUTATION_OF: Record<MaintenanceTicketAction, string> = {
  [MaintenanceTicketAction.ASSIGN]: 'Mutation.assignMaintenanceTicket',
  [MaintenanceTicketAction.START]: 'Mutation.startMaintenanceTicket',
  [MaintenanceTicketAction.RESOLVE]: 'Mutation.resolveMaintenanceTicket',
  [MaintenanceTicketAction.ADD_NOTE]: 'Mutation.addMaintenanceTicketNote',
};

/** What `role` may do with ticket `t` now: the actions whose mutation the role may use and that would succeed. */
export function allowedMaintenanceActions(t: Pick<MaintenanceTicket, 'state'>, role: Role | undefined): MaintenanceTicketAction[] {
  const possible: MaintenanceTicketAction[] = [];
  switch (t.state) {
    case MaintenanceTicketState.REPORTED:
    case MaintenanceTicketState.ASSIGNED:
      possible.push(MaintenanceTicketAction.ASSIGN, MaintenanceTicketAction.START, MaintenanceTicketAction.ADD_NOTE);
      break;
    case MaintenanceTicketState.IN_PROGRESS:
      possible.push(MaintenanceTicketAction.ASSIGN, MaintenanceTicketAction.RESOLVE, MaintenanceTicketAction.ADD_NOTE);
      break;
    default:
      break; // RESOLVED is final
  }
  return possible.filter((a) => allows(OPERATIONS[MUTATION_OF[a]], role));
}

/** Hours (fractional) from `from` to `to`. */
function hoursBetween(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / 3_600_000;
}

/** Hours a ticket has been open (to now), or took to repair (to its resolution). */
export function ticketHours(t: Pick<MaintenanceTicket, 'reportedAt' | 'resolvedAt'>, now = new Date()): number {
  return hoursBetween(t.reportedAt, t.resolvedAt ?? now);
}

/** Required text: trimmed, `min` to `max` characters (else BAD_USER_INPUT naming `field`). */
function requiredText(value: string | null | undefined, field: string, { min, max }: { min: number; max: number }): string {
  const t = value?.trim() ?? '';
  if (t.length < min || t.length > max) throw new BadUserInputError(field, `must have ${min} to ${max} characters besides spaces (got ${t.length})`);
  return t;
}

interface StatsRow {
  wardId: number | null;
  openTickets: number;
  inProgressTickets: number;
  resolvedTickets: number;
  meanTimeToRepairHours: number | null;
  medianTimeToRepairHours: number | null;
  oldestOpenReportedAt: Date | null;
  oldestOpenAgeHours: number | null;
  repairCostVnd: number;
}

export interface MaintenanceStatsResult {
  asOf: string;
  periodDays: number | null;
  wards: StatsRow[];
  total: StatsRow;
}

/**
 * Maintenance tickets (R10) and their state machine:
 *
 *   REPORTED --assign--> ASSIGNED --start--> IN_PROGRESS --resolve--> RESOLVED
 *   REPORTED --start (naming the assignee)--> IN_PROGRESS
 *   ASSIGNED or IN_PROGRESS --assign--> the same state with another assignee
 *
 * RESOLVED is final. Each step locks the ticket row, checks the rule (BAD_USER_INPUT naming the field
 * otherwise, nothing written), updates the ticket and writes exactly one timeline entry. The
 * database's ww_maintenance_ticket_transition trigger holds the same rules as a second line, sets the
 * times, and moves the camera: IN_PROGRESS -> MAINTENANCE, RESOLVED -> ACTIVE (status reason
 * 'maintenance').
 */
export class MaintenanceService {
  constructor(private readonly db: ScopedDb) {}

  /** One ticket in the user's scope; NOT_FOUND otherwise (another ward's looks like none). */
  async get(id: number, m?: EntityManager): Promise<MaintenanceTicket> {
    const found = await (m ?? (await this.db.manager())).getRepository(MaintenanceTicket).findOneBy({ ...scopeWhere(this.db), id });
    if (!found) throw new NotFoundError('MaintenanceTicket', id);
    return found;
  }

  /** Tickets matching a filter, newest first. */
  async list(filter: MaintenanceTicketFilter | null | undefined, page: PageArgs): Promise<Connection<MaintenanceTicket>> {
    const m = await this.db.manager();
    const qb = m.getRepository(MaintenanceTicket).createQueryBuilder('t');
    applyScope(qb, 't', this.db.scope);
    if (filter?.wardId != null) {
      await assertWardInScope(m, this.db.scope, filter.wardId, 'filter.wardId');
      qb.andWhere('t.ward_id = :wardId', { wardId: filter.wardId });
    }
    if (filter?.states?.length) qb.andWhere('t.state IN (:...states)', { states: filter.states });
    if (filter?.cameraId != null) qb.andWhere('t.camera_id = :cameraId', { cameraId: filter.cameraId });
    if (filter?.source != null) qb.andWhere('t.source = :source', { source: filter.source });
    const list = listFingerprint({ maintenanceTickets: filter ?? null, order: 'id desc' });
    const { limit, after } = pageOf(page, list);
    const totalCount = await qb.clone().getCount();
    qb.orderBy('t.id', 'DESC');
    if (after) qb.andWhere('t.id < :afterId', { afterId: after.id });
    const rows = await qb.limit(limit + 1).getMany();
    return toConnection(rows.map((node) => ({ node, sort: null })), limit, totalCount, list, after !== null);
  }

  /** The timeline of each ticket, oldest first (batched per request). */
  async eventsOf(ticketIds: readonly number[]): Promise<MaintenanceTicketEvent[][]> {
    const rows = await (await this.db.manager()).getRepository(MaintenanceTicketEvent).find({
      where: { ...scopeWhere(this.db), maintenanceTicketId: In([...ticketIds]) },
      order: { at: 'ASC', id: 'ASC' },
    });
    return ticketIds.map((id) => rows.filter((e) => e.maintenanceTicketId === id));
  }

  /** The tickets' cameras (batched per request; a ticket's camera is in its ward, so in scope). */
  async camerasOf(cameraIds: readonly number[]): Promise<(Camera | undefined)[]> {
    const rows = await (await this.db.manager()).getRepository(Camera).findBy({ ...scopeWhere(this.db), id: In([...cameraIds]) });
    return cameraIds.map((id) => rows.find((c) => c.id === id));
  }

  /**
   * A problem with a camera in scope (another ward's: NOT_FOUND) that is not decommissioned and has no
   * unresolved ticket: a new REPORTED ticket.
   */
  async report(input: ReportCameraProblem): Promise<MaintenanceTicket> {
    const problem = requiredText(input.problem, 'input.problem', MAINTENANCE_LIMITS.problem);
    return this.db.transaction(async (m) => {
      const [camera]: { id: number; status: string; open: number | null }[] = await m.query(
        `SELECT c.id, c.status,
                (SELECT t.id FROM maintenance_ticket t WHERE t.camera_id = c.id AND t.state <> 'resolved' LIMIT 1) AS open
           FROM camera c WHERE c.id = $1 AND ${scopeSql('c', '$2', '$3')}`,
        [input.cameraId, this.db.scope.districtId, this.db.scope.wardId],
      );
      if (!camera) throw new NotFoundError('Camera', input.cameraId, 'input.cameraId');
      if (camera.status === 'decommissioned') {
        throw new BadUserInputError('input.cameraId', `camera ${camera.id} is decommissioned: there is nothing to repair`);
      }
      if (camera.open != null) {
        throw new BadUserInputError('input.cameraId', `camera ${camera.id} already has an unresolved maintenance ticket (${camera.open})`, {
          maintenanceTicketId: camera.open,
        });
      }
      let id: number;
      try {
        const [row]: { id: number }[] = await m.query(`INSERT INTO maintenance_ticket (camera_id, problem) VALUES ($1, $2) RETURNING id`, [
          camera.id,
          problem,
        ]);
        id = row.id;
        await this.writeEvent(m, id, MaintenanceTicketEventKind.REPORTED, null, null);
      } catch (err) {
        translateDbError(err, FIELD_OF_CONSTRAINT);
      }
      return this.get(id, m);
    });
  }

  /** REPORTED -> ASSIGNED; on an ASSIGNED or IN_PROGRESS ticket, another assignee (the state stays). */
  assign(id: number, input: AssignMaintenanceTicket): Promise<MaintenanceTicket> {
    const assignee = requiredText(input.assignee, 'input.assignee', MAINTENANCE_LIMITS.assignee);
    const note = optionalText(input.note, 'input.note', MAINTENANCE_LIMITS.note);
    return this.transition(id, async (m, t) => {
      if (t.assignee === assignee) throw new BadUserInputError('input.assignee', `maintenance ticket ${id} is already assigned to ${assignee}`);
      await m.query(
        `UPDATE maintenance_ticket SET assignee = $2, state = CASE WHEN state = 'reported' THEN 'assigned' ELSE state END WHERE id = $1`,
        [id, assignee],
      );
      await this.writeEvent(m, id, MaintenanceTicketEventKind.ASSIGNED, note, assignee);
    });
  }

  /**
   * REPORTED or ASSIGNED -> IN_PROGRESS: work starts, the camera goes to MAINTENANCE. A REPORTED
   * ticket needs the assignee named here; an ASSIGNED one may name another.
   */
  start(id: number, input: StartMaintenanceTicket | null | undefined): Promise<MaintenanceTicket> {
    const named = input?.assignee == null ? null : requiredText(input.assignee, 'input.assignee', MAINTENANCE_LIMITS.assignee);
    const note = optionalText(input?.note, 'input.note', MAINTENANCE_LIMITS.note);
    return this.transition(id, async (m, t) => {
      if (t.state === MaintenanceTicketState.IN_PROGRESS) throw new BadUserInputError('id', `work on maintenance ticket ${id} has already started`);
      const assignee = named ?? t.assignee;
      if (assignee == null) {
        throw new BadUserInputError('input.assignee', `maintenance ticket ${id} is not assigned: name who does the work`);
      }
      await m.query(`UPDATE maintenance_ticket SET state = 'in_progress', assignee = $2 WHERE id = $1`, [id, assignee]);
      await this.writeEvent(m, id, MaintenanceTicketEventKind.STARTED, note, assignee);
    });
  }

  /** IN_PROGRESS -> RESOLVED: what was done (and what it cost); the camera is ACTIVE again unless decommissioned. */
  resolve(id: number, input: ResolveMaintenanceTicket): Promise<MaintenanceTicket> {
    const resolution = requiredText(input.resolution, 'input.resolution', MAINTENANCE_LIMITS.resolution);
    const cost = input.repairCostVnd ?? null;
    const { min, max } = MAINTENANCE_LIMITS.repairCostVnd;
    if (cost != null && (!Number.isInteger(cost) || cost < min || cost > max)) {
      throw new BadUserInputError('input.repairCostVnd', `must be a whole number of VND in [${min}, ${max}] (got ${cost})`);
    }
    return this.transition(id, async (m, t) => {
      if (t.state !== MaintenanceTicketState.IN_PROGRESS) {
        throw new BadUserInputError('id', `maintenance ticket ${id} is ${t.state}: start the work before resolving it`);
      }
      await m.query(`UPDATE maintenance_ticket SET state = 'resolved', resolution = $2, repair_cost_vnd = $3 WHERE id = $1`, [id, resolution, cost]);
      await this.writeEvent(m, id, MaintenanceTicketEventKind.RESOLVED, resolution, null);
    });
  }

  /** A note on the timeline of an open ticket. */
  addNote(id: number, note: string): Promise<MaintenanceTicket> {
    const text = requiredText(note, 'note', { min: 1, max: MAINTENANCE_LIMITS.note });
    return this.transition(id, (m) => this.writeEvent(m, id, MaintenanceTicketEventKind.NOTE, text, null));
  }

  /**
   * Open tickets, resolutions and times to repair per ward in scope and in total (R10), from the
   * tickets, in SQL. The period (local days, today included) bounds the resolutions counted; open
   * tickets are those open now.
   */
  async stats(wardId: number | null | undefined, periodDays: number | null | undefined): Promise<MaintenanceStatsResult> {
    const { min, max } = MAINTENANCE_LIMITS.periodDays;
    if (periodDays != null && (!Number.isInteger(periodDays) || periodDays < min || periodDays > max)) {
      throw new BadUserInputError('periodDays', `must be a whole number of days in [${min}, ${max}] (got ${periodDays})`);
    }
    if (wardId != null) await assertWardInScope(this.db, this.db.scope, wardId);
    const rows: (StatsRow & { total: boolean; asOf: string })[] = await this.db.query(
      `WITH t AS (
         SELECT m.ward_id, m.state, m.reported_at, m.repair_cost_vnd,
                m.state = 'resolved' AND ($4::int IS NULL OR (m.resolved_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date > ww_today() - $4::int) AS counted,
                (extract(epoch FROM m.resolved_at - m.reported_at) / 3600.0)::float8 AS hours
           FROM maintenance_ticket m
          WHERE ${scopeSql('m', '$1', '$2')} AND ($3::int IS NULL OR m.ward_id = $3)
       )
       SELECT w.id AS "wardId", grouping(w.id) = 1 AS total, ww_today()::text AS "asOf",
              count(t.ward_id) FILTER (WHERE t.state <> 'resolved')::int AS "openTickets",
              count(t.ward_id) FILTER (WHERE t.state = 'in_progress')::int AS "inProgressTickets",
              count(t.ward_id) FILTER (WHERE t.counted)::int AS "resolvedTickets",
              (avg(t.hours) FILTER (WHERE t.counted))::float8 AS "meanTimeToRepairHours",
              (percentile_cont(0.5) WITHIN GROUP (ORDER BY t.hours) FILTER (WHERE t.counted))::float8 AS "medianTimeToRepairHours",
              min(t.reported_at) FILTER (WHERE t.state <> 'resolved') AS "oldestOpenReportedAt",
              (extract(epoch FROM now() - min(t.reported_at) FILTER (WHERE t.state <> 'resolved')) / 3600.0)::float8 AS "oldestOpenAgeHours",
              coalesce(sum(t.repair_cost_vnd) FILTER (WHERE t.counted), 0)::float8 AS "repairCostVnd"
         FROM ward w
         LEFT JOIN t ON t.ward_id = w.id
        WHERE ${scopeSql('w', '$1', '$2', 'id')} AND ($3::int IS NULL OR w.id = $3)
        GROUP BY GROUPING SETS ((w.id), ())
        ORDER BY grouping(w.id), w.id`,
      [this.db.scope.districtId, this.db.scope.wardId, wardId ?? null, periodDays ?? null],
    );
    const strip = ({ total: _t, asOf: _a, ...r }: StatsRow & { total: boolean; asOf: string }): StatsRow => r;
    const total = rows.find((r) => r.total)!;
    return { asOf: total.asOf, periodDays: periodDays ?? null, wards: rows.filter((r) => !r.total).map(strip), total: { ...strip(total), wardId: null } };
  }

  /** Rows of the CSV export: the tickets in scope (optionally of one ward, one state), with their camera. */
  async csvRows(wardId: number | null, stateName: string | null): Promise<Record<string, unknown>[]> {
    const state = stateName === null ? null : stateName.toLowerCase();
    if (state !== null && !(Object.values(MaintenanceTicketState) as string[]).includes(state)) {
      throw new BadUserInputError('state', 'must be REPORTED, ASSIGNED, IN_PROGRESS or RESOLVED');
    }
    const { districtId, wardId: scopeWard } = this.db.scope;
    if (wardId != null) await assertWardInScope(this.db, this.db.scope, wardId);
    return this.db.query(
      `SELECT t.id, w.name AS ward, t.camera_id AS "cameraId", c.label AS "cameraLabel", c.status AS "cameraStatus", t.state, t.source,
              t.problem, t.reported_at AS "reportedAt", t.reported_by AS "reportedBy", t.assignee, t.assigned_at AS "assignedAt",
              t.started_at AS "startedAt", t.resolved_at AS "resolvedAt", t.resolution, t.repair_cost_vnd::float8 AS "repairCostVnd",
              round((extract(epoch FROM t.resolved_at - t.reported_at) / 3600.0)::numeric, 2)::float8 AS "timeToRepairHours"
         FROM maintenance_ticket t
         JOIN camera c ON c.id = t.camera_id
         JOIN ward w ON w.id = t.ward_id
        WHERE ${scopeSql('t', '$1', '$2')} AND ($3::int IS NULL OR t.ward_id = $3) AND ($4::text IS NULL OR t.state = $4)
        ORDER BY t.id`,
      [districtId, scopeWard, wardId, state],
    );
  }

  /** The CSV columns of /export/maintenance-tickets.csv, in order. */
  readonly csvColumns: string[] = [
    'id', 'ward', 'cameraId', 'cameraLabel', 'cameraStatus', 'state', 'source', 'problem', 'reportedAt', 'reportedBy', 'assignee',
    'assignedAt', 'startedAt', 'resolvedAt', 'resolution', 'repairCostVnd', 'timeToRepairHours',
  ];

  /** Runs a change of an unresolved ticket with its row locked; answers the ticket as it then is. */
  private transition(id: number, change: (m: EntityManager, t: MaintenanceTicket) => Promise<void>): Promise<MaintenanceTicket> {
    return this.db.transaction(async (m) => {
      const t = await m.getRepository(MaintenanceTicket).findOne({ where: { ...scopeWhere(this.db), id }, lock: { mode: 'pessimistic_write' } });
      if (!t) throw new NotFoundError('MaintenanceTicket', id);
      if (t.state === MaintenanceTicketState.RESOLVED) {
        throw new BadUserInputError('id', `maintenance ticket ${id} is resolved: a resolved ticket cannot change`);
      }
      try {
        await change(m, t);
      } catch (err) {
        translateDbError(err, FIELD_OF_CONSTRAINT);
      }
      return this.get(id, m);
    });
  }

  private async writeEvent(m: EntityManager, ticketId: number, kind: MaintenanceTicketEventKind, note: string | null, assignee: string | null): Promise<void> {
    await m.getRepository(MaintenanceTicketEvent).insert({ maintenanceTicketId: ticketId, kind, note, assignee });
  }
}
