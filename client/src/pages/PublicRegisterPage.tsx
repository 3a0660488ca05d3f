/**
 * #/register: the public page where a resident or landlord registers their own camera (R1), with no
 * login. Place the camera by clicking the map, turn it by dragging the handle, pick its type (its
 * field of view and range prefilled), give a contact and the consent to police access, send it.
 * The confirmation shows the reference big, a summary, and lets the owner print it or save it as a
 * file; the status check below answers from the reference and the phone number. The registration
 * covers nothing until the ward approves it (the page says so).
 */
import type { TFunction } from 'i18next';
import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCode, GraphQLClientError } from '../api/graphql';
import { fetchConfig } from '../api/queries';
import {
  fetchRegistrationArea,
  fetchRegistrationStatus,
  submitRegistration,
  type RegistrationReceipt,
  type RegistrationStatus,
} from '../api/registrations';
import { waitOf } from '../auth/loginError';
import { Brand } from '../components/Brand';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { compassPoint, formatDateTime, formatLatLng, formatNumber, type Language } from '../format';
import { containsPoint } from '../map/geometry';
import { normaliseBearing, previewOf } from '../registration/cameraForm';
import { CameraFieldset } from '../registration/CameraFieldset';
import {
  formatReference,
  initialPublicForm,
  publicFieldOf,
  receiptFileName,
  receiptHtml,
  statusQueryProblem,
  toSubmitInput,
  validatePublicForm,
  type PublicFormErrors,
  type PublicFormField,
  type PublicFormValues,
  type ReceiptLine,
} from '../registration/publicForm';
import { RegistrationMap } from '../registration/RegistrationMap';
import type { ClientConfig, PoliceAccess } from '../types';
import { POLICE_ACCESS } from '../types';
import { useRemote } from '../useRemote';
import './selfRegister.css';

const NO_CONFIG: ClientConfig = { tileUrl: null, tileAttribution: null, demo: false };

export function PublicRegisterPage() {
  const { t, i18n } = useTranslation();
  const language: Language = (i18n.resolvedLanguage ?? i18n.language) === 'en' ? 'en' : 'vi';
  const [config, setConfig] = useState<ClientConfig>(NO_CONFIG);
  useEffect(() => {
    const controller = new AbortController();
    fetchConfig({ signal: controller.signal }).then(setConfig);
    return () => controller.abort();
  }, []);
  const area = useRemote('registration-area', 0, (o) => fetchRegistrationArea(o));
  const [values, setValues] = useState<PublicFormValues>(initialPublicForm);
  /** what was sent, and the server's receipt for it */
  const [sent, setSent] = useState<{ receipt: RegistrationReceipt; values: PublicFormValues } | null>(null);

  useEffect(() => {
    document.title = t('selfRegister.documentTitle');
    return () => {
      document.title = t('app.documentTitle');
    };
  }, [t]);

  const wards = area.data?.wards ?? null;
  const isInside = useMemo(
    () => (wards ? (longitude: number, latitude: number) => wards.some((w) => containsPoint(w.boundary, [longitude, latitude])) : undefined),
    [wards],
  );
  const chosenWard = useMemo(() => {
    const at = (sent?.values ?? values).location;
    if (!at || !wards) return null;
    return wards.find((w) => containsPoint(w.boundary, [at.longitude, at.latitude])) ?? null;
  }, [wards, values, sent]);
  const shown = sent?.values ?? values;

  return (
    <div className="ww-selfreg-page" data-testid="selfreg-page" data-language={language}>
      <header className="ww-header ww-selfreg-header">
        <Brand />
        <span className="ww-header-spacer" />
        <a className="ww-selfreg-signin" href="#/" data-testid="selfreg-signin">
          {t('selfRegister.signIn')}
        </a>
        <LanguageSwitch />
      </header>
      <main className="ww-selfreg-main">
        <section className="ww-selfreg-intro">
          <h1 className="ww-selfreg-title">{t('selfRegister.title')}</h1>
          <p className="ww-selfreg-lead">{t('selfRegister.intro')}</p>
        </section>
        {area.status === 'error' && (
          <div className="ww-error ww-selfreg-banner" role="alert" data-testid="selfreg-area-error">
            <p>{t('selfRegister.loadFailed', { reason: t(`errors.${area.code}`, { defaultValue: t('errors.UNKNOWN_ERROR') }) })}</p>
            <button type="button" className="ww-button" onClick={area.retry}>
              {t('errors.retry')}
            </button>
          </div>
        )}
        <div className={sent ? 'ww-selfreg-work is-sent' : 'ww-selfreg-work'}>
          <div className="ww-selfreg-map-col">
            {!sent && <p className="ww-selfreg-maphint">{t('selfRegister.mapHint')}</p>}
            <RegistrationMap
              config={config}
              area={area.data}
              chosenWard={chosenWard?.code ?? null}
              location={shown.location}
              preview={previewOf(shown)}
              active={!sent}
              onPlace={(latitude, longitude) => setValues((v) => ({ ...v, location: { latitude, longitude } }))}
              onBearing={(bearing) => setValues((v) => ({ ...v, bearing: String(normaliseBearing(bearing)) }))}
            />
          </div>
          <div className="ww-selfreg-side">
            {sent ? (
              <Receipt
                language={language}
                receipt={sent.receipt}
                values={sent.values}
                onAnother={() => {
                  setSent(null);
                  setValues(initialPublicForm());
                }}
              />
            ) : (
              <RegistrationForm
                language={language}
                values={values}
                onChange={setValues}
                isInside={isInside}
                wardName={chosenWard?.name ?? null}
                onSent={(receipt, v) => setSent({ receipt, values: v })}
              />
            )}
          </div>
        </div>
        <StatusCheck key={sent?.receipt.reference ?? ''} language={language} initial={sent ? { reference: sent.receipt.reference, phone: sent.values.ownerPhone } : null} />
      </main>
    </div>
  );
}

