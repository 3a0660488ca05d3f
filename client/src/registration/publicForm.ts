/**
 * The public registration form (R1) as pure functions: the camera part is the ward chair's form
 * (./cameraForm: defaults per type, limits, parsing), plus the owner's contact details, their
 * consent to police access and to being contacted. Validation uses the server's limits; the GraphQL
 * input; which form field a server error names; the reference shown in groups. No React, no
 * i18next: unit-tested in node.
 */
import type { RegistrationReceipt, SelfOwnerKind, SubmitRegistrationInput } from '../api/registrations';
import { SELF_OWNER_KINDS } from '../api/registrations';
import type { PoliceAccess } from '../types';
import { POLICE_ACCESS } from '../types';
import {
  hasDirection,
  initialCameraForm,
  parseNumber,
  validateCameraForm,
  type CameraFormErrors,
  type CameraFormValues,
  type FieldErrorCode,
} from './cameraForm';

export interface PublicFormValues extends CameraFormValues {
  ownerName: string;
  ownerPhone: string;
  ownerEmail: string;
  address: string;
  /** '' until the owner chooses */
  policeAccess: PoliceAccess | '';
  consentToContact: boolean;
}

export const CONTACT_FIELDS = ['ownerName', 'ownerPhone', 'ownerEmail', 'address', 'policeAccess', 'consentToContact'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];
export type PublicFormField = 'location' | 'type' | 'ownerKind' | 'bearing' | 'fieldOfView' | 'rangeMeters' | ContactField;
export type PublicFormErrors = Partial<Record<PublicFormField, FieldErrorCode | 'tooShort'>>;

/** The server's limits (server/src/services/camera-registration.service.ts, and the database's CHECKs). */
export const CONTACT_LIMITS = {
  ownerName: { min: 2, max: 200 },
  address: { min: 5, max: 300 },
  ownerEmail: 254,
} as const;

/** Phone numbers as the server takes them: digits with an optional +, spaces, dots or dashes; 9 to 20 characters. */
export const PHONE_PATTERN = /^\+?[0-9][0-9 .-]{7,18}[0-9]$/;
const EMAIL_PATTERN = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export function initialPublicForm(): PublicFormValues {
  return {
    ...initialCameraForm('FIXED'),
    ownerKind: 'HOUSEHOLD',
    ownerName: '',
    ownerPhone: '',
    ownerEmail: '',
    address: '',
    policeAccess: '',
    consentToContact: false,
  };
}

/**
 * Everything wrong with the form, by field (empty: it can be sent). `isInside(longitude, latitude)`
 * says whether a point lies in one of the wards.
 */
export function validatePublicForm(values: PublicFormValues, isInside?: (longitude: number, latitude: number) => boolean): PublicFormErrors {
  const camera: CameraFormErrors = validateCameraForm(values, isInside ? { isInside, area: 'district' } : {});
  delete camera.label;
  const errors: PublicFormErrors = { ...camera };
  // A 360° camera has no direction: its bearing is not asked for.
  const fov = parseNumber(values.fieldOfView);
  if (!hasDirection(fov) && errors.bearing) delete errors.bearing;
  if (!(SELF_OWNER_KINDS as readonly string[]).includes(values.ownerKind)) errors.ownerKind = values.ownerKind === '' ? 'required' : 'invalid';
  const name = values.ownerName.trim();
  if (name === '') errors.ownerName = 'required';
  else if (name.length < CONTACT_LIMITS.ownerName.min) errors.ownerName = 'tooShort';
  else if (name.length > CONTACT_LIMITS.ownerName.max) errors.ownerName = 'tooLong';
  const phone = values.ownerPhone.trim();
  if (phone === '') errors.ownerPhone = 'required';
  else if (!PHONE_PATTERN.test(phone)) errors.ownerPhone = 'invalid';
  const email = values.ownerEmail.trim();
  if (email.length > CONTACT_LIMITS.ownerEmail) errors.ownerEmail = 'tooLong';
  else if (email !== '' && !EMAIL_PATTERN.test(email)) errors.ownerEmail = 'invalid';
  const address = values.address.trim();
  if (address === '') errors.address = 'required';
  else if (address.length < CONTACT_LIMITS.address.min) errors.address = 'tooShort';
  else if (address.length > CONTACT_LIMITS.address.max) errors.address = 'tooLong';
  if (!(POLICE_ACCESS as readonly string[]).includes(values.policeAccess)) errors.policeAccess = 'required';
  if (!values.consentToContact) errors.consentToContact = 'required';
  return errors;
}

