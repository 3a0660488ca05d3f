/**
 * The "add camera" form as pure functions: its values, the defaults per camera type (from the
 * shared CAMERA_TYPE_DEFAULTS), validation with the same limits as the server, the GraphQL input it
 * sends, and which form field a server error names. No React, no i18next: unit-tested in node.
 */
import { CAMERA_LIMITS, CAMERA_TYPE_DEFAULTS, type CameraTypeValue } from '../../../shared/camera';
import type { CameraType, OwnerKind, RegisterCameraInput } from '../types';
import { CAMERA_TYPES, OWNER_KINDS } from '../types';

/** The form's values. Number fields keep what was typed, so "abc" or "" can be reported. */
export interface CameraFormValues {
  /** where the camera is: set by clicking the map or dragging the marker */
  location: { latitude: number; longitude: number } | null;
  type: CameraType;
  /** '' until the user picks one */
  ownerKind: OwnerKind | '';
  bearing: string;
  fieldOfView: string;
  rangeMeters: string;
  label: string;
}

export const CAMERA_FORM_FIELDS = ['location', 'type', 'ownerKind', 'bearing', 'fieldOfView', 'rangeMeters', 'label'] as const;
export type CameraFormField = (typeof CAMERA_FORM_FIELDS)[number];

/** Why a field is refused; the UI translates `register.error.<field>.<code>` (or the generic one). */
export type FieldErrorCode = 'required' | 'notANumber' | 'outOfRange' | 'tooLong' | 'outside' | 'outsideWard' | 'invalid';
export type CameraFormErrors = Partial<Record<CameraFormField, FieldErrorCode>>;

export const LABEL_MAX_LENGTH = 100;

/** Field of view and range that a camera of this type gets unless the user changes them. */
export function typeDefaults(type: CameraType): { fieldOfView: number; rangeMeters: number } {
  const d = CAMERA_TYPE_DEFAULTS[type.toLowerCase() as CameraTypeValue] ?? CAMERA_TYPE_DEFAULTS.fixed;
  return { fieldOfView: d.fieldOfView, rangeMeters: d.rangeMeters };
}

export function initialCameraForm(type: CameraType = 'FIXED'): CameraFormValues {
  const d = typeDefaults(type);
  return {
    location: null,
    type,
    ownerKind: '',
    bearing: '0',
    fieldOfView: String(d.fieldOfView),
    rangeMeters: String(d.rangeMeters),
    label: '',
  };
}

/** Choosing another type prefills its field of view and range (the user may still change them). */
export function withType(values: CameraFormValues, type: CameraType): CameraFormValues {
  const d = typeDefaults(type);
  return { ...values, type, fieldOfView: String(d.fieldOfView), rangeMeters: String(d.rangeMeters) };
}

/** A typed number ("12,5" is accepted as 12.5, the Vietnamese decimal comma); NaN when it is not one. */
export function parseNumber(text: string): number {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '' || !/^[-+]?(\d+\.?\d*|\.\d+)$/.test(trimmed)) return Number.NaN;
  return Number(trimmed);
}

/** A bearing brought into [0, 360). */
export function wrapBearing(degrees: number): number {
  return ((degrees % 360) + 360) % 360;
}

/** A bearing brought into [0, 360), rounded to a whole degree (a drag gives fractions). */
export function normaliseBearing(degrees: number): number {
  return wrapBearing(Math.round(degrees));
}

/** Whether a field of view draws a wedge (the user sets a direction) or a full circle. */
export function hasDirection(fieldOfView: number): boolean {
  return Number.isFinite(fieldOfView) && fieldOfView < 360;
}

/** A limit from CAMERA_LIMITS: each end inclusive or exclusive. */
interface Limit {
  min?: number;
  minExclusive?: number;
  max?: number;
  maxExclusive?: number;
}

/** Whether a number respects a limit of CAMERA_LIMITS. */
export function withinLimit(n: number, limit: Limit): boolean {
  if (!Number.isFinite(n)) return false;
  if (limit.min != null && n < limit.min) return false;
  if (limit.minExclusive != null && n <= limit.minExclusive) return false;
  if (limit.max != null && n > limit.max) return false;
  if (limit.maxExclusive != null && n >= limit.maxExclusive) return false;
  return true;
}

/** The two ends of a limit, for a message ("1–1000 m"). */
export function limitBounds(field: 'bearing' | 'fieldOfView' | 'rangeMeters'): { min: number; max: number } {
  const limit = CAMERA_LIMITS[field] as Limit;
  return { min: limit.min ?? limit.minExclusive ?? 0, max: limit.max ?? limit.maxExclusive ?? Infinity };
}

