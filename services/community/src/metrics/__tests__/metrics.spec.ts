import Graph from 'graphology';
import betweenness from 'graphology-metrics/centrality/betweenness';
import { countryIndicators, type NodeAttributes } from '../country-indicators';
import { sampledBetweenness, seededRandom } from '../sampled-betweenness';

function graphOf(nodes: Array<[string, string | null, string | null]>, edges: Array<[string, string]>): Graph<NodeAttributes> {
  const graph = new Graph<NodeAttributes>({ type: 'undirected' });
  for (const [id, kind, country] of nodes) graph.addNode(id, { kind, country });
  for (const [a, b] of edges) graph.addEdge(a, b);
  return graph;
}

describe('sampled betweenness', () => {
  const graph = graphOf(
    ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => [id, null, null]),
    [['a', 'b'], ['b', 'c'], ['c', 'd'], ['b', 'e'], ['e', 'f'], ['f', 'g'], ['c', 'g']],
  );

  it('equals graphology\'s exact betweenness when every node is a source', async () => {
    const exact = betweenness(graph, { normalized: false });
    const ours = await sampledBetweenness(graph, graph.order);
    for (const node of graph.nodes()) expect(ours[node]).toBeCloseTo(exact[node], 9);
  });

  it('equals it on a larger random graph too, with several components', async () => {
    const random = seededRandom(5);
    const big = new Graph({ type: 'undirected' });
    for (let i = 0; i < 300; i++) big.addNode(`n${i}`);
    for (let e = 0; e < 700; e++) {
      const [a, b] = [Math.floor(random() * 300), Math.floor(random() * 300)];
      if (a !== b) big.mergeEdge(`n${a}`, `n${b}`);
    }
    const exact = betweenness(big, { normalized: false });
    const ours = await sampledBetweenness(big, big.order);
    expect(Math.max(...Object.values(exact))).toBeGreaterThan(100);
    for (const node of big.nodes()) expect(ours[node]).toBeCloseTo(exact[node], 6);
  });

  it('is deterministic for a seed and estimates the exact values from a sample', async () => {
    expect(await sampledBetweenness(graph, 4, 1)).toEqual(await sampledBetweenness(graph, 4, 1));
    const estimate = await sampledBetweenness(graph, 4, 1);
    expect(Object.values(estimate).every((v) => v >= 0)).toBe(true);
  });
});

describe('per-country ecosystem indicators', () => {
  it('counts innovators tied to funders or policymakers, cross-sector ties and density', () => {
    const graph = graphOf(
      [
        ['i1', 'innovator', 'SI'],
        ['i2', 'innovator', 'SI'],
        ['f1', 'funder', 'SI'],
        ['x', null, 'SI'],
        ['p1', 'policymaker', 'AT'],
        ['i3', 'innovator', 'AT'],
      ],
      [['i1', 'f1'], ['i1', 'i2'], ['i2', 'x'], ['i3', 'p1'], ['i2', 'p1']],
    );
    expect(countryIndicators(graph)).toEqual([
      { country: 'AT', people: 2, innovators: 1, innovatorsTiedToFunderOrPolicymaker: 1, crossSectorTieShare: 1, density: 1, ties: 1 },
      { country: 'SI', people: 4, innovators: 2, innovatorsTiedToFunderOrPolicymaker: 2, crossSectorTieShare: 0.5, density: 0.5, ties: 3 },
    ]);
  });
});
