import { In, type EntityManager } from 'typeorm';
import { PenaltyCase, PenaltyCaseEvent, RentalHouse, RentalHouseEvent } from '../entities';
import {
  ComplianceStatus,
  PenaltyCaseAction,
  PenaltyCaseEventKind,
  PenaltyCaseState,
  PenaltyCloseReason,
  PenaltyDecision,
  RentalHouseEventReason,
  type Role,
} from '../entities/enums';
import { BadUserInputError, NotFoundError } from '../errors';
import { OPERATIONS, allows } from '../policy';
import { translateDbError } from './db-errors';
import { paginate, type Connection, type PageArgs } from './pagination';
import type { ScopedDb } from './scoped-db';
import { applyScope, scopeSql, scopeWhere } from './scope';
import { assertWardInScope } from './ward.service';
import { optionalText } from './text';

export interface PenaltyCaseFilter {
  wardId?: number | null;
  states?: PenaltyCaseState[] | null;
  rentalHouseId?: number | null;
}

export interface OpenPenaltyCase {
  rentalHouseId: number;
  note?: string | null;
  fileReference?: string | null;
}

export interface PenaltyDecisionInput {
  decision: PenaltyDecision;
  fineAmountVnd?: number | null;
  legalBasis: string;
  note?: string | null;
}

export interface PenaltyCaseEvidence {
  note?: string | null;
  fileReference?: string | null;
}

/** Limits, as the database has them (db/migrations/1764748800000-compliance.ts). */
export const PENALTY_LIMITS = {
  note: 4000,
  fileReference: 500,
  legalBasis: { min: 3, max: 1000 },
  fineAmountVnd: { min: 1, max: 1_000_000_000 },
} as const;

/**
 * Maps the database's constraints to the input fields they guard. The server checks every rule
 * first (with a clearer message); these are the second line, e.g. ww_penalty_case_transition for a
 * transition that a concurrent change made illegal.
 */
const FIELD_OF_CONSTRAINT: Record<string, string> = {
  ww_penalty_case_transition: 'id',
  ww_penalty_case_parent: 'input.rentalHouseId',
  penalty_case_one_open_idx: 'input.rentalHouseId', // a second unclosed case for the house (a concurrent opening)
  penalty_case_rental_house_id_fkey: 'input.rentalHouseId',
  penalty_case_fine_amount: 'input.fineAmountVnd',
  penalty_case_fine_amount_vnd_check: 'input.fineAmountVnd',
  penalty_case_legal_basis_check: 'input.legalBasis',
  penalty_case_decision: 'input.decision',
  penalty_case_decided: 'input.decision',
  penalty_case_paid: 'id',
  penalty_case_closed: 'id',
  penalty_case_event_note_check: 'note',
  penalty_case_event_file_reference_check: 'input.fileReference',
};

/** The mutation behind each action: the viewer's role must be allowed it (server/src/policy.ts). */
const MUTATION_OF: Record<PenaltyCaseAction, string> = {
  [PenaltyCaseAction.REFER]: 'Mutation.referPenaltyCase',
  [PenaltyCaseAction.DECIDE]: 'Mutation.decidePenaltyCase',
  [PenaltyCaseAction.RECORD_PAYMENT]: 'Mutation.recordFinePayment',
  [PenaltyCaseAction.CLOSE]: 'Mutation.closePenaltyCase',
  [PenaltyCaseAction.ADD_EVIDENCE]: 'Mutation.addPenaltyCaseEvidence',
};

/**
 * How a case may be closed now: CAMERA_VERIFIED when its house's camera has been verified, else
 * FINE_PAID when the fine is paid, else not at all (null).
 */
export function closeReasonOf(c: PenaltyCase, houseStatus: ComplianceStatus | null | undefined): PenaltyCloseReason | null {
  if (houseStatus === ComplianceStatus.CAMERA_VERIFIED) return PenaltyCloseReason.CAMERA_VERIFIED;
  if (c.finePaidAt != null) return PenaltyCloseReason.FINE_PAID;
  return null;
}

/**
 * What `role` may do with case `c` now, given its house's status: only the actions whose mutation
 * the role may use and that would succeed (the same rules the transitions check).
 */
