import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AttendanceRecordedV1Payload, EnrolmentCreatedV1Payload, ModuleCompletedV1Payload } from '@socialmakers/contracts';
import { returnedRows } from '../common/returned-rows';
import { cohortOf, edgeWeightSql, EdgeType } from './edge-weight';

interface Evidence {
  a: string;
  b: string;
  type: EdgeType;
  context: string;
  eventIds: string[];
  occurredAt: string;
}

/**
 * Builds the graph from facts: consumed events (attendance, completions, enrolments) and the service's
 * own commands (profiles, accepted introductions). Every fact is stored first, and edges are derived
 * from stored facts, so the graph does not depend on the order events arrive in, and a redelivered
 * event adds nothing (every insert is keyed).
 */
@Injectable()
export class GraphProjectionService {
  /** A person seen anywhere becomes a node at once; a profile later is the same row. */
  async ensureNode(manager: EntityManager, personId: string, country: string | null | undefined, seenAt: string): Promise<void> {
    await manager.query(
      `INSERT INTO person_nodes (person_id, country, first_seen_at) VALUES ($1, $2, $3)
       ON CONFLICT (person_id) DO UPDATE SET country = COALESCE(person_nodes.country, EXCLUDED.country),
         first_seen_at = LEAST(person_nodes.first_seen_at, EXCLUDED.first_seen_at)`,
      [personId, country ?? null, seenAt],
    );
  }

  async recordEnrolment(manager: EntityManager, enrolment: EnrolmentCreatedV1Payload): Promise<void> {
    await this.ensureNode(manager, enrolment.personId, enrolment.country, enrolment.enrolledAt);
  }

  async recordAttendance(manager: EntityManager, attendance: AttendanceRecordedV1Payload, eventId: string): Promise<void> {
    await this.ensureNode(manager, attendance.personId, attendance.personCountry, attendance.attendedAt);
    const inserted: unknown[] = await manager.query(
      `INSERT INTO participations (activity_id, person_id, kind, country, module_key, attended_at, event_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING person_id`,
      [attendance.activityId, attendance.personId, attendance.kind, attendance.country, attendance.moduleKey ?? null, attendance.attendedAt, eventId],
    );
    if (inserted.length === 0) return;
    const context = `activity:${attendance.activityId}`;
    const others: Array<{ person_id: string; event_id: string; attended_at: Date }> = await manager.query(
      `SELECT person_id, event_id, attended_at FROM participations WHERE activity_id = $1 AND person_id <> $2`,
      [attendance.activityId, attendance.personId],
    );
    const evidence: Evidence[] = others.map((o) => ({
      a: attendance.personId,
      b: o.person_id,
      type: EdgeType.CoAttended,
      context,
      eventIds: [o.event_id, eventId].sort(),
      occurredAt: later(o.attended_at, attendance.attendedAt),
    }));
    for (const lecturerId of new Set(attendance.lecturerIds)) {
      if (lecturerId === attendance.personId) continue;
      await this.ensureNode(manager, lecturerId, null, attendance.attendedAt);
      evidence.push({ a: lecturerId, b: attendance.personId, type: EdgeType.Lectured, context, eventIds: [eventId], occurredAt: attendance.attendedAt });
    }
    await this.addEvidence(manager, evidence);
  }

  async recordModuleCompletion(manager: EntityManager, completion: ModuleCompletedV1Payload, eventId: string): Promise<void> {
    await this.ensureNode(manager, completion.personId, completion.country, completion.completedAt);
    const inserted: unknown[] = await manager.query(
      `INSERT INTO node_module_progress (person_id, course_key, module_key, completed_at, event_id, country) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT DO NOTHING RETURNING person_id`,
      [completion.personId, completion.courseKey, completion.moduleKey, completion.completedAt, eventId, completion.country ?? null],
    );
    if (inserted.length === 0) return;
    const cohort = cohortOf(completion.courseKey, completion.moduleKey, completion.completedAt, completion.country);
    const peers: Array<{ person_id: string; event_id: string; completed_at: Date }> = await manager.query(
      `SELECT person_id, event_id, completed_at FROM node_module_progress
        WHERE course_key = $1 AND module_key = $2 AND person_id <> $3
          AND date_trunc('month', completed_at AT TIME ZONE 'UTC') = date_trunc('month', $4::timestamptz AT TIME ZONE 'UTC')
          AND country IS NOT DISTINCT FROM $5`,
      [completion.courseKey, completion.moduleKey, completion.personId, completion.completedAt, completion.country ?? null],
    );
    await this.addEvidence(
      manager,
      peers.map((p) => ({
        a: completion.personId,
        b: p.person_id,
        type: EdgeType.SameCohort,
        context: cohort,
        eventIds: [p.event_id, eventId].sort(),
        occurredAt: later(p.completed_at, completion.completedAt),
      })),
    );
  }

  /** Member of an organisation: replaces any earlier membership of the person. */
  async setMembership(manager: EntityManager, personId: string, organisationId: string | null, eventId: string, at: string): Promise<void> {
    const stale = returnedRows<{ source_id: string; target_id: string }>(
      await manager.query(
      `DELETE FROM edge_evidence WHERE type = $1 AND (source_id = $2 OR target_id = $2) AND context <> $3 RETURNING source_id, target_id`,
        [EdgeType.MemberOf, personId, `organisation:${organisationId ?? ''}`],
      ),
    );
    if (stale.length > 0) await this.refreshEdges(manager, stale.map((s) => ({ a: s.source_id, b: s.target_id, type: EdgeType.MemberOf })));
    if (organisationId) {
      await this.addEvidence(manager, [{ a: personId, b: organisationId, type: EdgeType.MemberOf, context: `organisation:${organisationId}`, eventIds: [eventId], occurredAt: at }]);
    }
  }

