/**
 * What the maintenance page computes besides rendering: a repair cost typed into a form, and the
 * ticket list's state filter. Pure functions (test/client/components/maintenance/logic.test.ts).
 */
import { MAINTENANCE_ACTIONS, MAINTENANCE_STATES, OPEN_STATES, type MaintenanceAction, type MaintenanceState } from '../../api/maintenance';

/**
 * A repair cost typed into a form: digits with optional thousands separators (".", ",", spaces) and an
 * optional "₫"/"đ"/"VND"; 0 allowed (a free repair). undefined for an empty field; null when it is
 * not a whole number of đồng.
 */
export function parseCost(text: string): number | null | undefined {
  const cleaned = text.replace(/(₫|đ|vnd)/giu, '').replace(/[\s.,\u00a0\u202f]/gu, '');
  if (cleaned === '') return text.trim() === '' ? undefined : null;
  if (!/^\d+$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isSafeInteger(value) ? value : null;
}

/** The list's state filter: every ticket, the unresolved ones, or one state. */
export type StateFilter = 'ALL' | 'OPEN' | MaintenanceState;
export const STATE_FILTERS: readonly StateFilter[] = ['OPEN', 'ALL', ...MAINTENANCE_STATES];

/** The states a filter asks the server for (null: all). */
export function statesOf(filter: StateFilter): readonly MaintenanceState[] | null {
  if (filter === 'ALL') return null;
  if (filter === 'OPEN') return OPEN_STATES;
  return [filter];
}

/** The server's allowed actions in the order the panel shows them; unknown ones dropped. */
export function orderedMaintenanceActions(allowed: readonly string[]): MaintenanceAction[] {
  return MAINTENANCE_ACTIONS.filter((a) => allowed.includes(a));
}
