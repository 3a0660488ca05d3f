import { describe, expect, it } from 'vitest';
import {
  COVERAGE_BREAKS,
  COVERAGE_CLASSES,
  COVERAGE_RAMP,
  GAP_PATTERN_ID,
  countByCoverageClass,
  coverageClass,
  gapStyle,
  gapTotal,
  groupCoverageFillStyle,
  lacksCamera,
  parseCoverageTarget,
} from '../../../client/src/map/coverage';

describe('coverage classes', () => {
  it('classes a group with 30% coverage as 25-50%', () => {
    const c = COVERAGE_CLASSES[coverageClass(30)!];
    expect([c.from, c.to]).toEqual([25, 50]);
  });

  it('keeps a group no camera sees at all in a class of its own', () => {
    expect(coverageClass(0)).toBe(0);
    expect(COVERAGE_CLASSES[0]).toMatchObject({ from: null, to: null });
    expect(coverageClass(0.01)).toBe(1);
  });

  it('puts a value on a break in the upper class', () => {
    expect(coverageClass(4.99)).toBe(1);
    expect(coverageClass(5)).toBe(2);
    expect(coverageClass(10)).toBe(3);
    expect(coverageClass(25)).toBe(4);
    expect(coverageClass(50)).toBe(5);
    expect(coverageClass(100)).toBe(5);
  });

  it('has no class for a group whose coverage is not known', () => {
    expect(coverageClass(null)).toBeNull();
    expect(coverageClass(undefined)).toBeNull();
    expect(coverageClass(Number.NaN)).toBeNull();
  });

  it('has one colour per class, and classes that follow each other without a hole', () => {
    expect(COVERAGE_RAMP).toHaveLength(COVERAGE_CLASSES.length);
    expect(COVERAGE_CLASSES).toHaveLength(COVERAGE_BREAKS.length + 2);
    for (let i = 2; i < COVERAGE_CLASSES.length; i += 1) expect(COVERAGE_CLASSES[i].from).toBe(COVERAGE_CLASSES[i - 1].to);
    expect(COVERAGE_CLASSES.at(-1)!.to).toBeNull();
  });

  it('counts the demo district’s spread of groups per class, unknown apart', () => {
    const { counts, unknown } = countByCoverageClass([0, 0, 3.6, 8.4, 18, 30.8, 61.8, null]);
    expect(counts).toEqual([2, 1, 1, 1, 1, 1]);
    expect(unknown).toBe(1);
  });
});

describe('coverage styles', () => {
  it('fills a group with its class colour, opaque on the plain map and see-through over a basemap', () => {
    expect(groupCoverageFillStyle({ coveredPercent: 30 })).toMatchObject({ fillColor: COVERAGE_RAMP[4], fillOpacity: 1, interactive: false });
    expect(groupCoverageFillStyle({ coveredPercent: 30 }, { basemap: true }).fillOpacity).toBeLessThan(1);
  });

  it('leaves a group with no figure unfilled', () => {
    expect(groupCoverageFillStyle({ coveredPercent: null }).fillOpacity).toBe(0);
  });

  it('hatches gaps with the SVG pattern and a dashed outline that firms up when zoomed in', () => {
    const far = gapStyle(13);
    const near = gapStyle(17);
    expect(far.fillColor).toBe(`url(#${GAP_PATTERN_ID})`);
    expect(near.dashArray).toBeTruthy();
    expect(Number(near.weight)).toBeGreaterThan(Number(far.weight));
    expect(far.interactive).toBe(false);
  });

  it('adds up the gap area of a scope', () => {
    expect(gapTotal([{ properties: { gapAreaM2: 1200 } }, { properties: { gapAreaM2: 800.5 } }])).toBeCloseTo(2000.5);
    expect(gapTotal([])).toBe(0);
  });
});

describe('R8 and the coverage target', () => {
  it('calls a group without an active camera uncovered, by the server’s count first', () => {
    expect(lacksCamera({ activeCameraCount: 0 })).toBe(true);
    expect(lacksCamera({ activeCameraCount: 2 }, 0)).toBe(false);
    expect(lacksCamera({}, 0)).toBe(true);
    expect(lacksCamera({}, null)).toBe(false);
  });

  it('reads a coverage target between 0 and 100, with a decimal comma, and no target when empty', () => {
    expect(parseCoverageTarget('')).toBeNull();
    expect(parseCoverageTarget('  ')).toBeNull();
    expect(parseCoverageTarget('10')).toBe(10);
    expect(parseCoverageTarget('12,5')).toBe(12.5);
    expect(parseCoverageTarget('100')).toBe(100);
  });

  it('refuses a target of 0, above 100 or not a number', () => {
    for (const text of ['0', '101', '-5', 'abc', '1e2', '5%']) expect(parseCoverageTarget(text), text).toBe('invalid');
  });
});
