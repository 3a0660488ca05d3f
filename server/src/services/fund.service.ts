import { In, type EntityManager } from 'typeorm';
import { Fund, FundSpending, FundTarget } from '../entities/fund';
import { MaintenanceTicket } from '../entities/maintenance-ticket';
import { BadUserInputError, ForbiddenError, NotFoundError } from '../errors';
import type { FundReport, FundReportRow } from '../resolvers/types/fund-report';
import { toCsv } from './csv';
import { translateDbError } from './db-errors';
import type { ScopedDb } from './scoped-db';
import { scopeSql, scopeWhere } from './scope';
import { assertWardInScope } from './ward.service';
import { optionalText, trimmed } from './text';

/** Limits, as the database has them (db/migrations/1764835500000-sponsorship.ts). */
export const FUND_LIMITS = {
  sponsor: { min: 2, max: 200 },
  contact: 200,
  purpose: { min: 3, max: 1000 },
  amountVnd: 2_000_000_000,
  earliest: '2000-01-01',
} as const;

export interface FundFilter {
  wardId?: number | null;
  target?: FundTarget | null;
  residentialGroupId?: number | null;
}

export interface RecordFund {
  target: FundTarget;
  wardId?: number | null;
  residentialGroupId?: number | null;
  sponsor: string;
  sponsorContact?: string | null;
  amountVnd: number;
  receivedOn: string;
  purpose: string;
}

export interface RecordFundSpending {
  fundId: number;
  amountVnd: number;
  spentOn: string;
  purpose: string;
  maintenanceTicketId?: number | null;
}

const FIELD_OF_CONSTRAINT: Record<string, string> = {
  fund_target_ids: 'input.target',
  fund_ward_id_fkey: 'input.wardId',
  fund_residential_group_id_fkey: 'input.residentialGroupId',
  fund_sponsor_check: 'input.sponsor',
  fund_sponsor_contact_check: 'input.sponsorContact',
  fund_amount_vnd_check: 'input.amountVnd',
  fund_received_on_check: 'input.receivedOn',
  fund_purpose_check: 'input.purpose',
  fund_spending_fund_id_fkey: 'input.fundId',
  fund_spending_balance: 'input.amountVnd',
  fund_spending_amount_vnd_check: 'input.amountVnd',
  fund_spending_spent_on: 'input.spentOn',
  fund_spending_purpose_check: 'input.purpose',
  fund_spending_ticket_ward: 'input.maintenanceTicketId',
  fund_spending_maintenance_ticket_id_fkey: 'input.maintenanceTicketId',
};

/**
 * The funds a user reads: their district's, and for a ward user their ward's and the district's own
 * (ward_id NULL), as row-level security has it. $1 district, $2 the user's ward or NULL.
 */
const READ_SCOPE = (alias: string) => `${alias}.district_id = $1 AND ($2::int IS NULL OR ${alias}.ward_id IS NULL OR ${alias}.ward_id = $2)`;

const FUND_SELECT = `
  SELECT f.id, f.district_id AS "districtId", f.ward_id AS "wardId", f.residential_group_id AS "residentialGroupId", f.target,
         f.sponsor,
         -- a ward user reads the contacts of their ward's sponsors only, not of the district's own funds
         CASE WHEN $2::int IS NULL OR f.ward_id = $2 THEN f.sponsor_contact END AS "sponsorContact", f.amount_vnd::int AS "amountVnd", to_char(f.received_on, 'YYYY-MM-DD') AS "receivedOn",
         f.purpose, f.created_at AS "createdAt", f.created_by AS "createdBy", g.name AS "residentialGroupName",
         coalesce(s.spent, 0)::float8 AS "spentVnd", (f.amount_vnd - coalesce(s.spent, 0))::float8 AS "balanceVnd"
    FROM fund f
    LEFT JOIN residential_group g ON g.id = f.residential_group_id
    LEFT JOIN LATERAL (SELECT sum(x.amount_vnd) AS spent FROM fund_spending x WHERE x.fund_id = f.id) s ON true
   WHERE ${READ_SCOPE('f')}`;

const SPENDING_SELECT = `
  SELECT s.id, s.district_id AS "districtId", s.ward_id AS "wardId", s.fund_id AS "fundId", s.amount_vnd::int AS "amountVnd",
         to_char(s.spent_on, 'YYYY-MM-DD') AS "spentOn", s.purpose,
         -- the ticket a district fund paid for, only when it is in the user's scope (another ward's
         -- ticket id answers like none: the spending reads "a ticket of another ward")
         t.id AS "maintenanceTicketId", (s.maintenance_ticket_id IS NOT NULL AND t.id IS NULL) AS "ticketElsewhere",
         s.created_at AS "createdAt", s.created_by AS "createdBy"
    FROM fund_spending s
    LEFT JOIN maintenance_ticket t ON t.id = s.maintenance_ticket_id AND t.district_id = s.district_id AND ($2::int IS NULL OR t.ward_id = $2)
   WHERE ${READ_SCOPE('s')}`;

