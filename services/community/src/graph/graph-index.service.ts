import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { GraphIndex } from './graph-index';

/** Edges read per round trip while loading: bounded memory for the rows, few round trips. */
const LOAD_BATCH = 100_000;

interface ChangeRow {
  person_id: string | null;
  other_id: string | null;
  weight: number | null;
  present: boolean | null;
  kind: string | null;
  country: string | null;
  consenting: boolean | null;
  topics: string[] | null;
  offers: string[] | null;
  horizon: string | null;
}

export interface GraphIndexStatus {
  mode: 'memory' | 'sql';
  nodes: number | null;
  pairs: number | null;
  loadedAt: string | null;
  refreshedAt: string | null;
  loadMs: number | null;
}

/**
 * Keeps the in-memory GraphIndex equal to PostgreSQL. At start it loads the graph in one snapshot;
 * afterwards it applies the change log (graph_changes, written by triggers in the writers' own
 * transactions): every read asks for the changes first, so a reader sees every write committed before
 * it asked (a consent withdrawn a moment ago is honoured), and a timer keeps it current in between.
 *
 * The cursor is a transaction horizon, not a sequence number: it re-reads the changes of every
 * transaction that was still running at the previous read, so a transaction that commits late is
 * never skipped. Re-reading is harmless because a change is applied by reading the pair's or person's
 * current rows.
 *
 * With GRAPH_INDEX=sql there is no index and readers query PostgreSQL (the reference implementation).
 */
