import { isUtf8 } from 'node:buffer';
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';
import { deadLetterTopicFor, isKnownEventType, validatePayload } from '@socialmakers/contracts';
import { createLogger, RequestContext } from '@socialmakers/logging';
import { dataIsRecordValue, fromKafkaMessage, MalformedEventError } from '../envelope/kafka-codec';
import { keepRecordData, type EventEnvelope } from '../envelope/event-envelope';
import { claimInInbox, inboxKey } from '../inbox/inbox';
import { deadLetterHeaders, DeadLetterReason } from '../dead-letter/dead-letter-headers';
import { messagingMetrics } from '../metrics/messaging-metrics';
import { backoffDelay, sleep } from './backoff';

export type EventHandler = (envelope: EventEnvelope, manager: EntityManager) => Promise<void>;

/**
 * Applies several events at once, e.g. with multi-row statements: one round trip per statement per
 * chunk instead of per event. It gets the chunk's events in offset order (per partition key too) and
 * must apply them in that order, or in a way where the order does not matter (counts, maxima).
 */
export type BatchEventHandler = (envelopes: EventEnvelope[], manager: EntityManager) => Promise<void>;

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
  /** Applies one event; called for each new event of a chunk, in offset order, inside the chunk's transaction. Give this or `handleBatch`. */
  handle?: EventHandler;
  /**
   * Applies a chunk's new events in one call, inside the chunk's transaction (after the inbox claim,
   * so duplicates are already left out). When a chunk fails, its records are retried one at a time,
   * each as a call with one event, and a record that keeps failing is dead-lettered, as with `handle`.
   * A one-event call runs in that event's request context; a call with several runs in none.
   */
  handleBatch?: BatchEventHandler;
  /**
   * false: the group keeps no inbox rows, and a redelivered event reaches the handler again. Only for
   * a handler that is idempotent by itself, whose group's inbox would add nothing (analytics' rebuild
   * replay: every projection statement is an upsert that converges, which the projections need anyway
   * because the live group applies the same events, and the replay group's inbox rows are deleted
   * when it ends). Events repeated within one chunk still reach the handler once. Default true.
   */
  inbox?: boolean;
  /** Handler attempts before a record is dead-lettered (a healthy database is assumed). */
  maxAttempts?: number;
  retryInitialMs?: number;
  retryMaxMs?: number;
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  /**
   * How long the broker may hold a fetch while the partitions have nothing new (kafkajs
   * maxWaitTimeInMs). A stop waits for the fetch in flight, so a consumer that must stop soon after
   * it catches up (a rebuild's replay) wants it short. Default 5000.
   */
  maxWaitTimeMs?: number;
  /** Records applied in one database transaction on the fast path. */
  chunkSize?: number;
  /**
   * Partitions taken at once from a fetch (kafkajs partitionsConsumedConcurrently) whose chunks are
   * applied together in ONE transaction, each partition's records still in offset order. A steady
   * trickle spreads over the partitions: one transaction per partition batch made the consumer pay
   * a BEGIN, an inbox insert, the handler's statements and a COMMIT for every few records. 1 = one
   * transaction per partition batch. Default 8.
   */
  partitionsPerTransaction?: number;
  /**
   * Resolved offsets are committed to Kafka at most this often (ms), and at once when stopping. Each
   * commit is a round trip that Kafka 4 lingers on (group.coordinator.append.linger.ms, 5 ms by
   * default); committing after every partition batch, as kafkajs's autoCommit does, put that on the
   * path of every batch. A crash or a rebalance replays at most this window, which the inbox absorbs.
   * 0 commits after every batch. Default 1000.
   */
  commitIntervalMs?: number;
  /**
   * kafkajs's first retry (ms) of what its client retries by itself: a join that met the group
   * rebalancing, a lost connection; each next retry waits about twice as long. Consumers that join a
   * group together (a rebuild's replay consumers) meet a rebalance at once: the first member's
   * join completes alone, the second's starts a new generation, and the first joins again after
   * this wait. Default 300.
   */
  clientRetryInitialMs?: number;
  /** Observes the consumer's group membership (for metrics and tests): a healthy member joins once. */
  onMembershipChange?: (change: MembershipChange) => void;
}

interface Incoming {
  message: KafkaMessage;
  envelope?: EventEnvelope;
  rejection?: { reason: DeadLetterReason; error: Error };
}

