import { closeness, geography, readiness, SCORE_WEIGHTS, topicFit, totalScore, type MatchProfile } from '../match-score';

const innovator: MatchProfile = {
  personId: 'i',
  kind: 'innovator',
  displayName: 'Ana Novak',
  country: 'SI',
  languages: ['sl', 'en'],
  topics: ['social-finance', 'inclusion', 'ageing'],
  tags: ['Microcredit'],
  seeks: ['funding', 'mentoring'],
  offers: [],
};
const funder: MatchProfile = {
  personId: 'f',
  kind: 'funder',
  displayName: 'Maja Kranjc',
  country: 'SI',
  languages: ['sl'],
  topics: ['social-finance', 'inclusion'],
  tags: ['microcredit'],
  seeks: [],
  offers: ['grants', 'loans'],
};

describe('matching score parts', () => {
  it('weights sum to one, so the score is 0–100', () => {
    expect(Object.values(SCORE_WEIGHTS).reduce((a, b) => a + b, 0)).toBeCloseTo(1);
    expect(totalScore({ topicFit: 1, readiness: 1, closeness: 1, geography: 1 })).toBe(100);
    expect(totalScore({ topicFit: 0, readiness: 0, closeness: 0, geography: 0 })).toBe(0);
  });

  it('topic fit: shared topics and tags over the innovator\'s topics, and the needs the other meets', () => {
    const fit = topicFit(innovator, funder);
    expect(fit.sharedTopics).toEqual(['social-finance', 'inclusion', 'microcredit']);
    expect(fit.metNeeds).toEqual([{ seek: 'funding', offers: ['grants', 'loans'] }]);
    expect(fit.value).toBeCloseTo(0.6 * 1 + 0.4 * 0.5);
    expect(topicFit({ ...innovator, seeks: [] }, { ...funder, topics: [], tags: [] }).value).toBeCloseTo(0.2);
  });

  it('readiness: Academy progress plus the modules that prepare for this kind of stakeholder', () => {
    expect(readiness([], 'funder').value).toBe(0);
    const ready = readiness(['financing', 'active-citizenship'], 'funder');
    expect(ready.relevantCompleted).toEqual(['financing']);
    expect(ready.value).toBeCloseTo(0.5 * (2 / 7) + 0.5 * 0.5);
    expect(readiness(['financing', 'business-models', 'a', 'b', 'c', 'd', 'e'], 'funder').value).toBe(1);
    expect(readiness(['a'], 'citizen').value).toBeCloseTo(1 / 7);
  });

  it('closeness: direct weight plus Adamic-Adar over common neighbours, squashed below 1', () => {
    expect(closeness(0, []).value).toBe(0);
    const viaHub = closeness(0, [100]);
    const viaFew = closeness(0, [3]);
    expect(viaFew.adamicAdar).toBeCloseTo(1 / Math.log(3));
    expect(viaFew.value).toBeGreaterThan(viaHub.value);
    expect(closeness(3, []).value).toBeCloseTo(1 - Math.exp(-1.5));
    expect(closeness(20, [2, 2]).value).toBeLessThan(1);
  });

  it('geography: country first, then a language in common', () => {
    expect(geography(innovator, funder)).toEqual({ value: 1, sameCountry: true, sharedLanguages: ['sl'] });
    expect(geography(innovator, { ...funder, country: 'AT', languages: ['de'] }).value).toBeCloseTo(0.18);
  });
});
