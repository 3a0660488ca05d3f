/**
 * The camera part of the public registration form: type (field of view and range prefilled from
 * the type's defaults), who owns it, the bearing (number, slider, or the map's handle), field of
 * view and range. The logic is the ward chair's form's (./cameraForm: withType, parseNumber,
 * hasDirection, limits) and so are the labels and messages (`register.*`); only the owner kinds
 * differ (a public place's camera is the ward's to register).
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SELF_OWNER_KINDS } from '../api/registrations';
import { compassPoint, formatNumber, type Language } from '../format';
import { CAMERA_TYPES, type CameraType, type OwnerKind } from '../types';
import { hasDirection, limitBounds, parseNumber, withType } from './cameraForm';
import type { PublicFormErrors, PublicFormField, PublicFormValues } from './publicForm';

interface Props {
  language: Language;
  values: PublicFormValues;
  errors: PublicFormErrors;
  onChange: (values: PublicFormValues, field: PublicFormField) => void;
}

export function CameraFieldset({ language, values, errors, onChange }: Props) {
  const { t } = useTranslation();
  const range = limitBounds('rangeMeters');
  const fov = parseNumber(values.fieldOfView);
  const directed = hasDirection(fov);
  const bearing = parseNumber(values.bearing);
  const set = (field: 'bearing' | 'fieldOfView' | 'rangeMeters') => (value: string) => onChange({ ...values, [field]: value }, field);

  const error = (field: PublicFormField): ReactNode => {
    const code = errors[field];
    if (!code) return null;
    const key = field === 'ownerKind' ? `selfRegister.error.ownerKind.${code}` : `register.error.${field}.${code}`;
    return (
      <p className="ww-field-error" role="alert" id={`ww-selfreg-${field}-error`} data-testid={`selfreg-error-${field}`} data-code={code}>
        {t(key, {
          defaultValue: t(`register.error.${field}.invalid`, { defaultValue: t('selfRegister.error.generic') }),
          ...(field === 'rangeMeters' ? { min: formatNumber(range.min, language), max: formatNumber(range.max, language) } : {}),
        })}
      </p>
    );
  };
  const invalid = (field: PublicFormField) => (errors[field] ? { 'aria-invalid': true as const, 'aria-describedby': `ww-selfreg-${field}-error` } : {});

  return (
    <fieldset className="ww-selfreg-fieldset" data-testid="selfreg-camera">
      <legend className="ww-selfreg-legend">{t('selfRegister.section.camera')}</legend>
      <div className="ww-form-grid">
        <label className="ww-form-row">
          <span className="ww-form-label">{t('register.type')}</span>
          <select
            className="ww-select"
            data-testid="selfreg-type"
            value={values.type}
            onChange={(e) => onChange(withType(values, e.target.value as CameraType) as PublicFormValues, 'type')}
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
          <span className="ww-form-label">{t('selfRegister.ownerKind')}</span>
          <select
            className="ww-select"
            data-testid="selfreg-owner-kind"
            value={values.ownerKind}
            onChange={(e) => onChange({ ...values, ownerKind: e.target.value as OwnerKind }, 'ownerKind')}
            {...invalid('ownerKind')}
          >
            {SELF_OWNER_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`enum.OwnerKind.${kind}`)}
              </option>
            ))}
          </select>
          {error('ownerKind')}
        </label>
      </div>

      <div className="ww-form-row">
        <label className="ww-form-label" htmlFor="ww-selfreg-bearing">
          {t('register.bearing')}
        </label>
        <div className="ww-bearing">
          <input
            id="ww-selfreg-bearing"
            className="ww-input ww-input-number"
            data-testid="selfreg-bearing"
            type="text"
            inputMode="decimal"
            value={values.bearing}
            disabled={!directed}
            onChange={(e) => set('bearing')(e.target.value)}
            {...invalid('bearing')}
          />
          <input
            className="ww-range"
            data-testid="selfreg-bearing-slider"
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
            data-testid="selfreg-fov"
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
            data-testid="selfreg-range"
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
    </fieldset>
  );
}
