import type { EntityManager } from 'typeorm';
import { CameraNetworkConnection, NetworkOperatorRecord, SupportAgreement } from '../entities/network-operator';
import { NetworkOperator } from '../entities/enums';
import { BadUserInputError, NotFoundError } from '../errors';
import type { OperatorReport, OperatorReportRow } from '../resolvers/types/operator-report';
import { toCsv } from './csv';
import { translateDbError } from './db-errors';
import type { ScopedDb } from './scoped-db';
import { scopeSql } from './scope';
import { assertWardInScope } from './ward.service';
import { optionalText } from './text';

/** Limits, as the database has them (db/migrations/1764835200000-network-operators.ts). */
export const OPERATOR_LIMITS = {
  code: /^[a-z][a-z0-9_-]{1,31}$/,
  phone: /^\+?[0-9 .-]{6,20}$/,
  name: 120,
  contactName: 120,
  title: 200,
  terms: 4000,
  plan: 120,
  feeVnd: 100_000_000,
  bandwidthMbps: 10_000,
} as const;

export interface NetworkOperatorInput {
  code: string;
  name: string;
  kind: NetworkOperator;
  contactName?: string | null;
  contactPhone?: string | null;
}
export type NetworkOperatorChanges = Partial<Omit<NetworkOperatorInput, 'code'>>;

export interface SupportAgreementInput {
  operatorId: number;
  title: string;
  bandwidthMbps?: number | null;
  monthlyFeeSupportVnd: number;
  startsOn: string;
  endsOn?: string | null;
  terms?: string | null;
}
export type SupportAgreementChanges = Partial<Omit<SupportAgreementInput, 'operatorId'>>;

export interface ConnectionInput {
  operatorId: number;
  plan: string;
  monthlyFeeVnd: number;
  bandwidthMbps?: number | null;
  agreementId?: number | null;
  connectedOn?: string | null;
}

const FIELD_OF_CONSTRAINT: Record<string, string> = {
  network_operator_code_key: 'input.code',
  network_operator_code_check: 'input.code',
  network_operator_name_check: 'input.name',
  network_operator_kind_check: 'input.kind',
  network_operator_contact_name_check: 'input.contactName',
  network_operator_contact_phone_check: 'input.contactPhone',
  support_agreement_operator_fkey: 'input.operatorId',
  support_agreement_title_check: 'input.title',
  support_agreement_bandwidth_mbps_check: 'input.bandwidthMbps',
  support_agreement_monthly_fee_support_vnd_check: 'input.monthlyFeeSupportVnd',
  support_agreement_period_check: 'input.endsOn',
  camera_connection_operator_district: 'input.operatorId',
  camera_connection_operator_id_fkey: 'input.operatorId',
  camera_connection_agreement_operator: 'input.agreementId',
  camera_connection_agreement_id_fkey: 'input.agreementId',
  camera_connection_plan_check: 'input.plan',
  camera_connection_monthly_fee_vnd_check: 'input.monthlyFeeVnd',
  camera_connection_bandwidth_mbps_check: 'input.bandwidthMbps',
  ww_camera_connection_parent: 'cameraId',
  camera_connection_camera_key: 'cameraId', // a concurrent first connection of the same camera
};

/** `a` (a support_agreement alias, possibly of an outer join) is in force on the district's local day. */
const IN_FORCE = (a: string) => `coalesce(${a}.starts_on <= ww_today() AND (${a}.ends_on IS NULL OR ${a}.ends_on >= ww_today()), false)`;

const OPERATOR_SELECT = `
  SELECT o.id, o.district_id AS "districtId", o.code, o.name, o.kind, o.contact_name AS "contactName",
         o.contact_phone AS "contactPhone", o.created_at AS "createdAt"
    FROM network_operator o
   WHERE o.district_id = $1`;

