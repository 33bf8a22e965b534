import type { Kafka } from 'kafkajs';
import type { DataSource, QueryRunner } from 'typeorm';
import { allTopics, ConsumerGroups, deadLetterTopicFor, qualified, Topics } from '@socialmakers/contracts';
import { createKafka, provisionTopics, type KafkaSettings } from '@socialmakers/messaging/plain';
import { holdLiveWriters, PROJECTION_TABLES } from '../projections/projector.service';
import { ProgressPoll } from './progress-poll';
import { ReplayConsumers } from './replay-consumers';
import { finishReplay, prepareForReplay, restoreEventLog } from './replay-tables';

export interface RebuildProgress {
  /** Records read so far (committed offsets past the start), of `total` on the topics when the rebuild began. */
  done: number;
  total: number;
}

export interface RebuildResult {
  /** Records on the topics up to their high watermarks when the rebuild began. */
  records: number;
  /** Distinct events now in the event log (duplicates on the topics count once). */
  events: number;
  rows: Record<string, number>;
  deadLettered: number;
  millis: number;
  /**
   * Where the time went (ms): the replay of the events into the event log; then the finish
   * (finishReplay: the facts, the counters, the log's keys and indexes), and each of its steps (two at a time).
   */
  phases: { replay: number; finish: number; steps: Record<string, number> };
}

export interface RebuildOptions {
  /** Analytics' database; its options must give its `url` (the replay consumers connect to it too). */
  dataSource: DataSource;
  kafka: KafkaSettings;
  onProgress?: (progress: RebuildProgress) => void;
  /**
   * The shortest wait between two reads of the group's committed offsets (default 50 ms), taken as
   * the replay nears its end, which is when the last offsets are committed; further from it the
   * reads are up to a second apart (progress-poll.ts).
   */
  pollMs?: number;
  /**
   * Records of a partition applied in one transaction (at most what one fetch brought). Default 3000:
   * a million-event replay ran at 40,298 and 40,617 events/s with 3000, at 36,441 and 39,386 with 1000.
   */
  chunkSize?: number;
  /**
   * Consumers of the replay group, each a process of its own (replay-consumers.ts) that fetches,
   * decodes and applies its partitions' chunks in its own transactions, so that their JavaScript and
   * PostgreSQL's work on their chunks spread over the machine's cores. Default 2.
   */
  consumers?: number;
}

/** The replay's own consumer group: the live group keeps its offsets and goes on with new events. */
export function replayGroup(): string {
  return qualified(`${ConsumerGroups.analytics}.replay`);
}

/** Serialises rebuilds across processes: a second one is refused instead of truncating under the first. */
const REBUILD_LOCK = 7_340_611;

export class RebuildAlreadyRunningError extends Error {
  constructor() {
    super('Another rebuild of the analytics projections is running; wait for it to finish.');
  }
}

/**
 * Drops the projections and replays every topic of the catalogue from offset 0 up to the high
 * watermarks of the moment it starts, through the same projector as the live consumer (whole chunks
 * per call), with a replay consumer group whose offsets are removed afterwards. The replay appends
 * the events to the event log only; the facts are then written from the log, and the report's
 * counters counted from the facts, in one pass each, as bulk loaders build what is derived after the
 * load rather than during it.
 *
 * The live service may keep running: its consumer waits for the rebuild's end (holdLiveWriters) and
 * then applies what came after, from its own offsets; an event applied by both the live group and the
 * replay converges on the same rows, since the projections are upserts on natural keys.
 */
