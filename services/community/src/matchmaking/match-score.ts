import { StakeholderRole } from '@socialmakers/contracts';
import { MEETS, type Seek } from '../stakeholders/vocabulary';

/**
 * The matching score (docs/architecture.md, "Matching score"): four named parts, each in [0, 1],
 * weighted and summed, reported as 0–100.
 *
 *   score = 100 × (0.35 topicFit + 0.20 readiness + 0.30 closeness + 0.15 geography)
 */
export const SCORE_WEIGHTS = { topicFit: 0.35, readiness: 0.2, closeness: 0.3, geography: 0.15 } as const;
export type ScoreParts = Record<keyof typeof SCORE_WEIGHTS, number>;

export interface MatchProfile {
  personId: string;
  kind: string;
  displayName: string;
  country: string;
  languages: string[];
  topics: string[];
  tags: string[];
  seeks: string[];
  offers: string[];
}

export const ACADEMY_MODULE_COUNT = 7;

/** The Academy modules that prepare an innovator for a meeting with each kind of stakeholder. */
export const READINESS_MODULES: Partial<Record<string, string[]>> = {
  [StakeholderRole.Funder]: ['financing', 'business-models'],
  [StakeholderRole.Policymaker]: ['social-challenges', 'implementation'],
  [StakeholderRole.Entrepreneur]: ['business-models', 'designing-solutions'],
  [StakeholderRole.Lecturer]: ['designing-solutions'],
};

export interface TopicFit {
  value: number;
  sharedTopics: string[];
  /** Each need of the innovator the other meets, with the offers that meet it. */
  metNeeds: Array<{ seek: string; offers: string[] }>;
}

/** 0.6 × share of the innovator's topics (and tags) the other shares + 0.4 × share of needs met (0.5 when none given). */
export function topicFit(innovator: MatchProfile, other: MatchProfile): TopicFit {
  const theirs = new Set([...other.topics, ...other.tags.map((t) => t.toLowerCase())]);
  const mine = [...new Set([...innovator.topics, ...innovator.tags.map((t) => t.toLowerCase())])];
  const sharedTopics = mine.filter((t) => theirs.has(t));
  const topicShare = innovator.topics.length === 0 ? 0 : Math.min(1, sharedTopics.length / innovator.topics.length);
  const metNeeds = innovator.seeks
    .map((seek) => ({ seek, offers: other.offers.filter((o) => (MEETS[seek as Seek] ?? []).includes(o as never)) }))
    .filter((n) => n.offers.length > 0);
  const needShare = innovator.seeks.length === 0 ? 0.5 : metNeeds.length / innovator.seeks.length;
  return { value: 0.6 * topicShare + 0.4 * needShare, sharedTopics, metNeeds };
}

export interface Readiness {
  value: number;
  relevantCompleted: string[];
}

/** 0.5 × Academy progress (modules completed of seven) + 0.5 × share of the modules that prepare for this kind. */
export function readiness(modulesCompleted: string[], otherKind: string): Readiness {
  const done = new Set(modulesCompleted);
  const relevant = READINESS_MODULES[otherKind] ?? [];
  const relevantCompleted = relevant.filter((m) => done.has(m));
  const progress = Math.min(1, done.size / ACADEMY_MODULE_COUNT);
  const preparation = relevant.length === 0 ? progress : relevantCompleted.length / relevant.length;
  return { value: 0.5 * progress + 0.5 * preparation, relevantCompleted };
}

/**
 * Closeness in the graph: the direct tie's weight plus the Adamic-Adar index over common neighbours
 * (Σ 1 / ln(degree of each common neighbour)), squashed into [0, 1) by 1 − e^(−x/2).
 */
export function closeness(directWeight: number, commonNeighbourDegrees: number[]): { value: number; adamicAdar: number } {
  const adamicAdar = commonNeighbourDegrees.reduce((sum, degree) => sum + 1 / Math.log(Math.max(degree, 2)), 0);
  return { value: 1 - Math.exp(-(directWeight + adamicAdar) / 2), adamicAdar };
}

/** 0.6 × same country (0.3 for another country) + 0.4 × a language in common. */
export function geography(innovator: MatchProfile, other: MatchProfile): { value: number; sameCountry: boolean; sharedLanguages: string[] } {
  const sameCountry = innovator.country === other.country;
  const sharedLanguages = innovator.languages.filter((l) => other.languages.includes(l));
  return { value: 0.6 * (sameCountry ? 1 : 0.3) + 0.4 * (sharedLanguages.length > 0 ? 1 : 0), sameCountry, sharedLanguages };
}

export function totalScore(parts: ScoreParts): number {
  const sum = (Object.keys(SCORE_WEIGHTS) as Array<keyof ScoreParts>).reduce((acc, part) => acc + SCORE_WEIGHTS[part] * parts[part], 0);
  return Math.round(sum * 1000) / 10;
}

export function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
