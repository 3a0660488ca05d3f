/**
 * A penalty case's actions, exactly those the server allows this viewer now (`allowedActions`):
 * refer, decide (warning, or fine with amount in VND and legal basis), record the payment, close,
 * add evidence; and the form that opens a case against a house without a camera. A refused input
 * shows the server's message and code and marks the field it names (extensions.field).
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  openPenaltyCase,
  PENALTY_DECISIONS,
  runCaseAction,
  type CaseActionRequest,
  type PenaltyCase,
  type PenaltyCaseAction,
  type PenaltyDecision,
  type ReportHouse,
} from '../../api/registries';
import { ErrorNotice, invalidProps, useLanguage, useSubmit } from './common';
import { formatVnd, orderedActions, parseVnd } from './logic';

export function CaseActions({ kase, onChanged }: { kase: PenaltyCase; onChanged: (c: PenaltyCase) => void }) {
  const { t } = useTranslation();
  const actions = orderedActions(kase.allowedActions);
  const [active, setActive] = useState<PenaltyCaseAction | null>(null);
  if (actions.length === 0) {
    return (
      <p className="ww-muted" data-testid="case-no-actions">
        {t('cases.actions.none')}
      </p>
    );
  }
  return (
    <div className="ww-case-actions" data-testid="case-actions">
      <div className="ww-case-action-buttons">
        {actions.map((a) => (
          <button
            key={a}
            type="button"
            className={`ww-button${active === a ? '' : ' ww-button-secondary'}`}
            aria-pressed={active === a}
            onClick={() => setActive(active === a ? null : a)}
            data-testid={`case-action-${a}`}
          >
            {t(`cases.action.${a}`)}
          </button>
        ))}
      </div>
      {active && (
        <ActionForm
          key={`${kase.id}-${active}`}
          action={active}
          kase={kase}
          onDone={(c) => {
            setActive(null);
            onChanged(c);
          }}
          onCancel={() => setActive(null)}
        />
      )}
    </div>
  );
}

function ActionForm({
  action,
  kase,
  onDone,
  onCancel,
}: {
  action: PenaltyCaseAction;
  kase: PenaltyCase;
  onDone: (c: PenaltyCase) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const submit = useSubmit();
  const [note, setNote] = useState('');
  const [fileReference, setFileReference] = useState('');
  const [decision, setDecision] = useState<PenaltyDecision>('FINE');
  const [amount, setAmount] = useState('');
  const [legalBasis, setLegalBasis] = useState('');
  const [amountInvalid, setAmountInvalid] = useState(false);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    let request: CaseActionRequest;
    if (action === 'DECIDE') {
      let fineAmountVnd: number | undefined;
      if (decision === 'FINE') {
        const parsed = parseVnd(amount);
        if (parsed == null) {
          setAmountInvalid(true);
          return;
        }
        fineAmountVnd = parsed;
      }
      setAmountInvalid(false);
      request = { action, input: { decision, fineAmountVnd, legalBasis: legalBasis.trim(), note: note.trim() || undefined } };
    } else if (action === 'ADD_EVIDENCE') {
      request = { action, input: { note: note.trim() || undefined, fileReference: fileReference.trim() || undefined } };
    } else {
      request = { action, note: note.trim() || undefined };
    }
    const saved = await submit.run(() => runCaseAction(kase.id, request));
    if (saved) onDone(saved);
  };

  const field = amountInvalid ? 'fineAmountVnd' : submit.field;
  const parsedAmount = parseVnd(amount);
  return (
    <form className="ww-reg-form" onSubmit={onSubmit} data-testid={`case-form-${action}`} noValidate>
      <div className="ww-reg-form-title">{t(`cases.action.${action}`)}</div>
      <p className="ww-muted ww-small">{t(`cases.actionHint.${action}`)}</p>
      {action === 'DECIDE' && (
        <>
          <fieldset className="ww-reg-radios" {...invalidProps('decision', field)}>
            <legend className="ww-label">{t('cases.field.decision')}</legend>
            {PENALTY_DECISIONS.map((d) => (
              <label key={d} className="ww-reg-radio">
                <input type="radio" name="decision" value={d} checked={decision === d} onChange={() => setDecision(d)} data-testid={`decide-decision-${d}`} />
                {t(`cases.decision.${d}`)}
              </label>
            ))}
          </fieldset>
          {decision === 'FINE' && (
            <label className="ww-reg-field">
              <span className="ww-label">{t('cases.field.fineAmountVnd')}</span>
              <input
                className="ww-input"
                inputMode="numeric"
                value={amount}
                placeholder={t('cases.field.fineAmountPlaceholder')}
                onChange={(e) => {
                  setAmount(e.target.value);
                  setAmountInvalid(false);
                }}
                data-testid="decide-amount"
                {...invalidProps('fineAmountVnd', field)}
              />
              {parsedAmount != null && <span className="ww-small ww-muted">{formatVnd(parsedAmount, language)}</span>}
              {amountInvalid && (
                <span className="ww-reg-field-error" role="alert">
                  {t('cases.field.fineAmountInvalid')}
                </span>
              )}
            </label>
          )}
          <label className="ww-reg-field">
            <span className="ww-label">{t('cases.field.legalBasis')}</span>
            <textarea
              className="ww-input"
              rows={3}
              maxLength={1000}
              value={legalBasis}
              placeholder={t('cases.field.legalBasisPlaceholder')}
              onChange={(e) => setLegalBasis(e.target.value)}
              data-testid="decide-legal-basis"
              {...invalidProps('legalBasis', field)}
            />
          </label>
        </>
      )}
      <label className="ww-reg-field">
        <span className="ww-label">{t('cases.field.note')}</span>
        <textarea
          className="ww-input"
          rows={2}
          maxLength={4000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          data-testid="case-form-note"
          {...invalidProps('note', field)}
        />
      </label>
      {action === 'ADD_EVIDENCE' && (
        <label className="ww-reg-field">
          <span className="ww-label">{t('cases.field.fileReference')}</span>
          <input
            className="ww-input"
            maxLength={500}
            value={fileReference}
            placeholder={t('cases.field.fileReferencePlaceholder')}
            onChange={(e) => setFileReference(e.target.value)}
            data-testid="case-form-file"
            {...invalidProps('fileReference', field)}
          />
        </label>
      )}
      {submit.error != null && <ErrorNotice error={submit.error} testId="case-form-error" />}
      <div className="ww-reg-form-actions">
        <button type="submit" className="ww-button" disabled={submit.busy} data-testid="case-form-submit">
          {submit.busy ? t('cases.saving') : t(`cases.confirm.${action}`)}
        </button>
        <button type="button" className="ww-button ww-button-secondary" onClick={onCancel} disabled={submit.busy}>
          {t('cases.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Opens a case against one of the ward's houses without a camera and without an unclosed case. */