// ------------------------------------------------------------------ the form

function RegistrationForm({
  language,
  values,
  onChange,
  isInside,
  wardName,
  onSent,
}: {
  language: Language;
  values: PublicFormValues;
  onChange: (values: PublicFormValues) => void;
  isInside: ((longitude: number, latitude: number) => boolean) | undefined;
  wardName: string | null;
  onSent: (receipt: RegistrationReceipt, values: PublicFormValues) => void;
}) {
  const { t } = useTranslation();
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [serverErrors, setServerErrors] = useState<PublicFormErrors>({});
  const [failure, setFailure] = useState<{ code: string; retryAfterSeconds?: number } | null>(null);
  const clientErrors = validatePublicForm(values, isInside);
  // The location's problem shows at once (a click outside the wards); the rest once the owner tried to send.
  const misplaced = clientErrors.location === 'outside';
  const errors: PublicFormErrors = { ...(tried ? clientErrors : misplaced ? { location: clientErrors.location } : {}), ...serverErrors };

  const change = (next: PublicFormValues, field: PublicFormField) => {
    if (serverErrors[field]) {
      const rest = { ...serverErrors };
      delete rest[field];
      setServerErrors(rest);
    }
    setFailure(null);
    onChange(next);
  };
  const set = (field: 'ownerName' | 'ownerPhone' | 'ownerEmail' | 'address') => (value: string) => change({ ...values, [field]: value }, field);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setTried(true);
    setServerErrors({});
    setFailure(null);
    const input = toSubmitInput(values);
    if (!input || (isInside && Object.keys(clientErrors).length > 0)) {
      // Take the owner to the first problem.
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.ww-selfreg-form [aria-invalid="true"]')?.focus());
      return;
    }
    setBusy(true);
    try {
      const receipt = await submitRegistration(input);
      onSent(receipt, values);
    } catch (error) {
      const code = errorCode(error);
      const field = code === 'BAD_USER_INPUT' && error instanceof GraphQLClientError ? publicFieldOf(error.field) : null;
      if (field) setServerErrors({ [field]: field === 'location' && /outside/i.test((error as Error).message) ? 'outside' : 'invalid' });
      else setFailure({ code, retryAfterSeconds: error instanceof GraphQLClientError ? error.retryAfterSeconds : undefined });
    } finally {
      setBusy(false);
    }
  };

  const error = (field: PublicFormField): ReactNode => {
    const code = errors[field];
    if (!code) return null;
    return (
      <p className="ww-field-error" role="alert" id={`ww-selfreg-${field}-error`} data-testid={`selfreg-error-${field}`} data-code={code}>
        {t(`selfRegister.error.${field}.${code}`, { defaultValue: t('selfRegister.error.generic') })}
      </p>
    );
  };
  const invalid = (field: PublicFormField) => (errors[field] ? { 'aria-invalid': true as const, 'aria-describedby': `ww-selfreg-${field}-error` } : {});
  const wait = failure?.code === 'TOO_MANY_REQUESTS' ? waitOf(failure.retryAfterSeconds) : null;

  return (
    <form className="ww-selfreg-form" onSubmit={submit} noValidate aria-busy={busy} data-testid="selfreg-form">
      <fieldset className="ww-selfreg-fieldset">
        <legend className="ww-selfreg-legend">{t('selfRegister.section.place')}</legend>
        <output
          className={values.location ? 'ww-form-value' : 'ww-form-value is-empty'}
          data-testid="selfreg-location"
          data-lat={values.location?.latitude ?? ''}
          data-lng={values.location?.longitude ?? ''}
          tabIndex={-1}
          {...invalid('location')}
        >
          {values.location ? formatLatLng(values.location.latitude, values.location.longitude) : t('register.notPlaced')}
        </output>
        {errors.location ? (
          <p className="ww-field-error" role="alert" id="ww-selfreg-location-error" data-testid="selfreg-error-location" data-code={errors.location}>
            {t(`selfRegister.error.location.${errors.location}`, { defaultValue: t('register.error.location.invalid') })}
          </p>
        ) : (
          wardName && (
            <p className="ww-hint ww-selfreg-ward" data-testid="selfreg-ward">
              {t('selfRegister.wardOf', { ward: wardName })}
            </p>
          )
        )}
      </fieldset>

      <CameraFieldset language={language} values={values} errors={errors} onChange={change} />

      <fieldset className="ww-selfreg-fieldset" data-testid="selfreg-contact">
        <legend className="ww-selfreg-legend">{t('selfRegister.section.contact')}</legend>
        <label className="ww-form-row">
          <span className="ww-form-label">{t('selfRegister.ownerName')}</span>
          <input className="ww-input" data-testid="selfreg-owner-name" autoComplete="name" value={values.ownerName} onChange={(e) => set('ownerName')(e.target.value)} {...invalid('ownerName')} />
          {error('ownerName')}
        </label>
        <div className="ww-form-grid">
          <label className="ww-form-row">
            <span className="ww-form-label">{t('selfRegister.ownerPhone')}</span>
            <input
              className="ww-input"
              data-testid="selfreg-owner-phone"
              type="tel"
              autoComplete="tel"
              inputMode="tel"
              placeholder="0905 123 456"
              value={values.ownerPhone}
              onChange={(e) => set('ownerPhone')(e.target.value)}
              {...invalid('ownerPhone')}
            />
            {error('ownerPhone')}
          </label>
          <label className="ww-form-row">
            <span className="ww-form-label">{t('selfRegister.ownerEmail')}</span>
            <input
              className="ww-input"
              data-testid="selfreg-owner-email"
              type="email"
              autoComplete="email"
              value={values.ownerEmail}
              onChange={(e) => set('ownerEmail')(e.target.value)}
              {...invalid('ownerEmail')}
            />
            {error('ownerEmail')}
          </label>
        </div>
        <label className="ww-form-row">
          <span className="ww-form-label">{t('selfRegister.address')}</span>
          <input
            className="ww-input"
            data-testid="selfreg-address"
            autoComplete="street-address"
            placeholder={t('selfRegister.addressPlaceholder')}
            value={values.address}
            onChange={(e) => set('address')(e.target.value)}
            {...invalid('address')}
          />
          {error('address')}
        </label>
      </fieldset>

      <fieldset className="ww-selfreg-fieldset" data-testid="selfreg-police" {...invalid('policeAccess')}>
        <legend className="ww-selfreg-legend">{t('selfRegister.section.police')}</legend>
        <p className="ww-hint">{t('selfRegister.policeIntro')}</p>
        <div className="ww-selfreg-choices" role="radiogroup" aria-label={t('selfRegister.section.police')}>
          {POLICE_ACCESS.map((option) => (
            <label key={option} className={values.policeAccess === option ? 'ww-selfreg-choice is-checked' : 'ww-selfreg-choice'}>
              <input
                type="radio"
                name="policeAccess"
                value={option}
                data-testid={`selfreg-police-${option}`}
                checked={values.policeAccess === option}
                onChange={() => change({ ...values, policeAccess: option as PoliceAccess }, 'policeAccess')}
              />
              <span>
                <strong>{t(`selfRegister.police.${option}.label`)}</strong>
                <span className="ww-selfreg-choice-hint">{t(`selfRegister.police.${option}.hint`)}</span>
              </span>
            </label>
          ))}
        </div>
        {error('policeAccess')}
      </fieldset>

      <label className="ww-selfreg-consent">
        <input
          type="checkbox"
          data-testid="selfreg-consent"
          checked={values.consentToContact}
          onChange={(e) => change({ ...values, consentToContact: e.target.checked }, 'consentToContact')}
          {...invalid('consentToContact')}
        />
        <span>{t('selfRegister.consent')}</span>
      </label>
      {error('consentToContact')}

      {failure && (
        <div className="ww-error" role="alert" data-testid="selfreg-failure" data-code={failure.code}>
          <p>{t('selfRegister.failed')}</p>
          <p>
            {failure.code === 'TOO_MANY_REQUESTS'
              ? wait
                ? t('selfRegister.tooMany', { wait: t(`auth.wait.${wait.unit}`, { count: wait.count }) })
                : t('errors.TOO_MANY_REQUESTS')
              : t(`errors.${failure.code}`, { defaultValue: t('errors.UNKNOWN_ERROR') })}
          </p>
        </div>
      )}
      <p className="ww-hint">{t('selfRegister.pendingNote')}</p>
      <button type="submit" className="ww-button ww-selfreg-submit" data-testid="selfreg-submit" disabled={busy}>
        {busy ? t('selfRegister.submitting') : t('selfRegister.submit')}
      </button>
    </form>
  );
}