export function allowedActionsOf(c: PenaltyCase, houseStatus: ComplianceStatus | null | undefined, role: Role | undefined): PenaltyCaseAction[] {
  if (c.state === PenaltyCaseState.CLOSED) return [];
  const possible: PenaltyCaseAction[] = [];
  if (c.state === PenaltyCaseState.OPEN) possible.push(PenaltyCaseAction.REFER);
  if (c.state === PenaltyCaseState.REFERRED) possible.push(PenaltyCaseAction.DECIDE);
  if (c.state === PenaltyCaseState.DECIDED && c.decision === PenaltyDecision.FINE && c.finePaidAt == null) {
    possible.push(PenaltyCaseAction.RECORD_PAYMENT);
  }
  if (closeReasonOf(c, houseStatus)) possible.push(PenaltyCaseAction.CLOSE);
  possible.push(PenaltyCaseAction.ADD_EVIDENCE);
  return possible.filter((a) => allows(OPERATIONS[MUTATION_OF[a]], role));
}

/**
 * Penalty cases (R7) and their state machine:
 *
 *   OPEN --refer--> REFERRED --decide--> DECIDED (--recordFinePayment, a FINE only)
 *   OPEN, REFERRED or DECIDED --close--> CLOSED, when the house's camera is verified or the fine is paid.
 *
 * CLOSED is final. Each transition locks the case row, checks the rule (BAD_USER_INPUT naming the
 * field otherwise, nothing written), updates the case and writes exactly one timeline event. The
 * database's ww_penalty_case_transition trigger holds the same rules as a second line.
 */
export class PenaltyCaseService {
  constructor(private readonly db: ScopedDb) {}

  /** One case in the user's scope; NOT_FOUND otherwise (another ward's looks like none). */
  async get(id: number, m?: EntityManager): Promise<PenaltyCase> {
    const found = await (m ?? (await this.db.manager())).getRepository(PenaltyCase).findOneBy({ ...scopeWhere(this.db), id });
    if (!found) throw new NotFoundError('PenaltyCase', id);
    return found;
  }

  async list(filter: PenaltyCaseFilter | null | undefined, page: PageArgs): Promise<Connection<PenaltyCase>> {
    const m = await this.db.manager();
    const qb = m.getRepository(PenaltyCase).createQueryBuilder('p');
    applyScope(qb, 'p', this.db.scope);
    if (filter?.wardId != null) {
      await assertWardInScope(m, this.db.scope, filter.wardId, 'filter.wardId');
      qb.andWhere('p.ward_id = :wardId', { wardId: filter.wardId });
    }
    if (filter?.states?.length) qb.andWhere('p.state IN (:...states)', { states: filter.states });
    if (filter?.rentalHouseId != null) qb.andWhere('p.rental_house_id = :houseId', { houseId: filter.rentalHouseId });
    return paginate(qb, 'p', null, page, { penaltyCases: filter ?? null });
  }

  /** The cases of each rental house, oldest first (batched per request). */
  async ofRentalHouses(houseIds: readonly number[]): Promise<PenaltyCase[][]> {
    const rows = await (await this.db.manager()).getRepository(PenaltyCase).find({
      where: { ...scopeWhere(this.db), rentalHouseId: In([...houseIds]) },
      order: { openedAt: 'ASC', id: 'ASC' },
    });
    return houseIds.map((id) => rows.filter((c) => c.rentalHouseId === id));
  }

  /** The timeline of each case, oldest first (batched per request). */
  async eventsOf(caseIds: readonly number[]): Promise<PenaltyCaseEvent[][]> {
    const rows = await (await this.db.manager()).getRepository(PenaltyCaseEvent).find({
      where: { ...scopeWhere(this.db), penaltyCaseId: In([...caseIds]) },
      order: { at: 'ASC', id: 'ASC' },
    });
    return caseIds.map((id) => rows.filter((e) => e.penaltyCaseId === id));
  }

