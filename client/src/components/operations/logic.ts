/**
 * Pure helpers of the operations pages (unit-testable in node): the report table's order (each
 * operator's wards, then its subtotal; the total last), the chart's rows, and a fund's spent share.
 */
import type { OperatorKind, OperatorReport, OperatorReportLine } from '../../api/operations';

/** Each operator's colour: the brand colours people recognise, muted. */
export const OPERATOR_COLOURS: Record<OperatorKind, string> = {
  VIETTEL: '#d9480f',
  VNPT: '#1971c2',
  FPT: '#f08c00',
  OTHER: '#5f3dc4',
};

export function operatorColour(kind: OperatorKind | null | undefined): string {
  return kind ? OPERATOR_COLOURS[kind] : '#868e96';
}

export type ReportTableLine = OperatorReportLine & { kind: 'ward' | 'subtotal' | 'total' };

/**
 * The report's lines for the table: for every operator (by name), its wards (by ward code) and its
 * subtotal (only when it has more than one ward); the district's (or ward's) total last.
 */
export function reportTable(report: OperatorReport): ReportTableLine[] {
  const out: ReportTableLine[] = [];
  const operators = [...report.operators].sort((a, b) => (a.operatorName ?? '').localeCompare(b.operatorName ?? ''));
  for (const op of operators) {
    const wards = report.rows.filter((r) => r.operatorId === op.operatorId).sort((a, b) => (a.wardCode ?? '').localeCompare(b.wardCode ?? ''));
    for (const w of wards) out.push({ ...w, kind: 'ward' });
    if (wards.length > 1) out.push({ ...op, kind: 'subtotal' });
  }
  out.push({ ...report.totals, kind: 'total' });
  return out;
}

export interface ChartRow {
  name: string;
  kind: OperatorKind | null;
  covered: number;
  notCovered: number;
  cameras: number;
  supportedCameras: number;
}

/** One bar per operator: its monthly fees covered and not covered, largest first. */
export function chartRows(report: OperatorReport): ChartRow[] {
  return report.operators
    .map((o) => ({
      name: o.operatorName ?? o.operatorCode ?? '?',
      kind: o.operatorKind,
      covered: o.feesCoveredVnd,
      notCovered: o.feesNotCoveredVnd,
      cameras: o.cameras,
      supportedCameras: o.supportedCameras,
    }))
    .sort((a, b) => b.covered + b.notCovered - (a.covered + a.notCovered));
}

/** The spent share of a fund, 0-100. */
export function spentPercent(amount: number, spent: number): number {
  if (!(amount > 0)) return 0;
  return Math.min(100, Math.max(0, (100 * spent) / amount));
}

/** A compact VND figure for chart axes: 1,2 tr / 350 N. */
export function compactVnd(value: number, language: 'vi' | 'en'): string {
  return new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}