/** One partition's chunk waiting for the next transaction, which it may share with other partitions' chunks. */
interface PendingChunk {
  items: Incoming[];
  batch: EachBatchPayload;
  topic: string;
  partition: number;
  resolve: () => void;
  reject: (error: unknown) => void;
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

/**
 * PostgreSQL's answers that say the transaction lost a race, not that a record is wrong: a deadlock
 * (40P01) or a serialisation failure (40001). The same transaction tried again normally goes through.
 */
const TRANSIENT_DATABASE_ERRORS = new Set(['40P01', '40001']);

/** Times a chunk whose transaction lost a race is tried again whole before going record by record. */
const TRANSIENT_RETRIES = 2;

function isTransient(error: unknown): boolean {
  const code = (causeOf(error) as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && TRANSIENT_DATABASE_ERRORS.has(code);
}

const log = createLogger('consumer');

/** Records decoded between two turns of the event loop while a transaction is in flight. */
const DECODE_SLICE = 50;

/**
 * Runs one consumer group with the guarantees Nest's own Kafka transport cannot give:
 * - the projection change and the inbox row commit in one transaction, and an offset is resolved
 *   only after that commit (eachBatchAutoResolve off), so a crash replays and the inbox absorbs;
 *   resolved offsets go to Kafka every commitIntervalMs (autoCommit off), not after every batch;
 * - records are applied in chunks, one transaction per chunk (the chunks of the partitions taken
 *   from one fetch share it: partitionsPerTransaction); when a chunk fails, its records are
 *   retried one by one in place (keeping per-key order) with backoff and heartbeats, then a record
 *   that still fails is dead-lettered and the group goes on: no restart loop on a poison message;
 * - a failure of the database itself is not the record's fault: nothing is dead-lettered and no
 *   offset moves while it lasts;
 * - a handler slower than the session timeout keeps the membership alive by heartbeating.
 */
export class ConsumerRunner {
  private consumer?: Consumer;
  /** The latest batch's payload: its (consumer-wide) commit functions serve the interval commit and stop(). */
  private lastBatch?: EachBatchPayload;
  private flushTimer?: NodeJS.Timeout;
  private committing = false;
  private readonly commitIntervalMs: number;
  private readonly partitionsPerTransaction: number;
  /** Chunks submitted by the partitions being consumed, applied together by `drain`. */
  private pending: PendingChunk[] = [];
  private draining = false;
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
    this.commitIntervalMs = options.commitIntervalMs ?? 1_000;
    this.partitionsPerTransaction = Math.max(1, options.partitionsPerTransaction ?? 8);
    this.deadLetterTopic = deadLetterTopicFor(options.group).name;
    if (!options.handle === !options.handleBatch) throw new Error('ConsumerRunner needs exactly one of handle and handleBatch');
  }

  async start(): Promise<void> {
    const consumer = this.options.kafka.consumer({
      groupId: this.options.group,
      sessionTimeout: this.sessionTimeoutMs,
      heartbeatInterval: this.heartbeatIntervalMs,
      rebalanceTimeout: Math.max(60_000, this.sessionTimeoutMs * 2),
      maxWaitTimeInMs: this.options.maxWaitTimeMs ?? 5_000,
      allowAutoTopicCreation: false,
      retry: { retries: 10, initialRetryTime: this.options.clientRetryInitialMs ?? 300, maxRetryTime: 10_000 },
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
        // We commit ourselves (commitInBackground): kafkajs's autoCommit commits after every batch.
        autoCommit: false,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: this.partitionsPerTransaction,
        eachBatch: (payload) => this.onBatch(payload),
      });
    } catch (error) {
      // A failed start must not leave a connected consumer behind for the next attempt to add to.
      this.consumer = undefined;
      await consumer.disconnect().catch(() => undefined);
      throw error;
    }
    // Resolved offsets are committed in the background, once per interval: batches never wait for it.
    clearInterval(this.flushTimer);
    if (this.commitIntervalMs > 0) {
      this.flushTimer = setInterval(() => void this.commitInBackground(), this.commitIntervalMs);
      this.flushTimer.unref();
    }
    log.info({ group: this.options.group, topics: this.options.topics }, 'consumer started');
  }

  /** Stops fetching, lets the batch in flight finish its current chunk, commits what was resolved. */
  async stop(): Promise<void> {
    clearInterval(this.flushTimer);
    // What is resolved now; the batch in flight commits the rest when it sees the consumer stopping.
    await this.commitResolved().catch((error: unknown) =>
      log.warn({ err: error, group: this.options.group }, 'could not commit offsets on stop; those records will be replayed (the inbox absorbs them)'),
    );
    await this.consumer?.disconnect();
    this.consumer = undefined;
    this.lastBatch = undefined;
  }

