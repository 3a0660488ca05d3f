/**
 * A maintenance ticket's actions, exactly those the server allows this viewer now (`allowedActions`):
 * assign (or hand over), start the work (naming who does it when nobody is assigned), resolve (what
 * was done and what it cost), add a note. A refused input shows the server's message and code and
 * marks the field it names (extensions.field).
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { runMaintenanceAction, type MaintenanceAction, type MaintenanceActionRequest, type MaintenanceTicket } from '../../api/maintenance';
import { ErrorNotice, invalidProps, useLanguage, useSubmit } from '../registries/common';
import { formatVnd } from '../registries/logic';
import { orderedMaintenanceActions, parseCost } from './logic';

export function TicketActions({ ticket, onChanged }: { ticket: MaintenanceTicket; onChanged: (t: MaintenanceTicket) => void }) {
  const { t } = useTranslation();
  const actions = orderedMaintenanceActions(ticket.allowedActions);
  const [active, setActive] = useState<MaintenanceAction | null>(null);
  if (actions.length === 0) {
    return (
      <p className="ww-muted" data-testid="ticket-no-actions">
        {ticket.state === 'RESOLVED' ? t('maintenance.actions.resolved') : t('maintenance.actions.none')}
      </p>
    );
  }
  return (
    <div className="ww-case-actions" data-testid="ticket-actions">
      <div className="ww-case-action-buttons">
        {actions.map((a) => (
          <button
            key={a}
            type="button"
            className={`ww-button${active === a ? '' : ' ww-button-secondary'}`}
            aria-pressed={active === a}
            onClick={() => setActive(active === a ? null : a)}
            data-testid={`ticket-action-${a}`}
          >
            {t(a === 'ASSIGN' && ticket.assignee ? 'maintenance.action.REASSIGN' : `maintenance.action.${a}`)}
          </button>
        ))}
      </div>
      {active && (
        <ActionForm
          key={`${ticket.id}-${active}`}
          action={active}
          ticket={ticket}
          onDone={(next) => {
            setActive(null);
            onChanged(next);
          }}
          onCancel={() => setActive(null)}
        />
      )}
    </div>
  );
}

function ActionForm({
  action,
  ticket,
  onDone,
  onCancel,
}: {
  action: MaintenanceAction;
  ticket: MaintenanceTicket;
  onDone: (t: MaintenanceTicket) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const submit = useSubmit();
  const [assignee, setAssignee] = useState(action === 'START' ? (ticket.assignee ?? '') : '');
  const [note, setNote] = useState('');
  const [resolution, setResolution] = useState('');
  const [cost, setCost] = useState('');
  const [costInvalid, setCostInvalid] = useState(false);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    let request: MaintenanceActionRequest;
    if (action === 'ASSIGN') {
      request = { action, input: { assignee: assignee.trim(), note: note.trim() || undefined } };
    } else if (action === 'START') {
      const named = assignee.trim();
      request = { action, input: { assignee: named && named !== ticket.assignee ? named : undefined, note: note.trim() || undefined } };
    } else if (action === 'RESOLVE') {
      const parsed = parseCost(cost);
      if (parsed === null) {
        setCostInvalid(true);
        return;
      }
      setCostInvalid(false);
      request = { action, input: { resolution: resolution.trim(), repairCostVnd: parsed } };
    } else {
      request = { action, note: note.trim() };
    }
    const saved = await submit.run(() => runMaintenanceAction(ticket.id, request));
    if (saved) onDone(saved);
  };

  const field = costInvalid ? 'repairCostVnd' : submit.field;
  const parsedCost = parseCost(cost);
  return (
    <form className="ww-reg-form" onSubmit={onSubmit} data-testid={`ticket-form-${action}`} noValidate>
      <div className="ww-reg-form-title">{t(action === 'ASSIGN' && ticket.assignee ? 'maintenance.action.REASSIGN' : `maintenance.action.${action}`)}</div>
      <p className="ww-muted ww-small">{t(`maintenance.actionHint.${action}`)}</p>
      {(action === 'ASSIGN' || action === 'START') && (
        <label className="ww-reg-field">
          <span className="ww-label">{t('maintenance.field.assignee')}</span>
          <input
            className="ww-input"
            maxLength={120}
            value={assignee}
            placeholder={t('maintenance.field.assigneePlaceholder')}
            onChange={(e) => setAssignee(e.target.value)}
            data-testid="ticket-form-assignee"
            {...invalidProps('assignee', field)}
          />
        </label>
      )}
      {action === 'RESOLVE' && (
        <>
          <label className="ww-reg-field">
            <span className="ww-label">{t('maintenance.field.resolution')}</span>
            <textarea
              className="ww-input"
              rows={3}
              maxLength={2000}
              value={resolution}
              placeholder={t('maintenance.field.resolutionPlaceholder')}
              onChange={(e) => setResolution(e.target.value)}
              data-testid="ticket-form-resolution"
              {...invalidProps('resolution', field)}
            />
          </label>
          <label className="ww-reg-field">
            <span className="ww-label">{t('maintenance.field.repairCostVnd')}</span>
            <input
              className="ww-input"
              inputMode="numeric"
              value={cost}
              placeholder={t('maintenance.field.repairCostPlaceholder')}
              onChange={(e) => {
                setCost(e.target.value);
                setCostInvalid(false);
              }}
              data-testid="ticket-form-cost"
              {...invalidProps('repairCostVnd', field)}
            />
            {parsedCost != null && <span className="ww-small ww-muted">{formatVnd(parsedCost, language)}</span>}
            {costInvalid && (
              <span className="ww-reg-field-error" role="alert">
                {t('maintenance.field.repairCostInvalid')}
              </span>
            )}
          </label>
        </>
      )}
      {action !== 'RESOLVE' && (
        <label className="ww-reg-field">
          <span className="ww-label">{t(action === 'ADD_NOTE' ? 'maintenance.field.noteRequired' : 'maintenance.field.note')}</span>
          <textarea
            className="ww-input"
            rows={2}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            data-testid="ticket-form-note"
            {...invalidProps('note', field)}
          />
        </label>
      )}
      {submit.error != null && <ErrorNotice error={submit.error} testId="ticket-form-error" />}
      <div className="ww-reg-form-actions">
        <button type="submit" className="ww-button" disabled={submit.busy} data-testid="ticket-form-submit">
          {submit.busy ? t('maintenance.saving') : t(`maintenance.confirm.${action}`)}
        </button>
        <button type="button" className="ww-button ww-button-secondary" onClick={onCancel} disabled={submit.busy}>
          {t('maintenance.cancel')}
        </button>
      </div>
    </form>
  );
}
