/**
 * Small geometry helpers for the client: bounds, areas and label points of GeoJSON polygons.
 * Coordinates are GeoJSON's [longitude, latitude]; Leaflet wants [latitude, longitude].
 */
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import type { BBox } from '../types';

export type LatLngTuple = [number, number];
export type BoundsTuple = [LatLngTuple, LatLngTuple];

/** [west, south, east, north] to Leaflet's [[south, west], [north, east]]. */
export function bboxToBounds(bbox: BBox | number[]): BoundsTuple {
  const [west, south, east, north] = bbox;
  return [
    [south, west],
    [north, east],
  ];
}

/** The [west, south, east, north] box of any geometry; null when it has no coordinates. */
export function geometryBBox(geometry: Geometry | null | undefined): BBox | null {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  forEachPosition(geometry, ([x, y]) => {
    if (x < west) west = x;
    if (x > east) east = x;
    if (y < south) south = y;
    if (y > north) north = y;
  });
  return Number.isFinite(west) ? [west, south, east, north] : null;
}

function forEachPosition(geometry: Geometry | null | undefined, visit: (p: Position) => void): void {
  if (!geometry) return;
  switch (geometry.type) {
    case 'Point':
      visit(geometry.coordinates);
      break;
    case 'MultiPoint':
    case 'LineString':
      geometry.coordinates.forEach(visit);
      break;
    case 'MultiLineString':
    case 'Polygon':
      geometry.coordinates.forEach((line) => line.forEach(visit));
      break;
    case 'MultiPolygon':
      geometry.coordinates.forEach((polygon) => polygon.forEach((ring) => ring.forEach(visit)));
      break;
    case 'GeometryCollection':
      geometry.geometries.forEach((g) => forEachPosition(g, visit));
      break;
  }
}

/** The polygons of a Polygon or MultiPolygon (anything else has none). */
export function polygonsOf(geometry: Geometry | null | undefined): Position[][][] {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  return [];
}

const EARTH_RADIUS_M = 6_371_008.8;

/** Area of a ring on the sphere in m² (the formula of Chamberlain & Duquette, as in Turf); sign ignored. */
function ringArea(ring: Position[]): number {
  const n = ring.length;
  if (n < 3) return 0;
  let total = 0;
  for (let i = 0; i < n; i += 1) {
    const lower = ring[i];
    const middle = ring[(i + 1) % n];
    const upper = ring[(i + 2) % n];
    total += (rad(upper[0]) - rad(lower[0])) * Math.sin(rad(middle[1]));
  }
  return Math.abs((total * EARTH_RADIUS_M * EARTH_RADIUS_M) / 2);
}

const rad = (degrees: number) => (degrees * Math.PI) / 180;

/** Area of a (multi)polygon in km², holes subtracted. */
export function areaKm2(geometry: Geometry | null | undefined): number {
  let m2 = 0;
  for (const polygon of polygonsOf(geometry)) {
    polygon.forEach((ring, index) => {
      m2 += index === 0 ? ringArea(ring) : -ringArea(ring);
    });
  }
  return Math.max(0, m2) / 1_000_000;
}

/**
 * Where to put a polygon's name: the pole of inaccessibility of its largest part (the inside point
 * farthest from any edge, as Mapbox's polylabel finds it), so a label never falls outside a concave
 * ward. Distances are measured in a local plane with longitude scaled by cos(latitude).
 * Returns [latitude, longitude] for Leaflet, or null for a geometry without polygons.
 */
export function labelPoint(geometry: Geometry | null | undefined, precisionMeters = 5): LatLngTuple | null {
  const polygons = polygonsOf(geometry).filter((p) => p.length > 0 && p[0].length >= 3);
  if (polygons.length === 0) return null;
  const largest = polygons.reduce((best, p) => (ringArea(p[0]) > ringArea(best[0]) ? p : best));

  const latitude0 = largest[0].reduce((sum, p) => sum + p[1], 0) / largest[0].length;
  const kx = Math.cos(rad(latitude0)) * 111_320;
  const ky = 110_574;
  const rings = largest.map((ring) => ring.map(([x, y]) => [x * kx, y * ky] as [number, number]));
  const [x, y] = poleOfInaccessibility(rings, precisionMeters);
  return [y / ky, x / kx];
}

interface Cell {
  x: number;
  y: number;
  h: number;
  d: number;
  max: number;
}

