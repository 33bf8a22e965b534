import type Graph from 'graphology';

/**
 * Betweenness centrality by Brandes' algorithm from a sample of k source nodes (Brandes & Pich 2007),
 * scaled by n/k so that it estimates the exact (unnormalised, undirected) value. With k = n it is exact.
 * The sample is drawn with a seeded generator, so the same graph gives the same figures.
 * Unweighted: a tie is a tie, whatever its weight, as with graphology's default.
 *
 * The graph is copied once into compressed rows (typed arrays), and the predecessors of a node on
 * shortest paths are not stored but found again among its neighbours (one step closer to the
 * source): at 100,000 nodes and 1,000,000 edges that saves 100,000 growing arrays per source.
 * It yields to the event loop between sources, so the service keeps answering meanwhile.
 */
export async function sampledBetweenness(graph: Graph, k: number, seed = 42): Promise<Record<string, number>> {
  const nodes = graph.nodes();
  const n = nodes.length;
  const { offsets, targets } = compressedRows(graph, nodes);
  const centrality = new Float64Array(n);
  const sources = k >= n ? nodes.map((_, i) => i) : sample(n, k, seed);

  const sigma = new Float64Array(n);
  const distance = new Int32Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n);

  for (const s of sources) {
    // One source is one pass over the graph (tens of milliseconds at a million edges); between two,
    // requests get their turn.
    await new Promise((resume) => setImmediate(resume));
    sigma.fill(0);
    distance.fill(-1);
    delta.fill(0);
    sigma[s] = 1;
    distance[s] = 0;
    // order[] is the BFS queue and, read backwards, the stack of nodes by decreasing distance.
    let head = 0;
    let tail = 0;
    order[tail++] = s;
    while (head < tail) {
      const v = order[head++];
      const next = distance[v] + 1;
      for (let i = offsets[v]; i < offsets[v + 1]; i++) {
        const w = targets[i];
        if (distance[w] < 0) {
          distance[w] = next;
          order[tail++] = w;
        }
        if (distance[w] === next) sigma[w] += sigma[v];
      }
    }
    for (let at = tail - 1; at > 0; at--) {
      const w = order[at];
      const before = distance[w] - 1;
      const share = (1 + delta[w]) / sigma[w];
      for (let i = offsets[w]; i < offsets[w + 1]; i++) {
        const v = targets[i];
        if (distance[v] === before) delta[v] += sigma[v] * share;
      }
      centrality[w] += delta[w];
    }
  }
  // Each undirected shortest path was counted from both ends; a sample of k sources stands for n.
  const scale = (k >= n ? 1 : n / sources.length) / 2;
  const result: Record<string, number> = {};
  nodes.forEach((node, i) => (result[node] = centrality[i] * scale));
  return result;
}

/** The graph's neighbour lists as two typed arrays: node i's neighbours are targets[offsets[i] .. offsets[i + 1]). */
function compressedRows(graph: Graph, nodes: string[]): { offsets: Int32Array; targets: Int32Array } {
  const index = new Map(nodes.map((node, i) => [node, i]));
  const offsets = new Int32Array(nodes.length + 1);
  nodes.forEach((node, i) => (offsets[i + 1] = offsets[i] + graph.degree(node)));
  const targets = new Int32Array(offsets[nodes.length]);
  nodes.forEach((node, i) => {
    let at = offsets[i];
    graph.forEachNeighbor(node, (neighbour) => (targets[at++] = index.get(neighbour)!));
  });
  return { offsets, targets };
}

/** A seeded generator (mulberry32), for deterministic samples and Louvain runs. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sample(n: number, k: number, seed: number): number[] {
  const random = seededRandom(seed);
  const pool = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(random() * (n - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, k);
}
