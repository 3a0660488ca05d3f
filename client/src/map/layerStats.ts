/**
 * What the legend counts and what the map draws for the chosen scope (the whole district or one
 * ward): pure functions over the layer FeatureCollections.
 */
import type { FeatureCollection } from 'geojson';
import {
  CAMERA_STATUSES,
  MAP_LAYERS,
  type CameraFeature,
  type CameraStatus,
  type GroupFeature,
  type LayerData,
  type MapLayer,
  type RentalHouseFeature,
  type SectorFeature,
  type WardFeature,
} from '../types';
import { areaKm2 } from './geometry';
import { classIndex, quantileBreaks } from './styles';

export type PartialLayerData = Partial<LayerData>;

function collection<T extends FeatureCollection['features'][number]>(features: T[]) {
  return { type: 'FeatureCollection' as const, features };
}

/**
 * The features of each loaded layer inside one ward (all of them for the district).
 * Ward outlines always stay whole so the chosen ward keeps its neighbours around it; a view sector
 * follows its camera's ward (its properties carry the camera id, not the ward).
 */
export function scopeLayers(data: PartialLayerData, wardId: number | null): PartialLayerData {
  if (wardId == null) return data;
  const scoped: PartialLayerData = { ...data };
  const cameraIds = new Set<number>();
  if (data.CAMERAS) {
    const cameras = data.CAMERAS.features.filter((f) => f.properties.wardId === wardId);
    cameras.forEach((f) => cameraIds.add(f.properties.id));
    scoped.CAMERAS = collection(cameras);
  }
  if (data.VIEW_SECTORS) {
    scoped.VIEW_SECTORS = collection(
      data.CAMERAS ? data.VIEW_SECTORS.features.filter((f) => cameraIds.has(f.properties.id)) : [],
    );
  }
  if (data.RESIDENTIAL_GROUPS) {
    scoped.RESIDENTIAL_GROUPS = collection(data.RESIDENTIAL_GROUPS.features.filter((f) => f.properties.wardId === wardId));
  }
  if (data.RENTAL_HOUSES) {
    scoped.RENTAL_HOUSES = collection(data.RENTAL_HOUSES.features.filter((f) => f.properties.wardId === wardId));
  }
  if (data.COVERAGE_GAPS) {
    scoped.COVERAGE_GAPS = collection(data.COVERAGE_GAPS.features.filter((f) => f.properties.wardId === wardId));
  }
  return scoped;
}

/** Feature count of each layer; null while a layer is not loaded. */
export function layerCounts(data: PartialLayerData): Record<MapLayer, number | null> {
  const counts = {} as Record<MapLayer, number | null>;
  for (const kind of MAP_LAYERS) counts[kind] = data[kind]?.features.length ?? null;
  return counts;
}

export function countByStatus(cameras: CameraFeature[] | SectorFeature[]): Record<CameraStatus, number> {
  const counts = Object.fromEntries(CAMERA_STATUSES.map((s) => [s, 0])) as Record<CameraStatus, number>;
  for (const f of cameras) if (f.properties.status in counts) counts[f.properties.status] += 1;
  return counts;
}

/** Active cameras in each residential group, by group id (R8: every group needs at least one). */
export function activeCamerasByGroup(cameras: CameraFeature[]): Map<number, number> {
  const byGroup = new Map<number, number>();
  for (const f of cameras) {
    const group = f.properties.residentialGroupId;
    if (group != null && f.properties.status === 'ACTIVE') byGroup.set(group, (byGroup.get(group) ?? 0) + 1);
  }
  return byGroup;
}

/**
 * Groups without any active camera (R8). The server's `activeCameraCount` of each group decides;
 * without it, the cameras layer does; null until either is known.
 */
export function uncoveredGroupCount(groups: GroupFeature[], activeByGroup: Map<number, number> | null): number | null {
  if (groups.length > 0 && groups.every((g) => g.properties.activeCameraCount != null)) {
    return groups.filter((g) => g.properties.activeCameraCount === 0).length;
  }
  if (!activeByGroup) return null;
  return groups.filter((g) => !activeByGroup.get(g.properties.id)).length;
}

