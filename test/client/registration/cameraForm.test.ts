import { describe, expect, it } from 'vitest';
import {
  formFieldOf,
  hasDirection,
  initialCameraForm,
  limitBounds,
  normaliseBearing,
  parseNumber,
  previewOf,
  serverError,
  toRegisterInput,
  validateCameraForm,
  withType,
  withinLimit,
  type CameraFormValues,
} from '../../../client/src/registration/cameraForm';

const placed = (values: Partial<CameraFormValues> = {}): CameraFormValues => ({
  ...initialCameraForm(),
  location: { latitude: 16.0605, longitude: 108.1935 },
  ownerKind: 'PUBLIC',
  ...values,
});

describe('the add-camera form’s defaults', () => {
  it('prefills a fixed camera with 85° and 30 m, facing north, with no owner chosen', () => {
    expect(initialCameraForm()).toEqual({
      location: null,
      type: 'FIXED',
      ownerKind: '',
      bearing: '0',
      fieldOfView: '85',
      rangeMeters: '30',
      label: '',
    });
  });

  it('prefills a dome with 360° and 15 m, and a PTZ with 360° and 50 m, when the type changes', () => {
    const dome = withType(placed({ bearing: '120' }), 'DOME');
    expect([dome.fieldOfView, dome.rangeMeters, dome.bearing]).toEqual(['360', '15', '120']);
    const ptz = withType(dome, 'PTZ');
    expect([ptz.type, ptz.fieldOfView, ptz.rangeMeters]).toEqual(['PTZ', '360', '50']);
  });

  it('asks for a direction only when the camera does not see all around', () => {
    expect(hasDirection(85)).toBe(true);
    expect(hasDirection(360)).toBe(false);
  });
});

describe('validateCameraForm', () => {
  it('accepts a placed fixed camera with an owner', () => {
    expect(validateCameraForm(placed())).toEqual({});
  });

  it('asks for a location and an owner before anything is sent', () => {
    expect(validateCameraForm(initialCameraForm())).toEqual({ location: 'required', ownerKind: 'required' });
  });

  it('refuses a location outside the district when it knows the boundary', () => {
    const outside = validateCameraForm(placed(), { isInside: () => false });
    expect(outside.location).toBe('outside');
    expect(validateCameraForm(placed(), { isInside: () => true })).toEqual({});
  });

  it('refuses a ward chair’s location outside their ward as outside the ward', () => {
    expect(validateCameraForm(placed(), { isInside: () => false, area: 'ward' }).location).toBe('outsideWard');
    expect(validateCameraForm(placed(), { isInside: () => true, area: 'ward' })).toEqual({});
  });

  it('refuses a bearing of 360° or more, and accepts 359.5°', () => {
    expect(validateCameraForm(placed({ bearing: '360' })).bearing).toBe('outOfRange');
    expect(validateCameraForm(placed({ bearing: '-1' })).bearing).toBe('outOfRange');
    expect(validateCameraForm(placed({ bearing: '359,5' })).bearing).toBeUndefined();
  });

  it('refuses a field of view of 0° or above 360°, and a range beyond 1000 m', () => {
    expect(validateCameraForm(placed({ fieldOfView: '0' })).fieldOfView).toBe('outOfRange');
    expect(validateCameraForm(placed({ fieldOfView: '361' })).fieldOfView).toBe('outOfRange');
    expect(validateCameraForm(placed({ rangeMeters: '1001' })).rangeMeters).toBe('outOfRange');
    expect(validateCameraForm(placed({ rangeMeters: '0' })).rangeMeters).toBe('outOfRange');
  });

  it('tells an empty number from one that is not a number', () => {
    expect(validateCameraForm(placed({ rangeMeters: '' })).rangeMeters).toBe('required');
    expect(validateCameraForm(placed({ rangeMeters: '30m' })).rangeMeters).toBe('notANumber');
  });

  it('refuses a name longer than 100 characters', () => {
    expect(validateCameraForm(placed({ label: 'x'.repeat(101) })).label).toBe('tooLong');
    expect(validateCameraForm(placed({ label: 'x'.repeat(100) })).label).toBeUndefined();
  });

  it('reads limits that are inclusive or exclusive at either end', () => {
    expect(withinLimit(0, { minExclusive: 0, max: 360 })).toBe(false);
    expect(withinLimit(360, { minExclusive: 0, max: 360 })).toBe(true);
    expect(withinLimit(360, { min: 0, maxExclusive: 360 })).toBe(false);
    expect(withinLimit(Number.NaN, { min: 0 })).toBe(false);
    const range = limitBounds('rangeMeters');
    expect(range.max).toBe(1000);
    expect(range.min).toBeLessThanOrEqual(1);
  });
});

