import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotFoundError } from '@socialmakers/service-kit';
import { ATTENDANCE_EDGE_TYPES } from '../graph/edge-weight';
import { GraphProjectionService } from '../graph/graph-projection.service';
import { PersonNode } from './entities/person-node.entity';
import { NodeModuleProgress } from './entities/node-module-progress.entity';
import type { ConnectionView, ConnectionsView } from './dto/connections.view';

@Injectable()
export class NetworkService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly graph: GraphProjectionService,
  ) {}

  async node(personId: string): Promise<{ node: PersonNode; modules: NodeModuleProgress[] }> {
    const node = await this.dataSource.getRepository(PersonNode).findOneBy({ personId });
    if (!node || node.erasedAt) throw new NotFoundError('PERSON_NOT_IN_NETWORK', `No person ${personId} is in the network.`);
    const modules = await this.dataSource.getRepository(NodeModuleProgress).find({ where: { personId }, order: { completedAt: 'ASC' } });
    return { node, modules };
  }

  /**
   * A person's ties as another member may see them. Ties to people without a profile, to people who
   * appear nowhere, and attendance ties of anyone who hid their attendance are only counted.
   */
  async connections(personId: string, privileged: boolean): Promise<ConnectionsView> {
    await this.node(personId);
    const rows: Array<{
      other_id: string;
      type: string;
      weight: number;
      evidence_count: number;
      first_at: Date;
      last_at: Date;
      display_name: string | null;
      kind: string | null;
      appears_in_matches: boolean | null;
      other_visible: boolean | null;
      self_visible: boolean | null;
    }> = await this.dataSource.query(
      `SELECT e.other_id, e.type, e.weight, e.evidence_count, e.first_at, e.last_at, p.display_name, p.kind, p.appears_in_matches,
              p.attendance_visible AS other_visible, me.attendance_visible AS self_visible
         FROM (SELECT target_id AS other_id, type, weight, evidence_count, first_at, last_at FROM graph_edges WHERE source_id = $1
               UNION ALL
               SELECT source_id, type, weight, evidence_count, first_at, last_at FROM graph_edges WHERE target_id = $1) e
         JOIN person_nodes n ON n.person_id = e.other_id AND n.erased_at IS NULL
         LEFT JOIN stakeholder_profiles p ON p.person_id = e.other_id
         LEFT JOIN stakeholder_profiles me ON me.person_id = $1
        ORDER BY e.weight DESC, e.other_id, e.type`,
      [personId],
    );
    const visible: ConnectionView[] = [];
    let hidden = 0;
    for (const row of rows) {
      const attendanceTie = (ATTENDANCE_EDGE_TYPES as string[]).includes(row.type);
      const shown = privileged || (row.kind !== null && (row.appears_in_matches || row.type === 'introduced-connected') && !(attendanceTie && (!row.other_visible || row.self_visible === false)));
      if (!shown) {
        hidden += 1;
        continue;
      }
      visible.push({
        personId: row.other_id,
        displayName: row.display_name,
        kind: row.kind,
        type: row.type,
        weight: Math.round(row.weight * 1000) / 1000,
        evidenceCount: row.evidence_count,
        firstAt: new Date(row.first_at).toISOString(),
        lastAt: new Date(row.last_at).toISOString(),
      });
    }
    return { personId, connections: visible, hiddenConnections: hidden, totalConnections: rows.length };
  }

  /** The event ids behind one tie (admins: audits and replays). */
  async evidence(a: string, b: string): Promise<Array<{ type: string; context: string; eventIds: string[]; occurredAt: string }>> {
    const [source, target] = a < b ? [a, b] : [b, a];
    const rows: Array<{ type: string; context: string; event_ids: string[]; occurred_at: Date }> = await this.dataSource.query(
      `SELECT type, context, event_ids, occurred_at FROM edge_evidence WHERE source_id = $1 AND target_id = $2 ORDER BY type, occurred_at, context`,
      [source, target],
    );
    return rows.map((r) => ({ type: r.type, context: r.context, eventIds: r.event_ids, occurredAt: new Date(r.occurred_at).toISOString() }));
  }

  async rebuild(): Promise<{ edges: number }> {
    return this.dataSource.transaction((manager) => this.graph.rebuild(manager));
  }

  /** A fingerprint of the whole graph, to compare an incremental build with a rebuild or a replay. */
  async fingerprint(): Promise<{ edges: number; evidence: number; digest: string }> {
    const [row] = await this.dataSource.query(
      `SELECT (SELECT count(*) FROM graph_edges)::int AS edges, (SELECT count(*) FROM edge_evidence)::int AS evidence,
              md5(COALESCE((SELECT string_agg(source_id::text || target_id::text || type || round(weight::numeric, 6) || evidence_count, ',' ORDER BY source_id, target_id, type) FROM graph_edges), '')
                  || COALESCE((SELECT string_agg(source_id::text || target_id::text || type || context || array_to_string(event_ids, ';'), ',' ORDER BY source_id, target_id, type, context) FROM edge_evidence), '')) AS digest`,
    );
    return row;
  }
}