/** The agreements of $1 (district), with their connections in the scope $1, $2 (the user's ward or NULL). */
const AGREEMENT_SELECT = `
  SELECT a.id, a.district_id AS "districtId", a.operator_id AS "operatorId", a.title, a.bandwidth_mbps AS "bandwidthMbps",
         a.monthly_fee_support_vnd::int AS "monthlyFeeSupportVnd", to_char(a.starts_on, 'YYYY-MM-DD') AS "startsOn",
         to_char(a.ends_on, 'YYYY-MM-DD') AS "endsOn", a.terms, a.created_at AS "createdAt", ${IN_FORCE('a')} AS "inForce",
         (SELECT count(*)::int FROM camera_connection k WHERE k.agreement_id = a.id AND ${scopeSql('k', '$1', '$2')}) AS "connectionCount"
    FROM support_agreement a
   WHERE a.district_id = $1`;

/** The connections in the scope $1 (district), $2 (the user's ward or NULL), with whether they are supported today. */
const CONNECTION_SELECT = `
  SELECT k.id, k.district_id AS "districtId", k.ward_id AS "wardId", k.camera_id AS "cameraId", k.operator_id AS "operatorId",
         k.plan, k.monthly_fee_vnd::int AS "monthlyFeeVnd", k.bandwidth_mbps AS "bandwidthMbps", k.agreement_id AS "agreementId",
         to_char(k.connected_on, 'YYYY-MM-DD') AS "connectedOn", k.updated_at AS "updatedAt", ${IN_FORCE('a')} AS supported,
         (CASE WHEN ${IN_FORCE('a')} THEN least(k.monthly_fee_vnd, a.monthly_fee_support_vnd) ELSE 0 END)::int AS "feeCoveredVnd"
    FROM camera_connection k
    LEFT JOIN support_agreement a ON a.id = k.agreement_id
   WHERE ${scopeSql('k', '$1', '$2')}`;

/**
 * The operator report of the scope $1 (district), $2 (the user's ward or NULL), optionally one ward
 * ($3): the connections of cameras that are not decommissioned, grouped by operator × ward, by
 * operator, and in total (GROUPING SETS: one pass over the rows, so the lines add up by construction).
 * level: 0 operator × ward, 1 operator, 3 total.
 */
const REPORT = `
  WITH k AS (
    SELECT k.operator_id, k.ward_id, k.monthly_fee_vnd AS fee, ${IN_FORCE('a')} AS supported, a.monthly_fee_support_vnd AS support
      FROM camera_connection k
      JOIN camera c ON c.id = k.camera_id
      LEFT JOIN support_agreement a ON a.id = k.agreement_id
     WHERE ${scopeSql('k', '$1', '$2')} AND ($3::int IS NULL OR k.ward_id = $3) AND c.status <> 'decommissioned'
  ), g AS (
    SELECT operator_id, ward_id, GROUPING(operator_id, ward_id) AS level,
           count(*)::int AS cameras, (count(*) FILTER (WHERE supported))::int AS supported_cameras,
           coalesce(sum(fee), 0) AS fees, coalesce(sum(least(fee, support)) FILTER (WHERE supported), 0) AS covered
      FROM k
     GROUP BY GROUPING SETS ((operator_id, ward_id), (operator_id), ())
  )
  SELECT g.level, g.operator_id AS "operatorId", o.code AS "operatorCode", o.name AS "operatorName", o.kind AS "operatorKind",
         g.ward_id AS "wardId", w.code AS "wardCode", w.name AS "wardName",
         g.cameras, g.supported_cameras AS "supportedCameras",
         CASE WHEN g.cameras > 0 THEN (100.0 * g.supported_cameras / g.cameras)::float8 END AS "supportedPercent",
         g.fees::float8 AS "monthlyFeesVnd", g.covered::float8 AS "feesCoveredVnd", (g.fees - g.covered)::float8 AS "feesNotCoveredVnd",
         to_char(ww_today(), 'YYYY-MM-DD') AS "asOf"
    FROM g
    LEFT JOIN network_operator o ON o.id = g.operator_id
    LEFT JOIN ward w ON w.id = g.ward_id
   ORDER BY g.level, o.code, w.code`;

