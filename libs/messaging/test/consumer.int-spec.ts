import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import { CoursePublishedV1, deadLetterTopicFor, ModuleCompletedV1, type ModuleCompletedV1Payload } from '@socialmakers/contracts';
import {
  ConsumerRunner,
  createEventProducer,
  DeadLetterStore,
  messagingMetrics,
  recordDataOf,
  sourceOf,
  toKafkaRecord,
  type ConsumerRunnerOptions,
  type EventEnvelope,
  type EventHandler,
  type MembershipChange,
} from '@socialmakers/messaging';
import { adminDatabaseUrl, produceRaw, waitFor } from '@socialmakers/testing';
import {
  appliedCounts,
  committedOffset,
  completion,
  completionEvent,
  freshGroup,
  freshTopic,
  MessagingDatabase,
  produceEvents,
  project,
  readRecords,
  recordCount,
  testKafka,
  waitUntilCaughtUp,
} from './support';

/** A course published with the given title (free text, unlike a completion's fields). */
function courseEvent(title: string): EventEnvelope {
  const courseKey = 'social-innovation-academy';
  const module = { moduleKey: 'financing', position: 1, title: { en: 'Financing' }, summary: { en: 'Grants and loans.' }, required: true };
  return {
    id: randomUUID(), source: sourceOf('learning'), type: CoursePublishedV1.type, subject: `course/${courseKey}`, time: new Date().toISOString(),
    specversion: '1.0', datacontenttype: 'application/json', partitionkey: courseKey,
    data: { courseKey, title: { en: title }, summary: { en: 'Seven modules.' }, modules: [module], publishedAt: '2026-01-01T00:00:00.000Z' },
  } as EventEnvelope;
}

