import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n';

const NAMES: Record<string, string> = { en: 'English', sl: 'Slovenščina' };

/** Each language named in itself, as people look for their own. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  return (
    <span className="language">
      <label htmlFor="language">{t('app.language')}</label>
      <select id="language" value={i18n.language} onChange={(event) => void i18n.changeLanguage(event.target.value)}>
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {NAMES[language]}
          </option>
        ))}
      </select>
    </span>
  );
}
