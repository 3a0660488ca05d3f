/**
 * Small pieces the registry pages share: the UI language, a personal field shown or "hidden", an
 * error with the server's message and code, a ward picker (fixed for a ward chair), a pager, a
 * record's labelled rows and its dated milestones.
 */
import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { GraphQLClientError } from '../../api/graphql';
import type { WardOption } from '../../api/registries';
import { personalValue } from '../../auth/access';
import type { Language } from '../../format';
import { errorField } from './logic';

export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return (i18n.resolvedLanguage ?? i18n.language) === 'en' ? 'en' : 'vi';
}

/** An owner's or a civil servant's personal field: the value, "hidden" for a role that may not see it, or "—". */
export function Personal({ value, canSee, testId }: { value: string | null | undefined; canSee: boolean; testId?: string }) {
  const { t } = useTranslation();
  const shown = personalValue(value, canSee);
  if (shown.state === 'value') return <span data-testid={testId}>{shown.value}</span>;
  if (shown.state === 'empty') return <span className="ww-muted" data-testid={testId}>{t('common.none')}</span>;
  return (
    <span className="ww-reg-hidden" title={t('details.personalHidden')} data-testid={testId} data-hidden="true">
      <svg className="ww-lock" viewBox="0 0 12 12" width="10" height="10" aria-hidden="true">
        <path d="M3.5 5V3.8a2.5 2.5 0 0 1 5 0V5M2.5 5h7v5.5h-7z" fill="none" stroke="currentColor" strokeWidth="1.3" />
      </svg>
      {t('report.shared.hidden')}
    </span>
  );
}

/** A failed request: the server's message and its code (translated when the code is a known one). */
export function ErrorNotice({ error, code, onRetry, testId = 'registry-error' }: { error?: unknown; code?: string | null; onRetry?: () => void; testId?: string }) {
  const { t } = useTranslation();
  const c = error instanceof GraphQLClientError ? error.code : (code ?? 'UNKNOWN_ERROR');
  const message = error instanceof GraphQLClientError ? error.message : null;
  const known = t(`errors.${c}`, { defaultValue: '' });
  return (
    <div className="ww-reg-error" role="alert" data-testid={testId} data-code={c}>
      <strong>{known || t('errors.UNKNOWN_ERROR')}</strong>
      {message && message !== known && <span className="ww-reg-error-message">{message}</span>}
      <span className="ww-error-code">{t('errors.code', { code: c })}</span>
      {onRetry && (
        <button type="button" className="ww-button ww-button-secondary" onClick={onRetry}>
          {t('errors.retry')}
        </button>
      )}
    </div>
  );
}

/** The ward the page is about: a select, or the one ward of a ward chair as plain text. */
export function WardSelect({
  wards,
  value,
  onChange,
  locked,
  allowAll,
  testId,
}: {
  wards: WardOption[];
  value: number | null;
  onChange: (id: number | null) => void;
  locked: boolean;
  /** offer "all wards" (a null value) */
  allowAll?: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  if (locked) {
    const ward = wards.find((w) => w.id === value);
    return (
      <span className="ww-reg-fixed" data-testid={testId} data-value={value ?? ''}>
        {ward?.name ?? ''}
      </span>
    );
  }
  return (
    <select
      className="ww-select ww-reg-select"
      data-testid={testId}
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}
    >
      {(allowAll || value == null) && <option value="">{allowAll ? t('report.shared.allWards') : t('report.shared.chooseWard')}</option>}
      {wards.map((w) => (
        <option key={w.id} value={w.id}>
          {w.name}
        </option>
      ))}
    </select>
  );
}

export function Pager({
  page,
  total,
  hasPrevious,
  hasNext,
  onPrevious,
  onNext,
  testId,
}: {
  page: number;
  total: number;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="ww-reg-pager" data-testid={testId}>
      <button type="button" className="ww-button ww-button-secondary" disabled={!hasPrevious} onClick={onPrevious} data-testid={`${testId}-previous`}>
        {t('report.shared.previous')}
      </button>
      <span className="ww-muted">{t('report.shared.pageOf', { page, total })}</span>
      <button type="button" className="ww-button ww-button-secondary" disabled={!hasNext} onClick={onNext} data-testid={`${testId}-next`}>
        {t('report.shared.next')}
      </button>
    </div>
  );
}

/** A mutation in flight: busy while it runs, the error it ended with (cleared by the next try). */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async <T,>(fn: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await fn();
    } catch (e) {
      setError(e);
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  const field = error instanceof GraphQLClientError && error.code === 'BAD_USER_INPUT' ? errorField(error) : null;
  return { busy, error, field, run, clear: () => setError(null) };
}

/** Props that mark a form control invalid when the server named its field. */
export function invalidProps(name: string, field: string | null): { 'aria-invalid'?: true; 'data-invalid'?: 'true' } {
  return field === name ? { 'aria-invalid': true, 'data-invalid': 'true' } : {};
}

/** One labelled line of a record's details (inside a <dl>). */
export function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="ww-dl-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/**
 * The dated steps a record has reached, in order (`${prefix}.${step}`: its label), skipping those not
 * reached; `dt` formats a time.
 */
export function Milestones({ prefix, steps, dt }: { prefix: string; steps: ReadonlyArray<readonly [string, string | null]>; dt: (at: string | null) => string }) {
  const { t } = useTranslation();
  return (
    <ul className="ww-case-milestones">
      {steps
        .filter(([, at]) => at != null)
        .map(([m, at]) => (
          <li key={m}>
            {t(`${prefix}.${m}`)}: {dt(at)}
          </li>
        ))}
    </ul>
  );
}
