import type { MatchablePerson } from '../graph/graph-index';

export interface PreRankInput {
  topics: string[];
  wantedOffers: string[];
  country: string;
  neighbourIds: Set<string>;
}

/**
 * Whom to score in full, from the graph index: the same cheap pre-score as the SQL pre-rank in
 * MatchmakingService (2 for a shared topic, 2 for an offer that meets a need, 1 for the same country,
 * 3 for a direct tie), best first, ties by person id as PostgreSQL orders UUIDs, at most `pool`.
 */
export function preRankCandidates(people: MatchablePerson[], input: PreRankInput, pool: number): string[] {
  const topics = new Set(input.topics);
  const offers = new Set(input.wantedOffers);
  const ranked = people.map((p) => ({
    personId: p.personId,
    score:
      (p.topics.some((t) => topics.has(t)) ? 2 : 0) +
      (p.offers.some((o) => offers.has(o)) ? 2 : 0) +
      (p.country === input.country ? 1 : 0) +
      (input.neighbourIds.has(p.personId) ? 3 : 0),
  }));
  ranked.sort((a, b) => b.score - a.score || (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0));
  return ranked.slice(0, pool).map((r) => r.personId);
}
