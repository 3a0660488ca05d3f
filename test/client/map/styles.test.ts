import { describe, expect, it } from 'vitest';
import {
  PALETTE,
  STATUS_COLORS,
  cameraRadius,
  cameraStyle,
  classIndex,
  classRanges,
  groupStyle,
  niceRound,
  quantileBreaks,
  rentalHouseStyle,
  sectorStyle,
  wardFillStyle,
  wardOutlineStyle,
} from '../../../client/src/map/styles';
import { CAMERA_STATUSES } from '../../../client/src/types';

describe('camera styles', () => {
  it('styles offline cameras apart from active ones', () => {
    const active = cameraStyle({ type: 'FIXED', status: 'ACTIVE' }, 16);
    const offline = cameraStyle({ type: 'FIXED', status: 'OFFLINE' }, 16);
    expect(active.fillColor).not.toBe(offline.fillColor);
    expect(active.className).toContain('ww-camera');
    expect(offline.className).toContain('ww-camera-offline');
  });

  it('gives every status its own colour', () => {
    const colours = new Set(CAMERA_STATUSES.map((status) => cameraStyle({ type: 'DOME', status }, 16).fillColor));
    expect(colours.size).toBe(CAMERA_STATUSES.length);
  });

  it('draws a PTZ camera larger and with a dark ring', () => {
    const ptz = cameraStyle({ type: 'PTZ', status: 'ACTIVE' }, 16);
    const fixed = cameraStyle({ type: 'FIXED', status: 'ACTIVE' }, 16);
    expect(ptz.radius).toBeGreaterThan(fixed.radius);
    expect(ptz.color).toBe(PALETTE.ink);
  });

  it('shrinks markers when zoomed out but never below two pixels', () => {
    expect(cameraRadius('PTZ', 13)).toBeLessThan(cameraRadius('PTZ', 17));
    expect(cameraRadius('FIXED', 5)).toBe(2);
  });

  it('uses whole-pixel radii, as the canvas renderer rounds them anyway', () => {
    for (const zoom of [12, 14, 15, 16, 18]) expect(Number.isInteger(cameraRadius('DOME', zoom))).toBe(true);
  });
});

describe('view sector styles', () => {
  it('fills active sectors more strongly than offline or decommissioned ones', () => {
    const active = sectorStyle({ status: 'ACTIVE' });
    expect(active.fillOpacity!).toBeGreaterThan(sectorStyle({ status: 'OFFLINE' }).fillOpacity!);
    expect(sectorStyle({ status: 'OFFLINE' }).fillOpacity!).toBeGreaterThan(sectorStyle({ status: 'DECOMMISSIONED' }).fillOpacity!);
  });

  it('dashes the outline of a sector that sees nothing now', () => {
    expect(sectorStyle({ status: 'ACTIVE' }).dashArray).toBeUndefined();
    expect(sectorStyle({ status: 'OFFLINE' }).dashArray).toBeTruthy();
  });

  it('colours a sector like its camera and keeps it translucent', () => {
    for (const status of CAMERA_STATUSES) {
      const style = sectorStyle({ status });
      expect(style.fillColor).toBe(STATUS_COLORS[status]);
      expect(style.fillOpacity!).toBeLessThan(0.5);
      expect(style.className).toContain('ww-sector');
    }
  });
});

describe('rental house styles', () => {
  it('draws a house with an active camera as a green square and one without as an orange diamond', () => {
    const covered = rentalHouseStyle({ hasActiveCamera: true }, 16);
    const uncovered = rentalHouseStyle({ hasActiveCamera: false }, 16);
    expect(covered.shape).toBe('square');
    expect(covered.fillColor).toBe(PALETTE.houseWithCamera);
    expect(uncovered.shape).toBe('diamond');
    expect(uncovered.fillColor).toBe(PALETTE.houseWithoutCamera);
    expect(uncovered.radius).toBeGreaterThanOrEqual(covered.radius);
  });
});

