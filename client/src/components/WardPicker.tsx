/** The 13 wards (plus the whole district): choosing one scopes the layers and zooms to its bbox. */
import { useTranslation } from 'react-i18next';
import type { Ward } from '../types';

interface Props {
  wards: Ward[];
  value: number | null;
  onChange: (wardId: number | null) => void;
  disabled?: boolean;
}

export function WardPicker({ wards, value, onChange, disabled }: Props) {
  const { t, i18n } = useTranslation();
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
