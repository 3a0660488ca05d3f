/** VI | EN: switches the UI language in place (no reload); i18n/index.ts remembers it. */
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n/language';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = i18n.resolvedLanguage ?? i18n.language;
  return (
    <div className="ww-lang" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((language, index) => (
        <span key={language} className="ww-lang-item">
          {index > 0 && <span className="ww-lang-sep" aria-hidden="true">|</span>}
          <button
            type="button"
            data-testid={`lang-${language}`}
            className={current === language ? 'ww-lang-btn is-active' : 'ww-lang-btn'}
            aria-pressed={current === language}
            lang={language}
            title={t(`language.${language}Name`)}
            onClick={() => void i18n.changeLanguage(language)}
          >
            {t(`language.${language}`)}
          </button>
        </span>
      ))}
    </div>
  );
}
