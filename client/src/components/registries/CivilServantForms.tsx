/**
 * A ward chair's forms for one civil servant: record a check of their home camera (result, who
 * checked, when, note) and link (or unlink) their home camera by its id. A refused input shows the
 * server's message and code and marks the field it names.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CIVIL_SERVANT_CHECK_RESULTS,
  linkHomeCamera,
  recordCivilServantCheck,
  type CivilServant,
  type CivilServantCheckResult,
} from '../../api/registries';
import { ErrorNotice, invalidProps, useSubmit } from './common';
import { todayInVietnam, vietnamNoon } from './logic';

export function RecordCheckForm({
  servant,
  defaultCheckedBy,
  onSaved,
}: {
  servant: CivilServant;
  defaultCheckedBy: string;
  onSaved: (s: CivilServant) => void;
}) {
  const { t } = useTranslation();
  const today = todayInVietnam();
  const [result, setResult] = useState<CivilServantCheckResult>(servant.cameraId != null ? 'WORKING' : 'NO_CAMERA');
  const [checkedBy, setCheckedBy] = useState(defaultCheckedBy);
  const [day, setDay] = useState(today);
  const [note, setNote] = useState('');
  const submit = useSubmit();

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    // Today: the server's own clock ("now"); an earlier day: noon of that day in Vietnam.
    const checkedAt = day && day !== today ? (vietnamNoon(day) ?? undefined) : undefined;
    const saved = await submit.run(() =>
      recordCivilServantCheck({
        civilServantId: servant.id,
        result,
        checkedBy: checkedBy.trim() || undefined,
        checkedAt,
        note: note.trim() || undefined,
      }),
    );
    if (saved) onSaved(saved);
  };

  return (
    <form className="ww-reg-form" onSubmit={onSubmit} data-testid="check-form" noValidate>
      <div className="ww-reg-form-title">{t('civilServants.check.title', { name: servant.fullName })}</div>
      <div className="ww-reg-form-grid">
        <label className="ww-reg-field">
          <span className="ww-label">{t('civilServants.check.result')}</span>
          <select
            className="ww-select"
            value={result}
            onChange={(e) => setResult(e.target.value as CivilServantCheckResult)}
            data-testid="check-result"
            {...invalidProps('result', submit.field)}
          >
            {CIVIL_SERVANT_CHECK_RESULTS.map((r) => (
              <option key={r} value={r}>
                {t(`civilServants.result.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="ww-reg-field">
          <span className="ww-label">{t('civilServants.check.checkedBy')}</span>
          <input
            className="ww-input"
            value={checkedBy}
            maxLength={120}
            onChange={(e) => setCheckedBy(e.target.value)}
            data-testid="check-checked-by"
            {...invalidProps('checkedBy', submit.field)}
          />
        </label>
        <label className="ww-reg-field">
          <span className="ww-label">{t('civilServants.check.date')}</span>
          <input
            className="ww-input"
            type="date"
            value={day}
            max={today}
            onChange={(e) => setDay(e.target.value)}
            data-testid="check-date"
            {...invalidProps('checkedAt', submit.field)}
          />
        </label>
        <label className="ww-reg-field is-wide">
          <span className="ww-label">{t('civilServants.check.note')}</span>
          <input
            className="ww-input"
            value={note}
            maxLength={2000}
            onChange={(e) => setNote(e.target.value)}
            data-testid="check-note"
            {...invalidProps('note', submit.field)}
          />
        </label>
      </div>
      {submit.error != null && <ErrorNotice error={submit.error} testId="check-error" />}
      <div className="ww-reg-form-actions">
        <button type="submit" className="ww-button" disabled={submit.busy} data-testid="check-submit">
          {submit.busy ? t('civilServants.check.saving') : t('civilServants.check.save')}
        </button>
      </div>
    </form>
  );
}

/** `cameraHidden`: the role may not see which camera is linked (it places the home): unlinking stays offered. */
export function LinkCameraForm({
  servant,
  cameraHidden = false,
  onSaved,
}: {
  servant: CivilServant;
  cameraHidden?: boolean;
  onSaved: (s: CivilServant) => void;
}) {
  const { t } = useTranslation();
  const [cameraId, setCameraId] = useState(servant.cameraId != null ? String(servant.cameraId) : '');
  const [localError, setLocalError] = useState(false);
  const submit = useSubmit();

  const save = async (id: number | null) => {
    const saved = await submit.run(() => linkHomeCamera(servant.id, id));
    if (saved) {
      setCameraId(saved.cameraId != null ? String(saved.cameraId) : '');
      onSaved(saved);
    }
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const text = cameraId.trim();
    const id = Number(text);
    if (!/^\d+$/.test(text) || !Number.isSafeInteger(id) || id < 1) {
      setLocalError(true);
      return;
    }
    setLocalError(false);
    void save(id);
  };
  const invalid = localError ? invalidProps('cameraId', 'cameraId') : invalidProps('cameraId', submit.field);

  return (
    <form className="ww-reg-form" onSubmit={onSubmit} data-testid="link-form" noValidate>
      <div className="ww-reg-form-title">{t('civilServants.link.title')}</div>
      <div className="ww-reg-form-grid">
        <label className="ww-reg-field">
          <span className="ww-label">{t('civilServants.link.cameraId')}</span>
          <input
            className="ww-input"
            inputMode="numeric"
            value={cameraId}
            onChange={(e) => setCameraId(e.target.value)}
            data-testid="link-camera-id"
            {...invalid}
          />
        </label>
      </div>
      {localError && (
        <p className="ww-reg-field-error" role="alert">
          {t('civilServants.link.invalid')}
        </p>
      )}
      {submit.error != null && <ErrorNotice error={submit.error} testId="link-error" />}
      <div className="ww-reg-form-actions">
        <button type="submit" className="ww-button" disabled={submit.busy} data-testid="link-submit">
          {t('civilServants.link.save')}
        </button>
        {(servant.cameraId != null || cameraHidden) && (
          <button type="button" className="ww-button ww-button-secondary" disabled={submit.busy} onClick={() => void save(null)} data-testid="link-unlink">
            {t('civilServants.link.unlink')}
          </button>
        )}
      </div>
    </form>
  );
}
