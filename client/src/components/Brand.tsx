/** The product's logo, name and tagline: in the map's header and on the login screen. */
import { useTranslation } from 'react-i18next';

export function Brand() {
  const { t } = useTranslation();
  return (
    <div className="ww-brand">
      <svg className="ww-logo" viewBox="0 0 24 24" width="26" height="26" aria-hidden="true">
        <circle cx="12" cy="12" r="11" fill="#0b7285" />
        <path d="M12 12 L21 7.5 A10 10 0 0 1 21 16.5 Z" fill="#99e9f2" opacity="0.9" />
        <circle cx="12" cy="12" r="3.2" fill="#ffffff" />
      </svg>
      <span className="ww-product" data-testid="product-name">{t('app.name')}</span>
      <span className="ww-tagline">{t('app.tagline')}</span>
    </div>
  );
}