// ------------------------------------------------------------------ the confirmation

function summaryLines(t: TFunction, language: Language, r: RegistrationReceipt, v: PublicFormValues): ReceiptLine[] {
  const directed = r.fieldOfView < 360;
  const lines: Array<ReceiptLine | null> = [
    { label: t('selfRegister.receipt.field.state'), value: t(`selfRegister.state.${r.state}`) },
    { label: t('selfRegister.receipt.field.submittedAt'), value: formatDateTime(r.submittedAt, language) ?? '' },
    { label: t('selfRegister.receipt.field.ward'), value: r.wardName },
    r.residentialGroupName ? { label: t('selfRegister.receipt.field.group'), value: r.residentialGroupName } : null,
    { label: t('selfRegister.receipt.field.location'), value: formatLatLng(r.latitude, r.longitude) },
    { label: t('selfRegister.receipt.field.type'), value: t(`enum.CameraType.${r.type}`) },
    {
      label: t('selfRegister.receipt.field.direction'),
      value: directed
        ? t('units.bearing', { degrees: `${formatNumber(r.bearing, language)}°`, direction: t(`compass.${compassPoint(r.bearing)}`) })
        : t('selfRegister.receipt.allAround'),
    },
    { label: t('selfRegister.receipt.field.view'), value: `${formatNumber(r.fieldOfView, language)}° · ${formatNumber(r.rangeMeters, language)} m` },
    { label: t('selfRegister.receipt.field.policeAccess'), value: t(`selfRegister.police.${r.policeAccess}.label`) },
    { label: t('selfRegister.receipt.field.ownerKind'), value: t(`enum.OwnerKind.${r.ownerKind}`) },
    { label: t('selfRegister.ownerName'), value: v.ownerName.trim() },
    { label: t('selfRegister.ownerPhone'), value: v.ownerPhone.trim() },
    v.ownerEmail.trim() ? { label: t('selfRegister.receipt.field.email'), value: v.ownerEmail.trim() } : null,
    { label: t('selfRegister.address'), value: v.address.trim() },
  ];
  return lines.filter((l): l is ReceiptLine => l != null);
}

