import { explainMatch, moduleTitle, type ExplanationFacts } from '../match-explanation';
import type { MatchProfile } from '../match-score';

const funder: MatchProfile = {
  personId: 'f',
  kind: 'funder',
  displayName: 'Maja Kranjc',
  country: 'SI',
  languages: ['sl'],
  topics: ['social-finance', 'inclusion'],
  tags: [],
  seeks: [],
  offers: ['grants', 'loans'],
};

const base: ExplanationFacts = {
  other: funder,
  fit: { value: 0.8, sharedTopics: ['social-finance'], metNeeds: [{ seek: 'funding', offers: ['grants', 'loans'] }] },
  readiness: { value: 0.6, relevantCompleted: ['financing'] },
  sharedActivities: [{ kind: 'festival', country: 'SI', attendedAt: '2018-11-20T09:00:00.000Z' }],
  sharedCohortModules: [],
  commonNeighbours: 0,
  connected: false,
  sameCountry: true,
};

describe('the one-sentence explanation', () => {
  it('reads like the brief: who they are, what you share, what you did', () => {
    expect(explainMatch(base)).toBe(
      'Maja Kranjc funds social-finance projects with grants and loans; you both attended a festival in SI on 20 November 2018; you completed the Financing module.',
    );
  });

  it('is one sentence: one full stop, at the end', () => {
    const sentence = explainMatch({ ...base, sharedActivities: [...base.sharedActivities, { kind: 'workshop', country: 'SI', attendedAt: '2018-10-12T07:00:00.000Z' }] });
    expect(sentence.match(/\./g)).toHaveLength(1);
    expect(sentence).toContain('(and 1 more together)');
  });

  it('falls back to a shared cohort, then common contacts, and names a policymaker\'s offers', () => {
    const policymaker = { ...funder, kind: 'policymaker', displayName: 'Tomaž Zupan', offers: ['regulatory-advice'], country: 'AT' };
    const sentence = explainMatch({
      ...base,
      other: policymaker,
      fit: { value: 0.3, sharedTopics: [], metNeeds: [{ seek: 'policy-support', offers: ['regulatory-advice'] }] },
      readiness: { value: 0.1, relevantCompleted: [] },
      sharedActivities: [],
      sharedCohortModules: ['social-challenges'],
      sameCountry: false,
    });
    expect(sentence).toBe('Tomaž Zupan works on social-finance and inclusion policy in AT and offers regulatory-advice; you took the Social challenges module in the same month.');
    expect(explainMatch({ ...base, sharedActivities: [], commonNeighbours: 2, readiness: { value: 0, relevantCompleted: [] } })).toBe(
      'Maja Kranjc funds social-finance projects with grants and loans; you have 2 contacts in common.',
    );
  });

  it('titles modules from their keys', () => {
    expect(moduleTitle('business-models')).toBe('Business models');
  });
});
