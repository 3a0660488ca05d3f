/**
 * The dashboard's pure logic: the trend's series, the per-ward rows and their order, deadlines as
 * "N days left" or "overdue", short labels for the charts. No React, no i18next: unit-tested in node.
 */
import type { ComplianceFigures, ComplianceTrendPoint, WardCompliance } from '../api/compliance';
import { localeOf, type Language } from '../format';

/** One point of the trend chart: the three percentages of a day (null where the total was 0). */
export interface TrendRow {
  day: string;
  groups: number | null;
  houses: number | null;
  servants: number | null;
}

/** The series the charts draw, in legend order, with their colours. */
export const SERIES = [
  { key: 'groups', color: '#0b7285' },
  { key: 'houses', color: '#e8590c' },
  { key: 'servants', color: '#6741d9' },
] as const;
export type SeriesKey = (typeof SERIES)[number]['key'];

/** A figure's percentages: the server's, else computed from the counts (null when the total is 0). */
export function percentages(f: ComplianceFigures): Record<SeriesKey, number | null> {
  return {
    groups: f.groupsPercent ?? share(f.groupsWithCamera, f.groupsTotal),
    houses: f.housesPercent ?? share(f.housesWithCamera, f.housesTotal),
    servants: f.civilServantUptakePercent ?? share(f.civilServantsVerified, f.civilServantsTotal),
  };
}

export function share(part: number, total: number): number | null {
  if (!total) return null;
  return (part / total) * 100;
}

/** The trend's rows, oldest day first, one per day (the last answer for a day wins). */
export function trendRows(points: readonly ComplianceTrendPoint[]): TrendRow[] {
  const byDay = new Map<string, TrendRow>();
  for (const point of points) byDay.set(point.day, { day: point.day, ...percentages(point.figures) });
  return [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day));
}

export type DeadlineState =
  | { kind: 'none' }
  | { kind: 'left'; days: number }
  | { kind: 'today' }
  | { kind: 'overdue'; days: number };

/** A deadline's days left as the UI states it (negative: overdue by that many days). */
export function deadlineState(daysLeft: number | null | undefined): DeadlineState {
  if (daysLeft == null || !Number.isFinite(daysLeft)) return { kind: 'none' };
  if (daysLeft > 0) return { kind: 'left', days: daysLeft };
  if (daysLeft === 0) return { kind: 'today' };
  return { kind: 'overdue', days: -daysLeft };
}

/** A ward's name without the "Phường" in front, for chart axes ("Phường Hòa Lạc" -> "Hòa Lạc"). */
export function shortWardName(name: string): string {
  const short = name.replace(/^\s*(phường|phuong|ward)\s+/i, '').trim();
  return short === '' ? name : short;
}

export const WARD_SORT_KEYS = ['name', 'groups', 'houses', 'verified', 'servants', 'cameras', 'cases'] as const;
export type WardSortKey = (typeof WARD_SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';
export interface WardSort {
  key: WardSortKey;
  direction: SortDirection;
}

/** The value a column sorts by (null: no figure, always last). */
export function sortValue(row: WardCompliance, key: Exclude<WardSortKey, 'name'>): number | null {
  const f = row.figures;
  const p = percentages(f);
  switch (key) {
    case 'groups':
      return p.groups;
    case 'houses':
      return p.houses;
    case 'verified':
      return f.housesVerified;
    case 'servants':
      return p.servants;
    case 'cameras':
      return f.activeCameras;
    case 'cases':
      return f.openCases;
  }
}

/** The wards in a column's order; ties (and missing figures, always last) by name. */
export function sortWards(rows: readonly WardCompliance[], sort: WardSort, language: Language): WardCompliance[] {
  const collator = new Intl.Collator(localeOf(language), { numeric: true, sensitivity: 'base' });
  const byName = (a: WardCompliance, b: WardCompliance) => collator.compare(a.ward.name, b.ward.name);
  const sign = sort.direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (sort.key === 'name') return sign * byName(a, b) || a.wardId - b.wardId;
    const va = sortValue(a, sort.key);
    const vb = sortValue(b, sort.key);
    if (va == null || vb == null) {
      if (va == null && vb == null) return byName(a, b);
      return va == null ? 1 : -1;
    }
    return sign * (va - vb) || byName(a, b);
  });
}

/** Clicking a column: the same column flips its direction; a new one starts with the worst first. */
export function nextSort(current: WardSort, key: WardSortKey): WardSort {
  if (current.key === key) return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  // Names read A-Z; shares low-first (the wards behind); counts of cases high-first (the most to do).
  return { key, direction: key === 'cases' ? 'desc' : 'asc' };
}

/** The per-ward bar chart's rows: short names and the two shares R8 and R2 ask about. */
export function wardChartRows(rows: readonly WardCompliance[]): Array<{ wardId: number; name: string; fullName: string; groups: number | null; houses: number | null }> {
  return rows.map((row) => {
    const p = percentages(row.figures);
    return { wardId: row.wardId, name: shortWardName(row.ward.name), fullName: row.ward.name, groups: p.groups, houses: p.houses };
  });
}

/** A YYYY-MM-DD day, short, for a chart's axis: "1 thg 6" / "1 Jun"; with the year when asked. */
export function formatDay(day: string, language: Language, withYear = false): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  const date = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return new Intl.DateTimeFormat(localeOf(language), {
    day: 'numeric',
    month: 'short',
    ...(withYear ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  }).format(date);
}

/** Whether a trend spans more than one calendar year (then the axis shows years too). */
export function spansYears(rows: readonly TrendRow[]): boolean {
  if (rows.length < 2) return false;
  return rows[0].day.slice(0, 4) !== rows[rows.length - 1].day.slice(0, 4);
}

/** Dots on the trend's lines only when there are few enough points to see them apart. */
export function showDots(points: number): boolean {
  return points <= 45;
}
