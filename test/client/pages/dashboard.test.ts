import { describe, expect, it } from 'vitest';
import type { ComplianceFigures, WardCompliance } from '../../../client/src/api/compliance';
import {
  deadlineState,
  formatDay,
  nextSort,
  percentages,
  share,
  shortWardName,
  showDots,
  sortWards,
  spansYears,
  trendRows,
  wardChartRows,
} from '../../../client/src/pages/dashboard';

function figures(overrides: Partial<ComplianceFigures> = {}): ComplianceFigures {
  return {
    groupsTotal: 10,
    groupsWithCamera: 5,
    groupsPercent: 50,
    housesTotal: 20,
    housesWithCamera: 5,
    housesPercent: 25,
    housesVerified: 2,
    civilServantsTotal: 4,
    civilServantsVerified: 4,
    civilServantUptakePercent: 100,
    activeCameras: 30,
    openCases: 1,
    ...overrides,
  };
}

function ward(id: number, name: string, overrides: Partial<ComplianceFigures> = {}): WardCompliance {
  return { wardId: id, ward: { id, code: `P${String(id).padStart(2, '0')}`, name }, figures: figures(overrides) };
}

describe('the percentages a figure shows', () => {
  it('takes the server’s percentages', () => {
    expect(percentages(figures())).toEqual({ groups: 50, houses: 25, servants: 100 });
  });

  it('computes a missing percentage from the counts, and none when the total is 0', () => {
    const f = figures({ groupsPercent: null, groupsWithCamera: 1, groupsTotal: 3, civilServantUptakePercent: null, civilServantsTotal: 0, civilServantsVerified: 0 });
    expect(percentages(f).groups).toBeCloseTo(33.333, 3);
    expect(percentages(f).servants).toBeNull();
    expect(share(0, 0)).toBeNull();
    expect(share(2, 8)).toBe(25);
  });
});

describe('the trend’s series', () => {
  it('puts the days in order, one row per day with its three percentages', () => {
    const rows = trendRows([
      { day: '2025-03-02', figures: figures({ groupsPercent: 60 }) },
      { day: '2025-03-01', figures: figures({ groupsPercent: 55 }) },
      { day: '2025-03-02', figures: figures({ groupsPercent: 61 }) },
    ]);
    expect(rows).toEqual([
      { day: '2025-03-01', groups: 55, houses: 25, servants: 100 },
      { day: '2025-03-02', groups: 61, houses: 25, servants: 100 },
    ]);
  });

  it('is empty without snapshots', () => {
    expect(trendRows([])).toEqual([]);
  });

  it('shows years on the axis only when the trend crosses a new year, and dots only for short trends', () => {
    const row = (day: string) => ({ day, groups: 1, houses: 1, servants: 1 });
    expect(spansYears([row('2024-12-30'), row('2025-01-02')])).toBe(true);
    expect(spansYears([row('2025-01-01'), row('2025-12-31')])).toBe(false);
    expect(spansYears([row('2025-01-01')])).toBe(false);
    expect(showDots(30)).toBe(true);
    expect(showDots(120)).toBe(false);
  });

  it('writes a day short, in the UI’s language, never shifted by a time zone', () => {
    expect(formatDay('2025-06-01', 'vi')).toBe('1 thg 6');
    expect(formatDay('2025-06-01', 'en')).toBe('1 Jun');
    expect(formatDay('2025-01-01', 'en', true)).toBe('1 Jan 2025');
    expect(formatDay('not a day', 'en')).toBe('not a day');
  });
});

describe('a deadline', () => {
  it('is days left before it, due today on it, overdue after it', () => {
    expect(deadlineState(12)).toEqual({ kind: 'left', days: 12 });
    expect(deadlineState(0)).toEqual({ kind: 'today' });
    expect(deadlineState(-3000)).toEqual({ kind: 'overdue', days: 3000 });
  });

  it('is nothing without a deadline', () => {
    expect(deadlineState(null)).toEqual({ kind: 'none' });
    expect(deadlineState(undefined)).toEqual({ kind: 'none' });
    expect(deadlineState(Number.NaN)).toEqual({ kind: 'none' });
  });
});

describe('the per-ward table and chart', () => {
  const wards = [
    ward(3, 'Phường Tân An', { groupsPercent: 80, openCases: 0 }),
    ward(1, 'Phường Hòa Lạc', { groupsPercent: 20, openCases: 4 }),
    ward(2, 'Phường An Bình', { groupsPercent: null, groupsTotal: 0, groupsWithCamera: 0, openCases: 2 }),
    ward(10, 'Phường 10', { groupsPercent: 20 }),
    ward(9, 'Phường 9', { groupsPercent: 20 }),
  ];
  const ids = (rows: WardCompliance[]) => rows.map((r) => r.wardId);

  it('sorts by name in the language’s order, numbers as numbers', () => {
    expect(ids(sortWards(wards, { key: 'name', direction: 'asc' }, 'vi'))).toEqual([9, 10, 2, 1, 3]);
    expect(ids(sortWards(wards, { key: 'name', direction: 'desc' }, 'vi'))).toEqual([3, 1, 2, 10, 9]);
  });

  it('sorts by a share with ties by name and wards without a figure last either way', () => {
    expect(ids(sortWards(wards, { key: 'groups', direction: 'asc' }, 'vi'))).toEqual([9, 10, 1, 3, 2]);
    expect(ids(sortWards(wards, { key: 'groups', direction: 'desc' }, 'vi'))).toEqual([3, 9, 10, 1, 2]);
  });

  it('sorts by counts', () => {
    expect(ids(sortWards(wards, { key: 'cases', direction: 'desc' }, 'en'))[0]).toBe(1);
  });

  it('does not change the list it sorts', () => {
    const before = ids(wards);
    sortWards(wards, { key: 'groups', direction: 'asc' }, 'vi');
    expect(ids(wards)).toEqual(before);
  });

  it('flips the direction of the same column, and starts a new one with the wards behind first', () => {
    expect(nextSort({ key: 'name', direction: 'asc' }, 'name')).toEqual({ key: 'name', direction: 'desc' });
    expect(nextSort({ key: 'name', direction: 'asc' }, 'houses')).toEqual({ key: 'houses', direction: 'asc' });
    expect(nextSort({ key: 'houses', direction: 'asc' }, 'cases')).toEqual({ key: 'cases', direction: 'desc' });
  });

  it('labels the bar chart with short ward names and the R8 and R2 shares', () => {
    expect(shortWardName('Phường Hòa Lạc')).toBe('Hòa Lạc');
    expect(shortWardName('Ward 7')).toBe('7');
    expect(shortWardName('Phường')).toBe('Phường');
    expect(wardChartRows([wards[0]])).toEqual([{ wardId: 3, name: 'Tân An', fullName: 'Phường Tân An', groups: 80, houses: 25 }]);
  });
});
