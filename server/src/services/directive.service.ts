import { Directive } from '../entities/directive';
import { Role } from '../entities/enums';
import { BadUserInputError, ForbiddenError, NotFoundError } from '../errors';
import { translateDbError } from './db-errors';
import type { ScopedDb } from './scoped-db';
import { optionalText } from './text';

export interface DirectiveChanges {
  status?: string | null;
  notes?: string | null;
  deadline?: string | null;
  responsibleUnitId?: number | null;
}

/** Roles that may move a deadline or hand a directive to another unit. */
const PLANNING_ROLES: readonly Role[] = [Role.ADMIN, Role.PLANNER];

/** Deadlines a directive may have: the programme's years, not typing slips. */
const EARLIEST = '2000-01-01';
const LATEST = '2100-12-31';

const FIELD_OF_CONSTRAINT: Record<string, string> = {
  directive_notes_check: 'input.notes',
  directive_status_check: 'input.status',
  responsible_unit_id: 'input.responsibleUnitId',
  directive_responsible_unit_id_fkey: 'input.responsibleUnitId',
};

/** The directives of $1 (the user's district) with their days left and whether they are overdue, R1 ... R10. */
const SELECT = `
  SELECT d.id, d.district_id AS "districtId", d.code, d.title, d.responsible_unit_id AS "responsibleUnitId",
         d.owner_roles AS "ownerRoles", to_char(d.deadline, 'YYYY-MM-DD') AS deadline, d.status, d.notes,
         d.updated_at AS "updatedAt", d.updated_by AS "updatedBy",
         (d.deadline - ww_today()) AS "daysLeft",
         coalesce(d.deadline < ww_today() AND d.status <> 'done', false) AS overdue
    FROM directive d
   WHERE d.district_id = $1`;
const ORDER = `ORDER BY length(d.code), d.code, d.id`;

/** Whether `role` may change directive `d` at all: ADMIN, or a role that owns it. */
export function mayEdit(role: Role | undefined, d: Pick<Directive, 'ownerRoles'>): boolean {
  return role === Role.ADMIN || (role !== undefined && d.ownerRoles.includes(role));
}

export class DirectiveService {
  constructor(private readonly db: ScopedDb) {}

  private async rows(where: string, params: unknown[]): Promise<Directive[]> {
    const rows: Record<string, unknown>[] = await this.db.query(`${SELECT} ${where} ${ORDER}`, [this.db.scope.districtId, ...params]);
    return rows.map((r) => Object.assign(new Directive(), r));
  }

  /** The district's directives, R1 ... R10 (every role sees them all). */
  list(): Promise<Directive[]> {
    return this.rows('', []);
  }

  async get(id: number): Promise<Directive> {
    const [d] = await this.rows('AND d.id = $2', [id]);
    if (!d) throw new NotFoundError('Directive', id);
    return d;
  }

  /**
   * Changes a directive: ADMIN or a role in its ownerRoles (else FORBIDDEN naming `id`); its deadline
   * and responsible unit only ADMIN or PLANNER (FORBIDDEN naming the field). A refused change writes
   * nothing. Runs in the mutation's savepoint, so a failure leaves no row and no audit entry.
   */
  async update(id: number, input: DirectiveChanges): Promise<Directive> {
    const role = this.db.viewer?.role;
    const current = await this.get(id);
    if (!mayEdit(role, current)) {
      throw new ForbiddenError('id', `Directive ${current.code} is changed only by ADMIN and the roles that own it`);
    }
    const sets: string[] = [];
    const params: unknown[] = [];
    const set = (column: string, value: unknown) => {
      params.push(value);
      sets.push(`${column} = $${params.length + 2}`);
    };
    for (const [key, column] of [['deadline', 'deadline'], ['responsibleUnitId', 'responsible_unit_id']] as const) {
      if (input[key] !== undefined && !PLANNING_ROLES.includes(role!)) {
        throw new ForbiddenError(`input.${key}`, `Only ADMIN and PLANNER change a directive's ${key === 'deadline' ? 'deadline' : 'responsible unit'}`);
      }
      if (input[key] !== undefined) set(column, input[key]);
    }
    if (input.deadline != null && (input.deadline < EARLIEST || input.deadline > LATEST)) {
      throw new BadUserInputError('input.deadline', `must be a date from ${EARLIEST} to ${LATEST}`);
    }
    if (input.responsibleUnitId != null) {
      const [unit] = await this.db.query(`SELECT 1 FROM unit u WHERE u.id = $1 AND u.district_id = $2`, [
        input.responsibleUnitId,
        this.db.scope.districtId,
      ]);
      if (!unit) throw new BadUserInputError('input.responsibleUnitId', `unit ${input.responsibleUnitId} is not a unit of the district`);
    }
    if (input.status != null) set('status', input.status);
    if (input.notes !== undefined) set('notes', optionalText(input.notes));
    if (sets.length === 0) return current;
    let updated: unknown[];
    try {
      // (In a CTE, so that the driver answers with the rows, as for a SELECT.)
      updated = await this.db.query(`WITH u AS (UPDATE directive SET ${sets.join(', ')} WHERE id = $1 AND district_id = $2 RETURNING id) SELECT id FROM u`, [
        id,
        this.db.scope.districtId,
        ...params,
      ]);
    } catch (err) {
      translateDbError(err, FIELD_OF_CONSTRAINT);
    }
    // Row-level security (ww_directive_owner) hides the row from an UPDATE by a role that does not own it.
    if (updated.length === 0) throw new ForbiddenError('id', `Directive ${current.code} is changed only by ADMIN and the roles that own it`);
    return this.get(id);
  }
}