/**
 * The fund report of $1 (district), $2 (the user's ward or NULL), optionally one ward ($3): a line per
 * ward in scope (level 0; its own funds and its groups', zeros when it has none), the district's own
 * funds (level 1) and the total of those lines (level 2). Everything from one pass over the funds.
 */
const REPORT = `
  WITH f AS MATERIALIZED (
    SELECT f.id, f.ward_id, f.amount_vnd, coalesce(s.spent, 0) AS spent, coalesce(s.n, 0) AS n, coalesce(s.on_tickets, 0) AS on_tickets
      FROM fund f
      LEFT JOIN LATERAL (
        SELECT sum(x.amount_vnd) AS spent, count(*) AS n, sum(x.amount_vnd) FILTER (WHERE x.maintenance_ticket_id IS NOT NULL) AS on_tickets
          FROM fund_spending x WHERE x.fund_id = f.id) s ON true
     WHERE ${READ_SCOPE('f')} AND ($3::int IS NULL OR f.ward_id IS NULL OR f.ward_id = $3)
  ), wards AS (
    SELECT w.id, w.code, w.name FROM ward w WHERE ${scopeSql('w', '$1', '$2', 'id')} AND ($3::int IS NULL OR w.id = $3)
  ), lines AS MATERIALIZED (
    SELECT 0 AS level, w.id AS ward_id, w.code, w.name, count(f.id) AS funds, coalesce(sum(f.n), 0) AS spendings,
           coalesce(sum(f.amount_vnd), 0) AS received, coalesce(sum(f.spent), 0) AS spent, coalesce(sum(f.on_tickets), 0) AS on_tickets
      FROM wards w LEFT JOIN f ON f.ward_id = w.id
     GROUP BY w.id, w.code, w.name
    UNION ALL
    SELECT 1, NULL, NULL, NULL, count(*), coalesce(sum(f.n), 0), coalesce(sum(f.amount_vnd), 0), coalesce(sum(f.spent), 0), coalesce(sum(f.on_tickets), 0)
      FROM f WHERE f.ward_id IS NULL
  ), all_lines AS (
    SELECT * FROM lines
    UNION ALL
    SELECT 2, NULL, NULL, NULL, sum(funds), sum(spendings), sum(received), sum(spent), sum(on_tickets) FROM lines
  )
  SELECT l.level, to_char(ww_today(), 'YYYY-MM-DD') AS "asOf", l.ward_id AS "wardId", l.code AS "wardCode", l.name AS "wardName",
         l.funds::int AS funds, l.spendings::int AS spendings, l.received::float8 AS "receivedVnd", l.spent::float8 AS "spentVnd",
         (l.received - l.spent)::float8 AS "balanceVnd", l.on_tickets::float8 AS "spentOnTicketsVnd"
    FROM all_lines l
   ORDER BY l.level, l.code`;

export const FUND_REPORT_COLUMNS = [
  'asOf', 'level', 'wardCode', 'wardName', 'funds', 'spendings', 'receivedVnd', 'spentVnd', 'balanceVnd', 'spentOnTicketsVnd',
] as const;

type Row = Record<string, unknown>;

function reportRow(r: Row): FundReportRow {
  const { level: _level, asOf: _asOf, ...rest } = r;
  return rest as unknown as FundReportRow;
}

/**
 * Sponsorship funds and their spending (R9). A fund is the district's, a ward's or a residential
 * group's; ADMIN and PLANNER record any, a ward chair their own ward's and its groups'. Spending is
 * recorded against one fund (a ward chair: only their ward's funds; the district's are read-only to
 * them) and may name a maintenance ticket of the fund's ward. The database locks the fund and refuses
 * spending beyond its balance (ww_fund_spending_check); the server checks first, with field names.
 */
export class FundService {
  constructor(private readonly db: ScopedDb) {}

  private params(): [number, number | null] {
    return [this.db.scope.districtId, this.db.scope.wardId];
  }

  private async fundRows(where: string, params: unknown[], m?: EntityManager): Promise<Fund[]> {
    const rows: Row[] = await (m ?? this.db).query(`${FUND_SELECT} ${where} ORDER BY f.received_on DESC, f.id DESC`, [...this.params(), ...params]);
    return rows.map((r) => Object.assign(new Fund(), r));
  }

