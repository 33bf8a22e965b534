/**
 * Edge types of the stakeholder graph and the weight formula (docs/architecture.md, "The graph").
 *
 *   weight(type, n) = base(type) × (1 + ln n)
 *
 * where n is the number of distinct pieces of evidence behind the edge (activities attended together,
 * cohorts shared, introductions). One piece gives the base weight; every further one adds less than
 * the one before (ln), so ten festivals together do not outweigh one accepted introduction by ten.
 */
export const EdgeType = {
  CoAttended: 'co-attended',
  Lectured: 'lectured',
  SameCohort: 'same-cohort',
  Connected: 'introduced-connected',
  MemberOf: 'member-of',
} as const;
export type EdgeType = (typeof EdgeType)[keyof typeof EdgeType];

export const EDGE_BASE_WEIGHT: Record<EdgeType, number> = {
  [EdgeType.Connected]: 3,
  [EdgeType.MemberOf]: 2,
  [EdgeType.Lectured]: 1.5,
  [EdgeType.CoAttended]: 1,
  [EdgeType.SameCohort]: 0.5,
};

export function edgeWeight(type: EdgeType, evidenceCount: number): number {
  if (!Number.isInteger(evidenceCount) || evidenceCount < 1) throw new RangeError('an edge needs at least one piece of evidence');
  return EDGE_BASE_WEIGHT[type] * (1 + Math.log(evidenceCount));
}

/** The SQL form of the same formula, so the projection computes weights where the evidence is. */
export function edgeWeightSql(countExpression: string): string {
  const cases = Object.entries(EDGE_BASE_WEIGHT)
    .map(([type, base]) => `WHEN '${type}' THEN ${base}`)
    .join(' ');
  return `(CASE type ${cases} END) * (1 + ln(${countExpression}))`;
}

/** Edge types that reveal where a person was (hidden in network views when the person asks). */
export const ATTENDANCE_EDGE_TYPES: EdgeType[] = [EdgeType.CoAttended, EdgeType.Lectured, EdgeType.SameCohort];

/** Undirected edges are stored once, smaller id first. */
export function orderedPair(a: string, b: string): [string, string] {
  return a < b ? [a, b] : [b, a];
}

/** The cohort window of a completion: the same module, the same calendar month (UTC), the same country. */
export function cohortOf(courseKey: string, moduleKey: string, completedAt: string | Date, country: string | null | undefined): string {
  const month = new Date(completedAt).toISOString().slice(0, 7);
  return `cohort:${courseKey}/${moduleKey}/${month}/${country ?? '--'}`;
}
