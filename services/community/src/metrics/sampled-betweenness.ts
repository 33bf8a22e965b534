import type Graph from 'graphology';

/**
 * Betweenness centrality by Brandes' algorithm from a sample of k source nodes (Brandes & Pich 2007),
 * scaled by n/k so that it estimates the exact (unnormalised, undirected) value. With k = n it is exact.
 * The sample is drawn with a seeded generator, so the same graph gives the same figures.
 * Unweighted: a tie is a tie, whatever its weight, as with graphology's default.
 */
export function sampledBetweenness(graph: Graph, k: number, seed = 42): Record<string, number> {
  const nodes = graph.nodes();
  const n = nodes.length;
  const index = new Map(nodes.map((node, i) => [node, i]));
  const adjacency: number[][] = nodes.map((node) => graph.neighbors(node).map((m) => index.get(m)!));
  const centrality = new Float64Array(n);
  const sources = k >= n ? nodes.map((_, i) => i) : sample(n, k, seed);

  const sigma = new Float64Array(n);
  const distance = new Int32Array(n);
  const delta = new Float64Array(n);
  const predecessors: number[][] = Array.from({ length: n }, () => []);
  const stack = new Int32Array(n);
  const queue = new Int32Array(n);

  for (const s of sources) {
    sigma.fill(0);
    distance.fill(-1);
    delta.fill(0);
    for (const p of predecessors) p.length = 0;
    sigma[s] = 1;
    distance[s] = 0;
    let head = 0;
    let tail = 0;
    let top = 0;
    queue[tail++] = s;
    while (head < tail) {
      const v = queue[head++];
      stack[top++] = v;
      for (const w of adjacency[v]) {
        if (distance[w] < 0) {
          distance[w] = distance[v] + 1;
          queue[tail++] = w;
        }
        if (distance[w] === distance[v] + 1) {
          sigma[w] += sigma[v];
          predecessors[w].push(v);
        }
      }
    }
    while (top > 0) {
      const w = stack[--top];
      for (const v of predecessors[w]) delta[v] += (sigma[v] / sigma[w]) * (1 + delta[w]);
      if (w !== s) centrality[w] += delta[w];
    }
  }
  // Each undirected shortest path was counted from both ends; a sample of k sources stands for n.
  const scale = (k >= n ? 1 : n / sources.length) / 2;
  const result: Record<string, number> = {};
  nodes.forEach((node, i) => (result[node] = centrality[i] * scale));
  return result;
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
