/**
 * The shared vocabulary of profiles. Topics are free to extend with tags; seeks and offers are closed
 * lists because matchmaking pairs them (what an innovator seeks against what the other offers).
 */
export const TOPICS = [
  'social-finance',
  'inclusion',
  'education',
  'health',
  'ageing',
  'environment',
  'circular-economy',
  'food',
  'housing',
  'mobility',
  'culture',
  'digital',
  'employment',
  'rural-development',
  'youth',
  'migration',
  'civic-participation',
] as const;

export const SEEKS = ['funding', 'policy-support', 'partners', 'mentoring', 'pilots', 'visibility'] as const;
export const OFFERS = ['grants', 'loans', 'equity', 'prizes', 'pilots', 'procurement', 'regulatory-advice', 'mentoring', 'partnership', 'visibility'] as const;

export type Seek = (typeof SEEKS)[number];
export type Offer = (typeof OFFERS)[number];

/** Which offers satisfy which need. */
export const MEETS: Record<Seek, Offer[]> = {
  funding: ['grants', 'loans', 'equity', 'prizes'],
  'policy-support': ['regulatory-advice', 'procurement', 'pilots'],
  partners: ['partnership', 'pilots'],
  mentoring: ['mentoring'],
  pilots: ['pilots', 'procurement'],
  visibility: ['visibility', 'prizes'],
};

/** Languages of the partner countries and English, as ISO 639-1 codes. */
export const LANGUAGES = ['en', 'sl', 'de', 'hr', 'hu', 'cs', 'sk', 'pl', 'it', 'ro', 'sr', 'bs', 'bg'] as const;