  /**
   * Opens a case against a house in scope (another ward's: NOT_FOUND) that has no active camera and
   * no unclosed case. The house becomes NON_COMPLIANT (reason CASE_OPENED).
   */
  async open(input: OpenPenaltyCase): Promise<PenaltyCase> {
    const note = optionalText(input.note, 'input.note', PENALTY_LIMITS.note);
    const fileReference = optionalText(input.fileReference, 'input.fileReference', PENALTY_LIMITS.fileReference);
    return this.db.transaction(async (m) => {
      // The house's row lock orders this against another opening and against its cameras' changes.
      const house = await m.getRepository(RentalHouse).findOne({
        where: { ...scopeWhere(this.db), id: input.rentalHouseId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!house) throw new NotFoundError('RentalHouse', input.rentalHouseId, 'input.rentalHouseId');
      const [state]: { has: boolean; open: number | null }[] = await m.query(
        `SELECT ww_has_active_camera($1) AS has,
                (SELECT p.id FROM penalty_case p WHERE p.rental_house_id = $1 AND p.state <> 'closed' LIMIT 1) AS open`,
        [house.id],
      );
      if (state.has) {
        throw new BadUserInputError('input.rentalHouseId', `rental house ${house.id} has an active camera: there is nothing to penalise`);
      }
      if (state.open != null) {
        throw new BadUserInputError('input.rentalHouseId', `rental house ${house.id} already has an unclosed penalty case (${state.open})`, {
          penaltyCaseId: state.open,
        });
      }
      let id: number;
      try {
        const [row]: { id: number }[] = await m.query(`INSERT INTO penalty_case (rental_house_id) VALUES ($1) RETURNING id`, [house.id]);
        id = row.id;
        await this.writeEvent(m, id, PenaltyCaseEventKind.OPENED, note, fileReference);
        await m.getRepository(RentalHouseEvent).insert({
          rentalHouseId: house.id,
          status: ComplianceStatus.NON_COMPLIANT,
          reason: RentalHouseEventReason.CASE_OPENED,
          cameraId: null,
          note: `penalty case ${id}`,
        });
      } catch (err) {
        translateDbError(err, FIELD_OF_CONSTRAINT);
      }
      return this.get(id, m);
    });
  }

  /** OPEN -> REFERRED: the ward refers the case to the Justice division. */
  refer(id: number, note: string | null | undefined): Promise<PenaltyCase> {
    const text = optionalText(note, 'note', PENALTY_LIMITS.note);
    return this.transition(id, async (m, c) => {
      if (c.state !== PenaltyCaseState.OPEN) {
        throw new BadUserInputError('id', `penalty case ${id} is ${c.state}: only an open case can be referred`);
      }
      await this.update(m, id, `state = 'referred', referred_at = now()`, []);
      await this.writeEvent(m, id, PenaltyCaseEventKind.REFERRED, text, null);
    });
  }

  /** REFERRED -> DECIDED: a WARNING, or a FINE with its amount; both with their legal basis. */
  decide(id: number, input: PenaltyDecisionInput): Promise<PenaltyCase> {
    const legalBasis = input.legalBasis?.trim() ?? '';
    const { min, max } = PENALTY_LIMITS.legalBasis;
    if (legalBasis.length < min || legalBasis.length > max) {
      throw new BadUserInputError('input.legalBasis', `must have ${min} to ${max} characters besides spaces`);
    }
    const fine = input.fineAmountVnd ?? null;
    if (input.decision === PenaltyDecision.FINE) {
      const limits = PENALTY_LIMITS.fineAmountVnd;
      if (fine == null) throw new BadUserInputError('input.fineAmountVnd', 'a FINE needs its amount in VND');
      if (!Number.isInteger(fine) || fine < limits.min || fine > limits.max) {
        throw new BadUserInputError('input.fineAmountVnd', `must be a whole number of VND in [${limits.min}, ${limits.max}] (got ${fine})`);
      }
    } else if (fine != null) {
      throw new BadUserInputError('input.fineAmountVnd', 'a WARNING has no fine: leave the amount out');
    }
    const note = optionalText(input.note, 'input.note', PENALTY_LIMITS.note);
    return this.transition(id, async (m, c) => {
      if (c.state !== PenaltyCaseState.REFERRED) {
        const hint = c.state === PenaltyCaseState.OPEN ? ': refer it to the Justice division first' : ' already';
        throw new BadUserInputError('id', `penalty case ${id} is ${c.state}${hint}; only a referred case can be decided`);
      }
      await this.update(m, id, `state = 'decided', decision = $2, fine_amount_vnd = $3, legal_basis = $4, decided_at = now()`, [
        input.decision,
        fine,
        legalBasis,
      ]);
      await this.writeEvent(m, id, PenaltyCaseEventKind.DECIDED, note, null);
    });
  }

  /** A decided FINE, paid (the case stays DECIDED until it is closed, reason FINE_PAID). */
  recordPayment(id: number, note: string | null | undefined): Promise<PenaltyCase> {
    const text = optionalText(note, 'note', PENALTY_LIMITS.note);
    return this.transition(id, async (m, c) => {
      if (c.state !== PenaltyCaseState.DECIDED) {
        throw new BadUserInputError('id', `penalty case ${id} is ${c.state}: only a decided fine can be paid`);
      }
      if (c.decision !== PenaltyDecision.FINE) {
        throw new BadUserInputError('id', `penalty case ${id} was decided with a warning: there is no fine to pay`);
      }
      if (c.finePaidAt != null) throw new BadUserInputError('id', `the fine of penalty case ${id} is already paid`);
      await this.update(m, id, `fine_paid_at = now()`, []);
      await this.writeEvent(m, id, PenaltyCaseEventKind.FINE_PAID, text, null);
    });
  }

  /** OPEN, REFERRED or DECIDED -> CLOSED: the house's camera is verified (CAMERA_VERIFIED) or the fine is paid (FINE_PAID). */
  close(id: number, note: string | null | undefined): Promise<PenaltyCase> {
    const text = optionalText(note, 'note', PENALTY_LIMITS.note);
    return this.transition(id, async (m, c) => {
      const [house]: { status: ComplianceStatus }[] = await m.query(
        `SELECT h.compliance_status AS status FROM rental_house h WHERE h.id = $1 FOR SHARE`,
        [c.rentalHouseId],
      );
      const reason = closeReasonOf(c, house?.status);
      if (!reason) {
        throw new BadUserInputError(
          'id',
          `penalty case ${id} cannot be closed yet: rental house ${c.rentalHouseId} has no verified camera and no fine has been paid`,
        );
      }
      await this.update(m, id, `state = 'closed', close_reason = $2, closed_at = now()`, [reason]);
      await this.writeEvent(m, id, PenaltyCaseEventKind.CLOSED, text, null);
    });
  }

  /** A note, or evidence (a file reference, with or without a note), on the timeline of an unclosed case. */
  addEvidence(id: number, input: PenaltyCaseEvidence): Promise<PenaltyCase> {
    const note = optionalText(input.note, 'input.note', PENALTY_LIMITS.note);
    const fileReference = optionalText(input.fileReference, 'input.fileReference', PENALTY_LIMITS.fileReference);
    if (!note && !fileReference) throw new BadUserInputError('input.note', 'give a note, a file reference, or both');
    return this.transition(id, async (m) => {
      await this.writeEvent(m, id, fileReference ? PenaltyCaseEventKind.EVIDENCE : PenaltyCaseEventKind.NOTE, note, fileReference);
    });
  }

  /** Rows of the CSV export: the cases in scope (optionally of one ward), with their house. */
  async csvRows(wardId: number | null): Promise<Record<string, unknown>[]> {
    const { districtId, wardId: scopeWard } = this.db.scope;
    if (wardId != null) await assertWardInScope(this.db, this.db.scope, wardId);
    return this.db.query(
      `SELECT p.id, w.name AS ward, p.rental_house_id AS "rentalHouseId", h.address, h.owner_name AS "ownerName",
              h.owner_phone AS "ownerPhone", h.compliance_status AS "complianceStatus", p.state, p.decision,
              p.fine_amount_vnd::float8 AS "fineAmountVnd", p.legal_basis AS "legalBasis", p.opened_at AS "openedAt",
              p.referred_at AS "referredAt", p.decided_at AS "decidedAt", p.fine_paid_at AS "finePaidAt",
              p.closed_at AS "closedAt", p.close_reason AS "closeReason"
         FROM penalty_case p
         JOIN rental_house h ON h.id = p.rental_house_id
         JOIN ward w ON w.id = p.ward_id
        WHERE ${scopeSql('p', '$1', '$2')} AND ($3::int IS NULL OR p.ward_id = $3)
        ORDER BY p.id`,
      [districtId, scopeWard, wardId],
    );
  }

  /** Runs a change of an unclosed case with its row locked; answers the case as it then is. */
  private transition(id: number, change: (m: EntityManager, c: PenaltyCase) => Promise<void>): Promise<PenaltyCase> {
    return this.db.transaction(async (m) => {
      const c = await m.getRepository(PenaltyCase).findOne({ where: { ...scopeWhere(this.db), id }, lock: { mode: 'pessimistic_write' } });
      if (!c) throw new NotFoundError('PenaltyCase', id);
      if (c.state === PenaltyCaseState.CLOSED) {
        throw new BadUserInputError('id', `penalty case ${id} is closed (${c.closeReason}): a closed case cannot change`);
      }
      try {
        await change(m, c);
      } catch (err) {
        translateDbError(err, FIELD_OF_CONSTRAINT);
      }
      return this.get(id, m);
    });
  }

  /** `SET` clause for case `id`; its parameters follow the id ($2, $3, ...). */
  private async update(m: EntityManager, id: number, set: string, params: unknown[]): Promise<void> {
    await m.query(`UPDATE penalty_case SET ${set} WHERE id = $1`, [id, ...params]);
  }

  private async writeEvent(m: EntityManager, caseId: number, kind: PenaltyCaseEventKind, note: string | null, fileReference: string | null): Promise<void> {
    await m.getRepository(PenaltyCaseEvent).insert({ penaltyCaseId: caseId, kind, note, fileReference });
  }
}
