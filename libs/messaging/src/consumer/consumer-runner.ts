import type { Consumer, EachBatchPayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';
import { deadLetterTopicFor, isKnownEventType, validatePayload } from '@socialmakers/contracts';
import { createLogger, RequestContext } from '@socialmakers/logging';
import { fromKafkaMessage, MalformedEventError } from '../envelope/kafka-codec';
import type { EventEnvelope } from '../envelope/event-envelope';
import { claimInInbox, inboxKey } from '../inbox/inbox';
import { deadLetterHeaders, DeadLetterReason } from '../dead-letter/dead-letter-headers';
import { messagingMetrics } from '../metrics/messaging-metrics';
import { backoffDelay, sleep } from './backoff';

export type EventHandler = (envelope: EventEnvelope, manager: EntityManager) => Promise<void>;

/** 'joined' after every (re)join of the group, 'rebalancing' when the member finds the group rebalancing. */
export type MembershipChange = 'joined' | 'rebalancing';

export interface ConsumerRunnerOptions {
  kafka: Kafka;
  dataSource: DataSource;
  /** Producer used for dead letters. */
  producer: Producer;
  group: string;
  topics: string[];
  /** Event types this group projects; other known types on its topics are passed over. */
  handledTypes: ReadonlySet<string>;
  handle: EventHandler;
  /** Handler attempts before a record is dead-lettered (a healthy database is assumed). */
  maxAttempts?: number;
  retryInitialMs?: number;
  retryMaxMs?: number;
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  /** Records applied in one database transaction on the fast path. */
  chunkSize?: number;
  /** Observes the consumer's group membership (for metrics and tests): a healthy member joins once. */
  onMembershipChange?: (change: MembershipChange) => void;
}

interface Incoming {
  message: KafkaMessage;
  envelope?: EventEnvelope;
  rejection?: { reason: DeadLetterReason; error: Error };
}

class StopRequested extends Error {}

/** A handler's failure inside a transaction, naming its event so that the try counts as one of its attempts. */
class HandlerFailed extends Error {
  constructor(readonly eventKey: string, override readonly cause: unknown) {
    super(`handler failed on ${eventKey}`);
  }
}

function causeOf(error: unknown): unknown {
  return error instanceof HandlerFailed ? error.cause : error;
}

const log = createLogger('consumer');

/**
 * Runs one consumer group with the guarantees Nest's own Kafka transport cannot give:
 * - the projection change and the inbox row commit in one transaction, and an offset is resolved
 *   only after that commit (eachBatchAutoResolve off), so a crash replays and the inbox absorbs;
 * - records are applied in chunks, one transaction per chunk; when a chunk fails, its records are
 *   retried one by one in place (keeping per-key order) with backoff and heartbeats, then a record
 *   that still fails is dead-lettered and the group goes on: no restart loop on a poison message;
 * - a failure of the database itself is not the record's fault: nothing is dead-lettered and no
 *   offset moves while it lasts;
 * - a handler slower than the session timeout keeps the membership alive by heartbeating.
 */
export class ConsumerRunner {
  private consumer?: Consumer;
  private readonly maxAttempts: number;
  private readonly retryInitialMs: number;
  private readonly retryMaxMs: number;
  private readonly heartbeatIntervalMs: number;
  private readonly sessionTimeoutMs: number;
  private readonly chunkSize: number;
  private readonly deadLetterTopic: string;

  constructor(private readonly options: ConsumerRunnerOptions) {
    this.maxAttempts = options.maxAttempts ?? 5;
    this.retryInitialMs = options.retryInitialMs ?? 200;
    this.retryMaxMs = options.retryMaxMs ?? 10_000;
    this.sessionTimeoutMs = options.sessionTimeoutMs ?? 15_000;
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? 3_000;
    this.chunkSize = options.chunkSize ?? 250;
    this.deadLetterTopic = deadLetterTopicFor(options.group).name;
  }

  async start(): Promise<void> {
    const consumer = this.options.kafka.consumer({
      groupId: this.options.group,
      sessionTimeout: this.sessionTimeoutMs,
      heartbeatInterval: this.heartbeatIntervalMs,
      rebalanceTimeout: Math.max(60_000, this.sessionTimeoutMs * 2),
      allowAutoTopicCreation: false,
      retry: { retries: 10, initialRetryTime: 300, maxRetryTime: 10_000 },
    });
    this.consumer = consumer;
    consumer.on(consumer.events.CRASH, ({ payload }) =>
      log.error({ err: payload.error, group: this.options.group, restart: payload.restart }, 'consumer crashed'),
    );
    consumer.on(consumer.events.GROUP_JOIN, () => this.options.onMembershipChange?.('joined'));
    consumer.on(consumer.events.REBALANCING, () => this.options.onMembershipChange?.('rebalancing'));
    try {
      await consumer.connect();
      // A new group starts at the earliest record: a service that joins late still sees every event.
      await consumer.subscribe({ topics: this.options.topics, fromBeginning: true });
      await consumer.run({
        autoCommit: true,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: 1,
        eachBatch: (payload) => this.onBatch(payload),
      });
    } catch (error) {
      // A failed start must not leave a connected consumer behind for the next attempt to add to.
      this.consumer = undefined;
      await consumer.disconnect().catch(() => undefined);
      throw error;
    }
    log.info({ group: this.options.group, topics: this.options.topics }, 'consumer started');
  }

  /** Stops fetching, lets the batch in flight finish its current chunk, commits what was resolved. */
  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    this.consumer = undefined;
  }

  private async onBatch(batch: EachBatchPayload): Promise<void> {
    const { messages, topic, partition } = batch.batch;
    for (let start = 0; start < messages.length; start += this.chunkSize) {
      if (!batch.isRunning() || batch.isStale()) break;
      const chunk = messages.slice(start, start + this.chunkSize);
      try {
        await this.applyChunk(chunk.map((message) => this.decode(message)), batch, topic, partition);
      } catch (error) {
        if (error instanceof StopRequested) break;
        throw error;
      }
      batch.resolveOffset(chunk[chunk.length - 1].offset);
      await batch.heartbeat();
    }
    await batch.commitOffsetsIfNecessary();
  }

  private decode(message: KafkaMessage): Incoming {
    try {
      const event = fromKafkaMessage(message);
      if (!isKnownEventType(event.type)) {
        return { message, rejection: { reason: 'unknown-type', error: new Error(`unknown event type or version: ${event.type}`) } };
      }
      if (!this.options.handledTypes.has(event.type)) return { message };
      const checked = validatePayload(event.type, event.data);
      if (!checked.ok) {
        const detail = checked.problems.map((p) => `${p.field}: ${p.message}`).join('; ');
        return { message, rejection: { reason: 'contract', error: new Error(`${event.type} data breaks its contract: ${detail}`) } };
      }
      return {
        message,
        envelope: {
          id: event.id,
          source: event.source,
          type: event.type,
          subject: event.subject,
          time: event.time ?? new Date(Number(message.timestamp)).toISOString(),
          specversion: '1.0',
          datacontenttype: 'application/json',
          data: checked.payload,
          partitionkey: message.key?.toString() ?? '',
          requestid: typeof event['requestid'] === 'string' ? (event['requestid'] as string) : undefined,
        },
      };
    } catch (error) {
      const cause = error instanceof MalformedEventError ? error : new MalformedEventError(String(error));
      return { message, rejection: { reason: 'malformed', error: cause } };
    }
  }

  private async applyChunk(items: Incoming[], batch: EachBatchPayload, topic: string, partition: number): Promise<void> {
    const accepted = items.filter((item) => item.envelope);
    if (accepted.length > 0) {
      try {
        await this.applyTogether(accepted.map((item) => item.envelope!), batch);
      } catch (error) {
        log.warn({ err: causeOf(error), group: this.options.group, records: accepted.length }, 'chunk failed; applying its records one by one');
        // The record whose handler failed in the chunk has had its first attempt; the others have not.
        let culprit = error instanceof HandlerFailed ? error : undefined;
        for (const item of accepted) {
          const failedInChunk = culprit?.eventKey === inboxKey(item.envelope!) ? culprit : undefined;
          if (failedInChunk) culprit = undefined;
          await this.applyWithRetries(item, batch, topic, partition, failedInChunk);
        }
      }
    }
    for (const item of items) {
      if (item.rejection) await this.deadLetter(item, topic, partition, item.rejection.reason, item.rejection.error, 1);
    }
  }

  private async applyTogether(envelopes: EventEnvelope[], batch: EachBatchPayload): Promise<void> {
    let fresh = new Set<string>();
    await this.options.dataSource.transaction(async (manager) => {
      fresh = await claimInInbox(manager, this.options.group, envelopes);
      const applied = new Set<string>();
      for (const envelope of envelopes) {
        const key = inboxKey(envelope);
        // The same event twice in one chunk is claimed once and applied once.
        if (!fresh.has(key) || applied.has(key)) continue;
        applied.add(key);
        await this.invoke(envelope, manager, batch).catch((error: unknown) => {
          throw new HandlerFailed(key, error);
        });
      }
    });
    for (const envelope of envelopes) {
      const outcome = fresh.delete(inboxKey(envelope)) ? 'processed' : 'duplicate';
      messagingMetrics.consumed.inc({ group: this.options.group, type: envelope.type, outcome });
    }
  }

  private async invoke(envelope: EventEnvelope, manager: EntityManager, batch: EachBatchPayload): Promise<void> {
    // Heartbeat while the handler runs, so a slow handler does not cost the group its membership.
    const beat = setInterval(() => void batch.heartbeat().catch(() => undefined), this.heartbeatIntervalMs);
    try {
      await RequestContext.run({ requestId: envelope.requestid ?? envelope.id }, () => this.options.handle(envelope, manager));
    } finally {
      clearInterval(beat);
    }
  }

  /**
   * Applies one record in a transaction of its own, retrying in place with backoff, and dead-letters it
   * after maxAttempts handler attempts (a failure in its chunk, `failedInChunk`, was the first). Time
   * the database is unreachable counts no attempt: that is not the record's fault.
   */
  private async applyWithRetries(item: Incoming, batch: EachBatchPayload, topic: string, partition: number, failedInChunk?: HandlerFailed): Promise<void> {
    const envelope = item.envelope!;
    let attempts = failedInChunk ? 1 : 0;
    let lastError: unknown = failedInChunk?.cause;
    for (;;) {
      if (attempts > 0) {
        if (!(await this.databaseAnswers())) {
          await this.waitForDatabase(batch);
          attempts -= 1;
        } else if (attempts >= this.maxAttempts) {
          log.error({ err: lastError, group: this.options.group, eventId: envelope.id, attempts }, 'event dead-lettered after repeated failures');
          await this.deadLetter(item, topic, partition, 'handler', lastError, attempts);
          return;
        } else {
          messagingMetrics.retried.inc({ group: this.options.group, type: envelope.type });
          await this.pause(backoffDelay(attempts, this.retryInitialMs, this.retryMaxMs), batch);
        }
      }
      try {
        await this.applyTogether([envelope], batch);
        return;
      } catch (error) {
        attempts += 1;
        lastError = causeOf(error);
      }
    }
  }

  private async databaseAnswers(): Promise<boolean> {
    try {
      await this.options.dataSource.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  private async waitForDatabase(batch: EachBatchPayload): Promise<void> {
    for (let attempt = 1; !(await this.databaseAnswers()); attempt += 1) {
      log.warn({ group: this.options.group }, 'database unreachable; holding the offset until it is back');
      await this.pause(backoffDelay(attempt, 500, 10_000), batch);
    }
  }

  /** Sleeps in heartbeat-sized steps; gives up early when the consumer is stopping or rebalanced. */
  private async pause(ms: number, batch: EachBatchPayload): Promise<void> {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      if (!batch.isRunning() || batch.isStale()) throw new StopRequested();
      await sleep(Math.min(this.heartbeatIntervalMs, until - Date.now()));
      await batch.heartbeat();
    }
  }

  private async deadLetter(item: Incoming, topic: string, partition: number, reason: DeadLetterReason, error: unknown, attempts: number): Promise<void> {
    const { message } = item;
    await this.options.producer.send({
      topic: this.deadLetterTopic,
      acks: -1,
      messages: [
        {
          key: message.key,
          value: message.value,
          headers: deadLetterHeaders(message.headers, {
            topic,
            partition,
            offset: message.offset,
            timestamp: message.timestamp,
            group: this.options.group,
            reason,
            error,
            attempts,
          }),
        },
      ],
    });
    messagingMetrics.deadLettered.inc({ group: this.options.group, reason });
    log.warn({ group: this.options.group, topic, partition, offset: message.offset, reason, err: error }, 'record dead-lettered');
  }
}
