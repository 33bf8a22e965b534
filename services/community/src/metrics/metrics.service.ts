import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import { DataSource } from 'typeorm';
import { NetworkIndicatorsSnapshottedV1 } from '@socialmakers/contracts';
import { EventOutbox } from '@socialmakers/messaging';
import { NotFoundError } from '@socialmakers/service-kit';
import { GraphIndexService } from '../graph/graph-index.service';
import { countryIndicators, type CountryIndicators, type MetricsGraph, type NodeAttributes } from './country-indicators';
import { sampledBetweenness, seededRandom } from './sampled-betweenness';

export interface SnapshotView {
  snapshotId: string;
  computedAt: string;
  nodes: number;
  edges: number;
  communities: number;
  betweennessSample: number;
  durationMs: number;
  /** Milliseconds per phase: load, betweenness, communities (Louvain), indicators, store. */
  phaseMs: Record<string, number>;
  countries: CountryIndicators[];
}

/**
 * Network metrics with graphology over the whole graph (from the in-memory graph index, refreshed from
 * the change log first; from PostgreSQL with GRAPH_INDEX=sql): degree, betweenness
 * (exact on small graphs, sampled above BETWEENNESS_SAMPLE nodes), Louvain communities, and the
 * per-country ecosystem indicators; each recompute stores a snapshot and publishes it.
 */
