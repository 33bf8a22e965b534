import type { EntityManager } from 'typeorm';
import { deadLetterTopicFor, ModuleCompletedV1, type ModuleCompletedV1Payload } from '@socialmakers/contracts';
import { ConsumerRunner, createEventProducer, type ConsumerRunnerOptions, type EventEnvelope } from '@socialmakers/messaging';
import { waitFor } from '@socialmakers/testing';
import {
  appliedCounts,
  committedOffset,
  completionEvent,
  freshGroup,
  freshTopic,
  MessagingDatabase,
  produceEvents,
  readRecords,
  testKafka,
  waitUntilCaughtUp,
} from './support';

/** The test projection written set-wise: one multi-row statement per call (a duplicate would count twice). */
async function projectAll(envelopes: EventEnvelope[], manager: EntityManager): Promise<void> {
  const data = envelopes.map((envelope) => envelope.data as ModuleCompletedV1Payload);
  await manager.query(
    `INSERT INTO test_completions (event_id, person_id, module_key, applied)
     SELECT e, p, m, 1 FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS u(e, p, m)
     ON CONFLICT (event_id) DO UPDATE SET applied = test_completions.applied + 1`,
    [envelopes.map((e) => e.id), data.map((d) => d.personId), data.map((d) => d.moduleKey)],
  );
}

