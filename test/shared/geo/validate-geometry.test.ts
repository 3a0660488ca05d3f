import { describe, expect, it } from 'vitest';
import { validateGeometry } from '../../../shared/geo/validate-geometry';

const square = [[[108.2, 16.05], [108.21, 16.05], [108.21, 16.06], [108.2, 16.06], [108.2, 16.05]]];

describe('validateGeometry', () => {
  it('accepts a sound point, polygon and multipolygon', () => {
    expect(validateGeometry({ type: 'Point', coordinates: [108.2, 16.05] }, ['Point'])).toBeNull();
    expect(validateGeometry({ type: 'Point', coordinates: [108.2, 16.05, 12] }, ['Point'])).toBeNull();
    expect(validateGeometry({ type: 'Polygon', coordinates: square }, ['Polygon'])).toBeNull();
    expect(validateGeometry({ type: 'MultiPolygon', coordinates: [square, square] }, ['MultiPolygon'])).toBeNull();
  });

  it('names the latitude that is out of range', () => {
    expect(validateGeometry({ type: 'Point', coordinates: [108.2, 95] }, ['Point'])).toEqual({
      path: 'coordinates[1]',
      message: 'latitude 95 is outside [-90, 90]',
    });
    expect(validateGeometry({ type: 'Point', coordinates: [200, 16] }, ['Point'])?.path).toBe('coordinates[0]');
  });

  it('rejects a geometry of a type that is not allowed', () => {
    expect(validateGeometry({ type: 'LineString', coordinates: [[0, 0], [1, 1]] }, ['Point'])?.path).toBe('type');
    expect(validateGeometry('POINT(1 2)', ['Point'])?.message).toMatch(/GeoJSON geometry object/);
    expect(validateGeometry(null, ['Point'])).not.toBeNull();
  });

  it('rejects an open ring, a short ring and a non-numeric coordinate', () => {
    const open = [[[108.2, 16.05], [108.21, 16.05], [108.21, 16.06], [108.2, 16.06]]];
    expect(validateGeometry({ type: 'Polygon', coordinates: open }, ['Polygon'])).toEqual({
      path: 'coordinates[0]',
      message: 'a linear ring must end where it starts (closed)',
    });
    expect(validateGeometry({ type: 'Polygon', coordinates: [[[0, 0], [1, 1], [0, 0]]] }, ['Polygon'])?.message).toMatch(/at least 4/);
    expect(validateGeometry({ type: 'Point', coordinates: ['108', 16] }, ['Point'])?.path).toBe('coordinates[0]');
    expect(validateGeometry({ type: 'Point', coordinates: [Number.NaN, 16] }, ['Point'])?.path).toBe('coordinates[0]');
    expect(validateGeometry({ type: 'MultiPolygon', coordinates: [square, open] }, ['MultiPolygon'])?.path).toBe('coordinates[1][0]');
  });
});
