import Graph from 'graphology';
import { bidirectional } from 'graphology-shortest-path/unweighted';
import { seededRandom } from '../../metrics/sampled-betweenness';
import { GraphIndex } from '../graph-index';

const id = (i: number) => `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;

/** A random graph of n people (one in four not consenting) with m drawn pairs, as index and as reference. */
function randomGraph(n: number, m: number, seed: number): { index: GraphIndex; reference: Graph; consenting: Set<string> } {
  const random = seededRandom(seed);
  const index = new GraphIndex();
  const reference = new Graph({ type: 'undirected' });
  const consenting = new Set<string>();
  for (let i = 0; i < n; i++) {
    const ok = random() >= 0.25;
    index.setPerson(id(i), { kind: ok ? 'innovator' : null, country: 'SI', consenting: ok });
    reference.addNode(id(i));
    if (ok) consenting.add(id(i));
  }
  for (let k = 0; k < m; k++) {
    const [a, b] = [Math.floor(random() * n), Math.floor(random() * n)];
    if (a === b) continue;
    const weight = 1 + Math.floor(random() * 3);
    index.setPair(id(a), id(b), weight);
    reference.mergeUndirectedEdge(id(a), id(b), { weight });
  }
  return { index, reference, consenting };
}

/** The shortest path length through consenting people by plain BFS (ends exempt), -1 without one. */
function referenceHops(reference: Graph, consenting: Set<string>, from: string, to: string): number {
  const allowed = reference.copy();
  for (const node of reference.nodes()) if (!consenting.has(node) && node !== from && node !== to) allowed.dropNode(node);
  const path = bidirectional(allowed, from, to);
  return path ? path.length - 1 : -1;
}

function isWarmPath(reference: Graph, consenting: Set<string>, path: string[]): boolean {
  return path.every((node, i) => i === 0 || reference.hasEdge(path[i - 1], node)) && path.slice(1, -1).every((node) => consenting.has(node));
}

describe('GraphIndex', () => {
  it('finds shortest warm paths through consenting people only, as long as a plain search finds', () => {
    const { index, reference, consenting } = randomGraph(400, 600, 3);
    const random = seededRandom(11);
    let found = 0;
    for (let q = 0; q < 300; q++) {
      const [from, to] = [id(Math.floor(random() * 400)), id(Math.floor(random() * 400))];
      const path = index.warmPath(from, to, 50);
      const expected = referenceHops(reference, consenting, from, to);
      expect(path ? path.length - 1 : -1).toBe(expected);
      if (path) {
        found += 1;
        expect(path[0]).toBe(from);
        expect(path[path.length - 1]).toBe(to);
        expect(isWarmPath(reference, consenting, path)).toBe(true);
      }
    }
    // The graph is sparse on purpose: some pairs are linked, some are not.
    expect(found).toBeGreaterThan(30);
    expect(found).toBeLessThan(300);
  });

  it('stops after the given number of expansions', () => {
    const index = new GraphIndex();
    for (let i = 0; i < 8; i++) index.setPerson(id(i), { kind: 'citizen', country: 'SI', consenting: true });
    for (let i = 0; i < 7; i++) index.setPair(id(i), id(i + 1), 1);
    expect(index.warmPath(id(0), id(7), 7)).toHaveLength(8);
    expect(index.warmPath(id(0), id(7), 6)).toBeNull();
  });

  it('gives each candidate the degrees of the neighbours it shares with the person', () => {
    const { index, reference } = randomGraph(200, 1200, 5);
    const me = id(1);
    const candidates = Array.from({ length: 60 }, (_, i) => id(100 + i));
    const result = index.commonNeighbourDegrees(me, candidates);
    for (const candidate of candidates) {
      const expected = reference.neighbors(me).filter((z) => reference.hasEdge(z, candidate)).map((z) => reference.degree(z)).sort();
      expect([...(result.get(candidate) ?? [])].sort()).toEqual(expected);
    }
    expect(result.size).toBeGreaterThan(5);
  });

  it('follows removed pairs, changed weights and withdrawn consent', () => {
    const index = new GraphIndex();
    const [a, b, c] = [id(1), id(2), id(3)];
    for (const p of [a, b, c]) index.setPerson(p, { kind: 'citizen', country: 'AT', consenting: true });
    index.setPair(a, b, 1);
    index.setPair(b, c, 1);
    expect(index.warmPath(a, c, 6)).toEqual([a, b, c]);
    index.setPair(b, a, 2.5);
    expect(index.weightBetween(a, b)).toBe(2.5);
    expect(index.size).toBe(2);
    index.setPerson(b, { kind: 'citizen', country: 'AT', consenting: false });
    expect(index.warmPath(a, c, 6)).toBeNull();
    index.setPerson(b, { kind: 'citizen', country: 'AT', consenting: true });
    index.setPair(a, b, null);
    expect(index.warmPath(a, c, 6)).toBeNull();
    expect(index.degree(b)).toBe(1);
    expect(index.size).toBe(1);
  });

  it('hands graphology the same nodes, pairs and weights, leaving out people who are no node', async () => {
    const { index, reference } = randomGraph(150, 500, 9);
    index.setPerson(id(0), null);
    const { graph, personIds } = await index.toGraphology();
    expect(graph.order).toBe(149);
    expect(personIds).toHaveLength(149);
    expect(personIds).not.toContain(id(0));
    const keyOf = new Map(personIds.map((personId, i) => [personId, String(i)]));
    expect(graph.nodes()).toEqual(personIds.map((personId) => keyOf.get(personId)));
    const kept = reference.filterEdges((_e, _a, source, target) => source !== id(0) && target !== id(0));
    expect(graph.size).toBe(kept.length);
    for (const edge of kept) {
      const [s, t] = reference.extremities(edge);
      expect(graph.getEdgeAttribute(keyOf.get(s)!, keyOf.get(t)!, 'weight')).toBe(index.weightBetween(s, t));
    }
    expect(graph.getNodeAttributes(keyOf.get(id(1))!)).toEqual({ kind: index.isConsenting(id(1)) ? 'innovator' : null, country: 'SI' });
  });

  it('lists the people of the asked kinds who appear in matches, with topics and offers', () => {
    const index = new GraphIndex();
    index.setPerson(id(1), { kind: 'funder', country: 'SI', consenting: true, topics: ['inclusion'], offers: ['grants'] });
    index.setPerson(id(2), { kind: 'funder', country: 'AT', consenting: false, topics: ['inclusion'], offers: ['grants'] });
    index.setPerson(id(3), { kind: 'citizen', country: 'SI', consenting: true });
    index.setPerson(id(4), { kind: 'policymaker', country: 'HR', consenting: true, offers: ['pilots'] });
    index.setPerson(id(5), { kind: 'funder', country: 'SI', consenting: true });
    expect(index.matchable(['funder', 'policymaker'], id(5))).toEqual([
      { personId: id(1), kind: 'funder', country: 'SI', topics: ['inclusion'], offers: ['grants'] },
      { personId: id(4), kind: 'policymaker', country: 'HR', topics: [], offers: ['pilots'] },
    ]);
    index.setPerson(id(1), null);
    expect(index.matchable(['funder'], id(5))).toEqual([]);
  });

  it('has a digest that tells two indexes apart exactly when they differ', () => {
    const one = randomGraph(100, 300, 1).index;
    const two = randomGraph(100, 300, 1).index;
    expect(one.digest()).toBe(two.digest());
    two.setPair(id(1), id(2), 9);
    expect(one.digest()).not.toBe(two.digest());
  });
});
