import area from '@turf/area';
import { describe, expect, it } from 'vitest';
import { viewSector } from '../../../shared/geo/view-sector';

describe('viewSector', () => {
  it('draws an 85-degree wedge of 30 m with the area of that circular sector', () => {
    const s = viewSector(108.2, 16.05, 90, 85, 30, 256);
    const expected = (85 / 360) * Math.PI * 30 * 30;
    expect(Math.abs(area(s) - expected) / expected).toBeLessThan(0.005);
  });

  it('starts and ends the wedge at the camera', () => {
    const ring = viewSector(108.2, 16.05, 0, 85, 30).geometry.coordinates[0];
    expect(ring[0]).toEqual([108.2, 16.05]);
    expect(ring[ring.length - 1]).toEqual([108.2, 16.05]);
  });

  it('faces the bearing: north-facing ground lies north of the camera', () => {
    const ring = viewSector(108.2, 16.05, 0, 60, 30).geometry.coordinates[0];
    const lats = ring.slice(1, -1).map((p) => p[1]);
    expect(Math.min(...lats)).toBeGreaterThan(16.05);
  });

  it('draws a full circle with no apex for a 360-degree camera', () => {
    const ring = viewSector(108.2, 16.05, 0, 360, 15, 128).geometry.coordinates[0];
    expect(ring.some((p) => p[0] === 108.2 && p[1] === 16.05)).toBe(false);
    const expected = Math.PI * 15 * 15;
    expect(Math.abs(area(viewSector(108.2, 16.05, 0, 360, 15, 256)) - expected) / expected).toBeLessThan(0.005);
  });
});
