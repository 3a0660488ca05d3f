import { useTranslation } from 'react-i18next';
import { formatPercent, type Language } from '../format';
import { LanguageSwitch } from './LanguageSwitch';

interface Props {
  districtName: string | null;
  loading: boolean;
  language: Language;
  /** the district's coverage by active cameras, once known */
  coveredPercent: number | null;
}

export function Header({ districtName, loading, language, coveredPercent }: Props) {
  const { t } = useTranslation();
  return (
    <header className="ww-header" data-testid="header">
      <div className="ww-brand">
        <svg className="ww-logo" viewBox="0 0 24 24" width="26" height="26" aria-hidden="true">
          <circle cx="12" cy="12" r="11" fill="#0b7285" />
          <path d="M12 12 L21 7.5 A10 10 0 0 1 21 16.5 Z" fill="#99e9f2" opacity="0.9" />
          <circle cx="12" cy="12" r="3.2" fill="#ffffff" />
        </svg>
        <span className="ww-product" data-testid="product-name">{t('app.name')}</span>
        <span className="ww-tagline">{t('app.tagline')}</span>
      </div>
      <div className="ww-district-name" data-testid="district-name">
        {districtName ?? (loading ? t('app.districtLoading') : '')}
      </div>
      {coveredPercent != null && (
        <div className="ww-header-coverage" data-testid="district-coverage" data-value={coveredPercent} title={t('header.coverageTitle')}>
          {t('header.coverage', { percent: formatPercent(coveredPercent, language) })}
        </div>
      )}
      <LanguageSwitch />
    </header>
  );
}
