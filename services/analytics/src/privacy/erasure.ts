import type { EntityManager } from 'typeorm';
import { PersonErasedV1, type PayloadOf } from '@socialmakers/contracts';
import type { EventEnvelope } from '@socialmakers/messaging';

/** Payload fields that hold one person's id, and those that hold several. */
const PERSON_FIELDS = ['personId', 'requesterId', 'recipientId', 'otherPersonId', 'organiserId'] as const;
const PERSON_LIST_FIELDS = ['lecturerIds'] as const;
/** Fields that show whose record it is by themselves (a certificate's public verification code): dropped. */
const IDENTIFYING_FIELDS = ['verificationCode'] as const;

/** Every column of analytics' tables that holds a person id (lecturers are people too). */
const PERSON_COLUMNS: Array<[table: string, column: string]> = [
  ['enrolment_events', 'person_id'],
  ['enrolment_years', 'person_id'],
  ['module_completions', 'person_id'],
  ['course_completions', 'person_id'],
  ['certificates', 'person_id'],
  ['attendances', 'person_id'],
  ['reach_people', 'person_id'],
  ['stakeholders', 'person_id'],
  ['introductions', 'requester_id'],
  ['introductions', 'recipient_id'],
  ['connections', 'person_id'],
  ['connections', 'other_person_id'],
];

function personIdsOf(envelope: EventEnvelope): string[] {
  const data = envelope.data as unknown as Record<string, unknown>;
  const ids: string[] = [];
  for (const field of PERSON_FIELDS) if (typeof data[field] === 'string') ids.push(data[field] as string);
  for (const field of PERSON_LIST_FIELDS) if (Array.isArray(data[field])) ids.push(...(data[field] as string[]));
  return ids;
}

function replaceIds(envelope: EventEnvelope, anonymous: ReadonlyMap<string, string>): EventEnvelope {
  const ids = personIdsOf(envelope);
  if (!ids.some((id) => anonymous.has(id))) return envelope;
  const swap = (id: string) => anonymous.get(id) ?? id;
  const data = { ...(envelope.data as unknown as Record<string, unknown>) };
  for (const field of PERSON_FIELDS) if (typeof data[field] === 'string') data[field] = swap(data[field] as string);
  for (const field of PERSON_LIST_FIELDS) if (Array.isArray(data[field])) data[field] = (data[field] as string[]).map(swap);
  for (const field of IDENTIFYING_FIELDS) delete data[field];
  let subject = envelope.subject;
  for (const [id, anon] of anonymous) subject = subject?.split(id).join(anon);
  let partitionkey = envelope.partitionkey;
  for (const [id, anon] of anonymous) partitionkey = partitionkey?.split(id).join(anon);
  return { ...envelope, data, subject, partitionkey } as unknown as EventEnvelope;
}

/**
 * Erasure (community's person.erased): analytics keeps no person id of an erased person. Each erased
 * person gets a random anonymous id, and every row that named them is rewritten to it, so the
 * anonymous counts (people per stage, unique people, participants) stay what they were; fields that
 * identify a record's owner by themselves (a certificate's verification code) are dropped from the
 * event log. The erased
 * are remembered by a hash of their id only, so that their events arriving later (a replay reads the
 * topics in any interleaving) are stored under the same anonymous id and never with their own.
 *
 * Call first in a chunk's transaction: it rewrites what was stored before under the ids of the people
 * erased in this chunk, then returns the chunk with every erased person's id replaced. Rewriting
 * first, a repeat in the same chunk of a fact stored before meets its rewritten row (the upsert
 * keeps one), where written first it had made a second row of the same key, and the rewrite failed.
 */
export async function anonymiseErased(
  manager: EntityManager,
  envelopes: EventEnvelope[],
): Promise<EventEnvelope[]> {
  const erasures = envelopes
    .filter((e) => e.type === PersonErasedV1.type)
    .map((e) => e.data as PayloadOf<typeof PersonErasedV1.type>);
  // Most chunks erase no one, and in most programmes no one has been erased yet: then the chunk's
  // ids (gathered and hashed one by one below) need no look-up.
  if (erasures.length === 0) {
    const [{ anyone }] = (await manager.query(`SELECT EXISTS (SELECT 1 FROM erased_people) AS anyone`)) as Array<{ anyone: boolean }>;
    if (!anyone) return envelopes;
  }
  const ids = [...new Set(envelopes.flatMap(personIdsOf))];
  if (ids.length === 0) return envelopes;
  const rows: Array<{ id: string; anonymous_id: string; now: boolean }> = await manager.query(
    `WITH erased AS (
       INSERT INTO erased_people (person_key, anonymous_id, erased_at)
       SELECT sha256(convert_to(p, 'UTF8')), gen_random_uuid(), min(at) FROM unnest($1::text[], $2::timestamptz[]) AS u(p, at) GROUP BY 1
       ON CONFLICT (person_key) DO NOTHING
       RETURNING person_key, anonymous_id
     )
     SELECT u.id, coalesce(n.anonymous_id, e.anonymous_id) AS anonymous_id, n.anonymous_id IS NOT NULL AS now
     FROM unnest($3::text[]) AS u(id)
     LEFT JOIN erased n ON n.person_key = sha256(convert_to(u.id, 'UTF8'))
     LEFT JOIN erased_people e ON e.person_key = sha256(convert_to(u.id, 'UTF8'))
     WHERE n.anonymous_id IS NOT NULL OR e.anonymous_id IS NOT NULL`,
    [erasures.map((e) => e.personId), erasures.map((e) => e.erasedAt), ids],
  );
  if (rows.length === 0) return envelopes;
  const anonymous = new Map(rows.map((row) => [row.id, row.anonymous_id]));
  const erasedNow = rows.filter((row) => row.now);
  if (erasedNow.length > 0) {
    const params = [erasedNow.map((row) => row.id), erasedNow.map((row) => row.anonymous_id)];
    for (const [table, column] of PERSON_COLUMNS) {
      await manager.query(
        `UPDATE ${table} t SET ${column} = m.anon FROM unnest($1::uuid[], $2::uuid[]) AS m(id, anon) WHERE t.${column} = m.id`,
        params,
      );
    }
    // The event log keeps each event's data for the streams and exports: the id goes from there too.
    for (const [id, anon] of erasedNow.map((row) => [row.id, row.anonymous_id])) {
      await manager.query(`UPDATE activities SET lecturer_ids = array_replace(lecturer_ids, $1::uuid, $2::uuid) WHERE $1::uuid = ANY(lecturer_ids)`, [id, anon]);
      await manager.query(
        `UPDATE event_log SET data = replace(data::text, $1, $2)::jsonb - $3::text[], subject = replace(subject, $1, $2)
         WHERE data::text LIKE '%' || $1 || '%' OR subject LIKE '%' || $1 || '%'`,
        [id, anon, IDENTIFYING_FIELDS],
      );
    }
  }
  return envelopes.map((envelope) => replaceIds(envelope, anonymous));
}
