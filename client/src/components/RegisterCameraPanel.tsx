/**
 * The "add camera" form, in the floating panel while it is open. The location comes from the map
 * (a click, or dragging the marker); the bearing from the number, the slider or the map's handle.
 * Field errors show under their field, in the UI language: the client's own checks first (the same
 * limits as the server), then whatever the server refuses (`extensions.field` names the field).
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { GraphQLClientError, errorCode } from '../api/graphql';
import { registerCamera } from '../api/queries';
import { compassPoint, formatLatLng, formatNumber, type Language } from '../format';
import {
  LABEL_MAX_LENGTH,
  hasDirection,
  limitBounds,
  parseNumber,
  serverError,
  toRegisterInput,
  validateCameraForm,
  withType,
  type CameraFormErrors,
  type CameraFormField,
  type CameraFormValues,
} from '../registration/cameraForm';
import { CAMERA_TYPES, OWNER_KINDS, type CameraType, type OwnerKind, type RegisteredCamera } from '../types';

interface Props {
  language: Language;
  values: CameraFormValues;
  onChange: (values: CameraFormValues) => void;
  /** whether a [longitude, latitude] lies where the user may register (null while that boundary is unknown) */
  isInside: ((longitude: number, latitude: number) => boolean) | null;
  /** that area: the district, or the user's own ward (a ward chair) */
  area: 'district' | 'ward';
  onRegistered: (camera: RegisteredCamera) => void;
  onCancel: () => void;
}

