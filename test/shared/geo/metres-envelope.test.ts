import destination from '@turf/destination';
import { describe, expect, it } from 'vitest';
import { metresEnvelope } from '../../../shared/geo/metres-envelope';

describe('metresEnvelope', () => {
  it('contains every point at the given distance in every direction', () => {
    for (const [lon, lat] of [[108.2, 16.05], [105.85, 21.03], [10, 60]]) {
      const [w, s, e, n] = metresEnvelope(lon, lat, 500);
      for (let bearing = 0; bearing < 360; bearing += 5) {
        const [x, y] = destination([lon, lat], 0.5, bearing, { units: 'kilometers' }).geometry.coordinates;
        expect(x).toBeGreaterThanOrEqual(w);
        expect(x).toBeLessThanOrEqual(e);
        expect(y).toBeGreaterThanOrEqual(s);
        expect(y).toBeLessThanOrEqual(n);
      }
    }
  });

  it('is tight: no more than 2% wider than the circle', () => {
    const [w, s, e, n] = metresEnvelope(108.2, 16.05, 1000);
    const north = destination([108.2, 16.05], 1, 0, { units: 'kilometers' }).geometry.coordinates[1];
    const east = destination([108.2, 16.05], 1, 90, { units: 'kilometers' }).geometry.coordinates[0];
    expect((n - 16.05) / (north - 16.05)).toBeLessThan(1.02);
    expect((e - 108.2) / (east - 108.2)).toBeLessThan(1.02);
    expect(w).toBeLessThan(108.2);
    expect(s).toBeLessThan(16.05);
  });
});
