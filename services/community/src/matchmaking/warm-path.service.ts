import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotFoundError } from '@socialmakers/service-kit';

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
 * appear in matches (the only people we may name), by bidirectional breadth-first search in SQL,
 * expanding the smaller frontier each step.
 */
@Injectable()
export class WarmPathService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(from: string, to: string): Promise<WarmPathView> {
    const ends: Array<{ person_id: string; appears: boolean | null }> = await this.dataSource.query(
      `SELECT n.person_id, p.appears_in_matches AS appears FROM person_nodes n LEFT JOIN stakeholder_profiles p USING (person_id)
        WHERE n.person_id = ANY($1) AND n.erased_at IS NULL`,
      [[from, to]],
    );
    if (!ends.some((e) => e.person_id === from)) throw new NotFoundError('PERSON_NOT_IN_NETWORK', `No person ${from} is in the network.`);
    if (!ends.some((e) => e.person_id === to && e.appears)) throw new NotFoundError('TARGET_NOT_FOUND', `No stakeholder ${to} can be reached: unknown, or not appearing in matches.`);
    if (from === to) return this.describe([from], from, to);

    const parentsFrom = new Map<string, string | null>([[from, null]]);
    const parentsTo = new Map<string, string | null>([[to, null]]);
    let frontierFrom = [from];
    let frontierTo = [to];
    for (let hops = 0; hops < MAX_HOPS && frontierFrom.length > 0 && frontierTo.length > 0; hops++) {
      const forward = frontierFrom.length <= frontierTo.length;
      const frontier = forward ? frontierFrom : frontierTo;
      const mine = forward ? parentsFrom : parentsTo;
      const theirs = forward ? parentsTo : parentsFrom;
      // UNION ALL and no ORDER BY: frontiers reach thousands of nodes, and sorting or de-duplicating
      // their edges costs more than skipping repeats here. Erased people have no profile, so the
      // profile table alone says who may stand on a path.
      const rows: Array<{ here: string; next: string }> = await this.dataSource.query(
        `SELECT e.here, e.next FROM (
           SELECT source_id AS here, target_id AS next FROM graph_edges WHERE source_id = ANY($1)
           UNION ALL SELECT target_id, source_id FROM graph_edges WHERE target_id = ANY($1)) e
         LEFT JOIN stakeholder_profiles p ON p.person_id = e.next
         WHERE p.appears_in_matches OR e.next = ANY($2)`,
        [frontier, [from, to]],
      );
      const next: string[] = [];
      for (const { here, next: node } of rows) {
        if (mine.has(node)) continue;
        mine.set(node, here);
        if (theirs.has(node)) {
          const path = [...walk(parentsFrom, node).reverse(), ...walk(parentsTo, node).slice(1)];
          return this.describe(path, from, to);
        }
        next.push(node);
      }
      if (forward) frontierFrom = next;
      else frontierTo = next;
    }
    throw new NotFoundError('NO_WARM_PATH', `Nobody who takes introductions links you to ${to} within ${MAX_HOPS} steps; ask for an introduction directly.`);
  }

  private async describe(path: string[], from: string, to: string): Promise<WarmPathView> {
    const rows: Array<{ person_id: string; display_name: string; kind: string; appears_in_matches: boolean }> = await this.dataSource.query(
      `SELECT person_id, display_name, kind, appears_in_matches FROM stakeholder_profiles WHERE person_id = ANY($1)`,
      [path],
    );
    const byId = new Map(rows.map((r) => [r.person_id, r]));
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

function walk(parents: Map<string, string | null>, node: string): string[] {
  const chain: string[] = [];
  for (let at: string | null | undefined = node; at; at = parents.get(at)) chain.push(at);
  return chain;
}