function Receipt({ language, receipt, values, onAnother }: { language: Language; receipt: RegistrationReceipt; values: PublicFormValues; onAnother: () => void }) {
  const { t } = useTranslation();
  const lines = summaryLines(t, language, receipt, values);
  // The reference comes into view at once (on a phone it is below the map).
  const top = useRef<HTMLElement>(null);
  useEffect(() => {
    top.current?.scrollIntoView?.({ block: 'start' });
  }, []);
  const save = () => {
    const html = receiptHtml(
      { title: t('selfRegister.receipt.fileTitle'), referenceLabel: t('selfRegister.receipt.referenceLabel'), keep: t('selfRegister.receipt.keep'), lang: language },
      receipt,
      lines,
    );
    const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = receiptFileName(receipt.reference);
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <section ref={top} className="ww-selfreg-receipt" data-testid="selfreg-receipt" data-reference={receipt.reference} aria-labelledby="ww-selfreg-receipt-title">
      <div className="ww-selfreg-receipt-head">
        <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" className="ww-selfreg-check">
          <circle cx="12" cy="12" r="11" fill="#2b8a3e" />
          <path d="M7 12.5l3.2 3.2L17.5 8.5" stroke="#fff" strokeWidth="2.4" fill="none" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        <h2 id="ww-selfreg-receipt-title" className="ww-selfreg-receipt-title">
          {t('selfRegister.receipt.title')}
        </h2>
      </div>
      <p className="ww-selfreg-ref-label">{t('selfRegister.receipt.referenceLabel')}</p>
      <p className="ww-selfreg-ref" data-testid="selfreg-reference">
        {formatReference(receipt.reference)}
      </p>
      <p className="ww-selfreg-keep">{t('selfRegister.receipt.keep')}</p>
      <p className="ww-selfreg-pending" data-testid="selfreg-pending">
        {t('selfRegister.receipt.pending', { ward: receipt.wardName })}
      </p>
      <dl className="ww-selfreg-summary" data-testid="selfreg-summary">
        {lines.map((l) => (
          <div key={l.label} className="ww-selfreg-summary-row">
            <dt>{l.label}</dt>
            <dd>{l.value}</dd>
          </div>
        ))}
      </dl>
      <div className="ww-selfreg-actions">
        <button type="button" className="ww-button" data-testid="selfreg-print" onClick={() => window.print()}>
          {t('selfRegister.receipt.print')}
        </button>
        <button type="button" className="ww-button ww-button-secondary" data-testid="selfreg-save" onClick={save}>
          {t('selfRegister.receipt.save')}
        </button>
        <button type="button" className="ww-button ww-button-secondary" data-testid="selfreg-another" onClick={onAnother}>
          {t('selfRegister.receipt.another')}
        </button>
      </div>
    </section>
  );
}

