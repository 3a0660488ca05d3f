/**
 * The directive list's pure logic: the order of R1–R10, the title to show, who may change a
 * deadline, and what an edit form sends. No React, no i18next: unit-tested in node.
 */
import type { Directive, DirectiveStatus, UpdateDirectiveInput } from '../api/compliance';
import type { Role } from '../types';

/** The requirements of the ordinance (../shared/MISSION.md), each with its title in the catalogue. */
export const REQUIREMENT_CODES = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9', 'R10'] as const;
export type RequirementCode = (typeof REQUIREMENT_CODES)[number];

export function isRequirementCode(code: string): code is RequirementCode {
  return (REQUIREMENT_CODES as readonly string[]).includes(code);
}

/** R1, R2, …, R10 (not R1, R10, R2); anything else after them by its text. */
export function sortDirectives(list: readonly Directive[]): Directive[] {
  const number = (code: string) => {
    const m = /^R(\d+)$/.exec(code);
    return m ? Number(m[1]) : Number.POSITIVE_INFINITY;
  };
  return [...list].sort((a, b) => number(a.code) - number(b.code) || a.code.localeCompare(b.code) || a.id - b.id);
}

/** Roles that may move a deadline (the server refuses the others with FORBIDDEN naming the field). */
export const DEADLINE_ROLES: readonly Role[] = ['ADMIN', 'PLANNER'];

export function mayChangeDeadline(role: Role): boolean {
  return DEADLINE_ROLES.includes(role);
}

/** The longest note the database keeps. */
export const NOTES_MAX = 4000;

export interface DirectiveDraft {
  status: DirectiveStatus;
  notes: string;
  /** YYYY-MM-DD, '' for none */
  deadline: string;
}

export function draftOf(directive: Directive): DirectiveDraft {
  return { status: directive.status, notes: directive.notes ?? '', deadline: directive.deadline ?? '' };
}

export type DraftProblem = { field: 'notes'; code: 'tooLong' } | { field: 'deadline'; code: 'invalid' };

/** What is wrong with a draft before it is sent (the server checks again). */
export function draftProblems(draft: DirectiveDraft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (draft.notes.length > NOTES_MAX) problems.push({ field: 'notes', code: 'tooLong' });
  if (draft.deadline !== '' && !isCalendarDay(draft.deadline)) problems.push({ field: 'deadline', code: 'invalid' });
  return problems;
}

export function isCalendarDay(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return date.getUTCFullYear() === +m[1] && date.getUTCMonth() === +m[2] - 1 && date.getUTCDate() === +m[3];
}

/**
 * The update to send: only what changed (a deadline only from a role that may change it); notes
 * trimmed, blank notes cleared. null when nothing changed.
 */
export function changesOf(directive: Directive, draft: DirectiveDraft, canChangeDeadline: boolean): UpdateDirectiveInput | null {
  const input: UpdateDirectiveInput = {};
  if (draft.status !== directive.status) input.status = draft.status;
  const notes = draft.notes.trim() === '' ? null : draft.notes.trim();
  if (notes !== (directive.notes ?? null)) input.notes = notes;
  if (canChangeDeadline) {
    const deadline = draft.deadline === '' ? null : draft.deadline;
    if (deadline !== (directive.deadline ?? null)) input.deadline = deadline;
  }
  return Object.keys(input).length === 0 ? null : input;
}

/** How many directives are in each status, and how many are overdue (not done, past the deadline). */
export function statusSummary(list: readonly Directive[]): { total: number; done: number; inProgress: number; blocked: number; notStarted: number; overdue: number } {
  const count = (status: DirectiveStatus) => list.filter((d) => d.status === status).length;
  return {
    total: list.length,
    done: count('DONE'),
    inProgress: count('IN_PROGRESS'),
    blocked: count('BLOCKED'),
    notStarted: count('NOT_STARTED'),
    overdue: list.filter((d) => d.overdue).length,
  };
}

/** The form field a server error names: 'input.deadline' -> 'deadline'; null when it names none. */
export function errorField(field: string | null | undefined): string | null {
  if (!field) return null;
  const last = field.split('.').pop() ?? field;
  return last === '' ? null : last;
}