@Injectable()
export class MetricsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MetricsService.name);
  private readonly sample: number;
  private timer?: NodeJS.Timeout;
  private running?: Promise<SnapshotView>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
    private readonly config: ConfigService,
    private readonly graphIndex: GraphIndexService,
  ) {
    this.sample = Number(config.get('BETWEENNESS_SAMPLE'));
  }

  onApplicationBootstrap(): void {
    const every = Number(this.config.get('METRICS_RECOMPUTE_MS'));
    if (every <= 0) return;
    this.timer = setInterval(() => void this.recompute().catch((e: Error) => this.logger.warn(`metrics recompute failed: ${e.message}`)), every);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One recompute at a time: a second caller waits for the running one and gets its result. */
  recompute(): Promise<SnapshotView> {
    this.running ??= this.compute().finally(() => (this.running = undefined));
    return this.running;
  }

  async load(): Promise<MetricsGraph> {
    const index = await this.graphIndex.current();
    return index ? await index.toGraphology() : this.loadFromDatabase();
  }

  /** The graph read from PostgreSQL in two queries (GRAPH_INDEX=sql). */
  private async loadFromDatabase(): Promise<MetricsGraph> {
    const graph = new Graph<NodeAttributes>({ type: 'undirected', allowSelfLoops: false });
    const nodes: Array<{ person_id: string; kind: string | null; country: string | null }> = await this.dataSource.query(
      `SELECT n.person_id, p.kind, COALESCE(p.country, n.country) AS country FROM person_nodes n LEFT JOIN stakeholder_profiles p USING (person_id)`,
    );
    const keyOf = new Map(nodes.map((n, i) => [n.person_id, String(i)]));
    nodes.forEach((n, i) => graph.addNode(String(i), { kind: n.kind, country: n.country }));
    const edges: Array<{ source_id: string; target_id: string; weight: number }> = await this.dataSource.query(
      `SELECT source_id, target_id, sum(weight) AS weight FROM graph_edges GROUP BY source_id, target_id`,
    );
    for (const e of edges) {
      const [source, target] = [keyOf.get(e.source_id), keyOf.get(e.target_id)];
      if (source !== undefined && target !== undefined) graph.addUndirectedEdge(source, target, { weight: Number(e.weight) });
    }
    return { graph, personIds: nodes.map((n) => n.person_id) };
  }

  private async compute(): Promise<SnapshotView> {
    const started = Date.now();
    const phaseMs: Record<string, number> = {};
    let at = performance.now();
    const lap = (phase: string) => {
      const now = performance.now();
      phaseMs[phase] = Math.round(now - at);
      at = now;
    };
    const { graph, personIds } = await this.load();
    lap('load');
    const order = graph.order;
    const exact = order <= this.sample;
    const betweenness = await sampledBetweenness(graph, exact ? order : this.sample);
    lap('betweenness');
    const communities = graph.size === 0 ? {} : louvain(graph, { getEdgeWeight: 'weight', rng: seededRandom(7) });
    lap('communities');
    const countries = countryIndicators(graph);
    lap('indicators');
    const computedAt = new Date().toISOString();
    const snapshotId = randomUUID();
    const snapshot: SnapshotView = {
      snapshotId,
      computedAt,
      nodes: order,
      edges: graph.size,
      communities: new Set(Object.values(communities)).size,
      betweennessSample: exact ? order : this.sample,
      durationMs: 0,
      phaseMs,
      countries,
    };
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`DELETE FROM node_metrics`);
      const chunk = 20_000;
      for (let i = 0; i < personIds.length; i += chunk) {
        const keys = personIds.slice(i, i + chunk).map((_, j) => String(i + j));
        await manager.query(
          `INSERT INTO node_metrics (person_id, degree, weighted_degree, betweenness, community, computed_at)
           SELECT * FROM unnest($1::uuid[], $2::int[], $3::float8[], $4::float8[], $5::int[], $6::timestamptz[])`,
          [
            personIds.slice(i, i + chunk),
            keys.map((key) => graph.degree(key)),
            keys.map((key) => graph.reduceEdges(key, (sum, _e, attributes: { weight?: number }) => sum + (attributes.weight ?? 1), 0)),
            keys.map((key) => betweenness[key] ?? 0),
            keys.map((key) => communities[key] ?? -1),
            keys.map(() => computedAt),
          ],
        );
      }
      lap('store');
      snapshot.durationMs = Date.now() - started;
      await manager.query(
        `INSERT INTO network_snapshots (snapshot_id, computed_at, nodes, edges, communities, betweenness_sample, duration_ms, phase_ms, countries)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [snapshotId, computedAt, snapshot.nodes, snapshot.edges, snapshot.communities, snapshot.betweennessSample, snapshot.durationMs, JSON.stringify(phaseMs), JSON.stringify(countries)],
      );
      await this.outbox.publish(manager, NetworkIndicatorsSnapshottedV1.type, {
        snapshotId,
        nodes: snapshot.nodes,
        edges: snapshot.edges,
        communities: snapshot.communities,
        countries,
        computedAt,
      });
    });
    return snapshot;
  }

  async latest(): Promise<SnapshotView> {
    const [row] = await this.dataSource.query(`SELECT * FROM network_snapshots ORDER BY computed_at DESC LIMIT 1`);
    if (!row) throw new NotFoundError('NO_METRICS_YET', 'The network metrics have not been computed yet; ask for a recompute.');
    return {
      snapshotId: row.snapshot_id,
      computedAt: new Date(row.computed_at).toISOString(),
      nodes: row.nodes,
      edges: row.edges,
      communities: row.communities,
      betweennessSample: row.betweenness_sample,
      durationMs: row.duration_ms,
      phaseMs: row.phase_ms,
      countries: row.countries,
    };
  }

  async person(personId: string): Promise<{ personId: string; degree: number; weightedDegree: number; betweenness: number; community: number; computedAt: string }> {
    const [row] = await this.dataSource.query(
      `SELECT m.* FROM node_metrics m JOIN person_nodes n USING (person_id) WHERE m.person_id = $1 AND n.erased_at IS NULL`,
      [personId],
    );
    if (!row) throw new NotFoundError('PERSON_NOT_IN_METRICS', `No metrics for ${personId}: the person is unknown or the metrics predate them.`);
    return {
      personId,
      degree: row.degree,
      weightedDegree: Math.round(row.weighted_degree * 1000) / 1000,
      betweenness: Math.round(row.betweenness * 1000) / 1000,
      community: row.community,
      computedAt: new Date(row.computed_at).toISOString(),
    };
  }

  /** The people who bridge most (highest betweenness); only those who appear in matches are named. */
  async bridges(limit: number): Promise<Array<{ personId: string | null; displayName: string | null; kind: string | null; country: string | null; betweenness: number; degree: number }>> {
    const rows: Array<{ person_id: string; display_name: string | null; kind: string | null; country: string | null; appears_in_matches: boolean | null; betweenness: number; degree: number }> =
      await this.dataSource.query(
        `SELECT m.person_id, p.display_name, p.kind, COALESCE(p.country, n.country) AS country, p.appears_in_matches, m.betweenness, m.degree
           FROM node_metrics m JOIN person_nodes n USING (person_id) LEFT JOIN stakeholder_profiles p USING (person_id)
          WHERE n.erased_at IS NULL ORDER BY m.betweenness DESC, m.person_id LIMIT $1`,
        [limit],
      );
    return rows.map((r) => ({
      personId: r.appears_in_matches ? r.person_id : null,
      displayName: r.appears_in_matches ? r.display_name : null,
      kind: r.kind,
      country: r.country,
      betweenness: Math.round(r.betweenness * 1000) / 1000,
      degree: r.degree,
    }));
  }
}
