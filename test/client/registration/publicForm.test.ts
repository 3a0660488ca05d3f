import { describe, expect, it } from 'vitest';
import {
  formatReference,
  initialPublicForm,
  publicFieldOf,
  receiptFileName,
  receiptHtml,
  statusQueryProblem,
  toSubmitInput,
  validatePublicForm,
  type PublicFormValues,
} from '../../../client/src/registration/publicForm';
import { withType } from '../../../client/src/registration/cameraForm';

function filled(overrides: Partial<PublicFormValues> = {}): PublicFormValues {
  return {
    ...initialPublicForm(),
    location: { latitude: 16.05, longitude: 108.2 },
    bearing: '135',
    ownerName: ' Trần Thị Mai ',
    ownerPhone: '0905 123 456',
    address: '12 Lê Lợi',
    policeAccess: 'ON_REQUEST',
    consentToContact: true,
    ...overrides,
  };
}

describe('the public registration form', () => {
  it('starts as a fixed household camera with the type’s defaults, nothing placed and no consent given', () => {
    const v = initialPublicForm();
    expect(v).toMatchObject({ type: 'FIXED', ownerKind: 'HOUSEHOLD', fieldOfView: '85', rangeMeters: '30', location: null, policeAccess: '', consentToContact: false });
    expect(validatePublicForm(v)).toMatchObject({ location: 'required', ownerName: 'required', ownerPhone: 'required', address: 'required', policeAccess: 'required', consentToContact: 'required' });
  });

  it('sends a complete form as the mutation’s input, trimmed, without an empty email', () => {
    expect(validatePublicForm(filled())).toEqual({});
    expect(toSubmitInput(filled())).toEqual({
      location: { type: 'Point', coordinates: [108.2, 16.05] },
      type: 'FIXED', ownerKind: 'HOUSEHOLD', bearing: 135, fieldOfView: 85, rangeMeters: 30,
      ownerName: 'Trần Thị Mai', ownerPhone: '0905 123 456', address: '12 Lê Lợi', policeAccess: 'ON_REQUEST', consentToContact: true,
    });
  });

  it('takes the defaults of a dome camera, which has no direction to ask for', () => {
    const dome = withType(filled({ bearing: 'abc' }), 'DOME') as PublicFormValues;
    expect(validatePublicForm(dome)).toEqual({});
    expect(toSubmitInput(dome)).toMatchObject({ type: 'DOME', fieldOfView: 360, rangeMeters: 15, bearing: 0 });
  });

  it('refuses what the server would refuse, field by field', () => {
    expect(validatePublicForm(filled({ ownerName: 'A' })).ownerName).toBe('tooShort');
    expect(validatePublicForm(filled({ ownerName: 'A'.repeat(201) })).ownerName).toBe('tooLong');
    expect(validatePublicForm(filled({ ownerPhone: 'call me' })).ownerPhone).toBe('invalid');
    expect(validatePublicForm(filled({ ownerEmail: 'x@' })).ownerEmail).toBe('invalid');
    expect(validatePublicForm(filled({ address: '1 A' })).address).toBe('tooShort');
    expect(validatePublicForm(filled({ ownerKind: 'PUBLIC' })).ownerKind).toBe('invalid');
    expect(validatePublicForm(filled({ bearing: '360' })).bearing).toBe('outOfRange');
    expect(validatePublicForm(filled({ consentToContact: false })).consentToContact).toBe('required');
    expect(toSubmitInput(filled({ consentToContact: false }))).toBeNull();
  });

  it('says a point outside every ward is outside', () => {
    expect(validatePublicForm(filled(), () => false).location).toBe('outside');
    expect(validatePublicForm(filled(), () => true).location).toBeUndefined();
  });

  it('puts a server error under the field it names', () => {
    expect(publicFieldOf('input.ownerPhone')).toBe('ownerPhone');
    expect(publicFieldOf('input.location.coordinates[1]')).toBe('location');
    expect(publicFieldOf('input.somethingElse')).toBeNull();
    expect(publicFieldOf(undefined)).toBeNull();
  });
});

describe('the reference and the receipt', () => {
  it('shows a reference in two groups of five, however it was typed', () => {
    expect(formatReference('K7M2QX9PRT')).toBe('K7M2Q-X9PRT');
    expect(formatReference(' k7m2q x9prt ')).toBe('K7M2Q-X9PRT');
  });

  it('checks a status query before sending it', () => {
    expect(statusQueryProblem('K7M2Q-X9PRT', '0905 123 456')).toBeNull();
    expect(statusQueryProblem('K7M2Q', '0905 123 456')).toBe('reference');
    expect(statusQueryProblem('K7M2Q-X9PRT', '0905')).toBe('phone');
  });

  it('saves a self-contained receipt with the reference and every line, markup escaped', () => {
    const html = receiptHtml({ title: 'Biên nhận', referenceLabel: 'Mã', keep: 'Giữ mã', lang: 'vi' }, { reference: 'K7M2QX9PRT' }, [
      { label: 'Địa chỉ', value: '12 <b>Lê Lợi</b> & tổ 3' },
    ]);
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<p class="ref">K7M2Q-X9PRT</p>');
    expect(html).toContain('<th>Địa chỉ</th><td>12 &lt;b&gt;Lê Lợi&lt;/b&gt; &amp; tổ 3</td>');
    expect(html).not.toMatch(/<script|https?:/);
    expect(receiptFileName('K7M2Q-X9PRT')).toBe('camera-registration-K7M2QX9PRT.html');
  });
});
