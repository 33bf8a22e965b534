import { createHash } from 'node:crypto';
import Graph from 'graphology';
import type { MetricsGraph, NodeAttributes } from '../metrics/country-indicators';

/** Nodes copied into graphology between two yields to the event loop. */
const YIELD_EVERY_NODES = 5_000;

/** What the index keeps of a person: enough for paths (consent), matches (degrees) and metrics. */
export interface IndexedPerson {
  personId: string;
  kind: string | null;
  country: string | null;
  /** Has a profile that appears in matches and is not erased: may stand on a warm path, be matched. */
  consenting: boolean;
  /** The profile's topics and offers (for the matches' pre-rank); empty without a profile. */
  topics?: string[];
  offers?: string[];
}

/** A person who may be matched, with what the matches' pre-rank looks at. */
export interface MatchablePerson {
  personId: string;
  kind: string;
  country: string | null;
  topics: string[];
  offers: string[];
}

/**
 * The whole graph in memory, one slot per person: neighbours with the summed weight of all edge types
 * between the two (what the metrics and Adamic-Adar use), kind and country, and consent. It is a cache
 * of PostgreSQL, filled and kept current by GraphIndexService; it holds no names or contact details.
 * Slots are never reused: a person who leaves keeps a slot that is no longer a node.
 */
export class GraphIndex {
  private readonly slots = new Map<string, number>();
  private readonly ids: string[] = [];
  private readonly kinds: Array<string | null> = [];
  private readonly countries: Array<string | null> = [];
  private readonly present: boolean[] = [];
  private readonly consenting: boolean[] = [];
  private readonly topics: string[][] = [];
  private readonly offers: string[][] = [];
  private readonly neighbours: number[][] = [];
  private readonly weights: number[][] = [];
  private edgeCount = 0;
  // Reused between searches: a slot is "seen" by a search when its stamp equals the search's number.
  private seenFrom = new Int32Array(0);
  private seenTo = new Int32Array(0);
  private parentFrom = new Int32Array(0);
  private parentTo = new Int32Array(0);
  private search = 0;

  /** People who are nodes (erased people stay nodes, anonymous). */
  get order(): number {
    return this.present.reduce((n, p) => n + (p ? 1 : 0), 0);
  }

  /** Pairs of people with at least one edge between them. */
  get size(): number {
    return this.edgeCount;
  }

  /** Sets a person's state, or removes the person from the nodes (null: no node row any more). */
  setPerson(personId: string, person: Omit<IndexedPerson, 'personId'> | null): void {
    const slot = this.slotOf(personId);
    this.present[slot] = person !== null;
    this.kinds[slot] = person?.kind ?? null;
    this.countries[slot] = person?.country ?? null;
    this.consenting[slot] = person?.consenting ?? false;
    this.topics[slot] = person?.topics ?? [];
    this.offers[slot] = person?.offers ?? [];
  }

  /** Everyone of the given kinds who appears in matches, but the person asking. */
  matchable(kinds: string[], except: string): MatchablePerson[] {
    const wanted = new Set(kinds);
    const result: MatchablePerson[] = [];
    this.ids.forEach((personId, slot) => {
      const kind = this.kinds[slot];
      if (this.consenting[slot] && kind !== null && wanted.has(kind) && personId !== except) {
        result.push({ personId, kind, country: this.countries[slot], topics: this.topics[slot], offers: this.offers[slot] });
      }
    });
    return result;
  }

  /** Sets the summed weight of the edges between two people; null when no edge is left between them. */
  setPair(a: string, b: string, weight: number | null): void {
    if (a === b) return;
    const [x, y] = [this.slotOf(a), this.slotOf(b)];
    const at = this.neighbours[x].indexOf(y);
    if (weight === null) {
      if (at < 0) return;
      this.unlink(x, at);
      this.unlink(y, this.neighbours[y].indexOf(x));
      this.edgeCount -= 1;
    } else if (at < 0) {
      this.neighbours[x].push(y);
      this.weights[x].push(weight);
      this.neighbours[y].push(x);
      this.weights[y].push(weight);
      this.edgeCount += 1;
    } else {
      this.weights[x][at] = weight;
      this.weights[y][this.neighbours[y].indexOf(x)] = weight;
    }
  }

