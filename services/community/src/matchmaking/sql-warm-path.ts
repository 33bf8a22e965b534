import type { DataSource } from 'typeorm';

/**
 * The warm-path search in PostgreSQL: bidirectional breadth-first search, one query per expansion of
 * the smaller frontier, through people who appear in matches (the ends need not). The reference the
 * in-memory search (GraphIndex.warmPath) is tested and benchmarked against, and what answers with
 * GRAPH_INDEX=sql. Null when no path is found within maxHops expansions.
 */
export async function sqlWarmPath(dataSource: DataSource, from: string, to: string, maxHops: number): Promise<string[] | null> {
  if (from === to) return [from];
  const parentsFrom = new Map<string, string | null>([[from, null]]);
  const parentsTo = new Map<string, string | null>([[to, null]]);
  let frontierFrom = [from];
  let frontierTo = [to];
  for (let hops = 0; hops < maxHops && frontierFrom.length > 0 && frontierTo.length > 0; hops++) {
    const forward = frontierFrom.length <= frontierTo.length;
    const frontier = forward ? frontierFrom : frontierTo;
    const mine = forward ? parentsFrom : parentsTo;
    const theirs = forward ? parentsTo : parentsFrom;
    // UNION ALL and no ORDER BY: frontiers reach thousands of nodes, and sorting or de-duplicating
    // their edges costs more than skipping repeats here. Erased people have no profile, so the
    // profile table alone says who may stand on a path.
    const rows: Array<{ here: string; next: string }> = await dataSource.query(
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
      if (theirs.has(node)) return [...walk(parentsFrom, node).reverse(), ...walk(parentsTo, node).slice(1)];
      next.push(node);
    }
    if (forward) frontierFrom = next;
    else frontierTo = next;
  }
  return null;
}

function walk(parents: Map<string, string | null>, node: string): string[] {
  const chain: string[] = [];
  for (let at: string | null | undefined = node; at; at = parents.get(at)) chain.push(at);
  return chain;
}