describe('ConsumerRunner (real Kafka and PostgreSQL)', () => {
  const kafka = testKafka('consumer-it');
  const producer = createEventProducer(kafka);
  const cleanups: Array<() => Promise<unknown>> = [];
  let db: MessagingDatabase;
  let topic: string;
  let group: string;

  beforeAll(async () => {
    db = await MessagingDatabase.create('consumer');
    await producer.connect();
  });

  beforeEach(async () => {
    // One topic and one group per test: a new group reads from offset 0, and sees this test's records only.
    [topic, group] = await Promise.all([freshTopic(kafka), freshGroup(kafka)]);
  });

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  afterAll(async () => {
    await producer.disconnect();
    await db?.close();
  });

  function runner(options: Partial<ConsumerRunnerOptions> = {}): ConsumerRunner {
    const created = new ConsumerRunner({
      kafka,
      dataSource: db.dataSource,
      producer,
      group,
      topics: [topic],
      handledTypes: new Set([ModuleCompletedV1.type]),
      handle: project,
      retryInitialMs: 50,
      retryMaxMs: 200,
      ...options,
    });
    cleanups.push(() => created.stop());
    return created;
  }

  async function deadLetters() {
    return readRecords(deadLetterTopicFor(group).name);
  }

  it('projects an event delivered twice once, in one batch and across batches', async () => {
    const [twice, other] = [completionEvent(), completionEvent()];
    await produceEvents(topic, [twice, twice, other]);
    await runner().start();
    await waitUntilCaughtUp(kafka, group, topic);
    await produceEvents(topic, [twice]);
    await waitUntilCaughtUp(kafka, group, topic);

    expect(await appliedCounts(db.dataSource, [twice.id, other.id])).toEqual(new Map([[twice.id, 1], [other.id, 1]]));
    const [inbox] = await db.dataSource.query(`SELECT count(*)::int AS n FROM inbox WHERE consumer_group = $1`, [group]);
    expect(inbox.n).toBe(2);
    expect(await consumedCount(group, 'duplicate')).toBe(2);
  });

  it('leaves projections unchanged when the group replays its topic from offset 0', async () => {
    const events = Array.from({ length: 20 }, (_, index) => completionEvent(completion(randomUUID(), index + 1)));
    await produceEvents(topic, events);
    const first = runner();
    await first.start();
    await waitUntilCaughtUp(kafka, group, topic);
    const before = await projectionOf(db.dataSource, events);
    expect(before).toHaveLength(20);
    await first.stop();

    const admin = kafka.admin();
    await admin.connect();
    await waitFor('the offsets to reset once the group is empty', () => admin.resetOffsets({ groupId: group, topic, earliest: true }).then(() => true), Boolean);
    await admin.disconnect();
    const duplicatesBefore = await consumedCount(group, 'duplicate');

    await runner().start();
    await waitUntilCaughtUp(kafka, group, topic);
    expect(await consumedCount(group, 'duplicate')).toBe(duplicatesBefore + events.length);
    expect(await projectionOf(db.dataSource, events)).toEqual(before);
  });

  it('dead-letters malformed, unknown-type and contract-breaking records with where they came from and why, then goes on', async () => {
    const unknownType = toKafkaRecord(completionEvent());
    unknownType.headers['ce_type'] = 'org.socialmakers.learning.module.completed.v9';
    const breaksContract = toKafkaRecord(
      completionEvent({ ...completion(), personId: 'not-a-uuid', moduleKey: 'Module One' } as ModuleCompletedV1Payload),
    );
    const valid = completionEvent();
    const bad = [{ key: 'junk', value: 'not json' }, unknownType, breaksContract];
    await produceRaw(topic, [...bad, toKafkaRecord(valid)]);

    await runner().start();
    await waitUntilCaughtUp(kafka, group, topic);

    expect(await appliedCounts(db.dataSource, [valid.id])).toEqual(new Map([[valid.id, 1]]));
    const letters = await deadLetters();
    expect(letters.map((letter) => letter.value)).toEqual(bad.map((record) => record.value));
    expect(letters.map((letter) => letter.headers['dlt.reason'])).toEqual(['malformed', 'unknown-type', 'contract']);
    letters.forEach((letter, index) => {
      expect(letter.headers).toMatchObject({
        'dlt.original.topic': topic,
        'dlt.original.partition': '0',
        'dlt.original.offset': String(index), // the test's own topic starts at offset 0
        'dlt.consumer.group': group,
        'dlt.attempts': '1',
      });
    });
    const messages = letters.map((letter) => letter.headers['dlt.exception.message']);
    expect(messages[0]).toMatch(/ce_id/);
    expect(messages[1]).toMatch(/unknown event type.*completed\.v9/);
    expect(messages[2]).toMatch(/personId.*moduleKey|moduleKey.*personId/);
  });

  it("hands a handler each record's value as the data's JSON only when the checked data is exactly it", async () => {
    const asGiven = completionEvent();
    const withUnknownField = completionEvent();
    const extended = toKafkaRecord(withUnknownField);
    extended.value = JSON.stringify({ ...withUnknownField.data, addedInALaterRelease: 'yes' });
    // A title in Latin-1, not UTF-8: read as text it holds a replacement character, which its bytes do not.
    const published = courseEvent('Caf\u00e9');
    const publishedRecord = toKafkaRecord(published);
    const latin1 = { ...publishedRecord, value: Buffer.from(publishedRecord.value, 'latin1') };
    await produceRaw(topic, [toKafkaRecord(asGiven), extended, latin1]);
    const seen = new Map<string, { data: unknown; recordData?: string }>();
    await runner({
      handledTypes: new Set([ModuleCompletedV1.type, CoursePublishedV1.type]),
      handle: async (envelope, manager) => {
        seen.set(envelope.id, { data: envelope.data, recordData: recordDataOf(envelope)?.toString() });
        if (envelope.type === ModuleCompletedV1.type) await project(envelope, manager);
      },
    }).start();
    await waitUntilCaughtUp(kafka, group, topic);

    expect(seen.get(asGiven.id)?.recordData).toBe(toKafkaRecord(asGiven).value);
    expect(JSON.parse(seen.get(asGiven.id)!.recordData!)).toEqual(seen.get(asGiven.id)!.data);
    // The unknown field is dropped from the data, so the value is not its JSON.
    expect(seen.get(withUnknownField.id)).toEqual({ data: withUnknownField.data, recordData: undefined });
    expect(seen.get(published.id)).toEqual({ data: expect.objectContaining({ title: { en: 'Caf\ufffd' } }), recordData: undefined });
  });

  it('retries a poison event maxAttempts times, dead-letters it with its attempts, and processes the next event', async () => {
    const [poison, next] = [completionEvent(), completionEvent()];
    const calls = new Map<string, number>();
    const handle: EventHandler = async (envelope, manager) => {
      calls.set(envelope.id, (calls.get(envelope.id) ?? 0) + 1);
      if (envelope.id === poison.id) throw new Error('the projection rejects this event');
      await project(envelope, manager);
    };
    await produceEvents(topic, [poison, next]);
    await runner({ handle, maxAttempts: 3 }).start();
    await waitUntilCaughtUp(kafka, group, topic);

    expect(calls.get(poison.id)).toBe(3);
    expect(await appliedCounts(db.dataSource, [poison.id, next.id])).toEqual(new Map([[next.id, 1]]));
    const letters = await deadLetters();
    expect(letters).toHaveLength(1);
    expect(letters[0].headers).toMatchObject({
      ce_id: poison.id,
      'dlt.reason': 'handler',
      'dlt.attempts': '3',
      'dlt.exception.class': 'Error',
      'dlt.exception.message': 'the projection rejects this event',
      'dlt.original.offset': '0',
    });
  });

  it('keeps its membership through a handler slower than the session timeout', async () => {
    const [slow, after] = [completionEvent(), completionEvent()];
    const changes: MembershipChange[] = [];
    let slowCalls = 0;
    const handle: EventHandler = async (envelope, manager) => {
      if (envelope.id === slow.id) {
        slowCalls += 1;
        await sleep(9_000);
      }
      await project(envelope, manager);
    };
    await produceEvents(topic, [slow, after]);
    await runner({ handle, sessionTimeoutMs: 6_000, heartbeatIntervalMs: 1_000, onMembershipChange: (change) => changes.push(change) }).start();
    await waitUntilCaughtUp(kafka, group, topic, 45_000);

    expect(changes).toEqual(['joined']);
    expect(slowCalls).toBe(1);
    expect(await appliedCounts(db.dataSource, [slow.id, after.id])).toEqual(new Map([[slow.id, 1], [after.id, 1]]));
  });

  it('applies a dead letter replayed twice once, and lists the letters with their reasons', async () => {
    const poison = completionEvent();
    let fixed = false;
    const handle: EventHandler = async (envelope, manager) => {
      if (envelope.id === poison.id && !fixed) throw new Error('projection bug #42');
      await project(envelope, manager);
    };
    await produceRaw(topic, [toKafkaRecord(poison), { key: 'junk', value: 'not json' }]);
    await runner({ handle, maxAttempts: 2 }).start();
    await waitUntilCaughtUp(kafka, group, topic);

    const store = new DeadLetterStore(kafka, group);
    const letters = await store.list();
    const summary = letters.map(({ reason, eventId, attempts, originalTopic, originalOffset }) => ({ reason, eventId, attempts, originalTopic, originalOffset }));
    expect(summary).toEqual(
      expect.arrayContaining([
        { reason: 'handler', eventId: poison.id, attempts: 2, originalTopic: topic, originalOffset: '0' },
        { reason: 'malformed', eventId: undefined, attempts: 1, originalTopic: topic, originalOffset: '1' },
      ]),
    );
    expect(letters).toHaveLength(2);
    const handlerLetter = letters.find((letter) => letter.reason === 'handler')!;
    expect(handlerLetter.exceptionMessage).toBe('projection bug #42');

    fixed = true;
    await store.replay(producer, [handlerLetter.offset]);
    await store.replay(producer, [handlerLetter.offset]);
    await waitUntilCaughtUp(kafka, group, topic);

    expect(await recordCount(kafka, topic)).toBe(4);
    expect(await appliedCounts(db.dataSource, [poison.id])).toEqual(new Map([[poison.id, 1]]));
    expect(await store.list()).toHaveLength(2);
  });

  it('holds its offset while its database is down, dead-letters nothing, and projects the event once it is back', async () => {
    const own = await MessagingDatabase.create('consumer_db_down');
    cleanups.push(async () => {
      await allowConnections(own.database.name, true);
      await own.close();
    });
    const failedTransactions = countFailedTransactions(own.dataSource);
    const [before, during] = [completionEvent(), completionEvent()];
    await produceEvents(topic, [before]);
    await runner({ dataSource: own.dataSource }).start();
    await waitUntilCaughtUp(kafka, group, topic);

    await allowConnections(own.database.name, false);
    try {
      await produceEvents(topic, [during]);
      await waitFor('the runner to fail against the database', async () => failedTransactions(), (n) => n >= 2, { timeoutMs: 15_000 });
      await sleep(3_000);
      // `before` is at offset 0 and `during` at 1: the group has committed up to `during`, not past it.
      expect(await committedOffset(kafka, group, topic)).toBe(1);
      expect(await recordCount(kafka, deadLetterTopicFor(group).name)).toBe(0);
    } finally {
      await allowConnections(own.database.name, true);
    }

    await waitUntilCaughtUp(kafka, group, topic, 60_000);
    expect(await appliedCounts(own.dataSource, [before.id, during.id])).toEqual(new Map([[before.id, 1], [during.id, 1]]));
    expect(await recordCount(kafka, deadLetterTopicFor(group).name)).toBe(0);
  });
});