/** The CSV's columns (the report's fields, with the line's level first). */
export const OPERATOR_REPORT_COLUMNS = [
  'asOf', 'level', 'operatorCode', 'operatorName', 'wardCode', 'wardName', 'cameras', 'supportedCameras', 'supportedPercent',
  'monthlyFeesVnd', 'feesCoveredVnd', 'feesNotCoveredVnd',
] as const;

type Row = Record<string, unknown>;

function reportRow(r: Row): OperatorReportRow {
  const { level: _level, asOf: _asOf, ...rest } = r;
  return rest as unknown as OperatorReportRow;
}

const EMPTY_TOTALS: OperatorReportRow = {
  operatorId: null, operatorCode: null, operatorName: null, operatorKind: null, wardId: null, wardCode: null, wardName: null,
  cameras: 0, supportedCameras: 0, supportedPercent: null, monthlyFeesVnd: 0, feesCoveredVnd: 0, feesNotCoveredVnd: 0,
};

/**
 * Network operators, their support agreements and each camera's connection (R3). Operators and
 * agreements are the district's (ADMIN and PLANNER keep them); a camera's connection is set by
 * ADMIN or the camera's ward chair. The report is computed by the database from the connections.
 */
export class NetworkOperatorService {
  constructor(private readonly db: ScopedDb) {}

  private get district(): number {
    return this.db.scope.districtId;
  }

  private async operatorRows(where: string, params: unknown[], m?: EntityManager): Promise<NetworkOperatorRecord[]> {
    const rows: Row[] = await (m ?? this.db).query(`${OPERATOR_SELECT} ${where} ORDER BY o.code, o.id`, [this.district, ...params]);
    return rows.map((r) => Object.assign(new NetworkOperatorRecord(), r));
  }

  /** The district's operators, by code. */
  listOperators(): Promise<NetworkOperatorRecord[]> {
    return this.operatorRows('', []);
  }

  async getOperator(id: number, field = 'id', m?: EntityManager): Promise<NetworkOperatorRecord> {
    const [o] = await this.operatorRows('AND o.id = $2', [id], m);
    if (!o) throw new NotFoundError('NetworkOperator', id, field);
    return o;
  }

  async operatorsByIds(ids: readonly number[]): Promise<(NetworkOperatorRecord | null)[]> {
    const rows = await this.operatorRows('AND o.id = ANY ($2::int[])', [[...ids]]);
    return ids.map((id) => rows.find((o) => o.id === id) ?? null);
  }

