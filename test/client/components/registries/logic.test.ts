import { describe, expect, it } from 'vitest';
import { GraphQLClientError } from '../../../../client/src/api/graphql';
import type { ReportHouse } from '../../../../client/src/api/registries';
import {
  barWidth,
  civilServantsListKey,
  currentAfter,
  errorField,
  FIRST_PAGE,
  formatLongDate,
  formatVnd,
  groupLabel,
  housesForNewCase,
  nextPage,
  orderedActions,
  pageNumber,
  parseVnd,
  previousPage,
  reportFigures,
  todayInVietnam,
  vietnamNoon,
  wardReportView,
} from '../../../../client/src/components/registries/logic';

/** Intl writes no-break spaces inside amounts; compare with plain ones. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('amounts in Vietnamese đồng', () => {
  it('are written "1.500.000 ₫" in Vietnamese and "₫1,500,000" in English', () => {
    expect(plain(formatVnd(1_500_000, 'vi'))).toBe('1.500.000 ₫');
    expect(plain(formatVnd(1_500_000, 'en'))).toBe('₫1,500,000');
  });

  it('are read from what a user types, with or without separators and currency', () => {
    expect(parseVnd('1500000')).toBe(1_500_000);
    expect(parseVnd('1.500.000')).toBe(1_500_000);
    expect(parseVnd('1,500,000 ₫')).toBe(1_500_000);
    expect(parseVnd(' 750 000 đ ')).toBe(750_000);
    expect(parseVnd('2000000 VND')).toBe(2_000_000);
  });

  it('are refused when they are not a whole positive number', () => {
    for (const text of ['', '   ', '0', '-5', '1.5e6', 'abc', '12a']) expect(parseVnd(text), text).toBeNull();
  });
});

describe('the report date', () => {
  it('is written out in the language, in Vietnam (UTC+7)', () => {
    // 20:00 UTC on 1 Dec is already 2 Dec in Hà Nội
    const late = new Date('2025-12-01T20:00:00Z');
    expect(formatLongDate(late, 'en')).toBe('2 December 2025');
    expect(formatLongDate(late, 'vi')).toBe('2 tháng 12, 2025');
    expect(todayInVietnam(late)).toBe('2025-12-02');
  });

  it('turns a picked day into noon of that day in Vietnam', () => {
    expect(vietnamNoon('2025-03-04')).toBe('2025-03-04T05:00:00.000Z');
    expect(vietnamNoon('4/3/2025')).toBeNull();
  });
});

describe('the report figures', () => {
  it('counts the houses without a camera and the share with one, to one decimal', () => {
    const f = reportFigures({ housesTotal: 118, housesWithCamera: 79, byStatus: { REGISTERED: 30, CAMERA_INSTALLED: 50, CAMERA_VERIFIED: 29, NON_COMPLIANT: 9 } });
    expect(f).toMatchObject({ total: 118, withCamera: 79, withoutCamera: 39, percentWithCamera: 66.9 });
    expect(f.byStatus.map((s) => s.status)).toEqual(['REGISTERED', 'CAMERA_INSTALLED', 'CAMERA_VERIFIED', 'NON_COMPLIANT']);
    expect(f.byStatus.map((s) => s.count)).toEqual([30, 50, 29, 9]);
  });

  it('has no percentage for a ward without houses', () => {
    const f = reportFigures({ housesTotal: 0, housesWithCamera: 0, byStatus: { REGISTERED: 0, CAMERA_INSTALLED: 0, CAMERA_VERIFIED: 0, NON_COMPLIANT: 0 } });
    expect(f.percentWithCamera).toBeNull();
    expect(f.withoutCamera).toBe(0);
  });

  it("names a house's residential group, or nothing when it has none", () => {
    const groups = [{ id: 7, code: 'P01-03', name: 'Tổ dân phố 3' }];
    expect(groupLabel(groups, 7)).toBe('Tổ dân phố 3');
    expect(groupLabel(groups, null)).toBeNull();
    expect(groupLabel(groups, 8)).toBeNull();
  });
});

describe('penalty cases', () => {
  const house = (id: number, open: boolean): ReportHouse => ({
    id,
    address: `${id} Phố Huế`,
    ownerName: null,
    ownerPhone: null,
    rooms: 4,
    residentialGroupId: null,
    complianceStatus: 'REGISTERED',
    statusChangedAt: '2025-01-01T00:00:00Z',
    nearestActiveCameraMeters: null,
    openPenaltyCase: open ? { id: 100 + id, state: 'OPEN' } : null,
  });

  it('are opened only against houses without an unclosed case', () => {
    expect(housesForNewCase([house(1, false), house(2, true), house(3, false)]).map((h) => h.id)).toEqual([1, 3]);
  });

  it("shows exactly the server's allowed actions, in a fixed order", () => {
    expect(orderedActions(['ADD_EVIDENCE', 'CLOSE', 'DECIDE'])).toEqual(['DECIDE', 'CLOSE', 'ADD_EVIDENCE']);
    expect(orderedActions(['SOMETHING_NEW'])).toEqual([]);
    expect(orderedActions([])).toEqual([]);
  });

  it("marks the form field the server's error names", () => {
    expect(errorField(new GraphQLClientError('too small', 'BAD_USER_INPUT', { field: 'input.fineAmountVnd' }))).toBe('fineAmountVnd');
    expect(errorField(new GraphQLClientError('closed', 'BAD_USER_INPUT', { field: 'id' }))).toBe('id');
    expect(errorField(new GraphQLClientError('no', 'FORBIDDEN'))).toBeNull();
    expect(errorField(null)).toBeNull();
  });
});

describe('lists', () => {
  it('draw uptake bars between 0 and 100%', () => {
    expect(barWidth(42.5)).toBe(42.5);
    expect(barWidth(130)).toBe(100);
    expect(barWidth(-1)).toBe(0);
    expect(barWidth(null)).toBeNull();
    expect(barWidth(Number.NaN)).toBeNull();
  });

  it('page forward with the end cursor and back to the cursor of the page before', () => {
    expect(currentAfter(FIRST_PAGE)).toBeNull();
    const second = nextPage(FIRST_PAGE, 'c1');
    const third = nextPage(second, 'c2');
    expect(currentAfter(third)).toBe('c2');
    expect(pageNumber(third)).toBe(3);
    expect(currentAfter(previousPage(third))).toBe('c1');
    expect(previousPage(FIRST_PAGE)).toBe(FIRST_PAGE);
    expect(nextPage(second, null)).toBe(second);
  });
});

describe('the civil-servants page asks for the people only when the role may list them', () => {
  const filter = { unitId: 3, verified: null, search: '' };
  /** The page is reached with `units`; the list needs `civilServants` (server/src/policy.ts). */
  const planner = { permissions: ['units', 'commendationRoster', 'wards'] };
  const homeAffairs = { permissions: ['units', 'commendationRoster', 'civilServants', 'civilServant'] };

  it('fetches nothing for PLANNER, who reads the units but is refused the people', () => {
    expect(civilServantsListKey(planner, filter, null)).toBeNull();
    expect(civilServantsListKey(planner, filter, 'abc')).toBeNull();
  });

  it('fetches the list for a role with civilServants, one key per filter and page', () => {
    const first = civilServantsListKey(homeAffairs, filter, null);
    expect(first).not.toBeNull();
    expect(civilServantsListKey(homeAffairs, filter, 'abc')).not.toBe(first);
    expect(civilServantsListKey(homeAffairs, { ...filter, verified: true }, null)).not.toBe(first);
    expect(civilServantsListKey(homeAffairs, { ...filter }, null)).toBe(first);
  });
});

