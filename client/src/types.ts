/**
 * Types of the GraphQL contract the map client codes against (see the server's schema).
 * Enum values keep the UPPER_CASE spelling of the GraphQL enums; the UI translates them.
 */
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Point, Polygon } from 'geojson';
import * as vocabulary from '../../shared/camera';
import * as roles from '../../shared/roles';

/** The shared vocabulary (stored spellings, shared/camera.ts and shared/roles.ts) in the GraphQL enum spelling. */
const upper = <T extends readonly string[]>(values: T) => values.map((v) => v.toUpperCase()) as unknown as { [K in keyof T]: Uppercase<T[K]> };

export const CAMERA_TYPES = upper(vocabulary.CAMERA_TYPES);
export type CameraType = (typeof CAMERA_TYPES)[number];

export const OWNER_KINDS = upper(vocabulary.OWNER_KINDS);
export type OwnerKind = (typeof OWNER_KINDS)[number];

export const NETWORK_OPERATORS = upper(vocabulary.NETWORK_OPERATORS);
export type NetworkOperator = (typeof NETWORK_OPERATORS)[number];

export const CAMERA_STATUSES = upper(vocabulary.CAMERA_STATUSES);
export type CameraStatus = (typeof CAMERA_STATUSES)[number];

export const POLICE_ACCESS = upper(vocabulary.POLICE_ACCESS);
export type PoliceAccess = (typeof POLICE_ACCESS)[number];

/** The roles a user can have (GraphQL enum Role): what they may do is in `CurrentUser.permissions`. */
export const ROLES = upper(roles.ROLES);
export type Role = (typeof ROLES)[number];

/**
 * The map layers, bottom to top: the order they are drawn in. The coverage gaps lie under the view
 * sectors (a gap never overlaps an active camera's sector) and over the residential groups.
 */
export const MAP_LAYERS = ['WARDS', 'RESIDENTIAL_GROUPS', 'COVERAGE_GAPS', 'VIEW_SECTORS', 'RENTAL_HOUSES', 'CAMERAS'] as const;
export type MapLayer = (typeof MAP_LAYERS)[number];

/** Every enumeration the UI shows, by its GraphQL name: the i18n catalogue has a key for each value. */
export const ENUMS = {
  CameraType: CAMERA_TYPES,
  CameraStatus: CAMERA_STATUSES,
  OwnerKind: OWNER_KINDS,
  NetworkOperator: NETWORK_OPERATORS,
  PoliceAccess: POLICE_ACCESS,
  Role: ROLES,
} as const;
export type EnumName = keyof typeof ENUMS;

/** [west, south, east, north] */
export type BBox = [number, number, number, number];

export interface District {
  id: number;
  code: string;
  name: string;
  boundary: Geometry;
  bbox: BBox;
  wardCount: number;
  residentialGroupCount: number;
  cameraCount: number;
  rentalHouseCount: number;
}

export interface Ward {
  id: number;
  code: string;
  name: string;
  chairName: string | null;
  chairPhone: string | null;
  chairEmail: string | null;
  bbox: BBox;
  cameraCount: number;
  rentalHouseCount: number;
  residentialGroupCount: number;
}

export interface Camera {
  id: number;
  label: string | null;
  longitude: number;
  latitude: number;
  bearing: number;
  fieldOfView: number;
  rangeMeters: number;
  type: CameraType;
  mountHeightMeters: number | null;
  ownerKind: OwnerKind;
  ownerName: string | null;
  ownerPhone: string | null;
  rentalHouseId: number | null;
  networkOperator: NetworkOperator;
  status: CameraStatus;
  policeAccess: PoliceAccess;
  installedOn: string | null;
  registeredAt: string;
  wardId: number;
  residentialGroupId: number | null;
  ward: { id: number; name: string };
}

export interface RentalHouse {
  id: number;
  address: string;
  ownerName: string | null;
  ownerPhone: string | null;
  rooms: number;
  longitude: number;
  latitude: number;
  wardId: number;
  residentialGroupId: number | null;
  hasActiveCamera: boolean;
  cameras: Array<Pick<Camera, 'id' | 'label' | 'type' | 'status' | 'ownerKind'>>;
  ward: { id: number; name: string };
}

