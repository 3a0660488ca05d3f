import { describe, expect, it } from 'vitest';
import { overlaps, placeLabels } from '../../../client/src/map/declutter';

const box = (left: number, top: number, width = 100, height = 20) => ({ left, top, right: left + width, bottom: top + height });

describe('declutter', () => {
  it('tells overlapping boxes from separate ones, with a margin', () => {
    expect(overlaps(box(0, 0), box(50, 10))).toBe(true);
    expect(overlaps(box(0, 0), box(103, 0))).toBe(false);
    expect(overlaps(box(0, 0), box(103, 0), 4)).toBe(true);
  });

  it('hides a label that would overlap a label of higher priority when it may not move', () => {
    const placed = placeLabels([box(0, 0), box(60, 5), box(0, 100)], 4, undefined, [0]);
    expect([...placed.keys()]).toEqual([0, 2]);
  });

  it('moves a colliding label one line up or down when that place is free', () => {
    // box 1 collides with box 0 on the same line; the line above (24 px up) is free, so it moves there.
    const placed = placeLabels([box(0, 40), box(60, 40), box(0, 100)]);
    expect(placed.get(0)).toBe(0);
    expect(placed.get(1)).toBe(-24);
    expect(placed.get(2)).toBe(0);
  });

  it('tries below when above is taken, and hides the label when both are', () => {
    const below = placeLabels([box(0, 40), box(0, 16), box(60, 40)]);
    expect(below.get(2)).toBe(24);
    const hidden = placeLabels([box(0, 40), box(0, 16), box(0, 64), box(60, 40)]);
    expect(hidden.has(3)).toBe(false);
  });

  it('shows every label where it stands when none overlap', () => {
    const placed = placeLabels([box(0, 0), box(0, 40), box(200, 0)]);
    expect([...placed.values()]).toEqual([0, 0, 0]);
  });
});

describe('declutter within the map', () => {
  it('hides a label cut by the edge of the map and lets the next one show', () => {
    const frame = { left: 0, top: 0, right: 500, bottom: 300 };
    const placed = placeLabels([box(-30, 10), box(20, 12), box(450, 200)], 4, frame, [0]);
    expect([...placed.keys()]).toEqual([1]);
  });
});