function poleOfInaccessibility(rings: Array<Array<[number, number]>>, precision: number): [number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of rings[0]) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  const width = maxX - minX;
  const height = maxY - minY;
  const cellSize = Math.min(width, height);
  if (cellSize === 0) return [minX, minY];

  const makeCell = (x: number, y: number, h: number): Cell => {
    const d = signedDistance(x, y, rings);
    return { x, y, h, d, max: d + h * Math.SQRT2 };
  };

  const queue: Cell[] = [];
  let h = cellSize / 2;
  for (let x = minX; x < maxX; x += cellSize) {
    for (let y = minY; y < maxY; y += cellSize) queue.push(makeCell(x + h, y + h, h));
  }

  let best = centroidCell(rings, makeCell);
  const bboxCell = makeCell(minX + width / 2, minY + height / 2, 0);
  if (bboxCell.d > best.d) best = bboxCell;

  let iterations = 0;
  while (queue.length > 0 && iterations < 10_000) {
    iterations += 1;
    // Take the most promising cell (a linear scan: the queue stays small for ward-sized polygons).
    let top = 0;
    for (let i = 1; i < queue.length; i += 1) if (queue[i].max > queue[top].max) top = i;
    const cell = queue[top];
    queue[top] = queue[queue.length - 1];
    queue.pop();

    if (cell.d > best.d) best = cell;
    if (cell.max - best.d <= precision) continue;
    h = cell.h / 2;
    queue.push(makeCell(cell.x - h, cell.y - h, h));
    queue.push(makeCell(cell.x + h, cell.y - h, h));
    queue.push(makeCell(cell.x - h, cell.y + h, h));
    queue.push(makeCell(cell.x + h, cell.y + h, h));
  }
  return [best.x, best.y];
}

function centroidCell(rings: Array<Array<[number, number]>>, makeCell: (x: number, y: number, h: number) => Cell): Cell {
  const ring = rings[0];
  let area = 0;
  let x = 0;
  let y = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [ax, ay] = ring[i];
    const [bx, by] = ring[j];
    const f = ax * by - bx * ay;
    x += (ax + bx) * f;
    y += (ay + by) * f;
    area += f * 3;
  }
  if (area === 0) return makeCell(ring[0][0], ring[0][1], 0);
  return makeCell(x / area, y / area, 0);
}

/** Distance from a point to the polygon's outline: positive inside, negative outside. */
function signedDistance(x: number, y: number, rings: Array<Array<[number, number]>>): number {
  let inside = false;
  let minDistSq = Infinity;
  for (const ring of rings) {
    for (let i = 0, len = ring.length, j = len - 1; i < len; j = i, i += 1) {
      const [ax, ay] = ring[i];
      const [bx, by] = ring[j];
      if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
      minDistSq = Math.min(minDistSq, segmentDistanceSq(x, y, ax, ay, bx, by));
    }
  }
  return (inside ? 1 : -1) * Math.sqrt(minDistSq);
}

function segmentDistanceSq(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  let x = ax;
  let y = ay;
  let dx = bx - x;
  let dy = by - y;
  if (dx !== 0 || dy !== 0) {
    const t = ((px - x) * dx + (py - y) * dy) / (dx * dx + dy * dy);
    if (t > 1) {
      x = bx;
      y = by;
    } else if (t > 0) {
      x += dx * t;
      y += dy * t;
    }
  }
  dx = px - x;
  dy = py - y;
  return dx * dx + dy * dy;
}

/** Whether a [longitude, latitude] point is inside a (multi)polygon (even-odd rule, holes respected). */
export function containsPoint(geometry: Polygon | MultiPolygon | Geometry, point: Position): boolean {
  const [x, y] = point;
  return polygonsOf(geometry).some((polygon) => {
    let inside = false;
    for (const ring of polygon) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
        const [ax, ay] = ring[i];
        const [bx, by] = ring[j];
        if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
      }
    }
    return inside;
  });
}

/** The box around several features' geometries; null when there are none. */
export function featuresBBox(features: Array<{ geometry: Geometry | null }>): BBox | null {
  let box: BBox | null = null;
  for (const f of features) {
    const b = geometryBBox(f.geometry);
    if (!b) continue;
    box = box ? [Math.min(box[0], b[0]), Math.min(box[1], b[1]), Math.max(box[2], b[2]), Math.max(box[3], b[3])] : b;
  }
  return box;
}

/**
 * The point `meters` away from [latitude, longitude] in direction `bearing` (degrees clockwise from
 * north), on the sphere. Returns [latitude, longitude] for Leaflet.
 */
export function destinationPoint(from: LatLngTuple, bearing: number, meters: number): LatLngTuple {
  const [lat1, lon1] = [rad(from[0]), rad(from[1])];
  const delta = meters / EARTH_RADIUS_M;
  const theta = rad(bearing);
  const lat2 = Math.asin(Math.sin(lat1) * Math.cos(delta) + Math.cos(lat1) * Math.sin(delta) * Math.cos(theta));
  const lon2 = lon1 + Math.atan2(Math.sin(theta) * Math.sin(delta) * Math.cos(lat1), Math.cos(delta) - Math.sin(lat1) * Math.sin(lat2));
  return [deg(lat2), ((deg(lon2) + 540) % 360) - 180];
}

/** The initial bearing from one [latitude, longitude] to another, degrees in [0, 360). */
export function bearingBetween(from: LatLngTuple, to: LatLngTuple): number {
  const [lat1, lat2] = [rad(from[0]), rad(to[0])];
  const dLon = rad(to[1] - from[1]);
  const y = Math.sin(dLon) * Math.cos(lat2);
  const x = Math.cos(lat1) * Math.sin(lat2) - Math.sin(lat1) * Math.cos(lat2) * Math.cos(dLon);
  return (deg(Math.atan2(y, x)) + 360) % 360;
}

const deg = (radians: number) => (radians * 180) / Math.PI;