describe('area styles', () => {
  it('marks a residential group without an active camera with a dashed, tinted outline', () => {
    const covered = groupStyle({ activeCameras: 2 });
    const uncovered = groupStyle({ activeCameras: 0 });
    expect(covered.fillOpacity).toBe(0);
    expect(covered.dashArray).toBeUndefined();
    expect(uncovered.dashArray).toBeTruthy();
    expect(uncovered.fillOpacity!).toBeGreaterThan(0);
    expect(uncovered.color).toBe(PALETTE.uncoveredGroup);
  });

  it('keeps groups clickable inside with a transparent fill', () => {
    expect(groupStyle({ activeCameras: 1 }).fill).toBe(true);
  });

  it('fills wards darker for a higher density class and greys out wards outside the scope', () => {
    expect(wardFillStyle({ densityClass: 0, dimmed: false }).fillColor).toBe(PALETTE.densityRamp[0]);
    expect(wardFillStyle({ densityClass: 4, dimmed: false }).fillColor).toBe(PALETTE.densityRamp[4]);
    expect(wardFillStyle({ densityClass: 4, dimmed: true }).fillColor).toBe(PALETTE.dimmed);
  });

  it('keeps the ward fill unclickable and the ward outline clickable but see-through', () => {
    expect(wardFillStyle({ densityClass: 1, dimmed: false }).interactive).toBe(false);
    const outline = wardOutlineStyle({ selected: false, dimmed: false });
    expect(outline.fill).toBe(true);
    expect(outline.fillOpacity).toBe(0);
  });

  it('outlines the selected ward more heavily', () => {
    expect(wardOutlineStyle({ selected: true, dimmed: false }).weight!).toBeGreaterThan(wardOutlineStyle({ selected: false, dimmed: false }).weight!);
  });

  it('lets a basemap show through the ward fill', () => {
    const plain = wardFillStyle({ densityClass: 2, dimmed: false });
    const over = wardFillStyle({ densityClass: 2, dimmed: false }, { basemap: true });
    expect(over.fillOpacity!).toBeLessThan(plain.fillOpacity!);
  });

  it('clamps an out-of-range class to the ramp', () => {
    expect(wardFillStyle({ densityClass: 9, dimmed: false }).fillColor).toBe(PALETTE.densityRamp[4]);
    expect(wardFillStyle({ densityClass: -1, dimmed: false }).fillColor).toBe(PALETTE.densityRamp[0]);
  });
});

describe('class breaks', () => {
  it('splits values into quantile classes with rounded bounds', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const breaks = quantileBreaks(values, 5);
    expect(breaks).toHaveLength(4);
    expect(breaks).toEqual([...breaks].sort((a, b) => a - b));
    expect(values.map((v) => classIndex(v, breaks))).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
  });

  it('drops duplicate breaks when many values are equal', () => {
    const breaks = quantileBreaks([5, 5, 5, 5, 5, 5, 9], 5);
    expect(new Set(breaks).size).toBe(breaks.length);
    expect(breaks.every((b) => b < 9)).toBe(true);
  });

  it('has no breaks for no values or a single class', () => {
    expect(quantileBreaks([], 5)).toEqual([]);
    expect(quantileBreaks([1, 2, 3], 1)).toEqual([]);
  });

  it('puts a value equal to a bound in the lower class', () => {
    expect(classIndex(10, [10, 20])).toBe(0);
    expect(classIndex(10.01, [10, 20])).toBe(1);
    expect(classIndex(99, [10, 20])).toBe(2);
  });

  it('rounds bounds to two significant digits', () => {
    expect(niceRound(1234)).toBe(1200);
    expect(niceRound(3.46)).toBe(3.5);
    expect(niceRound(0.01234)).toBe(0.012);
    expect(niceRound(0)).toBe(0);
  });

  it('turns breaks into open-ended legend ranges', () => {
    expect(classRanges([10, 20])).toEqual([
      [null, 10],
      [10, 20],
      [20, null],
    ]);
    expect(classRanges([])).toEqual([[null, null]]);
  });
});
