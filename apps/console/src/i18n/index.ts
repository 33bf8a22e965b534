import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { sl } from './sl';

export const LANGUAGES = ['en', 'sl'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'socialmakers.language';

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'en' || stored === 'sl') return stored;
  return navigator.languages.some((tag) => tag.toLowerCase().startsWith('sl')) ? 'sl' : 'en';
}

void i18next.use(initReactI18next).init({
  resources: { en: { translation: en }, sl: { translation: sl } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  // React escapes what it renders.
  interpolation: { escapeValue: false },
});

// The page's lang attribute follows the choice, so screen readers pronounce it right.
document.documentElement.lang = i18next.language;
i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
  localStorage.setItem(STORAGE_KEY, language);
});

export default i18next;