  /** The funds in scope matching the filter, newest first. */
  async list(filter: FundFilter | null | undefined): Promise<Fund[]> {
    if (filter?.wardId != null) await assertWardInScope(this.db, this.db.scope, filter.wardId, 'filter.wardId');
    return this.fundRows(`AND ($3::int IS NULL OR f.ward_id = $3) AND ($4::text IS NULL OR f.target = $4) AND ($5::int IS NULL OR f.residential_group_id = $5)`, [
      filter?.wardId ?? null,
      filter?.target ?? null,
      filter?.residentialGroupId ?? null,
    ]);
  }

  async get(id: number, field = 'id', m?: EntityManager): Promise<Fund> {
    const [f] = await this.fundRows('AND f.id = $3', [id], m);
    if (!f) throw new NotFoundError('Fund', id, field);
    return f;
  }

  private async spendingRows(where: string, params: unknown[], m?: EntityManager): Promise<FundSpending[]> {
    const rows: Row[] = await (m ?? this.db).query(`${SPENDING_SELECT} ${where} ORDER BY s.spent_on DESC, s.id DESC`, [...this.params(), ...params]);
    return rows.map((r) => Object.assign(new FundSpending(), r));
  }

  /** Each fund's spending, newest first (batched per request). */
  async spendingsOf(fundIds: readonly number[]): Promise<FundSpending[][]> {
    const rows = await this.spendingRows('AND s.fund_id = ANY ($3::int[])', [[...fundIds]]);
    return fundIds.map((id) => rows.filter((s) => s.fundId === id));
  }

  /** The maintenance tickets that spending names, as far as the user may see them (batched per request). */
  async ticketsByIds(ids: readonly number[], m?: EntityManager): Promise<(MaintenanceTicket | null)[]> {
    const rows = await (m ?? (await this.db.manager())).getRepository(MaintenanceTicket).findBy({ ...scopeWhere(this.db), id: In([...ids]) });
    return ids.map((id) => rows.find((t) => t.id === id) ?? null);
  }