  /** Commits every resolved offset not committed yet (offsets are resolved only after their chunk's database commit). */
  private async commitResolved(batch = this.lastBatch): Promise<void> {
    if (!batch) return;
    await batch.commitOffsetsIfNecessary(batch.uncommittedOffsets());
  }

  /** The interval's commit: one at a time, and a failure only waits for the next interval. */
  private async commitInBackground(): Promise<void> {
    if (this.committing) return;
    this.committing = true;
    try {
      await this.commitResolved();
    } catch (error) {
      log.debug({ err: error, group: this.options.group }, 'offset commit failed; retried at the next interval');
    } finally {
      this.committing = false;
    }
  }

  private async onBatch(batch: EachBatchPayload): Promise<void> {
    this.lastBatch = batch;
    const { messages, topic, partition } = batch.batch;
    let decoded = messages.slice(0, this.chunkSize).map((message) => this.decode(message));
    for (let start = 0; start < messages.length; start += this.chunkSize) {
      if (!batch.isRunning() || batch.isStale()) break;
      const chunk = messages.slice(start, start + this.chunkSize);
      const applied = this.submit(decoded, batch, topic, partition);
      // The next chunk is decoded while this one's transaction waits on the database (decode never
      // throws). It is only submitted once this one is applied: the partition's order is kept.
      const following = messages.slice(start + this.chunkSize, start + 2 * this.chunkSize);
      const decoding = following.length > 0 ? this.decodeBetweenReplies(following) : undefined;
      try {
        await applied;
      } catch (error) {
        if (error instanceof StopRequested) break;
        throw error;
      }
      batch.resolveOffset(chunk[chunk.length - 1].offset);
      decoded = decoding ? await decoding : following.map((message) => this.decode(message));
      await batch.heartbeat().catch(async (error: unknown) => {
        // A rebalance: commit what this member resolved before it loses the partition (as autoCommit would).
        await this.commitResolved(batch).catch(() => undefined);
        throw error;
      });
    }
    // Stopping: commit now what this batch resolved. commitIntervalMs 0: after every batch.
    if (!batch.isRunning() || this.commitIntervalMs <= 0) await this.commitResolved(batch);
  }

