import { useTranslation } from 'react-i18next';

/** Dates, numbers and country names in the chosen language (Intl does the translating). */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'sl' ? 'sl-SI' : 'en-GB';
  const regions = new Intl.DisplayNames([locale], { type: 'region' });
  return {
    locale,
    date: (iso: string) => new Date(iso).toLocaleDateString(locale, { day: 'numeric', month: 'long', year: 'numeric' }),
    dateTime: (iso: string, timeZone?: string) =>
      new Date(iso).toLocaleString(locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone }),
    time: (date: Date) => date.toLocaleTimeString(locale),
    number: (value: number) => value.toLocaleString(locale),
    country: (code: string | null | undefined) => {
      if (!code) return '–';
      try {
        return regions.of(code) ?? code;
      } catch {
        return code;
      }
    },
  };
}
