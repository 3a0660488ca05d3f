import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  areaKm2,
  bboxToBounds,
  bearingBetween,
  containsPoint,
  destinationPoint,
  featuresBBox,
  geometryBBox,
  labelPoint,
  polygonsOf,
} from '../../../client/src/map/geometry';

const square = (west: number, south: number, size: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [west, south],
      [west + size, south],
      [west + size, south + size],
      [west, south + size],
      [west, south],
    ],
  ],
});

// A "C" shape whose centroid falls in the empty bite on the right.
const cShape: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [0.01, 0],
      [0.01, 0.002],
      [0.002, 0.002],
      [0.002, 0.008],
      [0.01, 0.008],
      [0.01, 0.01],
      [0, 0.01],
      [0, 0],
    ],
  ],
};

describe('bounds', () => {
  it('turns a [west, south, east, north] bbox into Leaflet [[south, west], [north, east]] bounds', () => {
    expect(bboxToBounds([105.8, 21.0, 105.9, 21.1])).toEqual([
      [21.0, 105.8],
      [21.1, 105.9],
    ]);
  });

  it('finds the bbox of a multipolygon and has none for an empty geometry', () => {
    const multi: MultiPolygon = { type: 'MultiPolygon', coordinates: [square(0, 0, 1).coordinates, square(5, -2, 1).coordinates] };
    expect(geometryBBox(multi)).toEqual([0, -2, 6, 1]);
    expect(geometryBBox({ type: 'MultiPolygon', coordinates: [] })).toBeNull();
    expect(geometryBBox(null)).toBeNull();
  });

  it('finds the bbox of a point', () => {
    expect(geometryBBox({ type: 'Point', coordinates: [105.85, 21.03] })).toEqual([105.85, 21.03, 105.85, 21.03]);
  });
});

describe('areaKm2', () => {
  it('measures a 0.01 degree square near Hà Nội at about 1.2 km²', () => {
    // 0.01° of latitude is 1.11 km; 0.01° of longitude at 21° N is 1.04 km
    expect(areaKm2(square(105.85, 21.0, 0.01))).toBeCloseTo(1.155, 1);
  });

  it('subtracts holes', () => {
    const withHole: Polygon = {
      type: 'Polygon',
      coordinates: [square(0, 0, 0.02).coordinates[0], square(0.005, 0.005, 0.01).coordinates[0]],
    };
    expect(areaKm2(withHole)).toBeCloseTo(areaKm2(square(0, 0, 0.02)) - areaKm2(square(0.005, 0.005, 0.01)), 6);
  });

  it('is zero for a geometry without polygons', () => {
    expect(areaKm2({ type: 'Point', coordinates: [0, 0] })).toBe(0);
  });
});

describe('labelPoint', () => {
  it('puts the label of a square at its middle', () => {
    const [lat, lng] = labelPoint(square(105.8, 21.0, 0.01))!;
    expect(lat).toBeCloseTo(21.005, 3);
    expect(lng).toBeCloseTo(105.805, 3);
  });

  it('keeps the label of a concave ward inside it', () => {
    const [lat, lng] = labelPoint(cShape)!;
    expect(containsPoint(cShape, [lng, lat])).toBe(true);
  });

  it('labels the largest part of a multipolygon', () => {
    const multi: MultiPolygon = { type: 'MultiPolygon', coordinates: [square(0, 0, 0.001).coordinates, square(1, 1, 0.01).coordinates] };
    const [lat, lng] = labelPoint(multi)!;
    expect(lng).toBeGreaterThan(1);
    expect(lat).toBeGreaterThan(1);
  });

  it('has no label point without polygons', () => {
    expect(labelPoint({ type: 'Point', coordinates: [0, 0] })).toBeNull();
  });
});

describe('containsPoint and polygonsOf', () => {
  it('tells inside from outside and respects holes', () => {
    const withHole: Polygon = { type: 'Polygon', coordinates: [square(0, 0, 10).coordinates[0], square(4, 4, 2).coordinates[0]] };
    expect(containsPoint(withHole, [1, 1])).toBe(true);
    expect(containsPoint(withHole, [5, 5])).toBe(false);
    expect(containsPoint(withHole, [11, 5])).toBe(false);
  });

  it('lists the polygons of a Polygon or a MultiPolygon only', () => {
    expect(polygonsOf(square(0, 0, 1))).toHaveLength(1);
    expect(polygonsOf({ type: 'LineString', coordinates: [[0, 0], [1, 1]] })).toEqual([]);
  });
});

describe('featuresBBox', () => {
  it('joins the boxes of several features and skips empty ones', () => {
    expect(
      featuresBBox([
        { geometry: square(0, 0, 1) },
        { geometry: null },
        { geometry: { type: 'Point', coordinates: [3, -1] } },
      ]),
    ).toEqual([0, -1, 3, 1]);
    expect(featuresBBox([])).toBeNull();
  });
});

describe('bearings and destinations (the new camera’s direction handle)', () => {
  const camera: [number, number] = [16.0605, 108.1935];

  it('goes 30 m due east along the parallel and 30 m north along the meridian', () => {
    const [latE, lngE] = destinationPoint(camera, 90, 30);
    expect(latE).toBeCloseTo(camera[0], 6);
    expect((lngE - camera[1]) * 111_320 * Math.cos((camera[0] * Math.PI) / 180)).toBeCloseTo(30, 0);
    const [latN, lngN] = destinationPoint(camera, 0, 30);
    expect(lngN).toBeCloseTo(camera[1], 9);
    expect((latN - camera[0]) * 110_574).toBeCloseTo(30, 0);
  });

  it('finds the bearing back from a point it projected, for every quarter', () => {
    const angle = (a: number, b: number) => ((a - b + 540) % 360) - 180; // 359.9999° is 0°
    for (const bearing of [0, 45, 120, 200, 315]) {
      expect(angle(bearingBetween(camera, destinationPoint(camera, bearing, 40)), bearing)).toBeCloseTo(0, 3);
    }
  });

  it('keeps bearings in [0, 360)', () => {
    const west = bearingBetween(camera, [camera[0], camera[1] - 0.001]);
    expect(west).toBeCloseTo(270, 3);
    expect(bearingBetween(camera, [camera[0] + 0.001, camera[1] - 0.0000001])).toBeLessThan(360);
  });
});