  async addConnection(manager: EntityManager, a: string, b: string, introductionId: string, eventId: string, at: string): Promise<void> {
    await this.addEvidence(manager, [{ a, b, type: EdgeType.Connected, context: `introduction:${introductionId}`, eventIds: [eventId], occurredAt: at }]);
  }

  /** Inserts evidence (duplicates ignored) and recomputes the weight of every edge it touches. */
  async addEvidence(manager: EntityManager, evidence: Evidence[]): Promise<void> {
    if (evidence.length === 0) return;
    const rows = evidence.map((e) => (e.a < e.b ? e : { ...e, a: e.b, b: e.a }));
    await manager.query(
      `INSERT INTO edge_evidence (source_id, target_id, type, context, event_ids, occurred_at)
       SELECT s, t, ty, c, string_to_array(ids, ','), at FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::timestamptz[]) AS x(s, t, ty, c, ids, at)
       ON CONFLICT DO NOTHING`,
      [rows.map((r) => r.a), rows.map((r) => r.b), rows.map((r) => r.type), rows.map((r) => r.context), rows.map((r) => r.eventIds.join(',')), rows.map((r) => r.occurredAt)],
    );
    await this.refreshEdges(manager, rows);
  }

  private async refreshEdges(manager: EntityManager, pairs: Array<{ a: string; b: string; type: string }>): Promise<void> {
    const keyed = pairs.map((p) => (p.a < p.b ? p : { ...p, a: p.b, b: p.a }));
    const params = [keyed.map((p) => p.a), keyed.map((p) => p.b), keyed.map((p) => p.type)];
    await manager.query(
      `DELETE FROM graph_edges g USING unnest($1::uuid[], $2::uuid[], $3::text[]) AS x(s, t, ty)
        WHERE g.source_id = x.s AND g.target_id = x.t AND g.type = x.ty
          AND NOT EXISTS (SELECT 1 FROM edge_evidence e WHERE e.source_id = x.s AND e.target_id = x.t AND e.type = x.ty)`,
      params,
    );
    await manager.query(
      `INSERT INTO graph_edges (source_id, target_id, type, weight, evidence_count, first_at, last_at)
       SELECT e.source_id, e.target_id, e.type, ${edgeWeightSql('count(*)')}, count(*), min(e.occurred_at), max(e.occurred_at)
         FROM edge_evidence e JOIN (SELECT DISTINCT * FROM unnest($1::uuid[], $2::uuid[], $3::text[])) AS x(s, t, ty)
           ON e.source_id = x.s AND e.target_id = x.t AND e.type = x.ty
        GROUP BY e.source_id, e.target_id, e.type
       ON CONFLICT (source_id, target_id, type) DO UPDATE
         SET weight = EXCLUDED.weight, evidence_count = EXCLUDED.evidence_count, first_at = EXCLUDED.first_at, last_at = EXCLUDED.last_at`,
      params,
    );
  }

  /**
   * Drops the derived graph and derives it again from the stored facts, in one transaction: pairs
   * (co-attendance, cohorts) come from participations and completions; lectures, memberships and
   * connections are facts stored as evidence directly. The result equals the incrementally built graph.
   */
  async rebuild(manager: EntityManager): Promise<{ edges: number }> {
    await manager.query(`DELETE FROM graph_edges`);
    await manager.query(`DELETE FROM edge_evidence WHERE type IN ($1, $2)`, [EdgeType.CoAttended, EdgeType.SameCohort]);
    await manager.query(
      `INSERT INTO edge_evidence (source_id, target_id, type, context, event_ids, occurred_at)
       SELECT a.person_id, b.person_id, $1, 'activity:' || a.activity_id, ARRAY(SELECT unnest(ARRAY[a.event_id, b.event_id]) ORDER BY 1), GREATEST(a.attended_at, b.attended_at)
         FROM participations a JOIN participations b ON a.activity_id = b.activity_id AND a.person_id < b.person_id`,
      [EdgeType.CoAttended],
    );
    await manager.query(
      `INSERT INTO edge_evidence (source_id, target_id, type, context, event_ids, occurred_at)
       SELECT a.person_id, b.person_id, $1,
              'cohort:' || a.course_key || '/' || a.module_key || '/' || to_char(a.completed_at AT TIME ZONE 'UTC', 'YYYY-MM') || '/' || COALESCE(a.country, '--'),
              ARRAY(SELECT unnest(ARRAY[a.event_id, b.event_id]) ORDER BY 1), GREATEST(a.completed_at, b.completed_at)
         FROM node_module_progress a JOIN node_module_progress b
           ON a.course_key = b.course_key AND a.module_key = b.module_key AND a.person_id < b.person_id
          AND date_trunc('month', a.completed_at AT TIME ZONE 'UTC') = date_trunc('month', b.completed_at AT TIME ZONE 'UTC')
          AND a.country IS NOT DISTINCT FROM b.country`,
      [EdgeType.SameCohort],
    );
    await manager.query(
      `INSERT INTO graph_edges (source_id, target_id, type, weight, evidence_count, first_at, last_at)
       SELECT source_id, target_id, type, ${edgeWeightSql('count(*)')}, count(*), min(occurred_at), max(occurred_at)
         FROM edge_evidence GROUP BY source_id, target_id, type`,
    );
    return { edges: Number((await manager.query(`SELECT count(*) AS n FROM graph_edges`))[0].n) };
  }
}

function later(a: Date | string, b: Date | string): string {
  const [x, y] = [new Date(a), new Date(b)];
  return (x > y ? x : y).toISOString();
}
