/**
 * Camera vocabulary shared by the server (GraphQL enums, validation) and the map client.
 * Values are the stored spellings; GraphQL exposes them as UPPER_CASE enum names.
 */
export const CAMERA_TYPES = ['fixed', 'dome', 'ptz'] as const;
export type CameraTypeValue = (typeof CAMERA_TYPES)[number];

export const OWNER_KINDS = ['household', 'civil_servant', 'rental_house', 'business', 'public'] as const;
export type OwnerKindValue = (typeof OWNER_KINDS)[number];

export const NETWORK_OPERATORS = ['viettel', 'vnpt', 'fpt', 'other', 'none'] as const;
export type NetworkOperatorValue = (typeof NETWORK_OPERATORS)[number];

export const CAMERA_STATUSES = ['active', 'offline', 'maintenance', 'decommissioned'] as const;
export type CameraStatusValue = (typeof CAMERA_STATUSES)[number];

export const POLICE_ACCESS = ['none', 'on_request', 'live'] as const;
export type PoliceAccessValue = (typeof POLICE_ACCESS)[number];

/** Limits every camera must respect (the database enforces the same ones with CHECK constraints). */
export const CAMERA_LIMITS = {
  /** Bearing in degrees clockwise from true north: [0, 360). */
  bearing: { min: 0, maxExclusive: 360 },
  /** Horizontal field of view in degrees: (0, 360]; 360 for dome and PTZ cameras. */
  fieldOfView: { minExclusive: 0, max: 360 },
  /** Useful viewing range in metres: [1, 1000]. */
  rangeMeters: { min: 1, max: 1000 },
  /** Mount height above ground in metres: [0, 100]. */
  mountHeightMeters: { min: 0, max: 100 },
} as const;

export interface CameraTypeDefaults {
  /** Horizontal field of view, degrees. */
  fieldOfView: number;
  /** Useful viewing range, metres. */
  rangeMeters: number;
}

/**
 * Defaults applied when a registration leaves field of view or range out.
 *
 * - fixed: 85 degrees, the horizontal field of view PanoptiCity derives from its survey of the
 *   fixed CCTV cameras sold on the market; 30 m, the distance at which a 2-4 MP residential camera
 *   still shows a person recognisably (WardWatch's assumption; set the real figure per camera).
 * - dome: 360 degrees: a dome hides its lens direction and can be turned, so, like OpenStreetMap's
 *   camera:type=dome convention (Surveillance under Surveillance: "usually observing a 360° area"),
 *   it is counted as seeing all around; 15 m, as dome lenses are wide and short-sighted.
 * - ptz: 360 degrees (it pans all round), 50 m (optical zoom).
 */
export const CAMERA_TYPE_DEFAULTS: Record<CameraTypeValue, CameraTypeDefaults> = {
  fixed: { fieldOfView: 85, rangeMeters: 30 },
  dome: { fieldOfView: 360, rangeMeters: 15 },
  ptz: { fieldOfView: 360, rangeMeters: 50 },
};
