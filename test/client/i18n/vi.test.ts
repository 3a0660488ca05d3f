import { describe, expect, it } from 'vitest';
import vi from '../../../client/src/i18n/vi';
import { ENUMS, MAP_LAYERS } from '../../../client/src/types';
import { COMPASS_POINTS } from '../../../client/src/format';
import { CAMERA_FORM_FIELDS } from '../../../client/src/registration/cameraForm';
import { flatten } from './catalogue';

const strings = flatten(vi);

describe('the Vietnamese catalogue', () => {
  it('translates every value of every enum the UI shows', () => {
    for (const [name, values] of Object.entries(ENUMS)) {
      for (const value of values) expect(strings.get(`enum.${name}.${value}`), `enum.${name}.${value}`).toBeTruthy();
    }
  });

  it('names every map layer and every compass point', () => {
    for (const layer of MAP_LAYERS) expect(strings.get(`layers.${layer}`)).toBeTruthy();
    for (const point of COMPASS_POINTS) expect(strings.get(`compass.${point}`)).toBeTruthy();
  });

  it('has a message for every error code the client produces', () => {
    const codes = ['NOT_FOUND', 'BAD_USER_INPUT', 'NETWORK_ERROR', 'HTTP_ERROR', 'BAD_RESPONSE', 'UNKNOWN_ERROR', 'INTERNAL_SERVER_ERROR'];
    for (const code of [...codes, 'UNAUTHENTICATED', 'FORBIDDEN', 'TOO_MANY_REQUESTS']) {
      expect(strings.get(`errors.${code}`), code).toBeTruthy();
    }
  });

  it('explains every way the add-camera form can refuse a field', () => {
    const codes: Record<string, string[]> = {
      location: ['required', 'outside', 'outsideWard', 'invalid'],
      type: ['required', 'invalid'],
      ownerKind: ['required', 'invalid'],
      bearing: ['required', 'notANumber', 'outOfRange', 'invalid'],
      fieldOfView: ['required', 'notANumber', 'outOfRange', 'invalid'],
      rangeMeters: ['required', 'notANumber', 'outOfRange', 'invalid'],
      label: ['tooLong', 'invalid'],
    };
    expect(Object.keys(codes).sort()).toEqual([...CAMERA_FORM_FIELDS].sort());
    for (const [field, list] of Object.entries(codes)) {
      for (const code of list) expect(strings.get(`register.error.${field}.${code}`), `${field}.${code}`).toBeTruthy();
    }
  });

  it('has the login screen, every way a login fails, and the waits it can name', () => {
    for (const key of ['title', 'username', 'password', 'submit', 'submitting', 'expired', 'loggedOut', 'logout', 'loggingOut']) {
      expect(strings.get(`auth.${key}`), key).toBeTruthy();
    }
    for (const kind of ['wrongCredentials', 'tooManyAttempts', 'tooManyAttemptsLater', 'other']) expect(strings.get(`auth.error.${kind}`), kind).toBeTruthy();
    for (const unit of ['seconds', 'minutes', 'hours']) expect(strings.get(`auth.wait.${unit}_other`), unit).toBeTruthy();
    expect(vi.details.personalHidden).toBe('ẩn — vai trò của bạn không xem dữ liệu cá nhân');
  });

  it('has no empty string', () => {
    for (const [key, value] of strings) expect(value.trim(), key).not.toBe('');
  });

  it('is written in Vietnamese', () => {
    expect(vi.enum.CameraStatus.ACTIVE).toBe('Đang hoạt động');
    expect(vi.layers.RENTAL_HOUSES).toBe('Nhà cho thuê trọ');
  });
});
