import type { MatchablePerson } from '../../graph/graph-index';
import { preRankCandidates } from '../candidate-pre-rank';

const person = (personId: string, overrides: Partial<MatchablePerson> = {}): MatchablePerson => ({
  personId,
  kind: 'funder',
  country: 'AT',
  topics: [],
  offers: [],
  ...overrides,
});

describe('the matches pre-rank from the graph index', () => {
  const input = { topics: ['inclusion', 'ageing'], wantedOffers: ['grants', 'loans'], country: 'SI', neighbourIds: new Set(['c']) };

  it('scores 2 for a shared topic, 2 for a met need, 1 for the country and 3 for a tie, best first', () => {
    const people = [
      person('a', { topics: ['ageing'] }), // 2
      person('b', { offers: ['loans'], country: 'SI' }), // 3
      person('c'), // 3, a tie
      person('d', { topics: ['inclusion', 'ageing'], offers: ['grants'], country: 'SI' }), // 5
      person('e', { topics: ['culture'], offers: ['equity'] }), // 0
      person('f', { country: 'SI' }), // 1
    ];
    expect(preRankCandidates(people, input, 10)).toEqual(['d', 'b', 'c', 'a', 'f', 'e']);
  });

  it('breaks ties by person id the way PostgreSQL orders UUIDs, and keeps at most the pool', () => {
    const ids = ['9f000000-0000-4000-8000-000000000000', '0a000000-0000-4000-8000-000000000000', 'a0000000-0000-4000-8000-000000000000', '10000000-0000-4000-8000-000000000000'];
    const ranked = preRankCandidates(ids.map((id) => person(id)), input, 3);
    expect(ranked).toEqual(['0a000000-0000-4000-8000-000000000000', '10000000-0000-4000-8000-000000000000', '9f000000-0000-4000-8000-000000000000']);
  });
});
