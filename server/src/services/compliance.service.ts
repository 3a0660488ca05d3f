import { NotFoundError } from '../errors';
import type { ComplianceDashboard, ComplianceFigures, ComplianceTrendPoint, WardCompliance } from '../resolvers/types/compliance';
import type { ScopedDb } from './scoped-db';
import { r8DeadlineSql } from './coverage.service';
import { scopeSql } from './scope';

/** The counted columns of compliance_snapshot, and the GraphQL field each becomes. */
const COUNTS = [
  ['groups_total', 'groupsTotal'],
  ['groups_with_camera', 'groupsWithCamera'],
  ['houses_total', 'housesTotal'],
  ['houses_with_camera', 'housesWithCamera'],
  ['houses_verified', 'housesVerified'],
  ['civil_servants_total', 'civilServantsTotal'],
  ['civil_servants_verified', 'civilServantsVerified'],
  ['active_cameras', 'activeCameras'],
  ['open_cases', 'openCases'],
] as const;

const PERCENTS = [
  ['groupsPercent', 'groups_with_camera', 'groups_total'],
  ['housesPercent', 'houses_with_camera', 'houses_total'],
  ['civilServantUptakePercent', 'civil_servants_verified', 'civil_servants_total'],
] as const;

type FigureKey = keyof ComplianceFigures;
/** Every figure, in the contract's order (the CSV's columns). */
const FIGURE_KEYS: FigureKey[] = [
  'groupsTotal', 'groupsWithCamera', 'groupsPercent',
  'housesTotal', 'housesWithCamera', 'housesPercent', 'housesVerified',
  'civilServantsTotal', 'civilServantsVerified', 'civilServantUptakePercent',
  'activeCameras', 'openCases',
];

/** `sum(x.col)::int AS col, ...` for every count (0 when there are no rows). */
const sums = (alias: string) => COUNTS.map(([c]) => `coalesce(sum(${alias}.${c}), 0)::int AS ${c}`).join(', ');

/** The figures of row `alias` as the GraphQL fields: the counts, and the percentages (null over 0). */
const figures = (alias: string) =>
  [
    ...COUNTS.map(([c, k]) => `${alias}.${c} AS "${k}"`),
    ...PERCENTS.map(([k, part, whole]) => `CASE WHEN ${alias}.${whole} > 0 THEN (100.0 * ${alias}.${part} / ${alias}.${whole})::float8 END AS "${k}"`),
  ].join(',\n           ');

/**
 * The live figures of the wards in $1 (district), $2 (the user's ward or NULL) and $3 (the ward asked
 * for, or NULL), one row per ward plus a total row (ward_id NULL) that sums them, with the day and
 * the R8 and R2 deadlines. The definitions are ww_take_compliance_snapshot's for today:
 * - groups with a camera: residential groups with at least one ACTIVE camera located in them (R8);
 * - houses with a camera: ww_has_active_camera (R2); verified: compliance_status camera_verified;
 * - civil servants verified: verified_since set and their home camera ACTIVE (R4);
 * - active cameras located in the ward; penalty cases not closed (R7).
 */
const LIVE = `
  WITH hdr AS (
    SELECT ww_today() AS today,
           ${r8DeadlineSql('$1')} AS group_deadline,
           (SELECT d.deadline FROM directive d WHERE d.district_id = $1 AND d.code = 'R2') AS house_deadline
  ), wards AS (
    SELECT w.id, w.code, w.name FROM ward w WHERE ${scopeSql('w', '$1', '$2', 'id')} AND ($3::int IS NULL OR w.id = $3)
  ), counts AS (
    SELECT w.id AS ward_id, w.code, w.name,
           g.total AS groups_total, g.with_camera AS groups_with_camera,
           h.total AS houses_total, h.with_camera AS houses_with_camera, h.verified AS houses_verified,
           s.total AS civil_servants_total, s.verified AS civil_servants_verified,
           c.active AS active_cameras, p.open AS open_cases
      FROM wards w
      CROSS JOIN LATERAL (
        SELECT count(*)::int AS total,
               (count(*) FILTER (WHERE EXISTS (SELECT 1 FROM camera c WHERE c.residential_group_id = g.id AND c.status = 'active')))::int AS with_camera
          FROM residential_group g WHERE g.ward_id = w.id) g
      CROSS JOIN LATERAL (
        SELECT count(*)::int AS total,
               (count(*) FILTER (WHERE ww_has_active_camera(h.id)))::int AS with_camera,
               (count(*) FILTER (WHERE h.compliance_status = 'camera_verified'))::int AS verified
          FROM rental_house h WHERE h.ward_id = w.id) h
      CROSS JOIN LATERAL (
        SELECT count(*)::int AS total,
               (count(*) FILTER (WHERE s.verified_since IS NOT NULL
                  AND EXISTS (SELECT 1 FROM camera c WHERE c.id = s.camera_id AND c.status = 'active')))::int AS verified
          FROM civil_servant s WHERE s.ward_id = w.id) s
      CROSS JOIN LATERAL (SELECT count(*)::int AS active FROM camera c WHERE c.ward_id = w.id AND c.status = 'active') c
      CROSS JOIN LATERAL (SELECT count(*)::int AS open FROM penalty_case p WHERE p.ward_id = w.id AND p.state <> 'closed') p
  ), all_rows AS (
    SELECT ward_id, code, name, ${COUNTS.map(([c]) => c).join(', ')} FROM counts
    UNION ALL
    SELECT NULL, NULL, NULL, ${sums('counts')} FROM counts
  )
  SELECT to_char(hdr.today, 'YYYY-MM-DD') AS "asOf",
         to_char(hdr.group_deadline, 'YYYY-MM-DD') AS "groupDeadline", (hdr.group_deadline - hdr.today) AS "groupDaysLeft",
         to_char(hdr.house_deadline, 'YYYY-MM-DD') AS "houseDeadline", (hdr.house_deadline - hdr.today) AS "houseDaysLeft",
         r.ward_id AS "wardId", r.code AS "wardCode", r.name AS "wardName",
         ${figures('r')}
    FROM hdr CROSS JOIN all_rows r
   ORDER BY r.ward_id IS NULL, r.code, r.ward_id`;