describe('what the ward report shows below its toolbar', () => {
  const none = { summary: 'idle', houses: 'idle' } as const;

  it('spins while the wards load, and while the chosen ward\'s figures and houses load', () => {
    expect(wardReportView({ wardId: null, wards: 'loading', wardCount: null, ...none })).toBe('loading');
    // the wards came: the first one is about to be picked
    expect(wardReportView({ wardId: null, wards: 'ready', wardCount: 13, ...none })).toBe('loading');
    expect(wardReportView({ wardId: 2, wards: 'ready', wardCount: 13, summary: 'loading', houses: 'ready' })).toBe('loading');
    expect(wardReportView({ wardId: 2, wards: 'ready', wardCount: 13, summary: 'ready', houses: 'loading' })).toBe('loading');
  });

  it('says there is no ward, instead of spinning for ever, when the list of wards is empty', () => {
    expect(wardReportView({ wardId: null, wards: 'ready', wardCount: 0, ...none })).toBe('noWards');
  });

  it('stops spinning when the wards, the figures or the houses failed (the page shows the error)', () => {
    expect(wardReportView({ wardId: null, wards: 'error', wardCount: null, ...none })).toBe('error');
    expect(wardReportView({ wardId: 2, wards: 'ready', wardCount: 13, summary: 'error', houses: 'loading' })).toBe('error');
    expect(wardReportView({ wardId: 2, wards: 'ready', wardCount: 13, summary: 'ready', houses: 'error' })).toBe('error');
  });

  it('shows the sheet for a ward chair whose ward is fixed even when the list of wards failed', () => {
    expect(wardReportView({ wardId: 2, wards: 'error', wardCount: null, summary: 'ready', houses: 'ready' })).toBe('ready');
  });
});