describe('toRegisterInput', () => {
  it('sends GeoJSON [longitude, latitude], numbers and the trimmed name', () => {
    expect(toRegisterInput(placed({ bearing: '120', label: '  Cổng tổ 14 ' }))).toEqual({
      location: { type: 'Point', coordinates: [108.1935, 16.0605] },
      type: 'FIXED',
      ownerKind: 'PUBLIC',
      bearing: 120,
      fieldOfView: 85,
      rangeMeters: 30,
      label: 'Cổng tổ 14',
    });
  });

  it('leaves an empty name out and sends nothing for an invalid form', () => {
    expect(toRegisterInput(placed())).not.toHaveProperty('label');
    expect(toRegisterInput(placed({ ownerKind: '' }))).toBeNull();
  });
});

describe('errors from the server', () => {
  it('puts a refused location under the location field, saying it is outside the district', () => {
    expect(serverError('BAD_USER_INPUT', 'input.location', 'input.location: point (10, 100) is outside the district')).toEqual({
      field: 'location',
      code: 'outside',
    });
    expect(serverError('BAD_USER_INPUT', 'input.location.coordinates', 'input.location.coordinates: bad')).toEqual({ field: 'location', code: 'invalid' });
  });

  it('puts a location refused as outside the user’s ward (FORBIDDEN) under the location field', () => {
    expect(serverError('FORBIDDEN', 'input.location', 'input.location is outside your ward')).toEqual({ field: 'location', code: 'outsideWard' });
    expect(serverError('FORBIDDEN', 'input.location', 'input.location is outside your district')).toEqual({ field: 'location', code: 'outside' });
    expect(serverError('FORBIDDEN', 'registerCamera', 'Your role may not use registerCamera')).toEqual({ field: null, code: 'FORBIDDEN' });
  });

  it('puts a refused number under its field', () => {
    expect(serverError('BAD_USER_INPUT', 'input.bearing', 'input.bearing: must be in [0, 360) (got 400)')).toEqual({ field: 'bearing', code: 'invalid' });
  });

  it('keeps an error about no field of the form, or of another kind, for the whole form', () => {
    expect(serverError('BAD_USER_INPUT', 'input.rentalHouseId')).toEqual({ field: null, code: 'BAD_USER_INPUT' });
    expect(serverError('NOT_FOUND', 'input.location')).toEqual({ field: null, code: 'NOT_FOUND' });
    expect(serverError('NETWORK_ERROR', undefined)).toEqual({ field: null, code: 'NETWORK_ERROR' });
    expect(formFieldOf('fieldOfView')).toBe('fieldOfView');
    expect(formFieldOf(null)).toBeNull();
  });
});

describe('numbers and the preview', () => {
  it('reads a decimal comma and refuses trailing units', () => {
    expect(parseNumber('12,5')).toBe(12.5);
    expect(parseNumber(' 30 ')).toBe(30);
    expect(parseNumber('30 m')).toBeNaN();
    expect(parseNumber('')).toBeNaN();
  });

  it('turns a dragged bearing into a whole degree in [0, 360)', () => {
    expect(normaliseBearing(359.6)).toBe(0);
    expect(normaliseBearing(-90)).toBe(270);
    expect(normaliseBearing(725.2)).toBe(5);
  });

  it('previews the sector once the camera is placed and its numbers make sense', () => {
    expect(previewOf(initialCameraForm())).toBeNull();
    expect(previewOf(placed({ bearing: '370' }))).toMatchObject({ bearing: 10, fieldOfView: 85, rangeMeters: 30 });
    expect(previewOf(placed({ rangeMeters: 'abc' }))).toBeNull();
    expect(previewOf(placed({ bearing: '' }))!.bearing).toBe(0);
  });
});
