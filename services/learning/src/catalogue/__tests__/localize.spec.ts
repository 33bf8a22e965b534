import { compactText, localize, pickLanguage, sameText } from '../localize';

describe('pickLanguage', () => {
  it('prefers ?lang=, then Accept-Language by weight, then English', () => {
    expect(pickLanguage('sl', 'de')).toBe('sl');
    expect(pickLanguage(undefined, 'fr-FR, hr;q=0.5, sl;q=0.9')).toBe('sl');
    expect(pickLanguage('xx', 'hu-HU')).toBe('hu');
    expect(pickLanguage(undefined, 'fr, es;q=0.8')).toBe('en');
    expect(pickLanguage(undefined, undefined)).toBe('en');
    expect(pickLanguage(undefined, 'sl;q=0, de')).toBe('de');
  });
});

describe('localize', () => {
  it('falls back to English when the translation is missing or blank', () => {
    const text = { en: 'Financing', sl: 'Financiranje', hr: '  ' };
    expect(localize(text, 'sl')).toBe('Financiranje');
    expect(localize(text, 'hr')).toBe('Financing');
    expect(localize(text, 'de')).toBe('Financing');
  });

  it('compacts away empty translations and compares texts by content', () => {
    expect(compactText({ en: 'A', sl: '', de: 'B' })).toEqual({ en: 'A', de: 'B' });
    expect(sameText({ en: 'A', sl: 'B' }, { sl: 'B', en: 'A' })).toBe(true);
    expect(sameText({ en: 'A' }, { en: 'A', sl: 'B' })).toBe(false);
  });
});
