import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyStatusChanges, debounce } from '../../../client/src/map/liveStatus';
import type { CameraFeature, CameraStatus, LayerData, SectorFeature } from '../../../client/src/types';

function camera(id: number, status: CameraStatus): CameraFeature {
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [105.85, 21.03] },
    properties: { id, status, label: null, type: 'FIXED', wardId: 1 } as CameraFeature['properties'],
  };
}
function sector(id: number, status: CameraStatus): SectorFeature {
  return {
    type: 'Feature',
    geometry: { type: 'Polygon', coordinates: [[[105.85, 21.03], [105.851, 21.03], [105.85, 21.031], [105.85, 21.03]]] },
    properties: { id, status } as SectorFeature['properties'],
  };
}
function layers(): Partial<LayerData> {
  return {
    CAMERAS: { type: 'FeatureCollection', features: [camera(1, 'ACTIVE'), camera(2, 'ACTIVE'), camera(3, 'OFFLINE')] },
    VIEW_SECTORS: { type: 'FeatureCollection', features: [sector(1, 'ACTIVE'), sector(2, 'ACTIVE'), sector(3, 'OFFLINE')] },
  } as Partial<LayerData>;
}

describe('applying live status changes to the loaded layers', () => {
  it("sets the camera's status on its point and its sector, keeping the features (the map's layers hold them)", () => {
    const data = layers();
    const point = data.CAMERAS!.features[1]!;
    const before = point.properties;
    const applied = applyStatusChanges(data, new Map([[2, 'OFFLINE']]));
    expect(applied).toEqual({ kinds: ['CAMERAS', 'VIEW_SECTORS'], changed: [2], unknown: [] });
    expect(data.CAMERAS!.features[1]).toBe(point);
    expect(point.properties.status).toBe('OFFLINE');
    expect(data.VIEW_SECTORS!.features[1]!.properties.status).toBe('OFFLINE');
    // A new properties object: whatever kept the old one (a memo, a tooltip) sees the change as a change.
    expect(point.properties).not.toBe(before);
    expect(before.status).toBe('ACTIVE');
    expect(data.CAMERAS!.features.map((f) => f.properties.status)).toEqual(['ACTIVE', 'OFFLINE', 'OFFLINE']);
  });

  it('touches nothing when the map already shows the status', () => {
    const data = layers();
    const props = data.CAMERAS!.features[2]!.properties;
    expect(applyStatusChanges(data, new Map([[3, 'OFFLINE']]))).toEqual({ kinds: [], changed: [], unknown: [] });
    expect(data.CAMERAS!.features[2]!.properties).toBe(props);
  });

  it('names the cameras the map has not loaded (a new one), so that the cameras are reloaded', () => {
    const data = layers();
    expect(applyStatusChanges(data, new Map<number, CameraStatus>([[1, 'MAINTENANCE'], [99, 'ACTIVE']]))).toEqual({
      kinds: ['CAMERAS', 'VIEW_SECTORS'],
      changed: [1],
      unknown: [99],
    });
  });

  it('does nothing (and knows no camera to be missing) before the layers have loaded', () => {
    expect(applyStatusChanges({}, new Map([[1, 'OFFLINE']]))).toEqual({ kinds: [], changed: [], unknown: [] });
  });
});

describe('debouncing the reload after changes', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('reloads once, after a quiet spell, with everything pushed meanwhile', () => {
    const flushed: string[][] = [];
    const d = debounce<string>((items) => flushed.push(items), 1000, 5000);
    d.push('a');
    vi.advanceTimersByTime(800);
    d.push('b');
    vi.advanceTimersByTime(800);
    expect(flushed).toEqual([]);
    vi.advanceTimersByTime(200);
    expect(flushed).toEqual([['a', 'b']]);
  });

  it('does not wait longer than the longest wait in a steady stream of changes', () => {
    const flushed: number[][] = [];
    const d = debounce<number>((items) => flushed.push(items), 1000, 3000);
    for (let i = 0; i < 10; i += 1) {
      d.push(i);
      vi.advanceTimersByTime(500);
    }
    expect(flushed[0]).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('forgets what was pushed when cancelled (the map closed)', () => {
    const flushed: number[][] = [];
    const d = debounce<number>((items) => flushed.push(items), 1000, 3000);
    d.push(1);
    d.cancel();
    vi.advanceTimersByTime(5000);
    expect(flushed).toEqual([]);
  });
});
