import { PARTNER_LANGUAGES, type LocalizedText } from '@socialmakers/contracts';

export const LANGUAGES: readonly string[] = ['en', ...PARTNER_LANGUAGES];

/**
 * Picks the language to show from `?lang=` or an Accept-Language header ("sl-SI,sl;q=0.9,en;q=0.8"):
 * the first supported language by preference, English otherwise.
 */
export function pickLanguage(requested: string | undefined, acceptLanguage: string | undefined): string {
  const candidates = [
    ...(requested ? [requested] : []),
    ...(acceptLanguage ?? '')
      .split(',')
      .map((part) => {
        const [tag, ...params] = part.trim().split(';');
        const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
        return { tag: tag.trim().toLowerCase(), q: q ? Number(q.slice(2)) : 1 };
      })
      .filter((entry) => entry.tag && !Number.isNaN(entry.q) && entry.q > 0)
      .sort((a, b) => b.q - a.q)
      .map((entry) => entry.tag),
  ];
  for (const candidate of candidates) {
    const primary = candidate.toLowerCase().split('-')[0];
    if (LANGUAGES.includes(primary)) return primary;
  }
  return 'en';
}

/** The text in `language`, or English when that translation is missing or empty. */
export function localize(text: LocalizedText, language: string): string {
  const translated = (text as unknown as Record<string, string | undefined>)[language];
  return translated && translated.trim().length > 0 ? translated : text.en;
}

/** Only the languages that carry text, so stored and published texts hold no empty members. */
export function compactText(text: LocalizedText): LocalizedText {
  return Object.fromEntries(Object.entries(text).filter(([, value]) => typeof value === 'string' && value.trim().length > 0)) as unknown as LocalizedText;
}

export function sameText(a: LocalizedText, b: LocalizedText): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => (a as unknown as Record<string, unknown>)[key] === (b as unknown as Record<string, unknown>)[key]);
}
