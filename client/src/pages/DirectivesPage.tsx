/**
 * The directive list (#/directives): R1–R10 of the 1 June 2017 conclusions as tasks, with their
 * responsible unit, the roles that own them, the deadline (days left or overdue), status, notes and
 * who changed them last. A row the viewer may edit (`canEdit`: ADMIN or an owner role) opens an
 * inline form: status and notes, and the deadline for ADMIN and PLANNER. The server checks again
 * and its refusals are shown with the field they name.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DIRECTIVE_STATUSES, fetchDirectives, updateDirective, type Directive, type DirectiveStatus } from '../api/compliance';
import { errorCode, GraphQLClientError } from '../api/graphql';
import { formatDate, formatDateTime, formatNumber, type Language } from '../format';
import { useRemote } from '../useRemote';
import { deadlineState } from './dashboard';
import {
  changesOf,
  draftOf,
  draftProblems,
  errorField,
  isRequirementCode,
  mayChangeDeadline,
  NOTES_MAX,
  sortDirectives,
  statusSummary,
  type DirectiveDraft,
} from './directives';
import type { PageProps } from './routes';

export function DirectivesPage({ user }: PageProps) {
  const { t, i18n } = useTranslation();
  const language: Language = (i18n.resolvedLanguage ?? i18n.language) === 'en' ? 'en' : 'vi';
  const remote = useRemote('directives', 0, (o) => fetchDirectives(o));
  // Rows saved on this page, newer than the list loaded.
  const [saved, setSaved] = useState<Record<number, Directive>>({});
  const [editing, setEditing] = useState<number | null>(null);
  const [justSaved, setJustSaved] = useState<number | null>(null);
  const list = sortDirectives((remote.data ?? []).map((d) => saved[d.id] ?? d));
  const summary = statusSummary(list);
  const anyEditable = list.some((d) => d.canEdit);

  return (
    <div className="ww-page" data-testid="directives-page" data-ready={remote.status === 'ready'}>
      <div className="ww-page-head">
        <div className="ww-page-heading">
          <h1 className="ww-page-title">{t('directives.title')}</h1>
          <p className="ww-page-subtitle">{t('directives.subtitle')}</p>
        </div>
        {list.length > 0 && (
          <div className="ww-summary" data-testid="directives-summary">
            <span className="ww-chip is-done">{t('directives.summary.done', { done: summary.done, total: summary.total })}</span>
            {summary.inProgress > 0 && <span className="ww-chip is-progress">{t('directives.summary.inProgress', { count: summary.inProgress })}</span>}
            {summary.blocked > 0 && <span className="ww-chip is-blocked">{t('directives.summary.blocked', { count: summary.blocked })}</span>}
            {summary.overdue > 0 && <span className="ww-chip is-overdue">{t('directives.summary.overdue', { count: summary.overdue })}</span>}
          </div>
        )}
      </div>
      {anyEditable && <p className="ww-page-hint">{t('directives.editHint')}</p>}

      {remote.status === 'error' && (
        <div className="ww-page-status is-error" role="alert" data-testid="directives-error" data-code={remote.code}>
          <strong>{t('errors.title')}</strong>
          <span>{t(`errors.${remote.code}`, { defaultValue: t('errors.UNKNOWN_ERROR') })}</span>
          <button type="button" className="ww-button" onClick={remote.retry}>
            {t('errors.retry')}
          </button>
        </div>
      )}
      {remote.status === 'loading' && remote.data == null && (
        <div className="ww-page-status" role="status">
          <span className="ww-spinner" aria-hidden="true" /> {t('directives.loading')}
        </div>
      )}

      {remote.data && (
        <section className="ww-panel-card ww-directives">
          <div className="ww-table-wrap">
            <table className="ww-table ww-directive-table" data-testid="directive-table">
              <colgroup>
                <col className="ww-col-code" />
                <col className="ww-col-task" />
                <col className="ww-col-unit" />
                <col className="ww-col-deadline" />
                <col className="ww-col-status" />
                <col className="ww-col-notes" />
                <col className="ww-col-updated" />
                <col className="ww-col-action" />
              </colgroup>
              <thead>
                <tr>
                  <th scope="col">{t('directives.column.code')}</th>
                  <th scope="col">{t('directives.column.task')}</th>
                  <th scope="col">
                    {t('directives.column.unit')}
                    <span className="ww-th-sub">{t('directives.column.owners')}</span>
                  </th>
                  <th scope="col">{t('directives.column.deadline')}</th>
                  <th scope="col">{t('directives.column.status')}</th>
                  <th scope="col">{t('directives.column.notes')}</th>
                  <th scope="col">{t('directives.column.updated')}</th>
                  <th scope="col">
                    <span className="ww-visually-hidden">{t('directives.edit')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.length === 0 && (
                  <tr>
                    <td colSpan={8} className="ww-empty">
                      {t('directives.empty')}
                    </td>
                  </tr>
                )}
                {list.map((d) => (
                  <DirectiveRows
                    key={d.id}
                    directive={d}
                    language={language}
                    editing={editing === d.id}
                    justSaved={justSaved === d.id}
                    canChangeDeadline={mayChangeDeadline(user.role)}
                    onEdit={() => {
                      setEditing(d.id);
                      setJustSaved(null);
                    }}
                    onCancel={() => setEditing(null)}
                    onSaved={(next) => {
                      setSaved((s) => ({ ...s, [next.id]: next }));
                      setEditing(null);
                      setJustSaved(next.id);
                    }}
                  />
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </div>
  );
}

export default DirectivesPage;

interface RowProps {
  directive: Directive;
  language: Language;
  editing: boolean;
  justSaved: boolean;
  canChangeDeadline: boolean;
  onEdit: () => void;
  onCancel: () => void;
  onSaved: (directive: Directive) => void;
}

function DirectiveRows({ directive: d, language, editing, justSaved, canChangeDeadline, onEdit, onCancel, onSaved }: RowProps) {
  const { t } = useTranslation();
  const title = isRequirementCode(d.code) ? t(`requirements.${d.code}`, { defaultValue: d.title }) : d.title;
  return (
    <>
      <tr
        className={editing ? 'ww-directive-row is-editing' : 'ww-directive-row'}
        data-testid="directive-row"
        data-code={d.code}
        data-status={d.status}
        data-can-edit={d.canEdit}
        data-overdue={d.overdue}
      >
        <th scope="row" className="ww-directive-code">
          {d.code}
        </th>
        <td className="ww-directive-title" data-field="title" title={title !== d.title ? d.title : undefined}>
          {title}
        </td>
        <td data-field="unit">
          <div className={d.responsibleUnit ? 'ww-directive-unit' : 'ww-directive-unit is-empty'}>{d.responsibleUnit?.name ?? t('directives.noUnit')}</div>
          <div className="ww-roles" data-field="ownerRoles">
            {d.ownerRoles.map((role) => (
              <span key={role} className="ww-role-chip" data-role={role}>
                {t(`enum.Role.${role}`, { defaultValue: role })}
              </span>
            ))}
          </div>
        </td>
        <td data-field="deadline">
          <DeadlineCell directive={d} language={language} />
        </td>
        <td data-field="status">
          <span className={`ww-status is-${d.status.toLowerCase().replace('_', '-')}`}>{t(`directives.status.${d.status}`, { defaultValue: d.status })}</span>
        </td>
        <td data-field="notes" className={d.notes ? 'ww-directive-notes' : 'ww-directive-notes is-empty'}>
          {d.notes || t('directives.noNotes')}
        </td>
        <td data-field="updated" className="ww-directive-updated">
          <span>{formatDateTime(d.updatedAt, language)}</span>
          {d.updatedBy && <span className="ww-muted">{t('directives.updatedBy', { user: d.updatedBy })}</span>}
          {justSaved && (
            <span className="ww-saved" role="status" data-testid="directive-saved">
              {t('directives.saved', { code: d.code })}
            </span>
          )}
        </td>
        <td className="ww-directive-action">
          {d.canEdit && !editing && (
            <button type="button" className="ww-button ww-button-secondary ww-button-small" data-testid={`directive-edit-${d.code}`} onClick={onEdit} aria-label={t('directives.editTitle', { code: d.code })}>
              {t('directives.edit')}
            </button>
          )}
        </td>
      </tr>
      {editing && (
        <tr className="ww-directive-form-row">
          <td colSpan={8}>
            <DirectiveForm directive={d} language={language} canChangeDeadline={canChangeDeadline} onCancel={onCancel} onSaved={onSaved} />
          </td>
        </tr>
      )}
    </>
  );
}

function DeadlineCell({ directive: d, language }: { directive: Directive; language: Language }) {
  const { t } = useTranslation();
  if (!d.deadline) return <span className="ww-muted">{t('directives.noDeadline')}</span>;
  const state = deadlineState(d.daysLeft);
  const done = d.status === 'DONE';
  let badge: string | null = null;
  if (!done) {
    if (state.kind === 'left') badge = t('dashboard.daysLeft', { count: state.days, n: formatNumber(state.days, language) });
    else if (state.kind === 'overdue') badge = t('dashboard.overdue', { count: state.days, n: formatNumber(state.days, language) });
    else if (state.kind === 'today') badge = t('dashboard.dueToday');
  }
  const tone = d.overdue ? 'is-overdue' : state.kind === 'today' || (state.kind === 'left' && state.days <= 30) ? 'is-soon' : '';
  return (
    <div className="ww-deadline">
      <span>{formatDate(d.deadline, language)}</span>
      {badge && (
        <span className={`ww-due ${tone}`} data-testid="directive-days" data-days-left={d.daysLeft ?? ''}>
          {badge}
        </span>
      )}
    </div>
  );
}

interface FormProps {
  directive: Directive;
  language: Language;
  canChangeDeadline: boolean;
  onCancel: () => void;
  onSaved: (directive: Directive) => void;
}

type SaveState = { state: 'idle' } | { state: 'saving' } | { state: 'unchanged' } | { state: 'failed'; code: string; field: string | null; message: string | null };

function DirectiveForm({ directive, language, canChangeDeadline, onCancel, onSaved }: FormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<DirectiveDraft>(() => draftOf(directive));
  const [save, setSave] = useState<SaveState>({ state: 'idle' });
  const problems = draftProblems(draft);
  const problemOf = (field: 'notes' | 'deadline') => problems.find((p) => p.field === field) ?? null;
  const serverField = save.state === 'failed' ? save.field : null;
  const id = `ww-directive-${directive.id}`;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (problems.length > 0) return;
    const input = changesOf(directive, draft, canChangeDeadline);
    if (!input) {
      setSave({ state: 'unchanged' });
      return;
    }
    setSave({ state: 'saving' });
    try {
      onSaved(await updateDirective(directive.id, input));
    } catch (error) {
      setSave({
        state: 'failed',
        code: errorCode(error),
        field: error instanceof GraphQLClientError ? errorField(error.field) : null,
        message: error instanceof Error ? error.message : null,
      });
    }
  };

  const errorText = (() => {
    if (save.state !== 'failed') return null;
    const field = t(`directives.field.${save.field ?? 'id'}`, { defaultValue: save.field ?? t('directives.field.id') });
    if (save.code === 'FORBIDDEN' || save.code === 'BAD_USER_INPUT' || save.code === 'NOT_FOUND') return t(`directives.error.${save.code}`, { field });
    return t('directives.error.other', { reason: t(`errors.${save.code}`, { defaultValue: t('errors.UNKNOWN_ERROR') }) });
  })();

  return (
    <form className="ww-directive-form" data-testid="directive-form" data-code={directive.code} onSubmit={(e) => void submit(e)} noValidate>
      <h3 className="ww-directive-form-title">{t('directives.editTitle', { code: directive.code })}</h3>
      <div className="ww-directive-form-grid">
        <label className="ww-form-field" htmlFor={`${id}-status`}>
          <span className="ww-label">{t('directives.column.status')}</span>
          <select
            id={`${id}-status`}
            className="ww-select"
            data-testid="directive-status"
            value={draft.status}
            aria-invalid={serverField === 'status' || undefined}
            onChange={(e) => setDraft((d) => ({ ...d, status: e.target.value as DirectiveStatus }))}
          >
            {DIRECTIVE_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`directives.status.${status}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="ww-form-field" htmlFor={`${id}-deadline`}>
          <span className="ww-label">{t('directives.column.deadline')}</span>
          {canChangeDeadline ? (
            <input
              id={`${id}-deadline`}
              type="date"
              className="ww-input"
              data-testid="directive-deadline"
              value={draft.deadline}
              aria-invalid={problemOf('deadline') != null || serverField === 'deadline' || undefined}
              onChange={(e) => setDraft((d) => ({ ...d, deadline: e.target.value }))}
            />
          ) : (
            <span className="ww-form-static" id={`${id}-deadline`} data-testid="directive-deadline-locked">
              {formatDate(directive.deadline, language) ?? t('directives.noDeadline')}
            </span>
          )}
          {problemOf('deadline') && <span className="ww-field-error">{t('directives.problem.deadline.invalid')}</span>}
          {!canChangeDeadline && <span className="ww-hint">{t('directives.deadlineLocked')}</span>}
        </label>
        <label className="ww-form-field ww-form-notes" htmlFor={`${id}-notes`}>
          <span className="ww-label">{t('directives.column.notes')}</span>
          <textarea
            id={`${id}-notes`}
            className="ww-input ww-textarea"
            data-testid="directive-notes"
            rows={3}
            value={draft.notes}
            aria-invalid={problemOf('notes') != null || serverField === 'notes' || undefined}
            onChange={(e) => setDraft((d) => ({ ...d, notes: e.target.value }))}
          />
          <span className={problemOf('notes') ? 'ww-field-error' : 'ww-hint'}>
            {problemOf('notes') ? t('directives.problem.notes.tooLong', { max: NOTES_MAX }) : t('directives.notesCount', { count: draft.notes.length, max: NOTES_MAX })}
          </span>
        </label>
      </div>
      {save.state === 'failed' && (
        <div className="ww-form-error" role="alert" data-testid="directive-error" data-code={save.code} data-field={save.field ?? ''}>
          <strong>{errorText}</strong>
          {save.message && <span className="ww-muted">{t('directives.error.detail', { message: save.message })}</span>}
        </div>
      )}
      {save.state === 'unchanged' && (
        <p className="ww-hint" role="status" data-testid="directive-unchanged">
          {t('directives.unchanged')}
        </p>
      )}
      <div className="ww-form-actions">
        <button type="submit" className="ww-button" data-testid="directive-save" disabled={save.state === 'saving' || problems.length > 0}>
          {save.state === 'saving' ? t('directives.saving') : t('directives.save')}
        </button>
        <button type="button" className="ww-button ww-button-secondary" data-testid="directive-cancel" onClick={onCancel} disabled={save.state === 'saving'}>
          {t('directives.cancel')}
        </button>
      </div>
    </form>
  );
}
