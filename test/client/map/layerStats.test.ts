import { describe, expect, it } from 'vitest';
import {
  activeCamerasByGroup,
  activeCamerasInGroup,
  camerasByGroup,
  countByStatus,
  indexLayers,
  layerCounts,
  rentalHouseCounts,
  scopeLayers,
  uncoveredGroupCount,
  wardDensity,
  wardSummary,
  type PartialLayerData,
} from '../../../client/src/map/layerStats';
import type { CameraProps, CameraStatus, LayerData } from '../../../client/src/types';

const fc = <T>(features: T[]) => ({ type: 'FeatureCollection' as const, features });
const squareRing = (x: number, y: number, s: number) => [
  [
    [x, y],
    [x + s, y],
    [x + s, y + s],
    [x, y + s],
    [x, y],
  ],
];

function camera(id: number, wardId: number, status: CameraStatus, residentialGroupId: number | null) {
  const properties: CameraProps = {
    id,
    label: null,
    type: 'FIXED',
    status,
    ownerKind: 'HOUSEHOLD',
    bearing: 0,
    fieldOfView: 85,
    rangeMeters: 20,
    networkOperator: 'VIETTEL',
    policeAccess: 'NONE',
    wardId,
    residentialGroupId,
    rentalHouseId: null,
  };
  return { type: 'Feature' as const, id, properties, geometry: { type: 'Point' as const, coordinates: [105.8, 21] } };
}

const data: LayerData = {
  WARDS: fc([
    { type: 'Feature', id: 1, properties: { id: 1, code: 'W1', name: 'Phường 1', chairName: null, cameraCount: 3 }, geometry: { type: 'Polygon', coordinates: squareRing(0, 0, 0.01) } },
    { type: 'Feature', id: 2, properties: { id: 2, code: 'W2', name: 'Phường 2', chairName: null, cameraCount: 1 }, geometry: { type: 'Polygon', coordinates: squareRing(0.01, 0, 0.02) } },
  ]),
  RESIDENTIAL_GROUPS: fc([
    { type: 'Feature', id: 10, properties: { id: 10, code: 'T1', name: 'Tổ 1', households: 50, wardId: 1 }, geometry: { type: 'Polygon', coordinates: squareRing(0, 0, 0.005) } },
    { type: 'Feature', id: 11, properties: { id: 11, code: 'T2', name: 'Tổ 2', households: 40, wardId: 1 }, geometry: { type: 'Polygon', coordinates: squareRing(0.005, 0, 0.005) } },
    { type: 'Feature', id: 20, properties: { id: 20, code: 'T1', name: 'Tổ 1', households: 70, wardId: 2 }, geometry: { type: 'Polygon', coordinates: squareRing(0.01, 0, 0.02) } },
  ]),
  CAMERAS: fc([camera(100, 1, 'ACTIVE', 10), camera(101, 1, 'OFFLINE', 11), camera(102, 1, 'ACTIVE', 10), camera(200, 2, 'MAINTENANCE', 20)]),
  VIEW_SECTORS: fc(
    [100, 101, 102, 200].map((id) => ({
      type: 'Feature' as const,
      id,
      properties: { id, type: 'FIXED' as const, status: 'ACTIVE' as const },
      geometry: { type: 'Polygon' as const, coordinates: squareRing(0, 0, 0.0001) },
    })),
  ),
  COVERAGE_GAPS: fc(
    [
      [10, 1, 40],
      [11, 1, 100],
      [20, 2, 95],
    ].map(([id, wardId, percentUncovered]) => ({
      type: 'Feature' as const,
      id,
      properties: { id, code: `T${id}`, name: `Tổ ${id}`, wardId, coveredPercent: 100 - percentUncovered, gapAreaM2: percentUncovered * 10, activeCameraCount: id === 10 ? 2 : 0 },
      geometry: { type: 'Polygon' as const, coordinates: squareRing(0, 0, 0.001) },
    })),
  ),
  RENTAL_HOUSES: fc([
    { type: 'Feature', id: 7, properties: { id: 7, address: '1 Phố A', rooms: 6, wardId: 1, residentialGroupId: 10, hasActiveCamera: true }, geometry: { type: 'Point', coordinates: [0, 0] } },
    { type: 'Feature', id: 8, properties: { id: 8, address: '2 Phố B', rooms: 4, wardId: 1, residentialGroupId: 11, hasActiveCamera: false }, geometry: { type: 'Point', coordinates: [0, 0] } },
    { type: 'Feature', id: 9, properties: { id: 9, address: '3 Phố C', rooms: 9, wardId: 2, residentialGroupId: 20, hasActiveCamera: false }, geometry: { type: 'Point', coordinates: [0, 0] } },
  ]),
};

