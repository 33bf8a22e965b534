import { cohortOf, EDGE_BASE_WEIGHT, edgeWeight, EdgeType, orderedPair } from '../edge-weight';

describe('edge weight formula: base(type) × (1 + ln n)', () => {
  it('gives the base weight for one piece of evidence', () => {
    for (const type of Object.values(EdgeType)) expect(edgeWeight(type, 1)).toBe(EDGE_BASE_WEIGHT[type]);
  });

  it('grows with repeated evidence, each piece adding less than the one before', () => {
    const weights = [1, 2, 3, 10].map((n) => edgeWeight(EdgeType.CoAttended, n));
    expect(weights[1]).toBeCloseTo(1 + Math.log(2));
    expect(weights[1] - weights[0]).toBeGreaterThan(weights[2] - weights[1]);
    expect(weights[3]).toBeLessThan(edgeWeight(EdgeType.Connected, 1) + 1);
  });

  it('ranks an accepted introduction above sharing one workshop, and a workshop above sharing a cohort', () => {
    expect(edgeWeight(EdgeType.Connected, 1)).toBeGreaterThan(edgeWeight(EdgeType.Lectured, 1));
    expect(edgeWeight(EdgeType.CoAttended, 1)).toBeGreaterThan(edgeWeight(EdgeType.SameCohort, 1));
  });

  it('refuses an edge without evidence', () => {
    expect(() => edgeWeight(EdgeType.CoAttended, 0)).toThrow(RangeError);
  });

  it('stores undirected pairs once, smaller id first', () => {
    expect(orderedPair('b', 'a')).toEqual(['a', 'b']);
    expect(orderedPair('a', 'b')).toEqual(['a', 'b']);
  });

  it('puts completions of the same module in the same UTC month and country into one cohort', () => {
    expect(cohortOf('academy', 'financing', '2018-10-01T00:30:00+02:00', 'SI')).toBe('cohort:academy/financing/2018-09/SI');
    expect(cohortOf('academy', 'financing', '2018-10-31T12:00:00Z', 'SI')).toBe('cohort:academy/financing/2018-10/SI');
    expect(cohortOf('academy', 'financing', '2018-10-31T12:00:00Z', undefined)).toBe('cohort:academy/financing/2018-10/--');
  });
});