  has(personId: string): boolean {
    const slot = this.slots.get(personId);
    return slot !== undefined && this.present[slot];
  }

  isConsenting(personId: string): boolean {
    const slot = this.slots.get(personId);
    return slot !== undefined && this.consenting[slot];
  }

  /** Distinct neighbours, whatever their consent (for counts, never for naming). */
  degree(personId: string): number {
    const slot = this.slots.get(personId);
    return slot === undefined ? 0 : this.neighbours[slot].length;
  }

  /** The summed weight of all edges between two people, 0 without any. */
  weightBetween(a: string, b: string): number {
    const [x, y] = [this.slots.get(a), this.slots.get(b)];
    if (x === undefined || y === undefined) return 0;
    const at = this.neighbours[x].indexOf(y);
    return at < 0 ? 0 : this.weights[x][at];
  }

  /**
   * For each candidate, the degrees of the neighbours it shares with the person (Adamic-Adar's input).
   * Walks the person's neighbours' neighbours: the sum of their degrees, a few hundred steps here.
   */
  commonNeighbourDegrees(personId: string, candidateIds: string[]): Map<string, number[]> {
    const result = new Map<string, number[]>();
    const me = this.slots.get(personId);
    if (me === undefined) return result;
    const wanted = new Map<number, string>();
    for (const id of candidateIds) {
      const slot = this.slots.get(id);
      if (slot !== undefined) wanted.set(slot, id);
    }
    for (const z of this.neighbours[me]) {
      const degree = this.neighbours[z].length;
      for (const c of this.neighbours[z]) {
        const id = wanted.get(c);
        if (id !== undefined) result.set(id, [...(result.get(id) ?? []), degree]);
      }
    }
    return result;
  }

  /**
   * The shortest path from one person to another through consenting people (the ends need not
   * consent), by bidirectional breadth-first search expanding the smaller frontier, at most maxHops
   * expansions, as the SQL search does. Null when there is none within reach.
   */
  warmPath(from: string, to: string, maxHops: number): string[] | null {
    const [source, target] = [this.slots.get(from), this.slots.get(to)];
    if (source === undefined || target === undefined) return null;
    if (source === target) return [from];
    this.prepareSearch();
    const stamp = this.search;
    this.seenFrom[source] = stamp;
    this.parentFrom[source] = -1;
    this.seenTo[target] = stamp;
    this.parentTo[target] = -1;
    let frontierFrom = [source];
    let frontierTo = [target];
    for (let hops = 0; hops < maxHops && frontierFrom.length > 0 && frontierTo.length > 0; hops++) {
      const forward = frontierFrom.length <= frontierTo.length;
      const [frontier, seen, parent, otherSeen] = forward
        ? [frontierFrom, this.seenFrom, this.parentFrom, this.seenTo]
        : [frontierTo, this.seenTo, this.parentTo, this.seenFrom];
      const next: number[] = [];
      for (const here of frontier) {
        for (const node of this.neighbours[here]) {
          if (seen[node] === stamp) continue;
          if (!this.consenting[node] && node !== source && node !== target) continue;
          seen[node] = stamp;
          parent[node] = here;
          if (otherSeen[node] === stamp) return this.pathThrough(node);
          next.push(node);
        }
      }
      if (forward) frontierFrom = next;
      else frontierTo = next;
    }
    return null;
  }

