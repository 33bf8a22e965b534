import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotFoundError } from '@socialmakers/service-kit';
import { GraphIndexService } from '../graph/graph-index.service';
import { sqlWarmPath } from './sql-warm-path';

export interface WarmPathView {
  from: string;
  to: string;
  /** Everyone on the path, both ends included; the people between are the ones who can introduce. */
  path: Array<{ personId: string; displayName: string | null; kind: string | null }>;
  hops: number;
}

const MAX_HOPS = 6;

/**
 * "Who can introduce me": the shortest path from one person to another through people who consent to
 * appear in matches (the only people we may name). Searched in the in-memory graph index (refreshed
 * from the change log first), or in PostgreSQL with GRAPH_INDEX=sql; the names on the path are read
 * from PostgreSQL, which also re-checks everyone's consent at that moment.
 */
@Injectable()
export class WarmPathService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly graphIndex: GraphIndexService,
  ) {}

  async find(from: string, to: string): Promise<WarmPathView> {
    // The index reads the change log on a connection of its own while the ends are checked.
    const indexRead = this.graphIndex.current();
    indexRead.catch(() => undefined);
    const ends: Array<{ person_id: string; appears: boolean | null }> = await this.dataSource.query(
      `SELECT n.person_id, p.appears_in_matches AS appears FROM person_nodes n LEFT JOIN stakeholder_profiles p USING (person_id)
        WHERE n.person_id = ANY($1) AND n.erased_at IS NULL`,
      [[from, to]],
    );
    if (!ends.some((e) => e.person_id === from)) throw new NotFoundError('PERSON_NOT_IN_NETWORK', `No person ${from} is in the network.`);
    if (!ends.some((e) => e.person_id === to && e.appears)) throw new NotFoundError('TARGET_NOT_FOUND', `No stakeholder ${to} can be reached: unknown, or not appearing in matches.`);

    const index = await indexRead;
    const found = index ? index.warmPath(from, to, MAX_HOPS) : await sqlWarmPath(this.dataSource, from, to, MAX_HOPS);
    let view = found && (await this.describe(found, from, to));
    // Someone on the path withdrew consent after the index's last read: search again in PostgreSQL.
    if (found && !view) view = await this.describe((await sqlWarmPath(this.dataSource, from, to, MAX_HOPS)) ?? [], from, to);
    if (!view) throw new NotFoundError('NO_WARM_PATH', `Nobody who takes introductions links you to ${to} within ${MAX_HOPS} steps; ask for an introduction directly.`);
    return view;
  }

  /** The path with names, or null when someone between the ends does not appear in matches now. */
  private async describe(path: string[], from: string, to: string): Promise<WarmPathView | null> {
    if (path.length === 0) return null;
    const rows: Array<{ person_id: string; display_name: string; kind: string; appears_in_matches: boolean }> = await this.dataSource.query(
      `SELECT person_id, display_name, kind, appears_in_matches FROM stakeholder_profiles WHERE person_id = ANY($1)`,
      [path],
    );
    const byId = new Map(rows.map((r) => [r.person_id, r]));
    if (path.slice(1, -1).some((personId) => !byId.get(personId)?.appears_in_matches)) return null;
    return {
      from,
      to,
      hops: path.length - 1,
      path: path.map((personId) => {
        const p = byId.get(personId);
        return { personId, displayName: p?.display_name ?? null, kind: p?.kind ?? null };
      }),
    };
  }
}
