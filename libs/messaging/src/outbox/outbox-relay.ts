import { Client } from 'pg';
import type { DataSource, QueryRunner } from 'typeorm';
import type { Producer, TopicMessages } from 'kafkajs';
import { createLogger } from '@socialmakers/logging';
import { toKafkaRecord } from '../envelope/kafka-codec';
import type { EventEnvelope } from '../envelope/event-envelope';
import { OUTBOX_CHANNEL } from '../database/messaging-tables.migration';
import { messagingMetrics } from '../metrics/messaging-metrics';
import { backoffDelay } from '../consumer/backoff';

export interface OutboxRelayOptions {
  dataSource: DataSource;
  producer: Producer;
  /** Connection string for the LISTEN connection (the pool's connections cannot hold a LISTEN). */
  databaseUrl: string;
  batchSize?: number;
  /** Fallback poll when no NOTIFY arrives; NOTIFY is the normal wake-up. */
  pollIntervalMs?: number;
  /** Sent rows older than this are deleted; unsent rows never are. */
  retentionMs?: number;
  cleanupIntervalMs?: number;
}

interface OutboxRow {
  id: string;
  event_id: string;
  topic: string;
  partition_key: string;
  event_type: string;
  source: string;
  subject: string | null;
  occurred_at: Date;
  payload: object;
  request_id: string | null;
}

const log = createLogger('outbox-relay');

/**
 * Publishes committed outbox rows to Kafka and marks them sent, in id order per partition key.
 *
 * Rows are claimed with FOR UPDATE SKIP LOCKED, so several relays (several replicas of a service)
 * can run at once. Never a "last id seen" cursor: ids are allocated before commit, so a row with a
 * lower id may become visible after a higher one; selecting every unsent row catches it.
 * Per-key order across relays: a relay drops from its batch any row whose key has an older unsent
 * row it did not claim (another relay holds it); that row's key waits for the next round.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly retentionMs: number;
  private readonly cleanupIntervalMs: number;
  private running = false;
  private loop?: Promise<void>;
  private listener?: Client;
  private wakeUp?: () => void;
  private notified = false;
  private lastCleanup = 0;

  constructor(private readonly options: OutboxRelayOptions) {
    this.batchSize = options.batchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.retentionMs = options.retentionMs ?? 7 * 24 * 60 * 60 * 1000;
    this.cleanupIntervalMs = options.cleanupIntervalMs ?? 60 * 60 * 1000;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Finishes the round in flight, then stops; unsent rows stay for the next start. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
    await this.listener?.end().catch(() => undefined);
    this.listener = undefined;
  }

  async countUnsent(): Promise<number> {
    const [row] = await this.options.dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL`);
    return row.n;
  }

  /** One claim-publish-mark round; returns how many rows it claimed. Public for tests and benchmarks. */
  async relayOnce(): Promise<number> {
    const runner = this.options.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      const claimed: OutboxRow[] = await runner.query(
        `SELECT id, event_id, topic, partition_key, event_type, source, subject, occurred_at, payload, request_id
           FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.batchSize],
      );
      const publishable = await this.withoutOvertakes(runner, claimed);
      if (publishable.length > 0) {
        await this.options.producer.sendBatch({ acks: -1, topicMessages: this.toTopicMessages(publishable) });
        await runner.query(`UPDATE outbox SET sent_at = now() WHERE id = ANY($1::bigint[])`, [publishable.map((r) => r.id)]);
      }
      await runner.commitTransaction();
      for (const row of publishable) messagingMetrics.produced.inc({ topic: row.topic, type: row.event_type });
      return claimed.length;
    } catch (error) {
      await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  private async withoutOvertakes(runner: QueryRunner, claimed: OutboxRow[]): Promise<OutboxRow[]> {
    if (claimed.length === 0) return claimed;
    const ids = claimed.map((row) => row.id);
    const held: Array<{ partition_key: string; first_id: string }> = await runner.query(
      `SELECT partition_key, min(id)::text AS first_id FROM outbox
        WHERE sent_at IS NULL AND partition_key = ANY($1::text[]) AND NOT (id = ANY($2::bigint[])) AND id < $3
        GROUP BY partition_key`,
      [[...new Set(claimed.map((row) => row.partition_key))], ids, ids[ids.length - 1]],
    );
    if (held.length === 0) return claimed;
    const firstHeld = new Map(held.map((row) => [row.partition_key, BigInt(row.first_id)]));
    return claimed.filter((row) => {
      const blocker = firstHeld.get(row.partition_key);
      return blocker === undefined || BigInt(row.id) < blocker;
    });
  }

  private toTopicMessages(rows: OutboxRow[]): TopicMessages[] {
    const byTopic = new Map<string, TopicMessages>();
    for (const row of rows) {
      const record = toKafkaRecord({
        id: row.event_id,
        source: row.source,
        type: row.event_type,
        subject: row.subject ?? undefined,
        time: new Date(row.occurred_at).toISOString(),
        specversion: '1.0',
        datacontenttype: 'application/json',
        data: row.payload,
        partitionkey: row.partition_key,
        requestid: row.request_id ?? undefined,
      } as EventEnvelope);
      const entry = byTopic.get(row.topic) ?? { topic: row.topic, messages: [] };
      entry.messages.push({ key: record.key, value: record.value, headers: record.headers, timestamp: record.timestamp });
      byTopic.set(row.topic, entry);
    }
    return [...byTopic.values()];
  }

  private async run(): Promise<void> {
    let failures = 0;
    await this.listen();
    while (this.running) {
      try {
        const claimed = await this.relayOnce();
        failures = 0;
        await this.cleanUpIfDue();
        if (claimed < this.batchSize) await this.waitForWork(this.pollIntervalMs);
      } catch (error) {
        failures += 1;
        messagingMetrics.relayFailures.inc();
        const delay = backoffDelay(failures, 200, 10_000);
        log.warn({ err: error, retryInMs: delay }, 'outbox relay could not publish; rows stay unsent and will be retried');
        await this.waitForWork(delay);
      }
    }
  }

  private async listen(): Promise<void> {
    try {
      const client = new Client({ connectionString: this.options.databaseUrl });
      client.on('notification', () => this.wake());
      client.on('error', (error) => {
        log.warn({ err: error }, 'outbox LISTEN connection lost; polling until it is back');
        this.listener = undefined;
      });
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      // stop() may have run while we were connecting; it can no longer see this client.
      if (!this.running) {
        await client.end();
        return;
      }
      this.listener = client;
    } catch (error) {
      log.warn({ err: error }, 'could not LISTEN for outbox notifications; relying on polling');
    }
  }

  private wake(): void {
    this.notified = true;
    this.wakeUp?.();
  }

  private async waitForWork(ms: number): Promise<void> {
    if (!this.running) return;
    if (this.notified) {
      this.notified = false;
      return;
    }
    if (!this.listener && this.running) void this.listen();
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.wakeUp = undefined;
    this.notified = false;
  }

  private async cleanUpIfDue(): Promise<void> {
    if (Date.now() - this.lastCleanup < this.cleanupIntervalMs) return;
    this.lastCleanup = Date.now();
    const retention = `${Math.floor(this.retentionMs / 1000)} seconds`;
    await this.options.dataSource.query(
      `DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE sent_at < now() - $1::interval LIMIT 10000)`,
      [retention],
    );
  }
}

