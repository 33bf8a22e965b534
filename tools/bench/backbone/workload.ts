// The backbone benchmark's workload: the learning service's bulk path on the writing side and the
// analytics service's projection on the consuming side, with the same tables and statements as the
// real services (module_completions + outbox; module_completion_counts + a per-learner row).
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { ModuleCompletedV1, type ModuleCompletedV1Payload } from '@socialmakers/contracts';
import { EventOutbox, sourceOf, toKafkaRecord, type EventEnvelope, type KafkaRecord, type PendingEvent } from '@socialmakers/messaging';

const COUNTRIES = ['SI', 'IT', 'AT', 'HR', 'DE', 'FR', 'ES', 'PT'];
const MODULES = 40;

/** Learners the events are spread over (the Kafka key); a learner completes one module after another. */
export const LEARNERS = 10_000;
const learners = Array.from({ length: LEARNERS }, () => randomUUID());

/** The i-th completion of a phase: learner i mod LEARNERS, so a (learner, module) pair never repeats below LEARNERS x MODULES. */
export function completion(courseKey: string, i: number): ModuleCompletedV1Payload {
  return {
    personId: learners[i % LEARNERS],
    courseKey,
    moduleKey: `m-${String(Math.floor(i / LEARNERS) % MODULES).padStart(3, '0')}`,
    country: COUNTRIES[i % COUNTRIES.length],
    score: i % 101,
    completedAt: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
  };
}

/** Records of exactly the pipeline's shape and size (CloudEvents binary mode), for the bare ceiling. */
export function sampleRecords(count: number): KafkaRecord[] {
  return Array.from({ length: count }, (_, i) => {
    const payload = completion('bench-bare', i);
    const envelope: EventEnvelope = {
      id: randomUUID(),
      source: sourceOf('learning'),
      type: ModuleCompletedV1.type,
      subject: `person/${payload.personId}`,
      time: new Date().toISOString(),
      specversion: '1.0',
      datacontenttype: 'application/json',
      data: payload,
      partitionkey: payload.personId,
    };
    return toKafkaRecord(envelope);
  });
}

/** The learning service's table and the analytics projection's tables (same shapes as their migrations). */
export async function createWorkloadTables(dataSource: DataSource): Promise<void> {
  await dataSource.query(`
    CREATE TABLE module_completions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      person_id uuid NOT NULL,
      course_key text NOT NULL,
      module_key text NOT NULL,
      country char(2),
      score smallint CHECK (score BETWEEN 0 AND 100),
      completed_at timestamptz NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now()
    )`);
  await dataSource.query(`CREATE UNIQUE INDEX module_completions_person_module_idx ON module_completions (person_id, course_key, module_key)`);
  await dataSource.query(`
    CREATE TABLE module_completion_counts (
      course_key text NOT NULL,
      module_key text NOT NULL,
      country text NOT NULL,
      completions integer NOT NULL CHECK (completions >= 0),
      PRIMARY KEY (course_key, module_key, country)
    )`);
  await dataSource.query(`
    CREATE TABLE learner_progress (
      person_id uuid PRIMARY KEY,
      modules_completed integer NOT NULL,
      best_score smallint,
      last_completed_at timestamptz NOT NULL
    )`);
}

const outbox = new EventOutbox('learning');

/**
 * The learning service's bulk path (an import of completions from a partner platform): one
 * transaction per batch records the completions with one multi-row INSERT, skipping those already
 * known, and publishes an event for each new one through the outbox, in the same transaction.
 * Returns the number of events published.
 */
