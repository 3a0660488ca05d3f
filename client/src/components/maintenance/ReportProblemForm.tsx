/**
 * "Report a problem": the camera's number and what is wrong. The server checks the camera is the
 * viewer's to report (their ward), not decommissioned, and has no unresolved ticket; a refusal shows
 * its message and marks the field it names.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { reportCameraProblem, type MaintenanceTicket } from '../../api/maintenance';
import { ErrorNotice, invalidProps, useSubmit } from '../registries/common';

export function ReportProblemForm({ onReported, onCancel }: { onReported: (t: MaintenanceTicket) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [cameraId, setCameraId] = useState('');
  const [problem, setProblem] = useState('');
  const [cameraInvalid, setCameraInvalid] = useState(false);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const id = Number(cameraId.trim().replace(/^#/, ''));
    if (!Number.isInteger(id) || id < 1 || id > 2 ** 31 - 1) {
      setCameraInvalid(true);
      return;
    }
    setCameraInvalid(false);
    const saved = await submit.run(() => reportCameraProblem({ cameraId: id, problem: problem.trim() }));
    if (saved) onReported(saved);
  };
  const field = cameraInvalid ? 'cameraId' : submit.field;
  return (
    <form className="ww-reg-form ww-mnt-report" onSubmit={onSubmit} data-testid="report-problem-form" noValidate>
      <h2 className="ww-reg-card-title">{t('maintenance.report.title')}</h2>
      <p className="ww-muted ww-small">{t('maintenance.report.intro')}</p>
      <label className="ww-reg-field">
        <span className="ww-label">{t('maintenance.report.cameraId')}</span>
        <input
          className="ww-input"
          inputMode="numeric"
          value={cameraId}
          placeholder={t('maintenance.report.cameraIdPlaceholder')}
          onChange={(e) => {
            setCameraId(e.target.value);
            setCameraInvalid(false);
          }}
          data-testid="report-camera-id"
          {...invalidProps('cameraId', field)}
        />
        {cameraInvalid && (
          <span className="ww-reg-field-error" role="alert">
            {t('maintenance.report.cameraIdInvalid')}
          </span>
        )}
      </label>
      <label className="ww-reg-field">
        <span className="ww-label">{t('maintenance.report.problem')}</span>
        <textarea
          className="ww-input"
          rows={4}
          maxLength={2000}
          value={problem}
          placeholder={t('maintenance.report.problemPlaceholder')}
          onChange={(e) => setProblem(e.target.value)}
          data-testid="report-problem"
          {...invalidProps('problem', field)}
        />
      </label>
      {submit.error != null && <ErrorNotice error={submit.error} testId="report-problem-error" />}
      <div className="ww-reg-form-actions">
        <button type="submit" className="ww-button" disabled={submit.busy} data-testid="report-problem-submit">
          {submit.busy ? t('maintenance.saving') : t('maintenance.report.submit')}
        </button>
        <button type="button" className="ww-button ww-button-secondary" onClick={onCancel} disabled={submit.busy}>
          {t('maintenance.cancel')}
        </button>
      </div>
    </form>
  );
}
