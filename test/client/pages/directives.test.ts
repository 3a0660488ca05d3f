import { describe, expect, it } from 'vitest';
import type { Directive } from '../../../client/src/api/compliance';
import {
  changesOf,
  draftOf,
  draftProblems,
  errorField,
  isCalendarDay,
  isRequirementCode,
  mayChangeDeadline,
  NOTES_MAX,
  REQUIREMENT_CODES,
  sortDirectives,
  statusSummary,
} from '../../../client/src/pages/directives';
import en from '../../../client/src/i18n/en';
import vi from '../../../client/src/i18n/vi';

function directive(overrides: Partial<Directive> = {}): Directive {
  return {
    id: 8,
    code: 'R8',
    title: 'Every residential group has at least 1 camera',
    responsibleUnitId: null,
    responsibleUnit: null,
    ownerRoles: ['WARD_CHAIR'],
    deadline: '2017-09-30',
    daysLeft: -10,
    status: 'IN_PROGRESS',
    overdue: true,
    notes: 'Bắt đầu',
    updatedAt: '2025-01-01T00:00:00Z',
    updatedBy: null,
    canEdit: true,
    ...overrides,
  };
}

describe('the directive list', () => {
  it('orders R1 to R10 by number', () => {
    const list = ['R10', 'R2', 'R1', 'R9'].map((code, i) => directive({ id: i + 1, code }));
    expect(sortDirectives(list).map((d) => d.code)).toEqual(['R1', 'R2', 'R9', 'R10']);
  });

  it('has a title in both languages for each of the ten requirements', () => {
    expect(REQUIREMENT_CODES).toHaveLength(10);
    for (const code of REQUIREMENT_CODES) {
      expect(isRequirementCode(code)).toBe(true);
      expect(vi.requirements[code].length, code).toBeGreaterThan(10);
      expect(en.requirements[code].length, code).toBeGreaterThan(10);
    }
    expect(isRequirementCode('R11')).toBe(false);
    expect(vi.requirements.R8).toContain('tổ dân phố');
    expect(en.requirements.R8).toContain('residential group');
  });

  it('counts the directives by status and the overdue ones', () => {
    const list = [directive({ status: 'DONE', overdue: false }), directive({ status: 'BLOCKED' }), directive({ status: 'NOT_STARTED', overdue: false })];
    expect(statusSummary(list)).toEqual({ total: 3, done: 1, inProgress: 0, blocked: 1, notStarted: 1, overdue: 1 });
  });
});

describe('editing a directive', () => {
  it('lets only ADMIN and PLANNER change a deadline', () => {
    expect(mayChangeDeadline('ADMIN')).toBe(true);
    expect(mayChangeDeadline('PLANNER')).toBe(true);
    for (const role of ['WARD_CHAIR', 'POLICE', 'JUSTICE', 'HOME_AFFAIRS'] as const) expect(mayChangeDeadline(role)).toBe(false);
  });

  it('starts from the directive as it is and sends nothing when nothing changed', () => {
    const d = directive();
    expect(draftOf(d)).toEqual({ status: 'IN_PROGRESS', notes: 'Bắt đầu', deadline: '2017-09-30' });
    expect(changesOf(d, draftOf(d), true)).toBeNull();
    expect(draftOf(directive({ notes: null, deadline: null }))).toEqual({ status: 'IN_PROGRESS', notes: '', deadline: '' });
  });

  it('sends only what changed, with notes trimmed and blank notes cleared', () => {
    const d = directive();
    expect(changesOf(d, { ...draftOf(d), status: 'DONE' }, false)).toEqual({ status: 'DONE' });
    expect(changesOf(d, { ...draftOf(d), notes: '  Xong 12/13 phường  ' }, false)).toEqual({ notes: 'Xong 12/13 phường' });
    expect(changesOf(d, { ...draftOf(d), notes: '   ' }, false)).toEqual({ notes: null });
    expect(changesOf(d, { ...draftOf(d), notes: 'Bắt đầu ' }, false)).toBeNull();
  });

  it('sends a new or cleared deadline only for a role that may change it', () => {
    const d = directive();
    expect(changesOf(d, { ...draftOf(d), deadline: '2017-10-31' }, true)).toEqual({ deadline: '2017-10-31' });
    expect(changesOf(d, { ...draftOf(d), deadline: '' }, true)).toEqual({ deadline: null });
    expect(changesOf(d, { ...draftOf(d), deadline: '2017-10-31' }, false)).toBeNull();
  });

  it('refuses notes that are too long and a day that does not exist before sending', () => {
    const d = draftOf(directive());
    expect(draftProblems(d)).toEqual([]);
    expect(draftProblems({ ...d, notes: 'x'.repeat(NOTES_MAX) })).toEqual([]);
    expect(draftProblems({ ...d, notes: 'x'.repeat(NOTES_MAX + 1) })).toEqual([{ field: 'notes', code: 'tooLong' }]);
    expect(draftProblems({ ...d, deadline: '2017-02-30' })).toEqual([{ field: 'deadline', code: 'invalid' }]);
    expect(isCalendarDay('2024-02-29')).toBe(true);
    expect(isCalendarDay('2023-02-29')).toBe(false);
    expect(isCalendarDay('30/09/2017')).toBe(false);
  });

  it('reads the field a server error names', () => {
    expect(errorField('input.deadline')).toBe('deadline');
    expect(errorField('id')).toBe('id');
    expect(errorField(undefined)).toBeNull();
    expect(errorField('')).toBeNull();
  });
});
