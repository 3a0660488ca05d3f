import { describe, expect, it } from 'vitest';
import { overlaps, visibleLabels } from '../../../client/src/map/declutter';

const box = (left: number, top: number, width = 100, height = 20) => ({ left, top, right: left + width, bottom: top + height });

describe('declutter', () => {
  it('tells overlapping boxes from separate ones, with a margin', () => {
    expect(overlaps(box(0, 0), box(50, 10))).toBe(true);
    expect(overlaps(box(0, 0), box(103, 0))).toBe(false);
    expect(overlaps(box(0, 0), box(103, 0), 4)).toBe(true);
  });

  it('hides a label that would overlap a label of higher priority', () => {
    const shown = visibleLabels([box(0, 0), box(60, 5), box(0, 100)]);
    expect([...shown]).toEqual([0, 2]);
  });

  it('shows every label when none overlap', () => {
    expect(visibleLabels([box(0, 0), box(0, 40), box(200, 0)]).size).toBe(3);
  });
});

describe('declutter within the map', () => {
  it('hides a label cut by the edge of the map and lets the next one show', () => {
    const frame = { left: 0, top: 0, right: 500, bottom: 300 };
    const shown = visibleLabels([box(-30, 10), box(20, 12), box(450, 200)], 4, frame);
    expect([...shown]).toEqual([1]);
  });
});