// ------------------------------------------------------------------ the status check

function StatusCheck({ language, initial }: { language: Language; initial: { reference: string; phone: string } | null }) {
  const { t } = useTranslation();
  const [reference, setReference] = useState(initial ? formatReference(initial.reference) : '');
  const [phone, setPhone] = useState(initial?.phone ?? '');
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<{ status: RegistrationStatus | null } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const check = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setAnswer(null);
    const wrong = statusQueryProblem(reference, phone);
    if (wrong) {
      setProblem(wrong === 'reference' ? t('selfRegister.status.invalidReference') : t('selfRegister.status.invalidPhone'));
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      setAnswer({ status: await fetchRegistrationStatus(reference, phone) });
    } catch (error) {
      const code = errorCode(error);
      const wait = code === 'TOO_MANY_REQUESTS' ? waitOf(error instanceof GraphQLClientError ? error.retryAfterSeconds : null) : null;
      setProblem(wait ? t('selfRegister.status.tooMany', { wait: t(`auth.wait.${wait.unit}`, { count: wait.count }) }) : t(`errors.${code}`, { defaultValue: t('errors.UNKNOWN_ERROR') }));
    } finally {
      setBusy(false);
    }
  };

  const s = answer?.status;
  return (
    <section className="ww-selfreg-status" data-testid="selfreg-status" aria-labelledby="ww-selfreg-status-title">
      <h2 id="ww-selfreg-status-title" className="ww-selfreg-h2">
        {t('selfRegister.status.title')}
      </h2>
      <p className="ww-hint">{t('selfRegister.status.intro')}</p>
      <form className="ww-selfreg-status-form" onSubmit={check} noValidate>
        <label className="ww-form-row">
          <span className="ww-form-label">{t('selfRegister.status.reference')}</span>
          <input
            className="ww-input ww-selfreg-ref-input"
            data-testid="selfreg-status-reference"
            autoCapitalize="characters"
            spellCheck={false}
            value={reference}
            placeholder="K7M2Q-X9PRT"
            onChange={(e) => setReference(e.target.value)}
          />
        </label>
        <label className="ww-form-row">
          <span className="ww-form-label">{t('selfRegister.status.phone')}</span>
          <input className="ww-input" data-testid="selfreg-status-phone" type="tel" inputMode="tel" value={phone} onChange={(e) => setPhone(e.target.value)} />
        </label>
        <button type="submit" className="ww-button" data-testid="selfreg-status-submit" disabled={busy}>
          {busy ? t('selfRegister.status.checking') : t('selfRegister.status.submit')}
        </button>
      </form>
      {problem && (
        <p className="ww-field-error" role="alert" data-testid="selfreg-status-problem">
          {problem}
        </p>
      )}
      {answer && !s && (
        <p className="ww-selfreg-status-none" role="status" data-testid="selfreg-status-none">
          {t('selfRegister.status.notFound')}
        </p>
      )}
      {s && (
        <div className={`ww-selfreg-status-answer is-${s.state.toLowerCase()}`} role="status" data-testid="selfreg-status-answer" data-state={s.state}>
          <strong className="ww-selfreg-status-state">{t(`selfRegister.state.${s.state}`)}</strong>
          <dl className="ww-selfreg-summary">
            <div className="ww-selfreg-summary-row">
              <dt>{t('selfRegister.status.reference')}</dt>
              <dd>{formatReference(s.reference)}</dd>
            </div>
            <div className="ww-selfreg-summary-row">
              <dt>{t('selfRegister.receipt.field.ward')}</dt>
              <dd>{s.wardName}</dd>
            </div>
            <div className="ww-selfreg-summary-row">
              <dt>{t('selfRegister.receipt.field.submittedAt')}</dt>
              <dd>{formatDateTime(s.submittedAt, language)}</dd>
            </div>
            {s.decidedAt && (
              <div className="ww-selfreg-summary-row">
                <dt>{t('selfRegister.status.decidedAt')}</dt>
                <dd>{formatDateTime(s.decidedAt, language)}</dd>
              </div>
            )}
            {s.reviewNote && (
              <div className="ww-selfreg-summary-row">
                <dt>{t('selfRegister.status.note')}</dt>
                <dd data-testid="selfreg-status-note">{s.reviewNote}</dd>
              </div>
            )}
          </dl>
        </div>
      )}
    </section>
  );
}

export default PublicRegisterPage;
