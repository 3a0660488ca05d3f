import type L from 'leaflet';
import { describe, expect, it } from 'vitest';
import { areaFeatureAt, nearestPointFeature } from '../../../client/src/map/hitTest';

// Just enough of Leaflet's Point, CircleMarker and LayerGroup (leaflet itself needs a browser).
const point = (x: number, y: number) => ({ x, y, distanceTo: (o: { x: number; y: number }) => Math.hypot(o.x - x, o.y - y) }) as unknown as L.Point;
const marker = (id: number, x: number, y: number, radius = 5) => ({ _point: point(x, y), _radius: radius, feature: { properties: { id } }, options: { weight: 1 } });
const area = (id: number, contains: boolean) => ({ _containsPoint: () => contains, feature: { properties: { id } }, options: {} });
const group = (layers: object[]) => ({ eachLayer: (fn: (l: object) => void) => layers.forEach(fn) }) as unknown as L.LayerGroup;

describe('hitTest', () => {
  it('picks the overlapping camera whose centre is nearest the click, not the one drawn last', () => {
    const cameras = group([marker(1, 100, 100), marker(2, 104, 100)]);
    expect(nearestPointFeature(cameras, point(100, 100))).toBe(1);
    expect(nearestPointFeature(cameras, point(105, 100))).toBe(2);
  });

  it('misses when the click is outside every symbol plus the tolerance', () => {
    expect(nearestPointFeature(group([marker(1, 100, 100, 4)]), point(110, 100))).toBeNull();
    expect(nearestPointFeature(undefined, point(0, 0))).toBeNull();
  });

  it('returns the last (topmost) area containing the point', () => {
    expect(areaFeatureAt(group([area(7, true), area(8, false), area(9, true)]), point(0, 0))).toBe(9);
    expect(areaFeatureAt(group([area(7, false)]), point(0, 0))).toBeNull();
  });
});
