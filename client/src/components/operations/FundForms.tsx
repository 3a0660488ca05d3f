/**
 * The funds page's forms: a fund received (the district's, a ward's or a group's; a ward chair:
 * their ward's) and money spent from a fund, possibly on a maintenance ticket. A refused input shows
 * the server's message and code and marks the field it names (the balance, say).
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchGroups, FUND_TARGETS, recordFund, recordFundSpending, type Fund, type FundTarget } from '../../api/operations';
import type { WardOption } from '../../api/registries';
import { useRemote } from '../../useRemote';
import { ErrorNotice, invalidProps, useLanguage, useSubmit, WardSelect } from '../registries/common';
import { formatVnd, parseVnd, todayInVietnam } from '../registries/logic';

function Buttons({ busy, testId, label, onCancel }: { busy: boolean; testId: string; label: string; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="ww-reg-form-actions">
      <button type="submit" className="ww-button" disabled={busy} data-testid={`${testId}-submit`}>
        {busy ? t('operators.saving') : label}
      </button>
      <button type="button" className="ww-button ww-button-secondary" onClick={onCancel} disabled={busy}>
        {t('operators.cancel')}
      </button>
    </div>
  );
}

export function RecordFundForm({
  wards,
  homeWardId,
  onSaved,
  onCancel,
}: {
  wards: WardOption[];
  /** a ward chair's ward: the form records that ward's funds only */
  homeWardId: number | null;
  onSaved: (f: Fund) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const submit = useSubmit();
  const targets = FUND_TARGETS.filter((x) => homeWardId == null || x !== 'DISTRICT');
  const [target, setTarget] = useState<FundTarget>(homeWardId == null ? 'DISTRICT' : 'WARD');
  const [wardId, setWardId] = useState<number | null>(homeWardId ?? wards[0]?.id ?? null);
  const [groupId, setGroupId] = useState<number | null>(null);
  const [sponsor, setSponsor] = useState('');
  const [contact, setContact] = useState('');
  const [amount, setAmount] = useState('');
  const [receivedOn, setReceivedOn] = useState(todayInVietnam());
  const [purpose, setPurpose] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const groups = useRemote(target === 'RESIDENTIAL_GROUP' && wardId != null ? `groups:${wardId}` : null, 0, (o) => fetchGroups(wardId!, o));
  const parsed = parseVnd(amount);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (parsed == null) return setInvalid('amountVnd');
    setInvalid(null);
    const saved = await submit.run(() =>
      recordFund({
        target,
        wardId: target === 'WARD' ? wardId : null,
        residentialGroupId: target === 'RESIDENTIAL_GROUP' ? groupId : null,
        sponsor: sponsor.trim(),
        sponsorContact: contact.trim() || null,
        amountVnd: parsed,
        receivedOn,
        purpose: purpose.trim(),
      }),
    );
    if (saved) onSaved(saved);
  };
  const field = invalid ?? submit.field;
  return (
    <form className="ww-reg-form" onSubmit={onSubmit} data-testid="fund-form" noValidate>
      <div className="ww-reg-form-title">{t('operators.funds.record.title')}</div>
      <div className="ww-reg-form-grid">
        <label className="ww-reg-field">
          <span className="ww-label">{t('operators.funds.field.target')}</span>
          <select className="ww-select" value={target} onChange={(e) => setTarget(e.target.value as FundTarget)} data-testid="fund-target" {...invalidProps('target', field)}>
            {targets.map((x) => (
              <option key={x} value={x}>
                {t(`operators.funds.target.${x}`)}
              </option>
            ))}
          </select>
        </label>
        {target !== 'DISTRICT' && (
          <label className="ww-reg-field">
            <span className="ww-label">{t('operators.funds.field.ward')}</span>
            <WardSelect
              wards={wards}
              value={wardId}
              onChange={(id) => {
                setWardId(id);
                setGroupId(null);
              }}
              locked={homeWardId != null}
              testId="fund-ward"
            />
          </label>
        )}
        {target === 'RESIDENTIAL_GROUP' && (
          <label className="ww-reg-field">
            <span className="ww-label">{t('operators.funds.field.group')}</span>
            <select
              className="ww-select"
              value={groupId ?? ''}
              onChange={(e) => setGroupId(e.target.value === '' ? null : Number(e.target.value))}
              data-testid="fund-group"
              {...invalidProps('residentialGroupId', field)}
            >
              <option value="">{t('operators.funds.record.chooseGroup')}</option>
              {(groups.data ?? []).map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="ww-reg-field">
          <span className="ww-label">{t('operators.funds.field.sponsor')}</span>
          <input className="ww-input" maxLength={200} value={sponsor} onChange={(e) => setSponsor(e.target.value)} data-testid="fund-sponsor" {...invalidProps('sponsor', field)} />
        </label>
        <label className="ww-reg-field">
          <span className="ww-label">{t('operators.funds.field.contact')}</span>
          <input className="ww-input" maxLength={200} value={contact} onChange={(e) => setContact(e.target.value)} data-testid="fund-contact" {...invalidProps('sponsorContact', field)} />
        </label>
        <label className="ww-reg-field">
          <span className="ww-label">{t('operators.funds.field.amount')}</span>
          <input className="ww-input" inputMode="numeric" value={amount} placeholder="10.000.000" onChange={(e) => setAmount(e.target.value)} data-testid="fund-amount" {...invalidProps('amountVnd', field)} />
          {parsed != null && <span className="ww-small ww-muted">{formatVnd(parsed, language)}</span>}
        </label>
        <label className="ww-reg-field">
          <span className="ww-label">{t('operators.funds.field.receivedOn')}</span>
          <input className="ww-input" type="date" value={receivedOn} onChange={(e) => setReceivedOn(e.target.value)} data-testid="fund-received" {...invalidProps('receivedOn', field)} />
        </label>
        <label className="ww-reg-field is-wide">
          <span className="ww-label">{t('operators.funds.field.purpose')}</span>
          <textarea className="ww-input" rows={2} maxLength={1000} value={purpose} onChange={(e) => setPurpose(e.target.value)} data-testid="fund-purpose" {...invalidProps('purpose', field)} />
        </label>
      </div>
      {invalid && (
        <span className="ww-reg-field-error" role="alert">
          {t('operators.invalidNumber')}
        </span>
      )}
      {submit.error != null && <ErrorNotice error={submit.error} testId="fund-error" />}
      <Buttons busy={submit.busy} testId="fund" label={t('operators.funds.record.submit')} onCancel={onCancel} />
    </form>
  );
}

export function SpendingForm({ fund, onSaved, onCancel }: { fund: Fund; onSaved: (f: Fund, amountVnd: number) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const submit = useSubmit();
  const [amount, setAmount] = useState('');
  const [spentOn, setSpentOn] = useState(todayInVietnam());
  const [purpose, setPurpose] = useState('');
  const [ticket, setTicket] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const parsed = parseVnd(amount);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (parsed == null) return setInvalid('amountVnd');
    const ticketId = ticket.trim() === '' ? null : Number(ticket.replace(/^#/, ''));
    if (ticketId != null && (!Number.isInteger(ticketId) || ticketId < 1)) return setInvalid('maintenanceTicketId');
    setInvalid(null);
    const saved = await submit.run(() => recordFundSpending({ fundId: fund.id, amountVnd: parsed, spentOn, purpose: purpose.trim(), maintenanceTicketId: ticketId }));
    if (saved) onSaved(saved, parsed);
  };
  const field = invalid ?? submit.field;
  return (
    <form className="ww-reg-form" onSubmit={onSubmit} data-testid="spending-form" noValidate>
      <div className="ww-reg-form-title">{t('operators.funds.spend.title')}</div>
      <p className="ww-muted ww-small">{t('operators.funds.spend.balance', { amount: formatVnd(fund.balanceVnd, language) })}</p>
      <div className="ww-reg-form-grid">
        <label className="ww-reg-field">
          <span className="ww-label">{t('operators.funds.field.amount')}</span>
          <input className="ww-input" inputMode="numeric" value={amount} onChange={(e) => setAmount(e.target.value)} data-testid="spending-amount" {...invalidProps('amountVnd', field)} />
          {parsed != null && <span className="ww-small ww-muted">{formatVnd(parsed, language)}</span>}
        </label>
        <label className="ww-reg-field">
          <span className="ww-label">{t('operators.funds.field.spentOn')}</span>
          <input className="ww-input" type="date" value={spentOn} onChange={(e) => setSpentOn(e.target.value)} data-testid="spending-date" {...invalidProps('spentOn', field)} />
        </label>
        <label className="ww-reg-field">
          <span className="ww-label">{t('operators.funds.field.ticket')}</span>
          <input className="ww-input" inputMode="numeric" value={ticket} placeholder="#" onChange={(e) => setTicket(e.target.value)} data-testid="spending-ticket" {...invalidProps('maintenanceTicketId', field)} />
        </label>
        <label className="ww-reg-field is-wide">
          <span className="ww-label">{t('operators.funds.field.purpose')}</span>
          <textarea className="ww-input" rows={2} maxLength={1000} value={purpose} onChange={(e) => setPurpose(e.target.value)} data-testid="spending-purpose" {...invalidProps('purpose', field)} />
        </label>
      </div>
      {invalid && (
        <span className="ww-reg-field-error" role="alert">
          {t('operators.invalidNumber')}
        </span>
      )}
      {submit.error != null && <ErrorNotice error={submit.error} testId="spending-error" />}
      <Buttons busy={submit.busy} testId="spending" label={t('operators.funds.spend.submit')} onCancel={onCancel} />
    </form>
  );
}
