import { StakeholderRole } from '@socialmakers/contracts';
import type { MatchProfile, Readiness, TopicFit } from './match-score';

export interface SharedActivity {
  kind: string;
  country: string;
  attendedAt: string;
}

export interface ExplanationFacts {
  other: MatchProfile;
  fit: TopicFit;
  readiness: Readiness;
  /** Only activities both people let others see. */
  sharedActivities: SharedActivity[];
  sharedCohortModules: string[];
  commonNeighbours: number;
  connected: boolean;
  sameCountry: boolean;
}

const ACTIVITY_NOUN: Record<string, string> = { workshop: 'a workshop', festival: 'a festival', webinar: 'a webinar' };

/**
 * One sentence a person can read, from the strongest facts behind a match, e.g. "Maja Kranjc funds
 * social-finance and inclusion projects with grants; you both attended a festival in SI on
 * 20 November 2018; you completed the Financing module."
 */
export function explainMatch(facts: ExplanationFacts): string {
  const clauses = [whoTheyAre(facts), whatYouShare(facts), whatYouDid(facts)].filter((c): c is string => Boolean(c));
  const sentence = clauses.join('; ');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

function whoTheyAre({ other, fit, sameCountry }: ExplanationFacts): string {
  const topics = fit.sharedTopics.length > 0 ? listOf(fit.sharedTopics.slice(0, 2)) : listOf(other.topics.slice(0, 2));
  const offers = [...new Set(fit.metNeeds.flatMap((n) => n.offers))];
  const where = sameCountry ? '' : ` in ${other.country}`;
  switch (other.kind) {
    case StakeholderRole.Funder:
      return `${other.displayName} funds ${topics || 'social-innovation'} projects${where}${offers.length ? ` with ${listOf(offers)}` : ''}`;
    case StakeholderRole.Policymaker:
      return `${other.displayName} works on ${topics || 'social-innovation'} policy${where}${offers.length ? ` and offers ${listOf(offers)}` : ''}`;
    default:
      return `${other.displayName} (${other.kind.replace('-', ' ')}${where}) ${topics ? `shares your interest in ${topics}` : 'is active in the programme'}${
        offers.length ? ` and offers ${listOf(offers)}` : ''
      }`;
  }
}

function whatYouShare({ sharedActivities, sharedCohortModules, commonNeighbours, connected }: ExplanationFacts): string | undefined {
  if (sharedActivities.length > 0) {
    const latest = [...sharedActivities].sort((a, b) => b.attendedAt.localeCompare(a.attendedAt))[0];
    const more = sharedActivities.length - 1;
    return `you both attended ${ACTIVITY_NOUN[latest.kind] ?? 'an activity'} in ${latest.country} on ${dateOf(latest.attendedAt)}${
      more > 0 ? ` (and ${more} more together)` : ''
    }`;
  }
  if (connected) return 'you are already connected';
  if (sharedCohortModules.length > 0) return `you took the ${moduleTitle(sharedCohortModules[0])} module in the same month`;
  if (commonNeighbours > 0) return `you have ${commonNeighbours} ${commonNeighbours === 1 ? 'contact' : 'contacts'} in common`;
  return undefined;
}

function whatYouDid({ readiness }: ExplanationFacts): string | undefined {
  if (readiness.relevantCompleted.length === 0) return undefined;
  const titles = readiness.relevantCompleted.map(moduleTitle);
  return `you completed the ${listOf(titles)} ${titles.length === 1 ? 'module' : 'modules'}`;
}

export function moduleTitle(moduleKey: string): string {
  const words = moduleKey.split('-').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function listOf(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function dateOf(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