function checkNumber(text: string, ok: (n: number) => boolean): FieldErrorCode | undefined {
  if (text.trim() === '') return 'required';
  const n = parseNumber(text);
  if (Number.isNaN(n)) return 'notANumber';
  return ok(n) ? undefined : 'outOfRange';
}

/**
 * Everything wrong with the form, by field; an empty object when it can be sent. Same limits as the
 * server; `isInside(longitude, latitude)`, when given, says whether a location is in the area the
 * user may register in: the district ('outside' when not), or their own ward for a ward chair
 * (`area: 'ward'`, 'outsideWard' when not).
 */
export function validateCameraForm(
  values: CameraFormValues,
  options: { isInside?: (longitude: number, latitude: number) => boolean; area?: 'district' | 'ward' } = {},
): CameraFormErrors {
  const errors: CameraFormErrors = {};
  const L = CAMERA_LIMITS;
  if (!values.location || !Number.isFinite(values.location.latitude) || !Number.isFinite(values.location.longitude)) {
    errors.location = 'required';
  } else if (options.isInside && !options.isInside(values.location.longitude, values.location.latitude)) {
    errors.location = options.area === 'ward' ? 'outsideWard' : 'outside';
  }
  if (!(CAMERA_TYPES as readonly string[]).includes(values.type)) errors.type = 'required';
  if (!(OWNER_KINDS as readonly string[]).includes(values.ownerKind)) errors.ownerKind = 'required';
  const bearing = checkNumber(values.bearing, (n) => withinLimit(n, L.bearing));
  if (bearing) errors.bearing = bearing;
  const fov = checkNumber(values.fieldOfView, (n) => withinLimit(n, L.fieldOfView));
  if (fov) errors.fieldOfView = fov;
  const range = checkNumber(values.rangeMeters, (n) => withinLimit(n, L.rangeMeters));
  if (range) errors.rangeMeters = range;
  if (values.label.trim().length > LABEL_MAX_LENGTH) errors.label = 'tooLong';
  return errors;
}

/** The registerCamera input for valid values (GeoJSON is [longitude, latitude]); null if anything is invalid. */
export function toRegisterInput(values: CameraFormValues): RegisterCameraInput | null {
  if (Object.keys(validateCameraForm(values)).length > 0 || !values.location || values.ownerKind === '') return null;
  const label = values.label.trim();
  return {
    location: { type: 'Point', coordinates: [values.location.longitude, values.location.latitude] },
    type: values.type,
    ownerKind: values.ownerKind,
    bearing: parseNumber(values.bearing),
    fieldOfView: parseNumber(values.fieldOfView),
    rangeMeters: parseNumber(values.rangeMeters),
    ...(label ? { label } : {}),
  };
}

/**
 * Where a refused registration's error belongs: BAD_USER_INPUT naming a form field goes under that
 * field (a location "outside" the district says so); FORBIDDEN naming the location too (outside the
 * user's ward or district); anything else above the buttons as its code.
 */
export function serverError(
  code: string,
  field: string | undefined | null,
  message = '',
): { field: CameraFormField; code: FieldErrorCode } | { field: null; code: string } {
  const named = formFieldOf(field);
  if (code === 'FORBIDDEN' && named === 'location') {
    return { field: 'location', code: /ward/i.test(message) ? 'outsideWard' : 'outside' };
  }
  const name = code === 'BAD_USER_INPUT' ? named : null;
  if (name == null) return { field: null, code };
  return { field: name, code: name === 'location' && /outside/i.test(message) ? 'outside' : 'invalid' };
}

/**
 * The form field a server error names: `input.location` (or `input.location.coordinates`) is the
 * location; a field the form does not have, or none, is null (the error shows above the buttons).
 */
export function formFieldOf(serverField: string | undefined | null): CameraFormField | null {
  if (!serverField) return null;
  const parts = serverField.split('.');
  const name = parts[0] === 'input' ? parts[1] : parts[0];
  return (CAMERA_FORM_FIELDS as readonly string[]).includes(name) ? (name as CameraFormField) : null;
}

/** The form's state as the numbers the map preview needs; null while the location or a number is missing. */
export function previewOf(values: CameraFormValues): {
  latitude: number;
  longitude: number;
  bearing: number;
  fieldOfView: number;
  rangeMeters: number;
} | null {
  if (!values.location) return null;
  const bearing = parseNumber(values.bearing);
  const fieldOfView = parseNumber(values.fieldOfView);
  const rangeMeters = parseNumber(values.rangeMeters);
  if (!withinLimit(fieldOfView, CAMERA_LIMITS.fieldOfView) || !withinLimit(rangeMeters, CAMERA_LIMITS.rangeMeters)) return null;
  return {
    ...values.location,
    bearing: Number.isFinite(bearing) ? wrapBearing(bearing) : 0,
    fieldOfView,
    rangeMeters,
  };
}
