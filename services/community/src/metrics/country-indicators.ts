import type Graph from 'graphology';
import { StakeholderRole } from '@socialmakers/contracts';

export interface NodeAttributes {
  kind: string | null;
  country: string | null;
}

/**
 * The graph the metrics run on. Node keys are positions ("0", "1", …) and personIds[i] is the person
 * at key i: graphology builds a million-edge graph about twice as fast with such short keys as with
 * UUIDs (its per-node neighbour tables are objects keyed by node key).
 */
export interface MetricsGraph {
  graph: Graph<NodeAttributes>;
  personIds: string[];
}

export interface CountryIndicators {
  country: string;
  people: number;
  innovators: number;
  innovatorsTiedToFunderOrPolicymaker: number;
  crossSectorTieShare: number;
  density: number;
  ties: number;
}

const DECISION_MAKERS: string[] = [StakeholderRole.Funder, StakeholderRole.Policymaker];

/**
 * The ecosystem indicators per country. A tie belongs to a country when both ends are in it; an
 * innovator's tie to a funder or policymaker counts wherever the other lives (transnational ties
 * are the programme's point). Cross-sector share is over ties whose two ends both have a known kind.
 */
export function countryIndicators(graph: Graph<NodeAttributes>): CountryIndicators[] {
  const byCountry = new Map<string, { people: number; innovators: number; tied: number; ties: number; known: number; cross: number }>();
  const of = (country: string) => {
    let entry = byCountry.get(country);
    if (!entry) byCountry.set(country, (entry = { people: 0, innovators: 0, tied: 0, ties: 0, known: 0, cross: 0 }));
    return entry;
  };
  graph.forEachNode((node, attributes) => {
    if (!attributes.country) return;
    const entry = of(attributes.country);
    entry.people += 1;
    if (attributes.kind !== StakeholderRole.Innovator) return;
    entry.innovators += 1;
    if (graph.someNeighbor(node, (_, other) => DECISION_MAKERS.includes(other.kind ?? ''))) entry.tied += 1;
  });
  graph.forEachEdge((_edge, _attributes, _source, _target, a, b) => {
    if (!a.country || a.country !== b.country) return;
    const entry = of(a.country);
    entry.ties += 1;
    if (a.kind && b.kind) {
      entry.known += 1;
      if (a.kind !== b.kind) entry.cross += 1;
    }
  });
  return [...byCountry.entries()]
    .sort(([x], [y]) => x.localeCompare(y))
    .map(([country, e]) => ({
      country,
      people: e.people,
      innovators: e.innovators,
      innovatorsTiedToFunderOrPolicymaker: e.tied,
      crossSectorTieShare: e.known === 0 ? 0 : round(e.cross / e.known),
      density: e.people < 2 ? 0 : round((2 * e.ties) / (e.people * (e.people - 1))),
      ties: e.ties,
    }));
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