describe('ConsumerRunner with handleBatch, shared transactions and interval offset commits (real Kafka and PostgreSQL)', () => {
  const kafka = testKafka('consumer-batch-it');
  const producer = createEventProducer(kafka);
  const cleanups: Array<() => Promise<unknown>> = [];
  let db: MessagingDatabase;
  let topic: string;
  let group: string;

  beforeAll(async () => {
    db = await MessagingDatabase.create('consumer_batch');
    await producer.connect();
  });

  beforeEach(async () => {
    [topic, group] = await Promise.all([freshTopic(kafka), freshGroup(kafka)]);
  });

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  afterAll(async () => {
    await producer.disconnect();
    await db?.close();
  });

  function runner(options: Partial<ConsumerRunnerOptions>): ConsumerRunner {
    const created = new ConsumerRunner({
      kafka,
      dataSource: db.dataSource,
      producer,
      group,
      topics: [topic],
      handledTypes: new Set([ModuleCompletedV1.type]),
      retryInitialMs: 50,
      retryMaxMs: 200,
      ...options,
    });
    cleanups.push(() => created.stop());
    return created;
  }

  it('refuses both or neither of handle and handleBatch', () => {
    const base = { kafka, dataSource: db.dataSource, producer, group, topics: [topic], handledTypes: new Set<string>() };
    expect(() => new ConsumerRunner(base)).toThrow(/exactly one of handle and handleBatch/);
    expect(() => new ConsumerRunner({ ...base, handle: async () => undefined, handleBatch: async () => undefined })).toThrow(/exactly one/);
  });

  it('applies a chunk of new events in one call, in offset order, each event once', async () => {
    const [twice, second, third] = [completionEvent(), completionEvent(), completionEvent()];
    await produceEvents(topic, [twice, twice, second, third]);
    const calls: string[][] = [];
    await runner({
      handleBatch: async (envelopes, manager) => {
        calls.push(envelopes.map((e) => e.id));
        await projectAll(envelopes, manager);
      },
    }).start();
    await waitUntilCaughtUp(kafka, group, topic);
    await produceEvents(topic, [twice]);
    await waitUntilCaughtUp(kafka, group, topic);

    expect(calls).toEqual([[twice.id, second.id, third.id]]);
    expect(await appliedCounts(db.dataSource, [twice.id, second.id, third.id])).toEqual(
      new Map([
        [twice.id, 1],
        [second.id, 1],
        [third.id, 1],
      ]),
    );
  });

  it('applies the chunks of several partitions in one call, each partition in offset order', async () => {
    const spread = await freshTopic(kafka, 3);
    const events = Array.from({ length: 30 }, () => completionEvent());
    await produceEvents(spread, events);
    const calls: string[][] = [];
    await runner({
      topics: [spread],
      handleBatch: async (envelopes, manager) => {
        calls.push(envelopes.map((e) => e.id));
        await projectAll(envelopes, manager);
      },
    }).start();
    await waitUntilCaughtUp(kafka, group, spread);

    const records = await readRecords(spread);
    const partitions = new Set(records.map((r) => r.partition));
    expect(partitions.size).toBeGreaterThan(1);
    // Fewer calls (transactions) than partitions with records: partitions shared a transaction.
    expect(calls.length).toBeLessThan(partitions.size);
    const applied = calls.flat();
    expect(new Set(applied)).toEqual(new Set(events.map((e) => e.id)));
    for (const partition of partitions) {
      const inOffsetOrder = records.filter((r) => r.partition === partition).map((r) => r.headers['ce_id']);
      expect(applied.filter((id) => inOffsetOrder.includes(id))).toEqual(inOffsetOrder);
    }
  });

  it('retries a failed batch one event at a time and dead-letters only the event that keeps failing', async () => {
    const [before, poison, after] = [completionEvent(), completionEvent(), completionEvent()];
    await produceEvents(topic, [before, poison, after]);
    const sizes: number[] = [];
    await runner({
      maxAttempts: 3,
      handleBatch: async (envelopes, manager) => {
        sizes.push(envelopes.length);
        if (envelopes.some((e) => e.id === poison.id)) throw new Error('the projection rejects this event');
        await projectAll(envelopes, manager);
      },
    }).start();
    await waitUntilCaughtUp(kafka, group, topic);

    expect(await appliedCounts(db.dataSource, [before.id, poison.id, after.id])).toEqual(
      new Map([
        [before.id, 1],
        [after.id, 1],
      ]),
    );
    // The chunk once, then each record alone: `before` once, `poison` maxAttempts times, `after` once.
    expect(sizes).toEqual([3, 1, 1, 1, 1, 1]);
    const letters = await readRecords(deadLetterTopicFor(group).name);
    expect(letters.map((r) => r.headers['ce_id'])).toEqual([poison.id]);
  });

  it('tries a chunk that lost a race in the database (a deadlock) again whole, not record by record', async () => {
    const events = [completionEvent(), completionEvent(), completionEvent()];
    await produceEvents(topic, events);
    const sizes: number[] = [];
    await runner({
      handleBatch: async (envelopes, manager) => {
        sizes.push(envelopes.length);
        // PostgreSQL's own answer to a deadlock (SQLSTATE 40P01), the first time only.
        if (sizes.length === 1) await manager.query(`DO $$ BEGIN RAISE EXCEPTION 'deadlock detected' USING ERRCODE = '40P01'; END $$`);
        await projectAll(envelopes, manager);
      },
    }).start();
    await waitUntilCaughtUp(kafka, group, topic);

    expect(sizes).toEqual([3, 3]);
    expect(await appliedCounts(db.dataSource, events.map((e) => e.id))).toEqual(new Map(events.map((e) => [e.id, 1])));
    expect(await readRecords(deadLetterTopicFor(group).name)).toEqual([]);
  });

  it('commits what it resolved when stopped, without waiting for the commit interval', async () => {
    const events = Array.from({ length: 5 }, () => completionEvent());
    await produceEvents(topic, events);
    const consumer = runner({ commitIntervalMs: 60_000, handleBatch: projectAll });
    await consumer.start();
    await waitFor('the five events to be projected', () => appliedCounts(db.dataSource, events.map((e) => e.id)), (counts) => counts.size === 5);
    // Applied and resolved, but a 60 s interval has not passed: nothing is committed yet.
    expect(await committedOffset(kafka, group, topic)).toBe(-1);

    await consumer.stop();
    expect(await committedOffset(kafka, group, topic)).toBe(5);
  });
});
