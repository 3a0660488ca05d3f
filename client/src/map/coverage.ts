/**
 * The coverage choropleth of residential groups and the style of coverage gaps: pure functions,
 * unit-tested in node.
 *
 * Coverage is the share of a group's area inside the view sector of at least one ACTIVE camera.
 * The classes are fixed (not quantiles) so that a map of next month reads against this one, and
 * they follow the demo district's spread (0-62%, district 12%, half the groups under 8%): one class
 * for "nothing seen at all", two under 10%, then 10-25%, 25-50% and 50% or more.
 */
import type { PathOptions } from 'leaflet';

/** Upper bounds (exclusive) of the classes above 0%: 0 | (0, 5) | [5, 10) | [10, 25) | [25, 50) | >= 50. */
export const COVERAGE_BREAKS = [5, 10, 25, 50] as const;

export interface CoverageClass {
  /** 0-based, from no coverage to the best */
  index: number;
  /** inclusive lower bound in %, null for the "exactly 0%" class */
  from: number | null;
  /** exclusive upper bound in %, null for the open top class */
  to: number | null;
}

/** The classes, lowest first: [{from: null, to: null} = 0%, {0, 5}, {5, 10}, {10, 25}, {25, 50}, {50, null}]. */
export const COVERAGE_CLASSES: readonly CoverageClass[] = [
  { index: 0, from: null, to: null },
  ...[0, ...COVERAGE_BREAKS].map((from, i, all) => ({ index: i + 1, from, to: i + 1 < all.length ? all[i + 1] : null })),
];

/**
 * Fill per class: a neutral grey for "no camera sees any of it", then yellow-green to green, so the
 * blue view sectors and the orange R8 outlines keep their own colours on top.
 */
export const COVERAGE_RAMP = ['#eceef1', '#fbfbdc', '#e3f2b6', '#b9df94', '#7fc07a', '#3d9a50'] as const;

/** The class of a coverage percentage (null when unknown): 0% is class 0, 30% is class 4 (25-50%). */
export function coverageClass(percent: number | null | undefined): number | null {
  if (percent == null || !Number.isFinite(percent)) return null;
  if (percent <= 0) return 0;
  let index = 1;
  for (const bound of COVERAGE_BREAKS) {
    if (percent < bound) return index;
    index += 1;
  }
  return index;
}

/** How many groups fall in each class (index = class), and how many have no figure yet. */
export function countByCoverageClass(percents: Array<number | null | undefined>): { counts: number[]; unknown: number } {
  const counts = COVERAGE_CLASSES.map(() => 0);
  let unknown = 0;
  for (const p of percents) {
    const c = coverageClass(p);
    if (c == null) unknown += 1;
    else counts[c] += 1;
  }
  return { counts, unknown };
}

/**
 * The choropleth fill of a residential group (drawn on an SVG layer under the canvas, like the ward
 * density fill it hides): opaque on the plain background, see-through over a basemap.
 */
export function groupCoverageFillStyle(
  props: { coveredPercent?: number | null },
  options: { basemap: boolean } = { basemap: false },
): PathOptions {
  const c = coverageClass(props.coveredPercent);
  return {
    stroke: false,
    fill: true,
    fillColor: c == null ? '#ffffff' : COVERAGE_RAMP[c],
    fillOpacity: c == null ? 0 : options.basemap ? 0.5 : 1,
    interactive: false,
    className: 'ww-group-fill',
  };
}

/** The id of the SVG pattern that hatches coverage gaps (defined once per SVG renderer). */
export const GAP_PATTERN_ID = 'ww-gap-hatch';
export const GAP_COLOR = '#b02a37';

/** Coverage gaps: red diagonal hatching with a thin dashed outline, over the choropleth, under the sectors. */
export function gapStyle(zoom: number): PathOptions {
  return {
    color: GAP_COLOR,
    weight: zoom >= 16 ? 1 : 0.6,
    opacity: zoom >= 15 ? 0.75 : 0.45,
    dashArray: zoom >= 16 ? '4 3' : '2 3',
    fill: true,
    fillColor: `url(#${GAP_PATTERN_ID})`,
    fillOpacity: 1,
    interactive: false,
    className: 'ww-gap',
  };
}

/** Total gap area (m²) of some gap features. */
export function gapTotal(gaps: Array<{ properties: { gapAreaM2: number } }>): number {
  return gaps.reduce((sum, g) => sum + (Number.isFinite(g.properties.gapAreaM2) ? g.properties.gapAreaM2 : 0), 0);
}

/** R8: a group with no active camera located in it. Unknown (null) counts as not uncovered. */
export function lacksCamera(props: { activeCameraCount?: number | null }, activeFromCameras?: number | null): boolean {
  const n = props.activeCameraCount ?? activeFromCameras;
  return n != null && n === 0;
}

/**
 * The side panel's coverage target as typed: empty is no target (list by R8), a number in (0, 100]
 * is the target ("12,5" reads as 12.5), anything else is 'invalid'.
 */
export function parseCoverageTarget(text: string): number | null | 'invalid' {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  if (!/^\d+(\.\d*)?$|^\.\d+$/.test(trimmed)) return 'invalid';
  const value = Number(trimmed);
  return value > 0 && value <= 100 ? value : 'invalid';
}