describe('scopeLayers', () => {
  it('keeps every feature for the whole district', () => {
    expect(scopeLayers(data, null)).toBe(data);
  });

  it('keeps only one ward’s cameras, sectors, groups and rental houses, and every ward outline', () => {
    const scoped = scopeLayers(data, 1);
    expect(layerCounts(scoped)).toEqual({ WARDS: 2, RESIDENTIAL_GROUPS: 2, COVERAGE_GAPS: 2, CAMERAS: 3, VIEW_SECTORS: 3, RENTAL_HOUSES: 2 });
    expect(scoped.COVERAGE_GAPS!.features.map((f) => f.properties.id)).toEqual([10, 11]);
    expect(scoped.VIEW_SECTORS!.features.map((f) => f.properties.id)).toEqual([100, 101, 102]);
  });

  it('leaves a layer that has not loaded yet unloaded', () => {
    const partial: PartialLayerData = { WARDS: data.WARDS, RENTAL_HOUSES: data.RENTAL_HOUSES };
    expect(layerCounts(scopeLayers(partial, 2))).toEqual({
      WARDS: 2,
      RESIDENTIAL_GROUPS: null,
      COVERAGE_GAPS: null,
      CAMERAS: null,
      VIEW_SECTORS: null,
      RENTAL_HOUSES: 1,
    });
  });
});

describe('counts for the legend', () => {
  it('counts cameras by status, with zero for a status nobody has', () => {
    expect(countByStatus(data.CAMERAS.features)).toEqual({ ACTIVE: 2, OFFLINE: 1, MAINTENANCE: 1, DECOMMISSIONED: 0 });
  });

  it('counts rental houses with and without an active camera', () => {
    expect(rentalHouseCounts(data.RENTAL_HOUSES.features)).toEqual({ withCamera: 1, withoutCamera: 2 });
  });

  it('counts only active cameras towards a residential group’s coverage (R8)', () => {
    const active = activeCamerasByGroup(data.CAMERAS.features);
    expect(active.get(10)).toBe(2);
    expect(active.get(11)).toBeUndefined();
    expect(uncoveredGroupCount(data.RESIDENTIAL_GROUPS.features, active)).toBe(2);
    expect(camerasByGroup(data.CAMERAS.features).get(11)).toBe(1);
  });

  it('does not call groups uncovered before the cameras are known', () => {
    expect(uncoveredGroupCount(data.RESIDENTIAL_GROUPS.features, null)).toBeNull();
  });

  it('takes the server’s active camera count of each group over the cameras layer', () => {
    const groups = data.RESIDENTIAL_GROUPS.features.map((f) => ({ ...f, properties: { ...f.properties, activeCameraCount: f.properties.id === 20 ? 0 : 3 } }));
    expect(uncoveredGroupCount(groups, null)).toBe(1);
    expect(uncoveredGroupCount(groups, activeCamerasByGroup(data.CAMERAS.features))).toBe(1);
    expect(activeCamerasInGroup(groups[0], null)).toBe(3);
    expect(activeCamerasInGroup(data.RESIDENTIAL_GROUPS.features[1], activeCamerasByGroup(data.CAMERAS.features))).toBe(0);
    expect(activeCamerasInGroup(data.RESIDENTIAL_GROUPS.features[1], null)).toBeNull();
    expect(activeCamerasInGroup(undefined, null)).toBeNull();
  });
});

describe('wardDensity', () => {
  it('computes cameras per km² for every ward and puts the denser ward in a higher class', () => {
    const density = wardDensity(data.WARDS.features, 2);
    expect(density.density.get(1)!).toBeGreaterThan(density.density.get(2)!);
    expect(density.classes.get(1)!).toBeGreaterThanOrEqual(density.classes.get(2)!);
  });

  it('has no breaks and class 0 for a single ward', () => {
    const density = wardDensity(data.WARDS.features.slice(0, 1));
    expect(density.breaks).toEqual([]);
    expect(density.classes.get(1)).toBe(0);
  });
});

describe('indexLayers and wardSummary', () => {
  it('finds features by id', () => {
    const index = indexLayers(data);
    expect(index.cameras.get(200)?.properties.wardId).toBe(2);
    expect(index.sectors.has(101)).toBe(true);
    expect(index.houses.get(8)?.properties.address).toBe('2 Phố B');
    expect(indexLayers({}).wards.size).toBe(0);
  });

  it('summarises a ward from the loaded layers', () => {
    expect(wardSummary(1, data)).toEqual({
      cameras: 3,
      activeCameras: 2,
      rentalHouses: 2,
      housesWithoutCamera: 1,
      groups: 2,
      uncoveredGroups: 1,
    });
    expect(wardSummary(1, { RENTAL_HOUSES: data.RENTAL_HOUSES })).toEqual({ rentalHouses: 2, housesWithoutCamera: 1 });
  });
});