  async createOperator(input: NetworkOperatorInput): Promise<NetworkOperatorRecord> {
    const name = this.name(input.name, 'input.name', OPERATOR_LIMITS.name);
    const kind = this.kind(input.kind);
    const contactName = optionalText(input.contactName, 'input.contactName', OPERATOR_LIMITS.contactName);
    const contactPhone = optionalText(input.contactPhone, 'input.contactPhone');
    return this.db.transaction(async (m) => {
      const [taken] = await m.query(`SELECT 1 FROM network_operator WHERE district_id = $1 AND code = $2`, [this.district, input.code]);
      if (taken) throw new BadUserInputError('input.code', `an operator with code "${input.code}" already exists`);
      try {
        const [row]: { id: number }[] = await m.query(
          `INSERT INTO network_operator (district_id, code, name, kind, contact_name, contact_phone) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
          [this.district, input.code, name, kind, contactName, contactPhone],
        );
        return this.getOperator(row!.id, 'id', m);
      } catch (err) {
        translateDbError(err, FIELD_OF_CONSTRAINT);
      }
    });
  }

  async updateOperator(id: number, input: NetworkOperatorChanges): Promise<NetworkOperatorRecord> {
    const sets: Array<[string, unknown]> = [];
    if (input.name != null) sets.push(['name', this.name(input.name, 'input.name', OPERATOR_LIMITS.name)]);
    if (input.kind != null) sets.push(['kind', this.kind(input.kind)]);
    if (input.contactName !== undefined) sets.push(['contact_name', optionalText(input.contactName, 'input.contactName', OPERATOR_LIMITS.contactName)]);
    if (input.contactPhone !== undefined) sets.push(['contact_phone', optionalText(input.contactPhone, 'input.contactPhone')]);
    return this.db.transaction(async (m) => {
      await this.getOperator(id, 'id', m);
      if (sets.length) await this.update(m, 'network_operator', id, sets);
      return this.getOperator(id, 'id', m);
    });
  }

  // ---------------------------------------------------------------- agreements

  private async agreementRows(where: string, params: unknown[], m?: EntityManager): Promise<SupportAgreement[]> {
    const rows: Row[] = await (m ?? this.db).query(`${AGREEMENT_SELECT} ${where} ORDER BY a.starts_on DESC, a.id`, [
      this.district,
      this.db.scope.wardId,
      ...params,
    ]);
    return rows.map((r) => Object.assign(new SupportAgreement(), r));
  }

  /** The district's agreements (optionally one operator's, or only those in force today), newest first. */
  async listAgreements(operatorId: number | null | undefined, inForce: boolean | null | undefined): Promise<SupportAgreement[]> {
    if (operatorId != null) await this.getOperator(operatorId, 'operatorId');
    return this.agreementRows(`AND ($3::int IS NULL OR a.operator_id = $3) AND ($4::boolean IS NULL OR ${IN_FORCE('a')} = $4)`, [
      operatorId ?? null,
      inForce ?? null,
    ]);
  }

  async getAgreement(id: number, field = 'id', m?: EntityManager): Promise<SupportAgreement> {
    const [a] = await this.agreementRows('AND a.id = $3', [id], m);
    if (!a) throw new NotFoundError('SupportAgreement', id, field);
    return a;
  }

  async agreementsByIds(ids: readonly number[]): Promise<(SupportAgreement | null)[]> {
    const rows = await this.agreementRows('AND a.id = ANY ($3::int[])', [[...ids]]);
    return ids.map((id) => rows.find((a) => a.id === id) ?? null);
  }

  async createAgreement(input: SupportAgreementInput): Promise<SupportAgreement> {
    const title = this.name(input.title, 'input.title', OPERATOR_LIMITS.title);
    const terms = optionalText(input.terms, 'input.terms', OPERATOR_LIMITS.terms);
    this.period(input.startsOn, input.endsOn ?? null);
    return this.db.transaction(async (m) => {
      await this.getOperator(input.operatorId, 'input.operatorId', m);
      try {
        const [row]: { id: number }[] = await m.query(
          `INSERT INTO support_agreement (district_id, operator_id, title, bandwidth_mbps, monthly_fee_support_vnd, starts_on, ends_on, terms)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
          [this.district, input.operatorId, title, input.bandwidthMbps ?? null, input.monthlyFeeSupportVnd, input.startsOn, input.endsOn ?? null, terms],
        );
        return this.getAgreement(row!.id, 'id', m);
      } catch (err) {
        translateDbError(err, FIELD_OF_CONSTRAINT);
      }
    });
  }

  async updateAgreement(id: number, input: SupportAgreementChanges): Promise<SupportAgreement> {
    const sets: Array<[string, unknown]> = [];
    if (input.title != null) sets.push(['title', this.name(input.title, 'input.title', OPERATOR_LIMITS.title)]);
    if (input.bandwidthMbps !== undefined) sets.push(['bandwidth_mbps', input.bandwidthMbps]);
    if (input.monthlyFeeSupportVnd != null) sets.push(['monthly_fee_support_vnd', input.monthlyFeeSupportVnd]);
    if (input.startsOn != null) sets.push(['starts_on', input.startsOn]);
    if (input.endsOn !== undefined) sets.push(['ends_on', input.endsOn]);
    if (input.terms !== undefined) sets.push(['terms', optionalText(input.terms, 'input.terms', OPERATOR_LIMITS.terms)]);
    return this.db.transaction(async (m) => {
      const current = await this.getAgreement(id, 'id', m);
      this.period(input.startsOn ?? current.startsOn, input.endsOn !== undefined ? input.endsOn : current.endsOn);
      if (sets.length) await this.update(m, 'support_agreement', id, sets);
      return this.getAgreement(id, 'id', m);
    });
  }

