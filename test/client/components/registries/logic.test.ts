import { describe, expect, it } from 'vitest';
import { GraphQLClientError } from '../../../../client/src/api/graphql';
import type { ReportHouse } from '../../../../client/src/api/registries';
import {
  barWidth,
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