export function RegisterCameraPanel({ language, values, onChange, isInside, area, onRegistered, onCancel }: Props) {
  const { t } = useTranslation();
  const range = limitBounds('rangeMeters');
  const [submitted, setSubmitted] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [serverErrors, setServerErrors] = useState<CameraFormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const clientErrors = validateCameraForm(values, isInside ? { isInside, area } : { area });
  // Client errors show once the user tried to submit (the location's as soon as it is placed wrong).
  const misplaced = clientErrors.location === 'outside' || clientErrors.location === 'outsideWard';
  const shown: CameraFormErrors = { ...(submitted ? clientErrors : misplaced ? { location: clientErrors.location } : {}), ...serverErrors };

  const change = (next: CameraFormValues, field: CameraFormField) => {
    if (serverErrors[field]) {
      const rest = { ...serverErrors };
      delete rest[field];
      setServerErrors(rest);
    }
    setFormError(null);
    onChange(next);
  };
  const set = (field: Exclude<CameraFormField, 'location' | 'type'>) => (value: string) => change({ ...values, [field]: value }, field);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    setServerErrors({});
    setFormError(null);
    const input = toRegisterInput(values);
    if (!input || Object.keys(clientErrors).length > 0) return;
    setSubmitting(true);
    try {
      const camera = await registerCamera(input);
      onRegistered(camera);
    } catch (error) {
      const placed = serverError(errorCode(error), error instanceof GraphQLClientError ? error.field : null, error instanceof Error ? error.message : '');
      if (placed.field) setServerErrors({ [placed.field]: placed.code } as CameraFormErrors);
      else setFormError(placed.code);
    } finally {
      setSubmitting(false);
    }
  };

  const error = (field: CameraFormField): ReactNode => {
    const code = shown[field];
    if (!code) return null;
    return (
      <p className="ww-field-error" role="alert" id={`ww-register-${field}-error`} data-testid={`register-error-${field}`} data-code={code}>
        {t(`register.error.${field}.${code}`, {
          defaultValue: t(`register.error.${field}.invalid`),
          ...(field === 'rangeMeters' ? { min: formatNumber(range.min, language), max: formatNumber(range.max, language) } : {}),
        })}
      </p>
    );
  };
  const invalid = (field: CameraFormField) =>
    shown[field] ? { 'aria-invalid': true as const, 'aria-describedby': `ww-register-${field}-error` } : {};

  const fov = parseNumber(values.fieldOfView);
  const directed = hasDirection(fov);
  const bearing = parseNumber(values.bearing);

  return (
    <aside className="ww-details is-open ww-register" data-testid="register-panel" aria-labelledby="ww-register-title">
      <button type="button" className="ww-close" aria-label={t('register.cancel')} title={t('register.cancel')} onClick={onCancel}>
        ×
      </button>
      <header className="ww-details-head">
        <div className="ww-details-kind">{t('register.kind')}</div>
        <h2 id="ww-register-title" className="ww-details-title">
          {t('register.title')}
        </h2>
      </header>
      <p className="ww-hint ww-register-hint">{t('register.placeHint')}</p>
      <form className="ww-form" onSubmit={submit} noValidate>
        <div className="ww-form-row">
          <span className="ww-form-label" id="ww-register-location-label">
            {t('register.location')}
          </span>
          <output
            className={values.location ? 'ww-form-value' : 'ww-form-value is-empty'}
            data-testid="register-location"
            aria-labelledby="ww-register-location-label"
            data-lat={values.location?.latitude ?? ''}
            data-lng={values.location?.longitude ?? ''}
            {...invalid('location')}
          >
            {values.location ? formatLatLng(values.location.latitude, values.location.longitude) : t('register.notPlaced')}
          </output>
          {error('location')}
        </div>

        <div className="ww-form-grid">
          <label className="ww-form-row">
            <span className="ww-form-label">{t('register.type')}</span>
            <select
              className="ww-select"
              data-testid="register-type"
              value={values.type}
              onChange={(e) => change(withType(values, e.target.value as CameraType), 'type')}
              {...invalid('type')}
            >
              {CAMERA_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`enum.CameraType.${type}`)}
                </option>
              ))}
            </select>
            {error('type')}
          </label>
          <label className="ww-form-row">
            <span className="ww-form-label">{t('register.ownerKind')}</span>
            <select
              className="ww-select"
              data-testid="register-owner"
              value={values.ownerKind}
              onChange={(e) => change({ ...values, ownerKind: e.target.value as OwnerKind | '' }, 'ownerKind')}
              {...invalid('ownerKind')}
            >
              <option value="" disabled>
                {t('register.ownerKindPlaceholder')}
              </option>
              {OWNER_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`enum.OwnerKind.${kind}`)}
                </option>
              ))}
            </select>
            {error('ownerKind')}
          </label>
        </div>

        <div className="ww-form-row">
          <label className="ww-form-label" htmlFor="ww-register-bearing">
            {t('register.bearing')}
          </label>
          <div className="ww-bearing">
            <input
              id="ww-register-bearing"
              className="ww-input ww-input-number"
              data-testid="register-bearing"
              type="text"
              inputMode="decimal"
              value={values.bearing}
              disabled={!directed}
              onChange={(e) => set('bearing')(e.target.value)}
              {...invalid('bearing')}
            />
            <input
              className="ww-range"
              data-testid="register-bearing-slider"
              type="range"
              min={0}
              max={359}
              step={1}
              value={Number.isFinite(bearing) ? Math.min(359, Math.max(0, bearing)) : 0}
              disabled={!directed}
              aria-label={t('register.bearing')}
              onChange={(e) => set('bearing')(e.target.value)}
            />
            <span className="ww-bearing-compass" aria-hidden="true">
              {directed && Number.isFinite(bearing) ? t(`compass.${compassPoint(bearing)}`) : ''}
            </span>
          </div>
          {directed ? error('bearing') : <p className="ww-hint">{t('register.omnidirectional')}</p>}
        </div>

        <div className="ww-form-grid">
          <label className="ww-form-row">
            <span className="ww-form-label">{t('register.fieldOfView')}</span>
            <input
              className="ww-input"
              data-testid="register-fov"
              type="text"
              inputMode="decimal"
              value={values.fieldOfView}
              onChange={(e) => set('fieldOfView')(e.target.value)}
              {...invalid('fieldOfView')}
            />
            {error('fieldOfView')}
          </label>
          <label className="ww-form-row">
            <span className="ww-form-label">{t('register.rangeMeters')}</span>
            <input
              className="ww-input"
              data-testid="register-range"
              type="text"
              inputMode="decimal"
              value={values.rangeMeters}
              onChange={(e) => set('rangeMeters')(e.target.value)}
              {...invalid('rangeMeters')}
            />
            {error('rangeMeters')}
          </label>
        </div>
        <p className="ww-hint">{t('register.defaults')}</p>

        <label className="ww-form-row">
          <span className="ww-form-label">{t('register.label')}</span>
          <input
            className="ww-input"
            data-testid="register-label"
            type="text"
            maxLength={LABEL_MAX_LENGTH + 20}
            value={values.label}
            placeholder={t('register.labelPlaceholder')}
            onChange={(e) => set('label')(e.target.value)}
            {...invalid('label')}
          />
          {error('label')}
        </label>

        {formError && (
          <div className="ww-error" role="alert" data-testid="register-form-error" data-code={formError}>
            <p>{t('register.failed')}</p>
            <p>{t(`errors.${formError}`, { defaultValue: t('errors.UNKNOWN_ERROR') })}</p>
          </div>
        )}

        <div className="ww-details-actions">
          <button type="submit" className="ww-button" data-testid="register-submit" disabled={submitting}>
            {submitting ? t('register.submitting') : t('register.submit')}
          </button>
          <button type="button" className="ww-button ww-button-secondary" data-testid="register-cancel" onClick={onCancel}>
            {t('register.cancel')}
          </button>
        </div>
      </form>
    </aside>
  );
}