/**
 * The snapshot rows of $1 (district), $2 (the user's ward or NULL), $3 (the ward asked for, or NULL)
 * summed per day over the last $4 days up to today, oldest first.
 */
const TREND = `
  SELECT to_char(t.taken_on, 'YYYY-MM-DD') AS day,
         ${figures('t')}
    FROM (SELECT s.taken_on, ${sums('s')}
            FROM compliance_snapshot s
           WHERE ${scopeSql('s', '$1', '$2')} AND ($3::int IS NULL OR s.ward_id = $3)
             AND s.taken_on > ww_today() - $4::int AND s.taken_on <= ww_today()
           GROUP BY s.taken_on) t
   ORDER BY t.taken_on`;

type Row = Record<string, unknown>;

function figuresOf(row: Row): ComplianceFigures {
  return Object.fromEntries(FIGURE_KEYS.map((k) => [k, row[k] ?? null])) as unknown as ComplianceFigures;
}

/** A ward's live figures, with its code and name for reports. */
export interface WardComplianceRow extends WardCompliance {
  wardCode: string;
  wardName: string;
}

export interface LiveDashboard extends Omit<ComplianceDashboard, 'wards'> {
  wards: WardComplianceRow[];
}

export class ComplianceService {
  constructor(private readonly db: ScopedDb) {}

  /**
   * The dashboard of ward `wardId` (null: the user's scope, a chair's own ward or the district), live
   * figures in one statement. Another ward than a chair's own, or no such ward: NOT_FOUND (wardId).
   */
  async dashboard(wardId: number | null): Promise<LiveDashboard> {
    const { districtId, wardId: own } = this.db.scope;
    const rows: Row[] = await this.db.query(LIVE, [districtId, own, wardId]);
    const wardRows = rows.filter((r) => r.wardId != null);
    if (wardId != null && wardRows.length === 0) throw new NotFoundError('Ward', wardId, 'wardId');
    const total = rows.find((r) => r.wardId == null)!;
    return {
      asOf: total.asOf as string,
      wardId: wardId ?? own,
      districtId,
      groupDeadline: total.groupDeadline as string,
      groupDaysLeft: total.groupDaysLeft as number,
      houseDeadline: (total.houseDeadline as string | null) ?? null,
      houseDaysLeft: (total.houseDaysLeft as number | null) ?? null,
      totals: figuresOf(total),
      wards: wardRows.map((r) => ({
        wardId: r.wardId as number,
        wardCode: r.wardCode as string,
        wardName: r.wardName as string,
        figures: figuresOf(r),
      })),
    };
  }

  /** The daily snapshots of the dashboard's wards, summed per day, over the last `days` days, oldest first. */
  async trend(dashboard: Pick<ComplianceDashboard, 'wardId'>, days: number): Promise<ComplianceTrendPoint[]> {
    const { districtId, wardId: own } = this.db.scope;
    const rows: Row[] = await this.db.query(TREND, [districtId, own, dashboard.wardId, days]);
    return rows.map((r) => ({ day: r.day as string, figures: figuresOf(r) }));
  }

  /** Takes today's snapshot (Asia/Ho_Chi_Minh) of the user's district; returns the number of wards written. */
  async takeSnapshot(): Promise<number> {
    const [row] = await this.db.query(`SELECT ww_take_compliance_snapshot($1, ww_today()) AS n`, [this.db.scope.districtId]);
    return row.n as number;
  }

  /** The dashboard as report rows (GET /export/compliance-dashboard.csv): one per ward, then the total. */
  async reportRows(wardId: number | null): Promise<Record<string, unknown>[]> {
    const d = await this.dashboard(wardId);
    const round = (v: number | null) => (v == null ? null : Math.round(v * 10) / 10);
    const line = (level: string, id: number | null, code: string | null, name: string | null, f: ComplianceFigures) => ({
      asOf: d.asOf,
      level,
      wardId: id,
      wardCode: code,
      ward: name,
      ...f,
      groupsPercent: round(f.groupsPercent),
      housesPercent: round(f.housesPercent),
      civilServantUptakePercent: round(f.civilServantUptakePercent),
      groupDeadline: d.groupDeadline,
      groupDaysLeft: d.groupDaysLeft,
      houseDeadline: d.houseDeadline,
      houseDaysLeft: d.houseDaysLeft,
    });
    return [
      ...d.wards.map((w) => line('ward', w.wardId, w.wardCode, w.wardName, w.figures)),
      line(d.wardId == null ? 'district' : 'total', null, null, null, d.totals),
    ];
  }
}

/** The CSV columns of the compliance-dashboard report, in order. */
export const REPORT_COLUMNS = [
  'asOf',
  'level',
  'wardId',
  'wardCode',
  'ward',
  ...FIGURE_KEYS,
  'groupDeadline',
  'groupDaysLeft',
  'houseDeadline',
  'houseDaysLeft',
];
