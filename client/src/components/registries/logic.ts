/**
 * What the registry pages (ward report, civil servants, penalty cases) compute besides rendering:
 * money and dates per language, the report's figures, form values, the server's field names.
 * Pure functions: unit-tested in node (test/client/components/registries/logic.test.ts).
 */
import type { GraphQLClientError } from '../../api/graphql';
import {
  COMPLIANCE_STATUSES,
  PENALTY_CASE_ACTIONS,
  type CivilServantFilter,
  type ComplianceStatus,
  type PenaltyCaseAction,
  type ReportHouse,
} from '../../api/registries';
import { can } from '../../auth/access';
import { localeOf, TIME_ZONE, type Language } from '../../format';
import type { CurrentUser } from '../../types';

/** An amount in Vietnamese đồng: "1.500.000 ₫" in Vietnamese, "₫1,500,000" in English. */
export function formatVnd(amount: number, language: Language): string {
  return new Intl.NumberFormat(localeOf(language), { style: 'currency', currency: 'VND', maximumFractionDigits: 0 }).format(amount);
}

/**
 * An amount typed into a form: digits with optional thousands separators (".", ",", spaces) and an
 * optional "₫"/"đ"/"VND"; null when it is not a whole positive number.
 */
export function parseVnd(text: string): number | null {
  const cleaned = text.replace(/(₫|đ|vnd)/giu, '').replace(/[\s.,\u00a0\u202f]/gu, '');
  if (!/^\d+$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isSafeInteger(value) && value > 0 ? value : null;
}

/** A day written out for a printed report: "5 tháng 12, 2025" / "5 December 2025", in Vietnam's time. */
export function formatLongDate(date: Date, language: Language): string {
  return new Intl.DateTimeFormat(localeOf(language), { day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE }).format(date);
}

/** Today in Vietnam as YYYY-MM-DD (what a date input shows and the server counts in). */
export function todayInVietnam(now: Date = new Date()): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: TIME_ZONE }).format(now);
}

/** A date picked in a form (YYYY-MM-DD) as noon of that day in Vietnam, an unambiguous timestamp. */
export function vietnamNoon(day: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const t = Date.parse(`${day}T12:00:00+07:00`);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

export interface ReportFigures {
  total: number;
  withCamera: number;
  withoutCamera: number;
  /** share with an active camera, one decimal; null when the ward has no house */
  percentWithCamera: number | null;
  byStatus: Array<{ status: ComplianceStatus; count: number }>;
}

/** The ward report's figures from the server's counts (houses without = total − with). */
export function reportFigures(counts: { housesTotal: number; housesWithCamera: number; byStatus: Record<ComplianceStatus, number> }): ReportFigures {
  const { housesTotal: total, housesWithCamera: withCamera } = counts;
  return {
    total,
    withCamera,
    withoutCamera: Math.max(0, total - withCamera),
    percentWithCamera: total > 0 ? Math.round((withCamera / total) * 1000) / 10 : null,
    byStatus: COMPLIANCE_STATUSES.map((status) => ({ status, count: counts.byStatus[status] ?? 0 })),
  };
}

/** "TDP 3 – Tổ dân phố 3" for a house's residential group, from the ward's groups. */
export function groupLabel(groups: ReadonlyArray<{ id: number; code: string; name: string }>, id: number | null): string | null {
  if (id == null) return null;
  const g = groups.find((x) => x.id === id);
  return g ? g.name : null;
}

/** The houses a case can be opened against: no active camera (the report's list) and no unclosed case. */
export function housesForNewCase(houses: readonly ReportHouse[]): ReportHouse[] {
  return houses.filter((h) => h.openPenaltyCase == null);
}

/** The server's allowed actions in the panel's order (unknown ones are dropped). */
export function orderedActions(allowed: readonly string[]): PenaltyCaseAction[] {
  return PENALTY_CASE_ACTIONS.filter((a) => allowed.includes(a));
}

/**
 * The form field a refused mutation names: the server says "input.fineAmountVnd" or "id"; the form
 * knows "fineAmountVnd". Null when it names none.
 */
export function errorField(error: Pick<GraphQLClientError, 'field'> | null | undefined): string | null {
  const field = error?.field;
  if (!field) return null;
  return field.replace(/^input\./, '');
}

/** A bar's width for an uptake percentage, clamped to 0-100 (null: no bar). */
export function barWidth(percent: number | null | undefined): number | null {
  if (percent == null || !Number.isFinite(percent)) return null;
  return Math.min(100, Math.max(0, percent));
}

/**
 * Forward/backward paging over a cursor connection: `after` of each page seen so far, so "previous"
 * goes back to the cursor the earlier page was asked with.
 */
export interface CursorPager {
  /** the `after` each visited page was asked with; the last is the current page's */
  stack: Array<string | null>;
}

export const FIRST_PAGE: CursorPager = { stack: [null] };

export function currentAfter(p: CursorPager): string | null {
  return p.stack[p.stack.length - 1] ?? null;
}

export function nextPage(p: CursorPager, endCursor: string | null): CursorPager {
  return endCursor ? { stack: [...p.stack, endCursor] } : p;
}

export function previousPage(p: CursorPager): CursorPager {
  return p.stack.length > 1 ? { stack: p.stack.slice(0, -1) } : p;
}

/** The 1-based number of the current page. */
export function pageNumber(p: CursorPager): number {
  return p.stack.length;
}

/**
 * What the civil-servants page asks for its list: null (nothing fetched, the list not shown) for a
 * role that reads the units' figures but may not read the people (PLANNER: `units` without
 * `civilServants`); else the key of the list for this filter and page.
 */
export function civilServantsListKey(
  user: Pick<CurrentUser, 'permissions'>,
  filter: CivilServantFilter,
  after: string | null,
): string | null {
  return can(user, 'civilServants') ? JSON.stringify([filter, after]) : null;
}

/** The state of a remote read, as useRemote reports it. */
export type RemoteStatus = 'idle' | 'loading' | 'ready' | 'error';

/**
 * What the ward report shows below its toolbar: `loading` only while something is on its way,
 * `noWards` when the user may pick a ward but there is none, `error` when a read failed (the page
 * shows the error itself), `ready` with the sheet.
 */
export function wardReportView(s: {
  wardId: number | null;
  wards: RemoteStatus;
  wardCount: number | null;
  summary: RemoteStatus;
  houses: RemoteStatus;
}): 'loading' | 'noWards' | 'error' | 'ready' {
  if (s.wardId == null) {
    if (s.wards === 'error') return 'error';
    if (s.wards === 'ready' && (s.wardCount ?? 0) === 0) return 'noWards';
    // Loading the wards, or about to pick the first one.
    return 'loading';
  }
  if (s.summary === 'error' || s.houses === 'error') return 'error';
  if (s.summary === 'ready' && s.houses === 'ready') return 'ready';
  return 'loading';
}