  /**
   * Decodes in slices, yielding to the event loop between them, so that the replies of the
   * transaction in flight are handled as they come instead of waiting for the whole chunk's decoding.
   */
  private async decodeBetweenReplies(messages: KafkaMessage[]): Promise<Incoming[]> {
    const items: Incoming[] = [];
    for (let start = 0; start < messages.length; start += DECODE_SLICE) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      for (const message of messages.slice(start, start + DECODE_SLICE)) items.push(this.decode(message));
    }
    return items;
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
      const envelope: EventEnvelope = {
        id: event.id,
        source: event.source,
        type: event.type,
        subject: event.subject,
        time: event.time ?? new Date(Number(message.timestamp)).toISOString(),
        specversion: '1.0',
        datacontenttype: 'application/json',
        data: checked.payload,
        partitionkey: event.partitionkey,
        requestid: typeof event['requestid'] === 'string' ? (event['requestid'] as string) : undefined,
      };
      // The value is then the data's JSON as it is: a handler storing the data may take its bytes.
      if (checked.asGiven && message.value && dataIsRecordValue(event) && isUtf8(message.value)) keepRecordData(envelope, message.value);
      return { message, envelope };
    } catch (error) {
      const cause = error instanceof MalformedEventError ? error : new MalformedEventError(String(error));
      return { message, rejection: { reason: 'malformed', error: cause } };
    }
  }

  /** Queues a partition's chunk for the next transaction; resolves once it is applied (or dead-lettered). */
  private submit(items: Incoming[], batch: EachBatchPayload, topic: string, partition: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ items, batch, topic, partition, resolve, reject });
      if (this.draining) return;
      this.draining = true;
      // One macrotask later, so the other partitions kafkajs hands over from the same fetch join in.
      setImmediate(() => void this.drain());
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending.length > 0) await this.applyChunks(this.pending.splice(0));
    } finally {
      this.draining = false;
    }
  }

  /**
   * Applies the chunks (at most one per partition) in one transaction. When it fails, every record is
   * applied one by one in place, partition after partition, keeping each partition's order. Settles
   * each chunk's promise on its own; never throws.
   */
  private async applyChunks(chunks: PendingChunk[]): Promise<void> {
    const accepted = chunks.flatMap((chunk) => chunk.items.filter((item) => item.envelope));
    let failure: { error: unknown } | undefined;
    // Record by record is many times slower than the chunk: a chunk that only lost a race to another
    // transaction is tried again whole first.
    for (let attempt = 0; accepted.length > 0; attempt += 1) {
      try {
        await this.applyTogether(accepted.map((item) => item.envelope!), chunks[0].batch);
        failure = undefined;
        break;
      } catch (error) {
        failure = { error };
        if (isTransient(error) && attempt < TRANSIENT_RETRIES) {
          log.info({ err: causeOf(error), group: this.options.group, records: accepted.length, attempt: attempt + 1 }, 'chunk lost a race in the database; trying it again');
          await sleep(backoffDelay(attempt + 1, this.retryInitialMs, this.retryMaxMs));
          continue;
        }
        log.warn(
          { err: causeOf(error), group: this.options.group, records: accepted.length, partitions: chunks.length },
          'chunk failed; applying its records one by one',
        );
        break;
      }
    }
    // The record whose handler failed in the chunk has had its first attempt; the others have not
    // (after a failed batch call no record is known to be the culprit).
    let culprit = failure?.error instanceof HandlerFailed && failure.error.eventKey ? failure.error : undefined;
    for (const chunk of chunks) {
      try {
        if (failure) {
          for (const item of chunk.items) {
            if (!item.envelope) continue;
            const failedInChunk = culprit?.eventKey === inboxKey(item.envelope) ? culprit : undefined;
            if (failedInChunk) culprit = undefined;
            await this.applyWithRetries(item, chunk.batch, chunk.topic, chunk.partition, failedInChunk);
          }
        }
        for (const item of chunk.items) {
          if (item.rejection) await this.deadLetter(item, chunk.topic, chunk.partition, item.rejection.reason, item.rejection.error, 1);
        }
        chunk.resolve();
      } catch (error) {
        chunk.reject(error);
      }
    }
  }

  private async applyTogether(envelopes: EventEnvelope[], batch: EachBatchPayload): Promise<void> {
    const keys = envelopes.map(inboxKey);
    let fresh = new Set<string>();
    await this.options.dataSource.transaction(async (manager) => {
      fresh = this.options.inbox === false ? new Set(keys) : await claimInInbox(manager, this.options.group, envelopes);
      // The same event twice in one chunk is claimed once and applied once.
      const unseen = new Set(fresh);
      const toApply = envelopes.filter((_, i) => unseen.delete(keys[i]));
      const { handle, handleBatch } = this.options;
      if (handleBatch) {
        if (toApply.length === 0) return;
        const only = toApply.length === 1 ? toApply[0] : undefined;
        await this.invoke(only, () => handleBatch(toApply, manager), batch).catch((error: unknown) => {
          throw new HandlerFailed(only ? inboxKey(only) : '', error);
        });
        return;
      }
      for (const envelope of toApply) {
        await this.invoke(envelope, () => handle!(envelope, manager), batch).catch((error: unknown) => {
          throw new HandlerFailed(inboxKey(envelope), error);
        });
      }
    });
    // Counted per type and outcome, one increment each: a label lookup per record cost more than the rest of this.
    const counts = new Map<string, { type: string; outcome: 'processed' | 'duplicate'; count: number }>();
    envelopes.forEach((envelope, i) => {
      const outcome = fresh.delete(keys[i]) ? 'processed' : 'duplicate';
      const key = `${envelope.type} ${outcome}`;
      const count = counts.get(key);
      if (count) count.count += 1;
      else counts.set(key, { type: envelope.type, outcome, count: 1 });
    });
    for (const { type, outcome, count } of counts.values()) messagingMetrics.consumed.inc({ group: this.options.group, type, outcome }, count);
  }

  /** Runs a handler call in the event's request context (when it is about one event), heartbeating meanwhile. */
  private async invoke(envelope: EventEnvelope | undefined, work: () => Promise<void>, batch: EachBatchPayload): Promise<void> {
    // Heartbeat while the handler runs, so a slow handler does not cost the group its membership.
    const beat = setInterval(() => void batch.heartbeat().catch(() => undefined), this.heartbeatIntervalMs);
    try {
      await (envelope ? RequestContext.run({ requestId: envelope.requestid ?? envelope.id }, work) : work());
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