export interface WardProps {
  id: number;
  code: string;
  name: string;
  chairName: string | null;
  cameraCount: number;
}
export interface GroupProps {
  id: number;
  code: string;
  name: string;
  households: number;
  wardId: number;
  /** Share of the group's area inside an active camera's view sector, 0-100 (null if not computed). */
  coveredPercent?: number | null;
  /** m² no active camera sees */
  gapAreaM2?: number | null;
  areaM2?: number | null;
  /** active cameras located in the group (R8: at least one) */
  activeCameraCount?: number | null;
}
/** A coverage gap: the part of one residential group no active camera sees (id = the group's id). */
export interface GapProps {
  id: number;
  code: string;
  name: string;
  wardId: number;
  coveredPercent: number;
  gapAreaM2: number;
  activeCameraCount: number;
}
export interface CameraProps {
  id: number;
  label: string | null;
  type: CameraType;
  status: CameraStatus;
  ownerKind: OwnerKind;
  bearing: number;
  fieldOfView: number;
  rangeMeters: number;
  networkOperator: NetworkOperator;
  policeAccess: PoliceAccess;
  wardId: number;
  residentialGroupId: number | null;
  rentalHouseId: number | null;
}
export interface SectorProps {
  id: number;
  type: CameraType;
  status: CameraStatus;
}
export interface RentalHouseProps {
  id: number;
  address: string;
  rooms: number;
  wardId: number;
  residentialGroupId: number | null;
  hasActiveCamera: boolean;
}

export type WardFeature = Feature<MultiPolygon | Polygon, WardProps>;
export type GroupFeature = Feature<MultiPolygon | Polygon, GroupProps>;
export type CameraFeature = Feature<Point, CameraProps>;
export type SectorFeature = Feature<Polygon | MultiPolygon, SectorProps>;
export type RentalHouseFeature = Feature<Point, RentalHouseProps>;
export type GapFeature = Feature<MultiPolygon | Polygon, GapProps>;

export interface LayerPropsByKind {
  WARDS: WardProps;
  RESIDENTIAL_GROUPS: GroupProps;
  CAMERAS: CameraProps;
  VIEW_SECTORS: SectorProps;
  RENTAL_HOUSES: RentalHouseProps;
  COVERAGE_GAPS: GapProps;
}
export interface LayerGeometryByKind {
  WARDS: MultiPolygon | Polygon;
  RESIDENTIAL_GROUPS: MultiPolygon | Polygon;
  CAMERAS: Point;
  VIEW_SECTORS: Polygon | MultiPolygon;
  RENTAL_HOUSES: Point;
  COVERAGE_GAPS: MultiPolygon | Polygon;
}
export type LayerCollection<K extends MapLayer> = FeatureCollection<LayerGeometryByKind[K], LayerPropsByKind[K]>;
export type LayerData = { [K in MapLayer]: LayerCollection<K> };

/** What the details panel shows. */
export type Selection =
  | { kind: 'camera'; id: number }
  | { kind: 'rentalHouse'; id: number }
  | { kind: 'residentialGroup'; id: number }
  | { kind: 'ward'; id: number };

/** The logged-in user (`me`): who they are, their role, their ward if bound to one, what they may use. */
export interface CurrentUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  /** the one ward a WARD_CHAIR (or a ward's POLICE) is bound to; null: the whole district */
  wardId: number | null;
  ward: { id: number; name: string } | null;
  /** whether owners' names and phone numbers come back (null for roles that may not see them) */
  canSeePersonalData: boolean;
  /** the query and mutation names the role may use: the UI shows only those controls */
  permissions: string[];
}

export interface ClientConfig {
  tileUrl: string | null;
  tileAttribution: string | null;
  /** The server runs the demo district with its demo users (published password). */
  demo: boolean;
}

/**
 * Coverage of an area by active cameras (areas in m² on the spheroid). A ward's or the district's
 * figure is the server's area-weighted roll-up of its residential groups.
 */
export interface Coverage {
  areaM2: number;
  coveredAreaM2: number;
  gapAreaM2: number;
  coveredPercent: number;
  activeCameraCount: number;
  residentialGroupCount: number;
  residentialGroupsWithoutCamera: number;
  computedAt: string | null;
}

export interface GroupCoverage {
  areaM2: number;
  coveredAreaM2: number;
  gapAreaM2: number;
  coveredPercent: number;
  activeCameraCount: number;
  sectorCount: number;
  computedAt: string | null;
}

/** One residential group with its coverage, as `residentialGroup(id)` answers. */
export interface ResidentialGroupCoverage {
  id: number;
  code: string;
  name: string;
  households: number;
  wardId: number;
  coverage: GroupCoverage;
}

/** `uncoveredResidentialGroups`: the groups short of R8 (or of a coverage target) in a scope. */
export interface UncoveredGroups {
  /** R8's deadline, YYYY-MM-DD */
  deadline: string;
  daysToDeadline: number;
  totalGroups: number;
  groupsWithoutCamera: number;
  belowPercent: number | null;
  groups: Array<{
    id: number;
    code: string;
    name: string;
    wardId: number;
    coverage: { coveredPercent: number; gapAreaM2: number; activeCameraCount: number };
  }>;
}

/** What `registerCamera` needs (GraphQL's RegisterCameraInput, the fields the map's form sets). */
export interface RegisterCameraInput {
  location: { type: 'Point'; coordinates: [number, number] };
  type: CameraType;
  ownerKind: OwnerKind;
  bearing: number;
  fieldOfView: number;
  rangeMeters: number;
  label?: string;
}

export interface RegisteredCamera {
  id: number;
  wardId: number;
  residentialGroupId: number | null;
}
