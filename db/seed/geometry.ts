/**
 * Plane geometry in longitude/latitude degrees for the demo generator.
 *
 * The district's wards and residential groups are planar Voronoi cells (PostGIS ST_VoronoiPolygons
 * works in the coordinates of the geometry, here EPSG:4326 degrees) clipped by the district and the
 * ward. So "which ward / group contains this point" is "which seed is nearest, in degrees", and the
 * generator can decide it exactly in Node, without asking the database. Points are only accepted
 * at a safe margin from every cell edge, so that PostGIS, whatever its GEOS version, agrees.
 */
export interface LonLat {
  lon: number;
  lat: number;
}

/** Metres per degree of latitude and of longitude near 16 degrees north (WGS 84, close enough for placement). */
export const M_PER_DEG_LAT = 110_700;
export const M_PER_DEG_LON = 107_010;

/** Coordinates are rounded to 1e-7 degree (about 1 cm): compact, and exactly the doubles PostGIS receives. */
export function roundCoord(x: number): number {
  return Math.round(x * 1e7) / 1e7;
}

export function roundPoint(p: LonLat): LonLat {
  return { lon: roundCoord(p.lon), lat: roundCoord(p.lat) };
}

/** Offset a point by metres east and north. */
export function offsetMetres(p: LonLat, east: number, north: number): LonLat {
  return { lon: p.lon + east / M_PER_DEG_LON, lat: p.lat + north / M_PER_DEG_LAT };
}

/** Planar distance in degrees. */
export function dist(a: LonLat, b: LonLat): number {
  return Math.hypot(a.lon - b.lon, a.lat - b.lat);
}

/** Approximate ground distance in metres (fine at district scale). */
export function distMetres(a: LonLat, b: LonLat): number {
  return Math.hypot((a.lon - b.lon) * M_PER_DEG_LON, (a.lat - b.lat) * M_PER_DEG_LAT);
}

/** Even-odd point in polygon; `ring` is closed (first point repeated last). */
export function pointInRing(p: LonLat, ring: readonly LonLat[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 2; i < ring.length - 1; j = i++) {
    const a = ring[i]!;
    const b = ring[j]!;
    if (a.lat > p.lat !== b.lat > p.lat && p.lon < ((b.lon - a.lon) * (p.lat - a.lat)) / (b.lat - a.lat) + a.lon) {
      inside = !inside;
    }
  }
  return inside;
}

function distToSegment(p: LonLat, a: LonLat, b: LonLat): number {
  const dx = b.lon - a.lon;
  const dy = b.lat - a.lat;
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((p.lon - a.lon) * dx + (p.lat - a.lat) * dy) / len2;
  t = Math.max(0, Math.min(1, t));
  return Math.hypot(p.lon - (a.lon + t * dx), p.lat - (a.lat + t * dy));
}

/** Distance in degrees from p to the ring's boundary. */
export function distToRing(p: LonLat, ring: readonly LonLat[]): number {
  let best = Infinity;
  for (let i = 0; i < ring.length - 1; i++) best = Math.min(best, distToSegment(p, ring[i]!, ring[i + 1]!));
  return best;
}

/** Shoelace area of a closed ring in square metres (planar approximation). */
export function ringAreaMetres(ring: readonly LonLat[]): number {
  let s = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    s += a.lon * M_PER_DEG_LON * (b.lat * M_PER_DEG_LAT) - b.lon * M_PER_DEG_LON * (a.lat * M_PER_DEG_LAT);
  }
  return Math.abs(s) / 2;
}

export interface Nearest2 {
  /** Index of the nearest point (-1 when none). */
  first: number;
  d1: number;
  /** Distance to the second nearest point (Infinity when there is none). */
  d2: number;
}

/**
 * A uniform grid over points, for nearest and second-nearest queries with an optional filter
 * (e.g. "only the seeds of this ward"). Points can be added incrementally.
 */
export class PointGrid {
  readonly points: LonLat[] = [];
  private readonly cells = new Map<number, number[]>();

  constructor(
    private readonly origin: LonLat,
    private readonly cellSize: number,
    private readonly cols: number,
    private readonly rows: number,
  ) {}

  static covering(min: LonLat, max: LonLat, cellSize: number): PointGrid {
    const cols = Math.max(1, Math.ceil((max.lon - min.lon) / cellSize) + 1);
    const rows = Math.max(1, Math.ceil((max.lat - min.lat) / cellSize) + 1);
    return new PointGrid(min, cellSize, cols, rows);
  }

  private cellOf(p: LonLat): [number, number] {
    const i = Math.min(this.cols - 1, Math.max(0, Math.floor((p.lon - this.origin.lon) / this.cellSize)));
    const j = Math.min(this.rows - 1, Math.max(0, Math.floor((p.lat - this.origin.lat) / this.cellSize)));
    return [i, j];
  }

  add(p: LonLat): number {
    const index = this.points.length;
    this.points.push(p);
    const [i, j] = this.cellOf(p);
    const key = j * this.cols + i;
    const bucket = this.cells.get(key);
    if (bucket) bucket.push(index);
    else this.cells.set(key, [index]);
    return index;
  }

  nearest2(p: LonLat, accept?: (index: number) => boolean): Nearest2 {
    const [ci, cj] = this.cellOf(p);
    let first = -1;
    let d1 = Infinity;
    let d2 = Infinity;
    const maxRing = Math.max(this.cols, this.rows);
    for (let r = 0; r <= maxRing; r++) {
      for (let j = cj - r; j <= cj + r; j++) {
        if (j < 0 || j >= this.rows) continue;
        const edgeRow = j === cj - r || j === cj + r;
        for (let i = ci - r; i <= ci + r; i += edgeRow ? 1 : 2 * r) {
          if (i >= 0 && i < this.cols) {
            const bucket = this.cells.get(j * this.cols + i);
            if (bucket) {
              for (const index of bucket) {
                if (accept && !accept(index)) continue;
                const d = dist(p, this.points[index]!);
                if (d < d1 || (d === d1 && index < first)) {
                  d2 = d1;
                  d1 = d;
                  first = index;
                } else if (d < d2) {
                  d2 = d;
                }
              }
            }
          }
          if (r === 0) break;
        }
      }
      // Every point not yet visited lies more than r cells away: at least r * cellSize from p.
      if (d2 <= r * this.cellSize) break;
    }
    return { first, d1, d2 };
  }
}