async function projectionOf(dataSource: DataSource, events: EventEnvelope[]): Promise<unknown[]> {
  return dataSource.query(`SELECT * FROM test_completions WHERE event_id = ANY($1::uuid[]) ORDER BY event_id`, [events.map((event) => event.id)]);
}

async function consumedCount(group: string, outcome: 'processed' | 'duplicate'): Promise<number> {
  const { values } = await messagingMetrics.consumed.get();
  return values.filter((value) => value.labels.group === group && value.labels.outcome === outcome).reduce((sum, value) => sum + value.value, 0);
}

/** Counts the transactions the runner could not run (it always uses the one-argument form). */
function countFailedTransactions(dataSource: DataSource): () => number {
  let failures = 0;
  const transaction = dataSource.transaction.bind(dataSource) as (work: (manager: EntityManager) => Promise<unknown>) => Promise<unknown>;
  Object.assign(dataSource, {
    transaction: (work: (manager: EntityManager) => Promise<unknown>) =>
      transaction(work).catch((error: unknown) => {
        failures += 1;
        throw error;
      }),
  });
  return () => failures;
}

/** Takes a database off line (refusing new connections, ending current ones), or back on line. */
async function allowConnections(database: string, allowed: boolean): Promise<void> {
  const admin = new Client({ connectionString: adminDatabaseUrl() });
  await admin.connect();
  try {
    await admin.query(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS ${allowed}`);
    if (!allowed) await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [database]);
  } finally {
    await admin.end();
  }
}