  /**
   * The graph as graphology holds it, for the metrics: nodes with kind and country, summed weights.
   * The nodes and pairs are copied first, in one synchronous step, so the graph is one consistent
   * state of the index; building graphology's graph from the copy (seconds at a million pairs) then
   * yields to the event loop every few thousand nodes, so warm paths and matches go on meanwhile.
   */
  async toGraphology(): Promise<MetricsGraph> {
    const slots: number[] = [];
    this.present.forEach((present, slot) => present && slots.push(slot));
    const people = slots.map((slot) => ({ id: this.ids[slot], kind: this.kinds[slot], country: this.countries[slot] }));
    const offsets = new Int32Array(slots.length + 1);
    const position = new Int32Array(this.ids.length).fill(-1);
    slots.forEach((slot, i) => {
      position[slot] = i;
      offsets[i + 1] = offsets[i] + this.neighbours[slot].length;
    });
    const targets = new Int32Array(offsets[slots.length]);
    const weights = new Float64Array(offsets[slots.length]);
    slots.forEach((slot, i) => {
      targets.set(this.neighbours[slot].map((other) => position[other]), offsets[i]);
      weights.set(this.weights[slot], offsets[i]);
    });

    const graph = new Graph<NodeAttributes>({ type: 'undirected', allowSelfLoops: false });
    const keys = people.map((_, i) => String(i));
    people.forEach((p, i) => graph.addNode(keys[i], { kind: p.kind, country: p.country }));
    for (let i = 0; i < people.length; i++) {
      if (i % YIELD_EVERY_NODES === 0) await new Promise((resume) => setImmediate(resume));
      for (let at = offsets[i]; at < offsets[i + 1]; at++) {
        const other = targets[at];
        // Each pair once, from its lower end; a neighbour who is no node (-1) is left out.
        if (other > i) graph.addUndirectedEdge(keys[i], keys[other], { weight: weights[at] });
      }
    }
    return { graph, personIds: people.map((p) => p.id) };
  }

  /** A digest of nodes (kind, country, consent, topics, offers) and pairs (weight to 6 places), to compare two indexes. */
  digest(): string {
    const hash = createHash('sha256');
    const byId = (x: number, y: number) => (this.ids[x] < this.ids[y] ? -1 : 1);
    const slots = this.ids.map((_, slot) => slot).sort(byId);
    for (const slot of slots) {
      if (this.present[slot]) {
        hash.update(`${this.ids[slot]} ${this.kinds[slot]} ${this.countries[slot]} ${this.consenting[slot]} ${this.topics[slot].join(',')} ${this.offers[slot].join(',')}\n`);
      }
      const pairs = this.neighbours[slot].map((other, i) => [other, this.weights[slot][i]] as const).filter(([other]) => this.ids[other] > this.ids[slot]);
      for (const [other, weight] of pairs.sort(([x], [y]) => byId(x, y))) hash.update(`${this.ids[slot]}-${this.ids[other]} ${weight.toFixed(6)}\n`);
    }
    return hash.digest('hex');
  }

  private slotOf(personId: string): number {
    let slot = this.slots.get(personId);
    if (slot === undefined) {
      slot = this.ids.length;
      this.slots.set(personId, slot);
      this.ids.push(personId);
      this.kinds.push(null);
      this.countries.push(null);
      this.present.push(false);
      this.consenting.push(false);
      this.topics.push([]);
      this.offers.push([]);
      this.neighbours.push([]);
      this.weights.push([]);
    }
    return slot;
  }

  private unlink(slot: number, at: number): void {
    const [list, weights] = [this.neighbours[slot], this.weights[slot]];
    list[at] = list[list.length - 1];
    weights[at] = weights[weights.length - 1];
    list.pop();
    weights.pop();
  }

  private prepareSearch(): void {
    const n = this.ids.length;
    if (this.seenFrom.length < n) {
      const capacity = Math.max(n, Math.ceil(this.seenFrom.length * 1.5));
      this.seenFrom = new Int32Array(capacity);
      this.seenTo = new Int32Array(capacity);
      this.parentFrom = new Int32Array(capacity);
      this.parentTo = new Int32Array(capacity);
      this.search = 0;
    }
    this.search += 1;
  }

  private pathThrough(meeting: number): string[] {
    const path: string[] = [];
    for (let at = meeting; at !== -1; at = this.parentFrom[at]) path.unshift(this.ids[at]);
    for (let at = this.parentTo[meeting]; at !== -1; at = this.parentTo[at]) path.push(this.ids[at]);
    return path;
  }
}