export async function recordCompletions(dataSource: DataSource, completions: ModuleCompletedV1Payload[]): Promise<number> {
  return dataSource.transaction(async (manager) => {
    const inserted: Array<{ person_id: string; module_key: string }> = await manager.query(
      `INSERT INTO module_completions (person_id, course_key, module_key, country, score, completed_at)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::char(2)[], $5::smallint[], $6::timestamptz[])
       ON CONFLICT (person_id, course_key, module_key) DO NOTHING
       RETURNING person_id, module_key`,
      [
        completions.map((c) => c.personId),
        completions.map((c) => c.courseKey),
        completions.map((c) => c.moduleKey),
        completions.map((c) => c.country ?? null),
        completions.map((c) => c.score ?? null),
        completions.map((c) => c.completedAt),
      ],
    );
    const fresh = new Set(inserted.map((row) => `${row.person_id} ${row.module_key}`));
    const events: PendingEvent[] = completions
      .filter((c) => fresh.has(`${c.personId} ${c.moduleKey}`))
      .map((payload) => ({ type: ModuleCompletedV1.type, payload }));
    await outbox.publishAll(manager, events);
    return events.length;
  });
}

/**
 * The analytics projection: counts the completion per course, module and country (the analytics
 * service's own upsert) and keeps a per-learner progress row. Two statements per event, run in the
 * consumer's chunk transaction next to the inbox insert.
 */
export async function projectCompletion(envelope: EventEnvelope, manager: EntityManager): Promise<void> {
  const c = envelope.data as ModuleCompletedV1Payload;
  await manager.query(
    `INSERT INTO module_completion_counts (course_key, module_key, country, completions) VALUES ($1, $2, $3, 1)
     ON CONFLICT (course_key, module_key, country) DO UPDATE SET completions = module_completion_counts.completions + 1`,
    [c.courseKey, c.moduleKey, c.country ?? ''],
  );
  await manager.query(
    `INSERT INTO learner_progress (person_id, modules_completed, best_score, last_completed_at) VALUES ($1, 1, $2, $3)
     ON CONFLICT (person_id) DO UPDATE SET
       modules_completed = learner_progress.modules_completed + 1,
       best_score = greatest(learner_progress.best_score, excluded.best_score),
       last_completed_at = greatest(learner_progress.last_completed_at, excluded.last_completed_at)`,
    [c.personId, c.score ?? null, c.completedAt],
  );
}

/**
 * The same projection written set-wise for ConsumerRunner's `handleBatch`: the same two upserts, each
 * one multi-row statement per chunk (grouped first, since one statement may not update a row twice).
 * Counts and maxima do not depend on the order of the events, so per-key order is kept trivially.
 */
export async function projectCompletions(envelopes: EventEnvelope[], manager: EntityManager): Promise<void> {
  const cs = envelopes.map((envelope) => envelope.data as ModuleCompletedV1Payload);
  await manager.query(
    `INSERT INTO module_completion_counts (course_key, module_key, country, completions)
     SELECT course_key, module_key, country, count(*) FROM unnest($1::text[], $2::text[], $3::text[]) AS e(course_key, module_key, country)
      GROUP BY course_key, module_key, country
     ON CONFLICT (course_key, module_key, country) DO UPDATE SET completions = module_completion_counts.completions + excluded.completions`,
    [cs.map((c) => c.courseKey), cs.map((c) => c.moduleKey), cs.map((c) => c.country ?? '')],
  );
  await manager.query(
    `INSERT INTO learner_progress (person_id, modules_completed, best_score, last_completed_at)
     SELECT person_id, count(*), max(score), max(completed_at) FROM unnest($1::uuid[], $2::smallint[], $3::timestamptz[]) AS e(person_id, score, completed_at)
      GROUP BY person_id
     ON CONFLICT (person_id) DO UPDATE SET
       modules_completed = learner_progress.modules_completed + excluded.modules_completed,
       best_score = greatest(learner_progress.best_score, excluded.best_score),
       last_completed_at = greatest(learner_progress.last_completed_at, excluded.last_completed_at)`,
    [cs.map((c) => c.personId), cs.map((c) => c.score ?? null), cs.map((c) => c.completedAt)],
  );
}

/** Completions projected (committed) for one course: what the throughput phases poll. */
export async function projectedCount(dataSource: DataSource, courseKey: string): Promise<number> {
  const [row] = await dataSource.query(`SELECT coalesce(sum(completions), 0)::int AS n FROM module_completion_counts WHERE course_key = $1`, [
    courseKey,
  ]);
  return row.n;
}
