/**
 * The operators page's forms: a new support agreement and a new operator (ADMIN, PLANNER), and a
 * camera's connection by its number (ADMIN, the camera's ward chair). A refused input shows the
 * server's message and code and marks the field it names.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createNetworkOperator,
  createSupportAgreement,
  OPERATOR_KINDS,
  setCameraConnection,
  type CameraNetworkConnection,
  type OperatorKind,
  type SupportAgreement,
  type TelecomOperator,
} from '../../api/operations';
import { ErrorNotice, invalidProps, useLanguage, useSubmit } from '../registries/common';
import { formatVnd, parseVnd, todayInVietnam } from '../registries/logic';

/** A whole number of đồng, 0 allowed (a support of nothing): null when the text is not one. */
function parseVndOrZero(text: string): number | null {
  return text.trim() === '0' ? 0 : parseVnd(text);
}

function FormButtons({ busy, testId, submitLabel, onCancel }: { busy: boolean; testId: string; submitLabel: string; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="ww-reg-form-actions">
      <button type="submit" className="ww-button" disabled={busy} data-testid={`${testId}-submit`}>
        {busy ? t('operators.saving') : submitLabel}
      </button>
      <button type="button" className="ww-button ww-button-secondary" onClick={onCancel} disabled={busy}>
        {t('operators.cancel')}
      </button>
    </div>
  );
}

export function AgreementForm({ operators, onSaved, onCancel }: { operators: TelecomOperator[]; onSaved: (a: SupportAgreement) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const submit = useSubmit();
  const [operatorId, setOperatorId] = useState<number | null>(operators[0]?.id ?? null);
  const [title, setTitle] = useState('');
  const [support, setSupport] = useState('');
  const [bandwidth, setBandwidth] = useState('');
  const [startsOn, setStartsOn] = useState(todayInVietnam());
  const [endsOn, setEndsOn] = useState('');
  const [terms, setTerms] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const parsedSupport = parseVndOrZero(support);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (parsedSupport == null) return setInvalid('monthlyFeeSupportVnd');
    const mbps = bandwidth.trim() === '' ? null : Number(bandwidth.replace(',', '.'));
    if (mbps != null && !(mbps > 0)) return setInvalid('bandwidthMbps');
    setInvalid(null);
    const saved = await submit.run(() =>
      createSupportAgreement({
        operatorId: operatorId ?? 0,
        title: title.trim(),
        monthlyFeeSupportVnd: parsedSupport,
        bandwidthMbps: mbps,
        startsOn,
        endsOn: endsOn || null,
        terms: terms.trim() || null,
      }),
    );
    if (saved) onSaved(saved);
  };
  const field = invalid ?? submit.field;
  return (
    <form className="ww-reg-form" onSubmit={onSubmit} data-testid="agreement-form" noValidate>
      <div className="ww-reg-form-title">{t('operators.newAgreement.title')}</div>
      <div className="ww-reg-form-grid">
        <label className="ww-reg-field">
          <span className="ww-label">{t('operators.field.operator')}</span>
          <select className="ww-select" value={operatorId ?? ''} onChange={(e) => setOperatorId(Number(e.target.value))} data-testid="agreement-operator" {...invalidProps('operatorId', field)}>
            {operators.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
        <label className="ww-reg-field">
          <span className="ww-label">{t('operators.field.agreementTitle')}</span>
          <input className="ww-input" maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} data-testid="agreement-title" {...invalidProps('title', field)} />
        </label>
        <label className="ww-reg-field">
          <span className="ww-label">{t('operators.field.support')}</span>
          <input className="ww-input" inputMode="numeric" value={support} placeholder="100.000" onChange={(e) => setSupport(e.target.value)} data-testid="agreement-support" {...invalidProps('monthlyFeeSupportVnd', field)} />
          {parsedSupport != null && <span className="ww-small ww-muted">{formatVnd(parsedSupport, language)}</span>}
        </label>
        <label className="ww-reg-field">
          <span className="ww-label">{t('operators.field.bandwidth')}</span>
          <input className="ww-input" inputMode="decimal" value={bandwidth} placeholder="30" onChange={(e) => setBandwidth(e.target.value)} data-testid="agreement-bandwidth" {...invalidProps('bandwidthMbps', field)} />
        </label>
        <label className="ww-reg-field">
          <span className="ww-label">{t('operators.field.startsOn')}</span>
          <input className="ww-input" type="date" value={startsOn} onChange={(e) => setStartsOn(e.target.value)} data-testid="agreement-starts" {...invalidProps('startsOn', field)} />
        </label>
        <label className="ww-reg-field">
          <span className="ww-label">{t('operators.field.endsOn')}</span>
          <input className="ww-input" type="date" value={endsOn} onChange={(e) => setEndsOn(e.target.value)} data-testid="agreement-ends" {...invalidProps('endsOn', field)} />
        </label>
        <label className="ww-reg-field is-wide">
          <span className="ww-label">{t('operators.field.terms')}</span>
          <textarea className="ww-input" rows={2} maxLength={4000} value={terms} onChange={(e) => setTerms(e.target.value)} data-testid="agreement-terms" {...invalidProps('terms', field)} />
        </label>
      </div>
      {invalid && (
        <span className="ww-reg-field-error" role="alert">
          {t('operators.invalidNumber')}
        </span>
      )}
      {submit.error != null && <ErrorNotice error={submit.error} testId="agreement-error" />}
      <FormButtons busy={submit.busy} testId="agreement" submitLabel={t('operators.newAgreement.submit')} onCancel={onCancel} />
    </form>
  );
}

