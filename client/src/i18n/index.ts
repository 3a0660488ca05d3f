/**
 * i18next with Vietnamese (default) and English. The chosen language is remembered in
 * localStorage and mirrored on <html lang> and the document title; switching re-renders
 * every component that uses useTranslation, without a reload.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../format';
import en from './en';
import { DEFAULT_LANGUAGE, LANGUAGES, readStoredLanguage, storeLanguage } from './language';
import vi from './vi';

const storage = typeof window === 'undefined' ? undefined : window.localStorage;

export const i18n = i18next.createInstance();

function reflectLanguage(language: string): void {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = language;
  document.title = i18n.t('app.documentTitle');
}

i18n.on('languageChanged', (language) => {
  reflectLanguage(language);
  storeLanguage(storage, language as Language);
});

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: readStoredLanguage(storage),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
  initAsync: false,
  react: { useSuspense: false },
});

reflectLanguage(i18n.language);

export function currentLanguage(): Language {
  return (i18n.resolvedLanguage ?? i18n.language) === 'en' ? 'en' : 'vi';
}

export default i18n;
