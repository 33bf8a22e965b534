import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { DataSource, type EntityManager } from 'typeorm';
import { deadLetterTopicFor, ModuleCompletedV1, qualified, type ModuleCompletedV1Payload } from '@socialmakers/contracts';
import {
  createKafka,
  headersToStrings,
  MessagingTables1764316800000,
  parseBrokers,
  provisionTopics,
  readConsumerLag,
  sourceOf,
  toKafkaRecord,
  type EventEnvelope,
} from '@socialmakers/messaging';
import { produceRaw, randomSuffix, readTopic, TestDatabase, waitFor } from '@socialmakers/testing';

/** Shared pieces of the messaging library's integration specs: events, records, the test projection. */

export type Completion = EventEnvelope<typeof ModuleCompletedV1.type>;

export interface ConsumedRecord {
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
  timestamp: string;
}

export function testKafka(clientId = 'socialmakers-messaging-it'): Kafka {
  return createKafka({ brokers: parseBrokers(process.env.KAFKA_BROKERS ?? '127.0.0.1:9092'), clientId });
}

/** A consumer group of one test only, with its dead-letter topic provisioned. */
export async function freshGroup(kafka: Kafka): Promise<string> {
  const group = qualified(`test.${randomSuffix()}`);
  await provisionTopics(kafka, [deadLetterTopicFor(group)]);
  return group;
}

/** A topic of one test only (the catalogue topic is shared by every suite of the run). */
export async function freshTopic(kafka: Kafka, partitions = 1): Promise<string> {
  const name = qualified(`test.topic.${randomSuffix()}`);
  await provisionTopics(kafka, [{ name, partitions, retentionMs: -1, description: 'integration test topic' }]);
  return name;
}

export function completion(personId: string = randomUUID(), sequence = 1): ModuleCompletedV1Payload {
  return {
    personId,
    courseKey: 'social-innovation-academy',
    moduleKey: moduleKeyOf(sequence),
    completedAt: new Date(Date.UTC(2025, 0, 1) + sequence * 1000).toISOString(),
    country: 'SI',
    score: sequence % 101,
  };
}

export function moduleKeyOf(sequence: number): string {
  return `m-${String(sequence).padStart(3, '0')}`;
}

export function sequenceOf(moduleKey: string): number {
  return Number(moduleKey.slice(2));
}

/** A whole event as the learning service would publish it, for producing records directly. */
export function completionEvent(payload: ModuleCompletedV1Payload = completion()): Completion {
  return {
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
}

/** Puts the events on the topic as CloudEvents binary-mode records, the relay's encoding. */
export async function produceEvents(topic: string, events: Completion[]): Promise<void> {
  await produceRaw(topic, events.map(toKafkaRecord));
}

/** The topic's records up to its end as of the call (per partition in offset order), headers as strings. */
export async function readRecords(topic: string): Promise<ConsumedRecord[]> {
  return (await readTopic(topic)).map(({ partition, message }) => ({
    partition,
    offset: message.offset,
    key: message.key?.toString() ?? null,
    value: message.value?.toString() ?? null,
    headers: headersToStrings(message.headers),
    timestamp: message.timestamp,
  }));
}

/** Waits until the group has committed every record on the topic (consumer lag 0 everywhere). */
export async function waitUntilCaughtUp(kafka: Kafka, group: string, topic: string, timeoutMs = 30_000): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await waitFor(
      `${group} to commit every record of ${topic}`,
      () => readConsumerLag(admin, group, [topic]),
      (lags) => lags.every((lag) => lag.lag === 0),
      { timeoutMs, intervalMs: 250 },
    );
  } finally {
    await admin.disconnect();
  }
}

/** Committed offset of the group on one partition (-1 when none). */
export async function committedOffset(kafka: Kafka, group: string, topic: string, partition = 0): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [offsets] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
    return Number(offsets.partitions.find((p) => p.partition === partition)?.offset ?? -1);
  } finally {
    await admin.disconnect();
  }
}

/** Records on the topic (high watermark summed over partitions). */
export async function recordCount(kafka: Kafka, topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    return ends.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
  } finally {
    await admin.disconnect();
  }
}

/**
 * The test projection: one row per event, whose `applied` counter a duplicate application would
 * push past 1 (a real projection's upsert would hide it).
 */
const PROJECTION_TABLE = `
  CREATE TABLE test_completions (
    event_id uuid PRIMARY KEY,
    person_id uuid NOT NULL,
    module_key text NOT NULL,
    applied integer NOT NULL
  )`;

export async function project(envelope: EventEnvelope, manager: EntityManager): Promise<void> {
  const data = envelope.data as ModuleCompletedV1Payload;
  await manager.query(
    `INSERT INTO test_completions (event_id, person_id, module_key, applied) VALUES ($1, $2, $3, 1)
     ON CONFLICT (event_id) DO UPDATE SET applied = test_completions.applied + 1`,
    [envelope.id, data.personId, data.moduleKey],
  );
}

/** applied count per event id, for the given events (absent when never applied). */
export async function appliedCounts(dataSource: DataSource, eventIds: string[]): Promise<Map<string, number>> {
  const rows: Array<{ event_id: string; applied: number }> = await dataSource.query(
    `SELECT event_id, applied FROM test_completions WHERE event_id = ANY($1::uuid[])`,
    [eventIds],
  );
  return new Map(rows.map((row) => [row.event_id, row.applied]));
}

export function openDataSource(url: string, migrate = false): Promise<DataSource> {
  return new DataSource({
    type: 'postgres',
    url,
    migrations: [MessagingTables1764316800000],
    migrationsRun: migrate,
    synchronize: false,
  }).initialize();
}

/** A suite's own database: the messaging tables made by their real migration, plus the projection. */
export class MessagingDatabase {
  private constructor(readonly database: TestDatabase, readonly dataSource: DataSource) {}

  get url(): string {
    return this.database.url;
  }

  static async create(label: string): Promise<MessagingDatabase> {
    const database = await TestDatabase.create(label);
    const dataSource = await openDataSource(database.url, true);
    await dataSource.query(PROJECTION_TABLE);
    return new MessagingDatabase(database, dataSource);
  }

  async close(): Promise<void> {
    await this.dataSource.destroy();
    await this.database.drop();
  }
}