export function OperatorForm({ onSaved, onCancel }: { onSaved: (o: TelecomOperator) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<OperatorKind>('OTHER');
  const [contactName, setContactName] = useState('');
  const [contactPhone, setContactPhone] = useState('');
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const saved = await submit.run(() =>
      createNetworkOperator({ code: code.trim(), name: name.trim(), kind, contactName: contactName.trim() || null, contactPhone: contactPhone.trim() || null }),
    );
    if (saved) onSaved(saved);
  };
  const field = submit.field;
  return (
    <form className="ww-reg-form" onSubmit={onSubmit} data-testid="operator-form" noValidate>
      <div className="ww-reg-form-title">{t('operators.newOperator.title')}</div>
      <div className="ww-reg-form-grid">
        <label className="ww-reg-field">
          <span className="ww-label">{t('operators.field.code')}</span>
          <input className="ww-input" maxLength={32} value={code} placeholder="mobifone" onChange={(e) => setCode(e.target.value.toLowerCase())} data-testid="operator-code" {...invalidProps('code', field)} />
          <span className="ww-small ww-muted">{t('operators.field.codeHint')}</span>
        </label>
        <label className="ww-reg-field">
          <span className="ww-label">{t('operators.field.name')}</span>
          <input className="ww-input" maxLength={120} value={name} onChange={(e) => setName(e.target.value)} data-testid="operator-name" {...invalidProps('name', field)} />
        </label>
        <label className="ww-reg-field">
          <span className="ww-label">{t('operators.field.kind')}</span>
          <select className="ww-select" value={kind} onChange={(e) => setKind(e.target.value as OperatorKind)} data-testid="operator-kind" {...invalidProps('kind', field)}>
            {OPERATOR_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`operators.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="ww-reg-field">
          <span className="ww-label">{t('operators.field.contactName')}</span>
          <input className="ww-input" maxLength={120} value={contactName} onChange={(e) => setContactName(e.target.value)} {...invalidProps('contactName', field)} />
        </label>
        <label className="ww-reg-field">
          <span className="ww-label">{t('operators.field.contactPhone')}</span>
          <input className="ww-input" maxLength={20} value={contactPhone} onChange={(e) => setContactPhone(e.target.value)} {...invalidProps('contactPhone', field)} />
        </label>
      </div>
      {submit.error != null && <ErrorNotice error={submit.error} testId="operator-error" />}
      <FormButtons busy={submit.busy} testId="operator" submitLabel={t('operators.newOperator.submit')} onCancel={onCancel} />
    </form>
  );
}

/** A camera's connection, by the camera's number (as on the map and in the maintenance page). */
export function ConnectCameraForm({
  operators,
  agreements,
  onSaved,
  onCancel,
}: {
  operators: TelecomOperator[];
  agreements: SupportAgreement[];
  onSaved: (k: CameraNetworkConnection) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const submit = useSubmit();
  const [cameraId, setCameraId] = useState('');
  const [operatorId, setOperatorId] = useState<number | null>(operators[0]?.id ?? null);
  const [plan, setPlan] = useState('');
  const [fee, setFee] = useState('');
  const [agreementId, setAgreementId] = useState<number | null>(null);
  const [invalid, setInvalid] = useState<string | null>(null);
  const own = agreements.filter((a) => a.operatorId === operatorId);
  const parsedFee = parseVndOrZero(fee);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const id = Number(cameraId);
    if (!Number.isInteger(id) || id < 1) return setInvalid('cameraId');
    if (parsedFee == null) return setInvalid('monthlyFeeVnd');
    setInvalid(null);
    const saved = await submit.run(() => setCameraConnection(id, { operatorId: operatorId ?? 0, plan: plan.trim(), monthlyFeeVnd: parsedFee, agreementId }));
    if (saved) onSaved(saved);
  };
  const field = invalid ?? submit.field;
  return (
    <form className="ww-reg-form" onSubmit={onSubmit} data-testid="connect-form" noValidate>
      <div className="ww-reg-form-title">{t('operators.connect.title')}</div>
      <p className="ww-muted ww-small">{t('operators.connect.intro')}</p>
      <div className="ww-reg-form-grid">
        <label className="ww-reg-field">
          <span className="ww-label">{t('operators.field.cameraId')}</span>
          <input className="ww-input" inputMode="numeric" value={cameraId} onChange={(e) => setCameraId(e.target.value)} data-testid="connect-camera" {...invalidProps('cameraId', field)} />
        </label>
        <label className="ww-reg-field">
          <span className="ww-label">{t('operators.field.operator')}</span>
          <select
            className="ww-select"
            value={operatorId ?? ''}
            onChange={(e) => {
              setOperatorId(Number(e.target.value));
              setAgreementId(null);
            }}
            data-testid="connect-operator"
            {...invalidProps('operatorId', field)}
          >
            {operators.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
        <label className="ww-reg-field">
          <span className="ww-label">{t('operators.field.plan')}</span>
          <input className="ww-input" maxLength={120} value={plan} onChange={(e) => setPlan(e.target.value)} data-testid="connect-plan" {...invalidProps('plan', field)} />
        </label>
        <label className="ww-reg-field">
          <span className="ww-label">{t('operators.field.fee')}</span>
          <input className="ww-input" inputMode="numeric" value={fee} placeholder="165.000" onChange={(e) => setFee(e.target.value)} data-testid="connect-fee" {...invalidProps('monthlyFeeVnd', field)} />
          {parsedFee != null && <span className="ww-small ww-muted">{formatVnd(parsedFee, language)}</span>}
        </label>
        <label className="ww-reg-field is-wide">
          <span className="ww-label">{t('operators.field.agreement')}</span>
          <select
            className="ww-select"
            value={agreementId ?? ''}
            onChange={(e) => setAgreementId(e.target.value === '' ? null : Number(e.target.value))}
            data-testid="connect-agreement"
            {...invalidProps('agreementId', field)}
          >
            <option value="">{t('operators.connect.noAgreement')}</option>
            {own.map((a) => (
              <option key={a.id} value={a.id}>
                {a.title} · {a.inForce ? t('operators.agreements.inForce') : t('operators.agreements.notInForce')}
              </option>
            ))}
          </select>
        </label>
      </div>
      {invalid && (
        <span className="ww-reg-field-error" role="alert">
          {t('operators.invalidNumber')}
        </span>
      )}
      {submit.error != null && <ErrorNotice error={submit.error} testId="connect-error" />}
      <FormButtons busy={submit.busy} testId="connect" submitLabel={t('operators.connect.submit')} onCancel={onCancel} />
    </form>
  );
}