  // ---------------------------------------------------------------- connections

  private async connectionRows(where: string, params: unknown[], m?: EntityManager): Promise<CameraNetworkConnection[]> {
    const rows: Row[] = await (m ?? this.db).query(`${CONNECTION_SELECT} ${where}`, [this.district, this.db.scope.wardId, ...params]);
    return rows.map((r) => Object.assign(new CameraNetworkConnection(), r));
  }

  /** The connection of each camera (null: none, or the camera is outside the scope). */
  async connectionsOfCameras(cameraIds: readonly number[]): Promise<(CameraNetworkConnection | null)[]> {
    const rows = await this.connectionRows('AND k.camera_id = ANY ($3::int[])', [[...cameraIds]]);
    return cameraIds.map((id) => rows.find((k) => k.cameraId === id) ?? null);
  }

  /**
   * Connects a camera in scope (another ward's: NOT_FOUND) or changes its connection: the operator
   * must be the district's, the agreement (if any) that operator's. The camera's network_operator
   * follows (the database's trigger).
   */
  async setConnection(cameraId: number, input: ConnectionInput): Promise<CameraNetworkConnection> {
    const plan = this.name(input.plan, 'input.plan', OPERATOR_LIMITS.plan);
    return this.db.transaction(async (m) => {
      await this.assertCamera(m, cameraId);
      await this.getOperator(input.operatorId, 'input.operatorId', m);
      if (input.agreementId != null) {
        const agreement = await this.getAgreement(input.agreementId, 'input.agreementId', m);
        if (agreement.operatorId !== input.operatorId) {
          throw new BadUserInputError('input.agreementId', `agreement ${agreement.id} is another operator's (operator ${agreement.operatorId})`);
        }
      }
      if (input.connectedOn != null) {
        const [{ future }] = await m.query(`SELECT $1::date > ww_today() AS future`, [input.connectedOn]);
        if (future) throw new BadUserInputError('input.connectedOn', 'is in the future');
      }
      const values = [input.operatorId, plan, input.monthlyFeeVnd, input.bandwidthMbps ?? null, input.agreementId ?? null, input.connectedOn ?? null];
      try {
        const [existing] = await m.query(`SELECT id FROM camera_connection WHERE camera_id = $1`, [cameraId]);
        if (existing) {
          // Bandwidth and the connection date change only when the input names them (the page's form
          // does not: a change of plan or fee keeps them).
          await m.query(
            `UPDATE camera_connection SET operator_id = $2, plan = $3, monthly_fee_vnd = $4,
                    bandwidth_mbps = CASE WHEN $8 THEN $5 ELSE bandwidth_mbps END, agreement_id = $6,
                    connected_on = CASE WHEN $9 THEN $7::date ELSE connected_on END
              WHERE camera_id = $1`,
            [cameraId, ...values, input.bandwidthMbps !== undefined, input.connectedOn !== undefined],
          );
        } else {
          await m.query(
            `INSERT INTO camera_connection (camera_id, operator_id, plan, monthly_fee_vnd, bandwidth_mbps, agreement_id, connected_on)
             VALUES ($1, $2, $3, $4, $5, $6, $7)`,
            [cameraId, ...values],
          );
        }
      } catch (err) {
        translateDbError(err, FIELD_OF_CONSTRAINT);
      }
      const [k] = await this.connectionRows('AND k.camera_id = $3', [cameraId], m);
      return k!;
    });
  }

