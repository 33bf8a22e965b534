import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { ModuleCompletedV1, qualified, Topics } from '@socialmakers/contracts';
import {
  ConsumerRunner,
  createEventProducer,
  EventOutbox,
  messagingMetrics,
  OutboxRelay,
  type EventEnvelope,
  type OutboxRelayOptions,
} from '@socialmakers/messaging';
import { waitFor } from '@socialmakers/testing';
import {
  appliedCounts,
  completion,
  freshGroup,
  MessagingDatabase,
  openDataSource,
  project,
  readRecords,
  sequenceOf,
  testKafka,
  waitUntilCaughtUp,
  type ConsumedRecord,
} from './support';

const topic = qualified(Topics.learningProgress.name);
const outbox = new EventOutbox('learning');

describe('transactional outbox and relay (real PostgreSQL and Kafka)', () => {
  const kafka = testKafka('outbox-it');
  const producer = createEventProducer(kafka);
  const cleanups: Array<() => Promise<unknown>> = [];
  let db: MessagingDatabase;

  beforeAll(async () => {
    db = await MessagingDatabase.create('outbox');
    await producer.connect();
  });

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  afterAll(async () => {
    await producer.disconnect();
    await db?.close();
  });

  function relay(options: Partial<OutboxRelayOptions> = {}): OutboxRelay {
    const created = new OutboxRelay({ dataSource: db.dataSource, producer, databaseUrl: db.url, pollIntervalMs: 250, ...options });
    cleanups.push(() => created.stop());
    return created;
  }

  function publish(personId: string, sequence = 1, dataSource: DataSource = db.dataSource): Promise<EventEnvelope> {
    return dataSource.transaction((manager) => outbox.publish(manager, ModuleCompletedV1.type, completion(personId, sequence)));
  }

  /** How many of the events have a committed outbox row marked sent. */
  async function sent(events: EventEnvelope[]): Promise<number> {
    const [row] = await db.dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NOT NULL AND event_id = ANY($1::uuid[])`, [
      events.map((event) => event.id),
    ]);
    return row.n;
  }

  async function recordsOf(personIds: string[]): Promise<ConsumedRecord[]> {
    const wanted = new Set(personIds);
    return (await readRecords(topic)).filter((record) => record.key !== null && wanted.has(record.key));
  }

  it('leaves no outbox row and no Kafka record when the transaction throws after publishing', async () => {
    const [doomed, control] = [randomUUID(), randomUUID()];
    let rolledBack: EventEnvelope | undefined;

    await expect(
      db.dataSource.transaction(async (manager) => {
        rolledBack = await outbox.publish(manager, ModuleCompletedV1.type, completion(doomed));
        throw new Error('a business rule failed after the event was written');
      }),
    ).rejects.toThrow('business rule');
    const committed = await publish(control);

    expect(rolledBack).toBeDefined();
    const rows = await db.dataSource.query(`SELECT event_id FROM outbox WHERE event_id = ANY($1::uuid[])`, [[rolledBack!.id, committed.id]]);
    expect(rows.map((row: { event_id: string }) => row.event_id)).toEqual([committed.id]);

    await relay().relayOnce();
    const records = await recordsOf([doomed, control]);
    expect(records.map((record) => record.headers['ce_id'])).toEqual([committed.id]);
  });

  it('publishes committed events as CloudEvents binary-mode records, each exactly once', async () => {
    relay().start();
    const personId = randomUUID();
    const events: EventEnvelope[] = [];
    for (let sequence = 1; sequence <= 4; sequence += 1) events.push(await publish(personId, sequence));
    events.push(
      ...(await db.dataSource.transaction((manager) =>
        outbox.publishAll(manager, [5, 6].map((sequence) => ({ type: ModuleCompletedV1.type, payload: completion(personId, sequence) }))),
      )),
    );

    await waitFor('the relay to send every event', () => sent(events), (n) => n === events.length);
    const records = await recordsOf([personId]);

    expect(records.map((record) => record.headers['ce_id'])).toEqual(events.map((event) => event.id));
    records.forEach((record, index) => {
      const event = events[index];
      expect(record.key).toBe(personId);
      expect(record.headers).toMatchObject({
        ce_id: event.id,
        ce_source: '/socialmakers/learning',
        ce_type: ModuleCompletedV1.type,
        ce_specversion: '1.0',
        ce_subject: `person/${personId}`,
        ce_time: event.time,
        'content-type': 'application/json',
      });
      expect(JSON.parse(record.value!)).toEqual(event.data);
      expect(record.timestamp).toBe(String(Date.parse(event.time)));
    });
  });

  it('publishes a row whose transaction took a lower id but committed after a higher one', async () => {
    // A long poll interval: after the first round only NOTIFY (sent at commit) wakes the relay.
    relay({ pollIntervalMs: 60_000 }).start();
    const [personA, personB] = [randomUUID(), randomUUID()];
    const holder = db.dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    try {
      const a = await outbox.publish(holder.manager, ModuleCompletedV1.type, completion(personA));
      const b = await publish(personB);
      const [[rowA], [rowB]] = await Promise.all([
        holder.query(`SELECT id FROM outbox WHERE event_id = $1`, [a.id]),
        db.dataSource.query(`SELECT id FROM outbox WHERE event_id = $1`, [b.id]),
      ]);
      expect(BigInt(rowA.id)).toBeLessThan(BigInt(rowB.id));

      await waitFor('B (higher id, committed first) to be sent', () => sent([b]), (n) => n === 1, { timeoutMs: 10_000 });
      await holder.commitTransaction();
      await waitFor('A (lower id, committed later) to be sent', () => sent([a]), (n) => n === 1, { timeoutMs: 10_000 });

      const records = await recordsOf([personA, personB]);
      expect(records.map((record) => record.headers['ce_id']).sort()).toEqual([a.id, b.id].sort());
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
    }
  });

  it('loses nothing, duplicates nothing and keeps per-key order with two relays and concurrent writers', async () => {
    const persons = Array.from({ length: 20 }, () => randomUUID());
    const perPerson = 30;
    const replicas = await Promise.all(
      [1, 2].map(async (replica) => {
        const dataSource = await openDataSource(db.url);
        const replicaProducer = countingProducer(createEventProducer(testKafka(`outbox-it-relay-${replica}`)));
        await replicaProducer.producer.connect();
        cleanups.push(() => dataSource.destroy(), () => replicaProducer.producer.disconnect());
        relay({ dataSource, producer: replicaProducer.producer, batchSize: 25 }).start();
        return replicaProducer;
      }),
    );

    const written = await Promise.all(
      persons.map(async (personId) => {
        const events: EventEnvelope[] = [];
        for (let sequence = 1; sequence <= perPerson; sequence += 1) events.push(await publish(personId, sequence));
        return events;
      }),
    );
    const events = written.flat();
    await waitFor('both relays to send every event', () => sent(events), (n) => n === events.length, { timeoutMs: 60_000 });

    const records = await recordsOf(persons);
    const ids = records.map((record) => record.headers['ce_id']);
    expect(new Set(ids)).toEqual(new Set(events.map((event) => event.id)));
    const duplicates = ids.length - new Set(ids).size;
    expect(duplicates).toBe(0);
    for (const personId of persons) {
      const sequences = records.filter((record) => record.key === personId).map((record) => sequenceOf(JSON.parse(record.value!).moduleKey));
      expect(sequences).toEqual(Array.from({ length: perPerson }, (_, index) => index + 1));
    }
    // Both replicas took part; otherwise this would not test two relays at all.
    expect(replicas.map((replica) => replica.published() > 0)).toEqual([true, true]);
  });

  it('keeps committed events in the outbox while the broker is down and publishes them once it is back', async () => {
    const deadKafka = new Kafka({
      clientId: 'outbox-it-dead-broker',
      brokers: ['127.0.0.1:1'],
      connectionTimeout: 300,
      logLevel: logLevel.NOTHING,
      retry: { retries: 1, initialRetryTime: 100, maxRetryTime: 200 },
    });
    const deadProducer = createEventProducer(deadKafka);
    cleanups.push(() => deadProducer.disconnect());
    const failuresBefore = await relayFailures();
    const deadRelay = relay({ producer: deadProducer });
    deadRelay.start();

    const personId = randomUUID();
    const events: EventEnvelope[] = [];
    for (let sequence = 1; sequence <= 10; sequence += 1) events.push(await publish(personId, sequence));
    await waitFor('the relay to fail twice against the dead broker', relayFailures, (n) => n >= failuresBefore + 2, { timeoutMs: 20_000 });

    expect(await sent(events)).toBe(0);
    expect(await deadRelay.countUnsent()).toBeGreaterThanOrEqual(events.length);

    await deadRelay.stop();
    relay().start();
    await waitFor('a relay with a live broker to send the backlog', () => sent(events), (n) => n === events.length);
    const records = await recordsOf([personId]);
    expect(records.map((record) => record.headers['ce_id'])).toEqual(events.map((event) => event.id));
  });

  it('deletes sent rows after the retention period and never an unsent one', async () => {
    const [kept, cleaned] = [await publish(randomUUID()), await publish(randomUUID())];
    // Locked by another transaction, `kept` is skipped by the relay and stays unsent while it runs.
    const holder = db.dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    try {
      await holder.query(`SELECT id FROM outbox WHERE event_id = $1 FOR UPDATE`, [kept.id]);
      relay({ retentionMs: 0, cleanupIntervalMs: 0 }).start();
      await waitFor('the sent row to be deleted', () => db.dataSource.query(`SELECT 1 FROM outbox WHERE event_id = $1`, [cleaned.id]), (rows) => rows.length === 0);
      const rows = await db.dataSource.query(`SELECT sent_at FROM outbox WHERE event_id = $1`, [kept.id]);
      expect(rows).toEqual([{ sent_at: null }]);
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }
    const published = await recordsOf([cleaned.partitionkey, kept.partitionkey]);
    expect(published.map((record) => record.headers['ce_id'])).toContain(cleaned.id);
  });

  it('delivers at least once when the relay dies after producing but before marking sent, and the inbox projects once', async () => {
    const personId = randomUUID();
    const event = await publish(personId);
    const dying: Producer = {
      ...producer,
      sendBatch: async (batch) => {
        await producer.sendBatch(batch);
        throw new Error('relay process died before marking the rows sent');
      },
    };
    await expect(relay({ producer: dying }).relayOnce()).rejects.toThrow('died');
    expect(await sent([event])).toBe(0);
    await relay().relayOnce();
    expect(await sent([event])).toBe(1);

    const records = await recordsOf([personId]);
    expect(records.map((record) => record.headers['ce_id'])).toEqual([event.id, event.id]);

    const group = await freshGroup(kafka);
    const runner = new ConsumerRunner({
      kafka,
      dataSource: db.dataSource,
      producer,
      group,
      topics: [topic],
      handledTypes: new Set([ModuleCompletedV1.type]),
      handle: project,
    });
    cleanups.push(() => runner.stop());
    await runner.start();
    await waitUntilCaughtUp(kafka, group, topic);
    expect(await appliedCounts(db.dataSource, [event.id])).toEqual(new Map([[event.id, 1]]));
  });
});

function countingProducer(producer: Producer): { producer: Producer; published: () => number } {
  let published = 0;
  return {
    producer: {
      ...producer,
      sendBatch: async (batch) => {
        const result = await producer.sendBatch(batch);
        published += (batch.topicMessages ?? []).reduce((sum, entry) => sum + entry.messages.length, 0);
        return result;
      },
    },
    published: () => published,
  };
}

async function relayFailures(): Promise<number> {
  const metric = await messagingMetrics.relayFailures.get();
  return metric.values[0]?.value ?? 0;
}