@Injectable()
export class GraphIndexService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(GraphIndexService.name);
  private readonly mode: 'memory' | 'sql';
  private readonly refreshMs: number;
  private readonly retentionSeconds: number;
  private graph?: GraphIndex;
  private horizon = '0';
  private loadedAt?: Date;
  private refreshedAt?: Date;
  private loadMs?: number;
  private timer?: NodeJS.Timeout;
  private pruneTimer?: NodeJS.Timeout;
  private inFlight?: Promise<void>;
  private queued?: Promise<void>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: ConfigService,
  ) {
    this.mode = config.get('GRAPH_INDEX') === 'sql' ? 'sql' : 'memory';
    this.refreshMs = Number(config.get('GRAPH_INDEX_REFRESH_MS'));
    this.retentionSeconds = Number(config.get('GRAPH_CHANGES_RETENTION_SECONDS'));
  }

  /** Loads before the service takes requests, so that in memory mode every answer comes from memory. */
  async onApplicationBootstrap(): Promise<void> {
    this.pruneTimer = setInterval(() => void this.prune().catch((e: Error) => this.logger.warn(`graph change log prune failed: ${e.message}`)), 60_000);
    this.pruneTimer.unref();
    if (this.mode === 'sql') return;
    await this.load();
    this.timer = setInterval(() => void this.refresh().catch((e: Error) => this.logger.warn(`graph index refresh failed: ${e.message}`)), this.refreshMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    clearInterval(this.pruneTimer);
    await this.inFlight?.catch(() => undefined);
  }

  /** The index with every change committed before this call applied; undefined in sql mode. */
  async current(): Promise<GraphIndex | undefined> {
    if (this.mode === 'sql') return undefined;
    await this.refresh();
    return this.graph;
  }

  status(): GraphIndexStatus {
    return {
      mode: this.mode,
      nodes: this.graph?.order ?? null,
      pairs: this.graph?.size ?? null,
      loadedAt: this.loadedAt?.toISOString() ?? null,
      refreshedAt: this.refreshedAt?.toISOString() ?? null,
      loadMs: this.loadMs ?? null,
    };
  }

  /**
   * One read of the change log at a time; a caller arriving during a read waits for the next one,
   * because the running read may have started before the caller's own write committed.
   */
  refresh(): Promise<void> {
    if (!this.inFlight) {
      this.inFlight = this.readChanges().finally(() => (this.inFlight = undefined));
      return this.inFlight;
    }
    this.queued ??= this.inFlight
      .catch(() => undefined)
      .then(() => {
        this.queued = undefined;
        return this.refresh();
      });
    return this.queued;
  }

  /**
   * Whether the index (after reading the change log) equals a fresh load from PostgreSQL: a drift
   * check for operators and tests, meaningful while nothing writes to the graph.
   */
  async verify(): Promise<{ matchesDatabase: boolean; digest: string; databaseDigest: string } | null> {
    const index = await this.current();
    if (!index) return null;
    const fresh = await this.readSnapshot();
    const [digest, databaseDigest] = [index.digest(), fresh.graph.digest()];
    return { matchesDatabase: digest === databaseDigest, digest, databaseDigest };
  }

  /** Builds a fresh index from one consistent snapshot of the tables and swaps it in. */
  async load(): Promise<void> {
    const started = Date.now();
    const { graph, horizon } = await this.readSnapshot();
    this.graph = graph;
    this.horizon = horizon;
    this.loadedAt = this.refreshedAt = new Date();
    this.loadMs = Date.now() - started;
    this.logger.log(`graph index loaded: ${graph.order} nodes, ${graph.size} pairs in ${this.loadMs} ms`);
  }

  private async readSnapshot(): Promise<{ graph: GraphIndex; horizon: string }> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction('REPEATABLE READ');
      const graph = new GraphIndex();
      const [{ horizon }] = await runner.query(`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon`);
      const people: Array<{ person_id: string; kind: string | null; country: string | null; consenting: boolean; topics: string[] | null; offers: string[] | null }> =
        await runner.query(
          `SELECT n.person_id, p.kind, COALESCE(p.country, n.country) AS country, (p.appears_in_matches IS TRUE AND n.erased_at IS NULL) AS consenting, p.topics, p.offers
             FROM person_nodes n LEFT JOIN stakeholder_profiles p USING (person_id)`,
        );
      for (const p of people) graph.setPerson(p.person_id, { kind: p.kind, country: p.country, consenting: p.consenting, topics: p.topics ?? [], offers: p.offers ?? [] });
      people.length = 0;
      // Keyset pages over the primary key: each page is an index range, never a growing OFFSET.
      let after = ['00000000-0000-0000-0000-000000000000', '00000000-0000-0000-0000-000000000000'];
      for (;;) {
        const edges: Array<{ source_id: string; target_id: string; weight: number }> = await runner.query(
          `SELECT source_id, target_id, sum(weight) AS weight FROM graph_edges
            WHERE (source_id, target_id) > ($1::uuid, $2::uuid)
            GROUP BY source_id, target_id ORDER BY source_id, target_id LIMIT ${LOAD_BATCH}`,
          after,
        );
        for (const e of edges) graph.setPair(e.source_id, e.target_id, Number(e.weight));
        if (edges.length < LOAD_BATCH) break;
        const last = edges[edges.length - 1];
        after = [last.source_id, last.target_id];
      }
      await runner.commitTransaction();
      return { graph, horizon };
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }

  private async readChanges(): Promise<void> {
    if (!this.graph) return this.load();
    // An index that read nothing for half the retention may have lost log rows to pruning.
    if (this.refreshedAt && Date.now() - this.refreshedAt.getTime() > (this.retentionSeconds * 1000) / 2) return this.load();
    // One statement, one snapshot: the changes, the rows they point at, and the next horizon.
    const rows: ChangeRow[] = await this.dataSource.query(
      `WITH changed AS (SELECT DISTINCT person_id, other_id FROM graph_changes WHERE txid >= $1::xid8)
       SELECT c.person_id, c.other_id,
              (SELECT sum(g.weight) FROM graph_edges g WHERE c.other_id IS NOT NULL AND g.source_id = c.person_id AND g.target_id = c.other_id) AS weight,
              n.person_id IS NOT NULL AS present, p.kind, COALESCE(p.country, n.country) AS country,
              (p.appears_in_matches IS TRUE AND n.erased_at IS NULL) AS consenting, p.topics, p.offers, NULL::text AS horizon
         FROM changed c
         LEFT JOIN person_nodes n ON c.other_id IS NULL AND n.person_id = c.person_id
         LEFT JOIN stakeholder_profiles p ON c.other_id IS NULL AND p.person_id = c.person_id
       UNION ALL
       SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, pg_snapshot_xmin(pg_current_snapshot())::text`,
      [this.horizon],
    );
    const graph = this.graph;
    for (const row of rows) {
      if (row.horizon !== null) this.horizon = row.horizon;
      else if (row.other_id !== null) graph.setPair(row.person_id!, row.other_id, row.weight === null ? null : Number(row.weight));
      else {
        const person = { kind: row.kind, country: row.country, consenting: row.consenting === true, topics: row.topics ?? [], offers: row.offers ?? [] };
        graph.setPerson(row.person_id!, row.present ? person : null);
      }
    }
    this.refreshedAt = new Date();
  }

  /** Deletes log rows every reader has had time to read (older than the retention, transaction finished). */
  private async prune(): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM graph_changes WHERE changed_at < now() - make_interval(secs => $1) AND txid < pg_snapshot_xmin(pg_current_snapshot())`,
      [this.retentionSeconds],
    );
  }
}