  /** Removes a camera's connection (none: nothing to do); answers whether there was one. */
  async removeConnection(cameraId: number): Promise<boolean> {
    return this.db.transaction(async (m) => {
      await this.assertCamera(m, cameraId);
      // (a CTE: TypeORM answers a bare DELETE with [rows, count])
      const [{ n }]: { n: number }[] = await m.query(`WITH d AS (DELETE FROM camera_connection WHERE camera_id = $1 RETURNING id) SELECT count(*)::int AS n FROM d`, [
        cameraId,
      ]);
      return n > 0;
    });
  }

  // ---------------------------------------------------------------- the report (R3)

  private async reportLines(wardId: number | null | undefined): Promise<Row[]> {
    if (wardId != null) await assertWardInScope(this.db, this.db.scope, wardId);
    return this.db.query(REPORT, [this.district, this.db.scope.wardId, wardId ?? null]);
  }

  async report(wardId: number | null | undefined): Promise<OperatorReport> {
    const lines = await this.reportLines(wardId);
    const asOf = (lines[0]?.asOf as string | undefined) ?? (await this.db.query(`SELECT to_char(ww_today(), 'YYYY-MM-DD') AS "asOf"`))[0].asOf;
    const total = lines.find((l) => l.level === 3);
    return {
      asOf,
      wardId: wardId ?? null,
      rows: lines.filter((l) => l.level === 0).map(reportRow),
      operators: lines.filter((l) => l.level === 1).map(reportRow),
      totals: total ? reportRow(total) : { ...EMPTY_TOTALS },
    };
  }

  /** The report as CSV: operator × ward lines, then the operators' lines, then the total. */
  async reportCsv(wardId: number | null): Promise<string> {
    const lines = await this.reportLines(wardId);
    const level = (l: Row) => (l.level === 0 ? 'ward' : l.level === 1 ? 'operator' : 'total');
    return toCsv([...OPERATOR_REPORT_COLUMNS], lines.map((l) => OPERATOR_REPORT_COLUMNS.map((k) => (k === 'level' ? level(l) : l[k]))));
  }

  // ---------------------------------------------------------------- helpers

  private async assertCamera(m: EntityManager, cameraId: number): Promise<void> {
    const [camera] = await m.query(`SELECT 1 FROM camera c WHERE c.id = $1 AND ${scopeSql('c', '$2', '$3')} FOR UPDATE`, [
      cameraId,
      this.district,
      this.db.scope.wardId,
    ]);
    if (!camera) throw new NotFoundError('Camera', cameraId, 'cameraId');
  }

  private name(value: string, field: string, max: number): string {
    const t = value.trim();
    if (t.length < 1) throw new BadUserInputError(field, 'must not be empty');
    if (t.length > max) throw new BadUserInputError(field, `must be at most ${max} characters (got ${t.length})`);
    return t;
  }

  private kind(kind: NetworkOperator): NetworkOperator {
    if (kind === NetworkOperator.NONE) throw new BadUserInputError('input.kind', 'an operator is VIETTEL, VNPT, FPT or OTHER, not NONE');
    return kind;
  }

  private period(startsOn: string, endsOn: string | null): void {
    if (endsOn != null && endsOn < startsOn) throw new BadUserInputError('input.endsOn', `must not be before startsOn (${startsOn})`);
  }

  /** `UPDATE table SET col = $2, ... WHERE id = $1`, translating the database's refusals. */
  private async update(m: EntityManager, table: string, id: number, sets: Array<[string, unknown]>): Promise<void> {
    try {
      await m.query(`UPDATE ${table} SET ${sets.map(([c], i) => `${c} = $${i + 2}`).join(', ')} WHERE id = $1`, [id, ...sets.map(([, v]) => v)]);
    } catch (err) {
      translateDbError(err, FIELD_OF_CONSTRAINT);
    }
  }
}
