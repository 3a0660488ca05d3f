/**
 * The wards the user may see (plus the whole district): choosing one scopes the layers and zooms to
 * its bbox. A user bound to one ward (a ward chair, a ward's police) has nothing to choose: the
 * picker names their ward instead.
 */
import { useTranslation } from 'react-i18next';
import type { Ward } from '../types';

interface Props {
  wards: Ward[];
  value: number | null;
  onChange: (wardId: number | null) => void;
  disabled?: boolean;
  /** the ward the user is bound to: shown, not chosen */
  lockedWard?: { id: number; name: string | null } | null;
}

export function WardPicker({ wards, value, onChange, disabled, lockedWard }: Props) {
  const { t, i18n } = useTranslation();
  if (lockedWard) {
    const name = lockedWard.name ?? wards.find((w) => w.id === lockedWard.id)?.name ?? '…';
    return (
      <div className="ww-field-block">
        <span className="ww-label" id="ww-ward-scope-label">
          {t('panel.yourWard')}
        </span>
        <div className="ww-ward-scope" data-testid="ward-scope" data-ward-id={lockedWard.id} aria-labelledby="ww-ward-scope-label">
          {name}
        </div>
        <p className="ww-hint">{t('panel.yourWardHint')}</p>
      </div>
    );
  }
  const sorted = [...wards].sort((a, b) => a.name.localeCompare(b.name, i18n.language, { numeric: true }));
  return (
    <div className="ww-field-block">
      <label className="ww-label" htmlFor="ww-ward-picker">
        {t('panel.wardPicker')}
      </label>
      <select
        id="ww-ward-picker"
        data-testid="ward-picker"
        className="ww-select"
        value={value == null ? '' : String(value)}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}
      >
        <option value="">{t('panel.allWards', { count: wards.length })}</option>
        {sorted.map((w) => (
          <option key={w.id} value={String(w.id)}>
            {w.name}
          </option>
        ))}
      </select>
    </div>
  );
}
