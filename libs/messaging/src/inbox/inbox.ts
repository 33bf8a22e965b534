import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '../envelope/event-envelope';

export function inboxKey(envelope: Pick<EventEnvelope, 'source' | 'id'>): string {
  return `${envelope.source} ${envelope.id}`;
}

/**
 * Records the events as processed by this consumer group, inside the caller's transaction, and
 * returns the keys of those seen for the first time. Dedupe is by CloudEvents source + id, per group.
 */
export async function claimInInbox(manager: EntityManager, group: string, envelopes: EventEnvelope[]): Promise<Set<string>> {
  if (envelopes.length === 0) return new Set();
  const rows: Array<{ event_source: string; event_id: string }> = await manager.query(
    `INSERT INTO inbox (consumer_group, event_source, event_id, event_type)
     SELECT $1, s, i, t FROM unnest($2::text[], $3::text[], $4::text[]) AS u(s, i, t)
     ON CONFLICT DO NOTHING
     RETURNING event_source, event_id`,
    [group, envelopes.map((e) => e.source), envelopes.map((e) => e.id), envelopes.map((e) => e.type)],
  );
  return new Set(rows.map((row) => inboxKey({ source: row.event_source, id: row.event_id })));
}
