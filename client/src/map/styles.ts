/**
 * How every map feature is drawn: pure functions from feature properties to Leaflet path options.
 * One palette serves the map, the legend's symbols and the details panel's badges.
 */
import type { PathOptions } from 'leaflet';
import type { CameraStatus, CameraType } from '../types';

export const PALETTE = {
  background: '#eef1f4',
  ink: '#1f2933',
  districtOutline: '#1f2933',
  wardOutline: '#334155',
  wardSelected: '#0b7285',
  groupOutline: '#7b8794',
  uncoveredGroup: '#d9480f',
  houseWithCamera: '#2b8a3e',
  houseWithoutCamera: '#e8590c',
  highlight: '#0b7285',
  /** Ward fill by camera density, light to dark: cool lavenders, so blue sectors stay blue over them. */
  densityRamp: ['#f9f9fb', '#efeef5', '#e3e1ee', '#d5d2e6', '#c6c1dc'],
  dimmed: '#dde1e6',
} as const;

/** Camera (and view sector) colour by status. */
export const STATUS_COLORS: Record<CameraStatus, string> = {
  ACTIVE: '#1c7ed6',
  MAINTENANCE: '#f08c00',
  OFFLINE: '#c2255c',
  DECOMMISSIONED: '#868e96',
};

/** Camera marker radius in pixels at zoom 16, by type: the bigger the camera's reach, the bigger the dot. */
export const TYPE_RADIUS: Record<CameraType, number> = { FIXED: 4, DOME: 5, PTZ: 6 };

/** Point symbols shrink when zoomed out so 2,000 cameras stay readable; never below 2 px. */
export function zoomScale(zoom: number): number {
  if (zoom >= 17) return 1.25;
  if (zoom >= 16) return 1;
  if (zoom >= 15) return 0.8;
  if (zoom >= 14) return 0.6;
  return 0.45;
}

export function cameraRadius(type: CameraType, zoom: number): number {
  return Math.max(2, Math.round((TYPE_RADIUS[type] ?? TYPE_RADIUS.FIXED) * zoomScale(zoom)));
}

export function cameraStyle(props: { type: CameraType; status: CameraStatus }, zoom: number): PathOptions & { radius: number } {
  const color = STATUS_COLORS[props.status] ?? STATUS_COLORS.DECOMMISSIONED;
  const retired = props.status === 'DECOMMISSIONED';
  return {
    radius: cameraRadius(props.type, zoom),
    // PTZ cameras get a dark ring, the others a white one that lifts them off the sectors.
    color: props.type === 'PTZ' ? PALETTE.ink : '#ffffff',
    weight: zoom >= 15 ? 1.2 : 0.8,
    opacity: retired ? 0.6 : 1,
    fillColor: color,
    fillOpacity: retired ? 0.55 : 0.95,
    className: `ww-camera ww-camera-${props.status.toLowerCase()}`,
  };
}

export function sectorStyle(props: { status: CameraStatus }): PathOptions {
  const color = STATUS_COLORS[props.status] ?? STATUS_COLORS.DECOMMISSIONED;
  switch (props.status) {
    case 'ACTIVE':
      return { color, weight: 0.7, opacity: 0.7, fillColor: color, fillOpacity: 0.28, className: 'ww-sector ww-sector-active' };
    case 'MAINTENANCE':
      return { color, weight: 0.6, opacity: 0.6, fillColor: color, fillOpacity: 0.14, className: 'ww-sector ww-sector-maintenance' };
    case 'OFFLINE':
      return {
        color,
        weight: 0.8,
        opacity: 0.7,
        dashArray: '3 3',
        fillColor: color,
        fillOpacity: 0.08,
        className: 'ww-sector ww-sector-offline',
      };
    default:
      return {
        color,
        weight: 0.6,
        opacity: 0.45,
        dashArray: '2 4',
        fillColor: color,
        fillOpacity: 0.04,
        className: 'ww-sector ww-sector-decommissioned',
      };
  }
}

export type HouseShape = 'square' | 'diamond';

/** Rental houses: a green square with an active camera, an orange diamond without one (R2, R5). */
export function rentalHouseStyle(
  props: { hasActiveCamera: boolean },
  zoom: number,
): PathOptions & { radius: number; shape: HouseShape } {
  const covered = props.hasActiveCamera;
  return {
    shape: covered ? 'square' : 'diamond',
    radius: Math.max(2, Math.round((covered ? 4 : 5) * zoomScale(zoom))),
    color: covered ? '#ffffff' : '#7c2d12',
    weight: zoom >= 15 ? 1.2 : 0.8,
    opacity: 1,
    fillColor: covered ? PALETTE.houseWithCamera : PALETTE.houseWithoutCamera,
    fillOpacity: 0.95,
    className: covered ? 'ww-rental-house ww-rental-house-covered' : 'ww-rental-house ww-rental-house-uncovered',
  };
}