export async function rebuildProjections(options: RebuildOptions): Promise<RebuildResult> {
  const started = Date.now();
  const { dataSource } = options;
  const databaseUrl = (dataSource.options as { url?: string }).url;
  if (!databaseUrl) throw new Error('rebuildProjections needs a data source configured with a url');
  const kafka = createKafka(options.kafka);
  const group = replayGroup();
  const topics = Object.values(Topics).map((topic) => qualified(topic.name));
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  const admin = kafka.admin();
  await admin.connect();
  let consumers: ReplayConsumers | undefined;
  let replaying = false;
  try {
    const [{ locked }] = (await lock.query('SELECT pg_try_advisory_lock($1) AS locked', [REBUILD_LOCK])) as Array<{ locked: boolean }>;
    if (!locked) throw new RebuildAlreadyRunningError();
    // The live consumer waits until the rebuild ends, then goes on where it was: its events after the
    // replay's end offsets are still on the topics.
    await holdLiveWriters(lock.manager);
    // Forked now, the consumers load and connect while the topics, the group and the tables are
    // prepared; they join the group once that is done.
    consumers = ReplayConsumers.fork(Math.max(1, options.consumers ?? 2), {
      databaseUrl,
      kafka: options.kafka,
      group,
      topics,
      chunkSize: options.chunkSize ?? 3000,
    });

    await provisionTopics(kafka, [...allTopics(), deadLetterTopicFor(group)]);
    const deadLetterTopic = deadLetterTopicFor(group).name;
    const deadLettersBefore = await recordCount(admin, [deadLetterTopic]);
    await forgetReplayGroup(admin, group, topics);
    const targets = new Map<string, { low: number; high: number }>();
    for (const topic of topics) {
      for (const partition of await admin.fetchTopicOffsets(topic)) {
        targets.set(`${topic}:${partition.partition}`, { low: Number(partition.low), high: Number(partition.high) });
      }
    }
    const total = [...targets.values()].reduce((sum, t) => sum + (t.high - t.low), 0);

    await dataSource.transaction(async (manager) => {
      await prepareForReplay(manager);
      await manager.query('DELETE FROM inbox WHERE consumer_group = $1', [group]);
    });
    replaying = true;
    options.onProgress?.({ done: 0, total });
    const replayStarted = Date.now();

    if (total > 0) {
      await consumers.join();
      const poll = new ProgressPoll(options.pollMs ?? 50);
      for (;;) {
        const committed = await admin.fetchOffsets({ groupId: group, topics });
        let done = 0;
        for (const { topic, partitions } of committed) {
          for (const { partition, offset } of partitions) {
            const target = targets.get(`${topic}:${partition}`);
            if (target) done += Math.min(target.high, Math.max(target.low, Number(offset))) - target.low;
          }
        }
        options.onProgress?.({ done, total });
        if (done >= total) break;
        await Promise.race([new Promise((resolve) => setTimeout(resolve, poll.next(done, total))), consumers.failure]);
      }
    }
    await consumers.stop();
    consumers = undefined;
    await sessionLasted(lock);
    const replayed = Date.now();
    const steps = await finishReplay(dataSource);
    const finished = Date.now();
    replaying = false;

    await dataSource.query('DELETE FROM inbox WHERE consumer_group = $1', [group]);
    await admin.deleteGroups([group]).catch(() => undefined);
    // Counted side by side (the event log's count reads every row of it).
    const rows: Record<string, number> = Object.fromEntries(
      await Promise.all(
        PROJECTION_TABLES.map(async (table) => {
          const [{ count }] = (await dataSource.query(`SELECT count(*) AS count FROM ${table}`)) as Array<{ count: string }>;
          return [table, Number(count)] as const;
        }),
      ),
    );
    return {
      records: total,
      events: rows['event_log'] ?? 0,
      rows,
      deadLettered: (await recordCount(admin, [deadLetterTopic])) - deadLettersBefore,
      millis: Date.now() - started,
      phases: { replay: replayed - replayStarted, finish: finished - replayed, steps },
    };
  } finally {
    consumers?.kill();
    // A failed replay leaves the projections to be rebuilt again, but the event log keyed, so that
    // the live consumer can write meanwhile.
    if (replaying) await dataSource.transaction(restoreEventLog).catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
    await lock.query('SELECT pg_advisory_unlock_all()').catch(() => undefined);
    await lock.release();
  }
}

export class RebuildSessionLostError extends Error {
  constructor(cause: unknown) {
    super(
      "The rebuild lost its database session during the replay (was PostgreSQL restarted?): the replay's last commits may be lost. Run the rebuild again.",
      { cause },
    );
  }
}

/**
 * The replay commits without waiting for the flush to disk (projector.service.ts), so a restart of
 * the database during it can lose its last chunks, whose offsets the consumers, reconnected, have
 * committed since. Such a restart also ends the rebuild's own session (its lock): it must still be there.
 */
async function sessionLasted(lock: QueryRunner): Promise<void> {
  try {
    await lock.query('SELECT 1');
  } catch (error) {
    throw new RebuildSessionLostError(error);
  }
}

/**
 * A replay starts from offset 0: the group of an earlier, interrupted replay is deleted first. Its
 * consumer may still be a member until its session times out, when the group cannot be deleted: wait.
 */
async function forgetReplayGroup(admin: ReturnType<Kafka['admin']>, group: string, topics: string[]): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    await admin.deleteGroups([group]).catch(() => undefined);
    const offsets = await admin.fetchOffsets({ groupId: group, topics });
    if (offsets.every((topic) => topic.partitions.every((p) => Number(p.offset) < 0))) return;
    if (attempt >= 60) throw new Error(`the replay group ${group} still has a member from an interrupted rebuild; try again in a minute`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

async function recordCount(admin: ReturnType<Kafka['admin']>, topics: string[]): Promise<number> {
  let count = 0;
  for (const topic of topics) {
    for (const p of await admin.fetchTopicOffsets(topic)) count += Number(p.high) - Number(p.low);
  }
  return count;
}