/** The mutation's input for valid values; null if anything is invalid. */
export function toSubmitInput(values: PublicFormValues): SubmitRegistrationInput | null {
  if (Object.keys(validatePublicForm(values)).length > 0 || !values.location) return null;
  const fieldOfView = parseNumber(values.fieldOfView);
  const email = values.ownerEmail.trim();
  return {
    location: { type: 'Point', coordinates: [values.location.longitude, values.location.latitude] },
    type: values.type,
    ownerKind: values.ownerKind as SelfOwnerKind,
    bearing: hasDirection(fieldOfView) ? parseNumber(values.bearing) : 0,
    fieldOfView,
    rangeMeters: parseNumber(values.rangeMeters),
    ownerName: values.ownerName.trim(),
    ownerPhone: values.ownerPhone.trim(),
    ...(email ? { ownerEmail: email } : {}),
    address: values.address.trim(),
    policeAccess: values.policeAccess as PoliceAccess,
    consentToContact: values.consentToContact,
  };
}

const FORM_FIELDS: readonly PublicFormField[] = ['location', 'type', 'ownerKind', 'bearing', 'fieldOfView', 'rangeMeters', ...CONTACT_FIELDS];

/** The form field a server error names (`input.ownerPhone`, `input.location.coordinates[1]`), or null. */
export function publicFieldOf(serverField: string | undefined | null): PublicFormField | null {
  if (!serverField) return null;
  const parts = serverField.split('.');
  const name = parts[0] === 'input' ? parts[1] : parts[0];
  return (FORM_FIELDS as readonly string[]).includes(name ?? '') ? (name as PublicFormField) : null;
}

/** A reference as the owner reads and copies it: two groups of five ("K7M2Q-X9PRT"). */
export function formatReference(reference: string): string {
  const r = reference.replace(/[^0-9A-Za-z]/g, '').toUpperCase();
  return r.length === 10 ? `${r.slice(0, 5)}-${r.slice(5)}` : r;
}

/** What the status check may send: the 10 letters and digits of a reference, a phone of at least 9 digits. */
export function statusQueryProblem(reference: string, phone: string): 'reference' | 'phone' | null {
  if (reference.replace(/[^0-9A-Za-z]/g, '').length !== 10) return 'reference';
  if (phone.replace(/\D/g, '').length < 9) return 'phone';
  return null;
}

/** One line of the receipt: a label and its value. */
export interface ReceiptLine {
  label: string;
  value: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * The receipt the owner saves: a small self-contained HTML page (UTF-8, printable) with the
 * reference and the summary. Texts come translated; nothing is fetched.
 */
export function receiptHtml(texts: { title: string; referenceLabel: string; keep: string; lang: string }, receipt: Pick<RegistrationReceipt, 'reference'>, lines: ReceiptLine[]): string {
  const rows = lines.map((l) => `<tr><th>${escapeHtml(l.label)}</th><td>${escapeHtml(l.value)}</td></tr>`).join('\n');
  return `<!doctype html>
<html lang="${escapeHtml(texts.lang)}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(texts.title)} ${escapeHtml(formatReference(receipt.reference))}</title>
<style>
body { font-family: system-ui, sans-serif; color: #1f2933; max-width: 640px; margin: 32px auto; padding: 0 16px; }
h1 { font-size: 20px; }
.ref { font: 700 36px/1.2 ui-monospace, monospace; letter-spacing: 3px; border: 2px solid #0b7285; border-radius: 8px; padding: 12px 16px; display: inline-block; }
table { border-collapse: collapse; margin-top: 16px; width: 100%; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #d9dee4; vertical-align: top; }
th { width: 40%; color: #52606d; font-weight: 600; }
</style>
</head>
<body>
<h1>${escapeHtml(texts.title)}</h1>
<p>${escapeHtml(texts.referenceLabel)}</p>
<p class="ref">${escapeHtml(formatReference(receipt.reference))}</p>
<p>${escapeHtml(texts.keep)}</p>
<table>
${rows}
</table>
</body>
</html>
`;
}

/** The receipt file's name. */
export function receiptFileName(reference: string): string {
  return `camera-registration-${reference.replace(/[^0-9A-Za-z]/g, '').toUpperCase()}.html`;
}