/** Residential groups: thin outlines; a group with no active camera (R8) is dashed orange and tinted. */
export function groupStyle(props: { activeCameras: number }): PathOptions {
  if (props.activeCameras > 0) {
    return { color: PALETTE.groupOutline, weight: 0.8, opacity: 0.8, fill: true, fillOpacity: 0, className: 'ww-group' };
  }
  return {
    color: PALETTE.uncoveredGroup,
    weight: 1.3,
    opacity: 0.9,
    dashArray: '4 3',
    fill: true,
    fillColor: PALETTE.uncoveredGroup,
    fillOpacity: 0.1,
    className: 'ww-group ww-group-uncovered',
  };
}

/**
 * Wards are drawn twice: a fill by camera-density class on an SVG layer under the canvas (so the
 * canvas holds only what can be counted and clicked), and a clickable outline on the canvas with a
 * transparent fill. When one ward is chosen the others fade out; with a basemap the fill is
 * lighter so the streets show through.
 */
export function wardFillStyle(
  props: { densityClass: number; dimmed: boolean },
  options: { basemap: boolean } = { basemap: false },
): PathOptions {
  const ramp = PALETTE.densityRamp;
  const fillColor = props.dimmed ? PALETTE.dimmed : ramp[Math.min(Math.max(props.densityClass, 0), ramp.length - 1)];
  return {
    stroke: false,
    fill: true,
    fillColor,
    fillOpacity: options.basemap ? (props.dimmed ? 0.45 : 0.3) : props.dimmed ? 0.9 : 1,
    interactive: false,
    className: 'ww-ward-fill',
  };
}

export function wardOutlineStyle(props: { selected: boolean; dimmed: boolean }): PathOptions {
  return {
    color: props.selected ? PALETTE.wardSelected : PALETTE.wardOutline,
    weight: props.selected ? 3 : 1.4,
    opacity: props.dimmed ? 0.5 : 0.9,
    fill: true, // keeps the inside clickable on the canvas
    fillOpacity: 0,
    className: 'ww-ward',
  };
}

export const DISTRICT_OUTLINE_STYLE: PathOptions = {
  color: PALETTE.districtOutline,
  weight: 2.5,
  opacity: 0.9,
  fill: false,
  interactive: false,
  className: 'ww-district',
};

/**
 * Class breaks for a choropleth: `classes` bins from quantiles of the values, with the upper
 * bounds rounded to numbers a legend can show. Returns the ascending upper bounds of every class
 * but the last (so n classes have n-1 breaks), without duplicates.
 */
export function quantileBreaks(values: number[], classes: number): number[] {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0 || classes < 2) return [];
  const breaks: number[] = [];
  for (let i = 1; i < classes; i += 1) {
    const position = (sorted.length - 1) * (i / classes);
    const low = sorted[Math.floor(position)];
    const high = sorted[Math.ceil(position)];
    const value = niceRound(low + (high - low) * (position - Math.floor(position)));
    if (value > sorted[0] - 1e-9 && value < sorted[sorted.length - 1] && !breaks.includes(value)) breaks.push(value);
  }
  return breaks.sort((a, b) => a - b);
}

/** The class (0-based) of a value for the given upper bounds: a value equal to a bound is in the lower class. */
export function classIndex(value: number, breaks: number[]): number {
  let index = 0;
  while (index < breaks.length && value > breaks[index]) index += 1;
  return index;
}

/** Rounds to two significant digits (1234 -> 1200, 3.46 -> 3.5, 0.0123 -> 0.012). */
export function niceRound(value: number): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  const magnitude = 10 ** (Math.floor(Math.log10(Math.abs(value))) - 1);
  return Number((Math.round(value / magnitude) * magnitude).toPrecision(12));
}

/** The legend's label ranges for class breaks: [from, to] with null for an open end. */
export function classRanges(breaks: number[]): Array<[number | null, number | null]> {
  if (breaks.length === 0) return [[null, null]];
  const ranges: Array<[number | null, number | null]> = [[null, breaks[0]]];
  for (let i = 1; i < breaks.length; i += 1) ranges.push([breaks[i - 1], breaks[i]]);
  ranges.push([breaks[breaks.length - 1], null]);
  return ranges;
}

/** The selection outline: a white halo under a dark teal line, so it reads on any fill. */
export const HIGHLIGHT_HALO: PathOptions = {
  color: '#ffffff',
  weight: 7,
  opacity: 0.9,
  fill: false,
  interactive: false,
  className: 'ww-highlight-halo',
};
export const HIGHLIGHT_LINE: PathOptions = {
  color: PALETTE.highlight,
  weight: 3,
  opacity: 1,
  fill: false,
  interactive: false,
  className: 'ww-highlight',
};
/** Ring radius around a selected point symbol. */
export const HIGHLIGHT_RADIUS = 11;