  /**
   * Records a fund received: the district's (ADMIN, PLANNER), a ward's, or a residential group's (a
   * ward chair: of their own ward). A ward or group outside the scope is NOT_FOUND.
   */
  async record(input: RecordFund): Promise<Fund> {
    const sponsor = this.text(input.sponsor, 'input.sponsor', FUND_LIMITS.sponsor);
    const purpose = this.text(input.purpose, 'input.purpose', FUND_LIMITS.purpose);
    const contact = optionalText(input.sponsorContact, 'input.sponsorContact', FUND_LIMITS.contact);
    this.amount(input.amountVnd);
    const scopeWard = this.db.scope.wardId;
    return this.db.transaction(async (m) => {
      await this.day(m, input.receivedOn, 'input.receivedOn', FUND_LIMITS.earliest);
      let wardId: number | null = null;
      let groupId: number | null = null;
      if (input.target === FundTarget.DISTRICT) {
        if (input.wardId != null) throw new BadUserInputError('input.wardId', 'a DISTRICT fund is for no one ward: leave the ward out');
        if (input.residentialGroupId != null) throw new BadUserInputError('input.residentialGroupId', 'a DISTRICT fund is for no one group');
        if (scopeWard != null) throw new ForbiddenError('input.target', "A ward's user records their ward's funds and its groups', not the district's");
      } else if (input.target === FundTarget.WARD) {
        if (input.wardId == null) throw new BadUserInputError('input.wardId', 'a WARD fund names its ward');
        if (input.residentialGroupId != null) throw new BadUserInputError('input.residentialGroupId', 'a WARD fund is for the whole ward: use target RESIDENTIAL_GROUP');
        await assertWardInScope(m, this.db.scope, input.wardId, 'input.wardId');
        wardId = input.wardId;
      } else {
        if (input.residentialGroupId == null) throw new BadUserInputError('input.residentialGroupId', 'a RESIDENTIAL_GROUP fund names its group');
        const [group]: { ward_id: number }[] = await m.query(
          `SELECT g.ward_id FROM residential_group g WHERE g.id = $1 AND ${scopeSql('g', '$2', '$3')}`,
          [input.residentialGroupId, ...this.params()],
        );
        if (!group) throw new NotFoundError('ResidentialGroup', input.residentialGroupId, 'input.residentialGroupId');
        if (input.wardId != null && input.wardId !== group.ward_id) {
          throw new BadUserInputError('input.wardId', `residential group ${input.residentialGroupId} is in ward ${group.ward_id}, not ${input.wardId}`);
        }
        wardId = group.ward_id;
        groupId = input.residentialGroupId;
      }
      try {
        const [row]: { id: number }[] = await m.query(
          `INSERT INTO fund (district_id, ward_id, residential_group_id, target, sponsor, sponsor_contact, amount_vnd, received_on, purpose)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
          [this.db.scope.districtId, wardId, groupId, input.target, sponsor, contact, input.amountVnd, input.receivedOn, purpose],
        );
        return this.get(row!.id, 'id', m);
      } catch (err) {
        translateDbError(err, FIELD_OF_CONSTRAINT);
      }
    });
  }

  /**
   * Records money spent from a fund: at most its balance, not before it was received, not in the
   * future; a ticket (if named) of the fund's ward (a district fund's: any ward's). A ward chair spends
   * only their own ward's funds (the district's: FORBIDDEN).
   */
  async recordSpending(input: RecordFundSpending): Promise<Fund> {
    const purpose = this.text(input.purpose, 'input.purpose', FUND_LIMITS.purpose);
    this.amount(input.amountVnd);
    const scopeWard = this.db.scope.wardId;
    return this.db.transaction(async (m) => {
      const fund = await this.get(input.fundId, 'input.fundId', m);
      if (scopeWard != null && fund.wardId !== scopeWard) {
        throw new ForbiddenError('input.fundId', `Fund ${fund.id} is the district's: ADMIN or PLANNER records its spending`);
      }
      await this.day(m, input.spentOn, 'input.spentOn', fund.receivedOn);
      if (input.maintenanceTicketId != null) {
        const [ticket] = await this.ticketsByIds([input.maintenanceTicketId], m);
        if (!ticket) throw new NotFoundError('MaintenanceTicket', input.maintenanceTicketId, 'input.maintenanceTicketId');
        if (fund.wardId != null && ticket.wardId !== fund.wardId) {
          throw new BadUserInputError('input.maintenanceTicketId', `ticket ${ticket.id} is another ward's: fund ${fund.id} pays only for its own ward's tickets`);
        }
      }
      if (input.amountVnd > fund.balanceVnd) {
        throw new BadUserInputError('input.amountVnd', `fund ${fund.id} has ${fund.balanceVnd} VND left`, { balanceVnd: fund.balanceVnd });
      }
      try {
        await m.query(`INSERT INTO fund_spending (fund_id, amount_vnd, spent_on, purpose, maintenance_ticket_id) VALUES ($1, $2, $3, $4, $5)`, [
          fund.id,
          input.amountVnd,
          input.spentOn,
          purpose,
          input.maintenanceTicketId ?? null,
        ]);
        return this.get(fund.id, 'id', m);
      } catch (err) {
        translateDbError(err, FIELD_OF_CONSTRAINT);
      }
    });
  }

  // ---------------------------------------------------------------- the report (R9)

  private async reportLines(wardId: number | null | undefined): Promise<Row[]> {
    if (wardId != null) await assertWardInScope(this.db, this.db.scope, wardId);
    return this.db.query(REPORT, [...this.params(), wardId ?? null]);
  }

  async report(wardId: number | null | undefined): Promise<FundReport> {
    const lines = await this.reportLines(wardId);
    return {
      asOf: lines[0]!.asOf as string,
      wardId: wardId ?? null,
      wards: lines.filter((l) => l.level === 0).map(reportRow),
      district: reportRow(lines.find((l) => l.level === 1)!),
      totals: reportRow(lines.find((l) => l.level === 2)!),
    };
  }

  /** The report as CSV: a line per ward, the district's funds, the total. */
  async reportCsv(wardId: number | null): Promise<string> {
    const lines = await this.reportLines(wardId);
    const level = (l: Row) => (l.level === 0 ? 'ward' : l.level === 1 ? 'district' : 'total');
    return toCsv([...FUND_REPORT_COLUMNS], lines.map((l) => FUND_REPORT_COLUMNS.map((k) => (k === 'level' ? level(l) : l[k]))));
  }

  // ---------------------------------------------------------------- helpers

  private text(value: string, field: string, limits: { min: number; max: number }): string {
    const t = trimmed(value, field, limits.min);
    if (t.length > limits.max) throw new BadUserInputError(field, `must be at most ${limits.max} characters (got ${t.length})`);
    return t;
  }

  private amount(vnd: number): void {
    if (!Number.isInteger(vnd) || vnd < 1 || vnd > FUND_LIMITS.amountVnd) {
      throw new BadUserInputError('input.amountVnd', `must be a whole number of VND in [1, ${FUND_LIMITS.amountVnd}] (got ${vnd})`);
    }
  }

  /** A day from `earliest` to today (the district's local day), else BAD_USER_INPUT naming `field`. */
  private async day(m: EntityManager, day: string, field: string, earliest: string): Promise<void> {
    const [r]: { future: boolean; early: boolean }[] = await m.query(`SELECT $1::date > ww_today() AS future, $1::date < $2::date AS early`, [day, earliest]);
    if (r!.future) throw new BadUserInputError(field, 'is in the future');
    if (r!.early) throw new BadUserInputError(field, `must not be before ${earliest}`);
  }
}