/** Active cameras in a group: the server's count when the layer has it, else the cameras layer's; null if unknown. */
export function activeCamerasInGroup(group: GroupFeature | undefined, activeByGroup: Map<number, number> | null): number | null {
  if (!group) return null;
  if (group.properties.activeCameraCount != null) return group.properties.activeCameraCount;
  return activeByGroup ? (activeByGroup.get(group.properties.id) ?? 0) : null;
}

export function rentalHouseCounts(houses: RentalHouseFeature[]): { withCamera: number; withoutCamera: number } {
  let withCamera = 0;
  for (const f of houses) if (f.properties.hasActiveCamera) withCamera += 1;
  return { withCamera, withoutCamera: houses.length - withCamera };
}

export interface WardDensity {
  /** cameras per km² by ward id */
  density: Map<number, number>;
  /** density class (0-based) by ward id */
  classes: Map<number, number>;
  /** upper bounds of every class but the last */
  breaks: number[];
}

export const DENSITY_CLASSES = 5;

/** Camera density of every ward (cameras per km²) in quantile classes, for the ward fill. */
export function wardDensity(wards: WardFeature[], classes = DENSITY_CLASSES): WardDensity {
  const density = new Map<number, number>();
  for (const w of wards) {
    const area = areaKm2(w.geometry);
    density.set(w.properties.id, area > 0 ? (w.properties.cameraCount ?? 0) / area : 0);
  }
  const breaks = quantileBreaks([...density.values()], classes);
  const classMap = new Map<number, number>();
  for (const [id, value] of density) classMap.set(id, classIndex(value, breaks));
  return { density, classes: classMap, breaks };
}

export interface FeatureIndex {
  wards: Map<number, WardFeature>;
  groups: Map<number, GroupFeature>;
  cameras: Map<number, CameraFeature>;
  sectors: Map<number, SectorFeature>;
  houses: Map<number, RentalHouseFeature>;
}

/** Features by id, to find what a selection points at. */
export function indexLayers(data: PartialLayerData): FeatureIndex {
  const byId = <F extends { properties: { id: number } }>(features: F[] | undefined) =>
    new Map((features ?? []).map((f) => [f.properties.id, f] as const));
  return {
    wards: byId(data.WARDS?.features),
    groups: byId(data.RESIDENTIAL_GROUPS?.features),
    cameras: byId(data.CAMERAS?.features),
    sectors: byId(data.VIEW_SECTORS?.features),
    houses: byId(data.RENTAL_HOUSES?.features),
  };
}

/** Cameras (all statuses) per residential group id. */
export function camerasByGroup(cameras: CameraFeature[]): Map<number, number> {
  const byGroup = new Map<number, number>();
  for (const f of cameras) {
    const group = f.properties.residentialGroupId;
    if (group != null) byGroup.set(group, (byGroup.get(group) ?? 0) + 1);
  }
  return byGroup;
}

export interface WardSummary {
  cameras: number;
  activeCameras: number;
  rentalHouses: number;
  housesWithoutCamera: number;
  groups: number;
  uncoveredGroups: number;
}

/** What the loaded layers say about one ward (null parts stay unknown until their layer loads). */
export function wardSummary(wardId: number, data: PartialLayerData): Partial<WardSummary> {
  const summary: Partial<WardSummary> = {};
  const cameras = data.CAMERAS?.features.filter((f) => f.properties.wardId === wardId);
  if (cameras) {
    summary.cameras = cameras.length;
    summary.activeCameras = cameras.filter((f) => f.properties.status === 'ACTIVE').length;
  }
  const houses = data.RENTAL_HOUSES?.features.filter((f) => f.properties.wardId === wardId);
  if (houses) {
    summary.rentalHouses = houses.length;
    summary.housesWithoutCamera = houses.filter((f) => !f.properties.hasActiveCamera).length;
  }
  const groups = data.RESIDENTIAL_GROUPS?.features.filter((f) => f.properties.wardId === wardId);
  if (groups) {
    summary.groups = groups.length;
    const uncovered = uncoveredGroupCount(groups, data.CAMERAS ? activeCamerasByGroup(data.CAMERAS.features) : null);
    if (uncovered != null) summary.uncoveredGroups = uncovered;
  }
  return summary;
}