export function OpenCaseForm({
  houses,
  loading,
  onOpened,
  onCancel,
}: {
  houses: ReportHouse[];
  loading: boolean;
  onOpened: (c: PenaltyCase) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [houseId, setHouseId] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [fileReference, setFileReference] = useState('');
  const [missing, setMissing] = useState(false);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (houseId == null) {
      setMissing(true);
      return;
    }
    setMissing(false);
    const opened = await submit.run(() =>
      openPenaltyCase({ rentalHouseId: houseId, note: note.trim() || undefined, fileReference: fileReference.trim() || undefined }),
    );
    if (opened) onOpened(opened);
  };
  const field = missing ? 'rentalHouseId' : submit.field;

  return (
    <form className="ww-reg-form" onSubmit={onSubmit} data-testid="open-case-form" noValidate>
      <label className="ww-reg-field">
        <span className="ww-label">{t('cases.open.house')}</span>
        <select
          className="ww-select"
          value={houseId ?? ''}
          onChange={(e) => setHouseId(e.target.value === '' ? null : Number(e.target.value))}
          disabled={loading}
          data-testid="open-case-house"
          {...invalidProps('rentalHouseId', field)}
        >
          <option value="">{loading ? t('report.loading') : t('cases.open.pickHouse', { count: houses.length })}</option>
          {houses.map((h) => (
            <option key={h.id} value={h.id}>
              {t('cases.open.houseOption', { id: h.id, address: h.address, rooms: h.rooms })}
            </option>
          ))}
        </select>
        {missing && (
          <span className="ww-reg-field-error" role="alert">
            {t('cases.open.houseRequired')}
          </span>
        )}
      </label>
      <label className="ww-reg-field">
        <span className="ww-label">{t('cases.field.note')}</span>
        <textarea className="ww-input" rows={2} maxLength={4000} value={note} onChange={(e) => setNote(e.target.value)} data-testid="open-case-note" {...invalidProps('note', field)} />
      </label>
      <label className="ww-reg-field">
        <span className="ww-label">{t('cases.field.fileReference')}</span>
        <input
          className="ww-input"
          maxLength={500}
          value={fileReference}
          placeholder={t('cases.field.fileReferencePlaceholder')}
          onChange={(e) => setFileReference(e.target.value)}
          data-testid="open-case-file"
          {...invalidProps('fileReference', field)}
        />
      </label>
      {submit.error != null && <ErrorNotice error={submit.error} testId="open-case-error" />}
      <div className="ww-reg-form-actions">
        <button type="submit" className="ww-button" disabled={submit.busy} data-testid="open-case-submit">
          {submit.busy ? t('cases.saving') : t('cases.open.submit')}
        </button>
        <button type="button" className="ww-button ww-button-secondary" onClick={onCancel} disabled={submit.busy}>
          {t('cases.cancel')}
        </button>
      </div>
    </form>
  );
}
