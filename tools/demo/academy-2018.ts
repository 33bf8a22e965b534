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
