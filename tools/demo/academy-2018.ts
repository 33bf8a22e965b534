/**
 * The Social Innovation Academy as it ran in 2018 (BRIEF.md): seven modules from active citizenship
 * to implementing one's own solution, more than 2,700 learners by January 2019 across the partner
 * countries, with completions thinning out along the course as real cohorts do.
 */
export const ACADEMY_COURSE_KEY = 'social-innovation-academy';

export const ACADEMY_MODULES = [
  'active-citizenship',
  'social-challenges',
  'social-innovation',
  'designing-solutions',
  'business-models',
  'financing',
  'implementation',
] as const;

/** Learners enrolled by January 2019, per partner country (ISO 3166-1 alpha-2); 2,734 in all. */
export const LEARNERS_2018: Record<string, number> = {
  SI: 612,
  HR: 402,
  AT: 318,
  HU: 301,
  CZ: 276,
  SK: 241,
  PL: 236,
  IT: 198,
  DE: 150,
};

/** Share of enrolled learners who completed each module, in course order. */
export const COMPLETION_SHARE = [0.64, 0.52, 0.43, 0.35, 0.29, 0.24, 0.2] as const;

type Texts = { title: { en: string; sl: string }; summary: { en: string; sl: string } };

/** The course as the catalogue shows it, in English and Slovenian (other languages fall back to English). */
export const ACADEMY_COURSE: Texts = {
  title: { en: 'Social Innovation Academy', sl: 'Akademija socialnih inovacij' },
  summary: {
    en: 'A free online course of seven modules across the social-innovation cycle, from active citizenship to implementing your own solution.',
    sl: 'Brezplačen spletni tečaj v sedmih modulih skozi ves cikel socialnih inovacij, od aktivnega državljanstva do uresničitve lastne rešitve.',
  },
};

export const ACADEMY_MODULE_TEXTS: Record<(typeof ACADEMY_MODULES)[number], Texts> = {
  'active-citizenship': {
    title: { en: 'Active citizenship', sl: 'Aktivno državljanstvo' },
    summary: { en: 'Why and how citizens take part in changing their community.', sl: 'Zakaj in kako državljani sodelujejo pri spreminjanju svoje skupnosti.' },
  },
  'social-challenges': {
    title: { en: 'Social challenges', sl: 'Družbeni izzivi' },
    summary: { en: 'Recognising and understanding the challenges worth solving around you.', sl: 'Prepoznavanje in razumevanje izzivov v okolici, ki jih je vredno rešiti.' },
  },
  'social-innovation': {
    title: { en: 'Social innovation', sl: 'Socialne inovacije' },
    summary: { en: 'What makes an idea a social innovation, with examples from Central Europe.', sl: 'Kaj naredi zamisel za socialno inovacijo, s primeri iz srednje Evrope.' },
  },
  'designing-solutions': {
    title: { en: 'Designing solutions', sl: 'Oblikovanje rešitev' },
    summary: { en: 'From a challenge to a solution designed with the people it serves.', sl: 'Od izziva do rešitve, oblikovane skupaj z ljudmi, ki jim je namenjena.' },
  },
  'business-models': {
    title: { en: 'Business models', sl: 'Poslovni modeli' },
    summary: { en: 'Business models that keep a social innovation going.', sl: 'Poslovni modeli, ki socialni inovaciji omogočajo, da preživi.' },
  },
  financing: {
    title: { en: 'Financing', sl: 'Financiranje' },
    summary: { en: 'Grants, social finance and crowdfunding: funding your solution.', sl: 'Nepovratna sredstva, socialne finance in množično financiranje vaše rešitve.' },
  },
  implementation: {
    title: { en: 'Implementation', sl: 'Izvedba' },
    summary: { en: 'Putting your solution into practice and measuring its impact.', sl: 'Uresničitev rešitve v praksi in merjenje njenega učinka.' },
  },
};
