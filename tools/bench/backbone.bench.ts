// Benchmark of the event backbone (npm run bench:backbone): transactional outbox -> relay -> Kafka ->
// consumer with inbox -> projection, against the bare Kafka ceiling on the same broker.
//
//   node -r @swc-node/register tools/bench/backbone.bench.ts [--events 100000] [--relays 1,2]
//        [--rate 1000] [--steady-seconds 25] [--latency-relays 1] [--handlers batch,event]
//        [--event-events N/4] [--event-steady-seconds 15] [--writers 4] [--batch 100]
//        [--relay-batch N] [--chunk N] [--commit-interval MS] [--partitions-per-tx N] [--skip-bare]
//        [--profile]
//
// Runs in its own Kafka namespace (bench-<timestamp>.) and its own database, both removed at the end,
// also on failure. Progress and the time split go to stderr; the last line of stdout is the JSON
// result. See docs/benchmarks.md for the figures and what limits them.
//
// Phases (one run, same broker):
//   a. bare ceiling: a plain kafkajs producer (acks -1, batches of 1000, 4 in flight) and a plain
//      kafkajs consumer (eachBatch) move N records of the pipeline's exact shape and size through a
//      topic with the pipeline topic's partition count; rate = N / (first send -> last consumed).
//   Then, for each consumer handler style (--handlers; the first gives the headline figures), with the
//   consumer in a process of its own as the analytics service runs:
//   b. pipeline throughput, for each relay count: 4 writers committing the learning service's bulk
//      path (100 completions + their 100 outbox events per transaction), relayed by OutboxRelay,
//      projected by ConsumerRunner into the analytics tables; rate = N / (start of the first writer
//      transaction -> projection count reaches N, polled every 20 ms).
//   c. latency at a steady rate: transactions of 10 events every 10 ms (1,000 events/s) for ~25 s;
//      latency = Date.now() in the handler - envelope time (set by EventOutbox before the commit).
// The batch handler (ConsumerRunner's handleBatch) writes the projection with two multi-row upserts
// per chunk; the per-event handler (`handle`, what @OnEvent methods are) with two upserts per event.
import { fork, type ChildProcess } from 'node:child_process';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Partitioners, type Kafka, type Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { deadLetterTopicFor, qualified, Topics } from '@socialmakers/contracts';
import {
  createEventProducer,
  createKafka,
  MessagingTables1764316800000,
  OutboxRelay,
  parseBrokers,
  provisionTopics,
} from '@socialmakers/messaging';
import { ensureInfrastructure, TestDatabase } from '@socialmakers/testing';
import { CleanUp, CpuMeter, every, machineLoad, pollUntil, printResult, progress, round, summarize, withTimeout } from './support/bench-kit';
import { completion, createWorkloadTables, projectedCount, recordCompletions, sampleRecords } from './backbone/workload';
import type { ConsumerReport, ParentMessage } from './backbone/analytics-process';
import { formatTallies, QueryTimings, talliesToJson, timeSends } from './backbone/timings';

const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: '100000' },
    relays: { type: 'string', default: '1,2' },
    rate: { type: 'string', default: '1000' },
    'steady-seconds': { type: 'string', default: '25' },
    'latency-relays': { type: 'string', default: '1' },
    handlers: { type: 'string', default: 'batch,event' },
    'event-events': { type: 'string' },
    'event-steady-seconds': { type: 'string', default: '15' },
    writers: { type: 'string', default: '4' },
    batch: { type: 'string', default: '100' },
    'relay-batch': { type: 'string' },
    chunk: { type: 'string' },
    'commit-interval': { type: 'string' },
    'partitions-per-tx': { type: 'string' },
    'skip-bare': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
  },
});

const N = Number(args.events);
const RELAY_COUNTS = args.relays.split(',').map(Number);
const RATE = Number(args.rate);
const STEADY_SECONDS = Number(args['steady-seconds']);
const LATENCY_RELAYS = Number(args['latency-relays']);
/** Consumer handler styles to measure; the first one gives the headline figures. */
const HANDLERS = args.handlers.split(',') as Array<'batch' | 'event'>;
if (HANDLERS.some((h) => h !== 'batch' && h !== 'event')) throw new Error(`--handlers takes batch and/or event, not ${args.handlers}`);
/** The per-event handler is several times slower: fewer events keep the run within a few minutes. */
const EVENT_HANDLER_N = args['event-events'] ? Number(args['event-events']) : Math.round(N / 4);
const EVENT_HANDLER_STEADY_SECONDS = Number(args['event-steady-seconds']);
const WRITERS = Number(args.writers);
const WRITER_BATCH = Number(args.batch);
const EVENTS_PER_STEADY_TX = 10;
/** Library defaults unless overridden on the command line (the services use the defaults). */
const RELAY_BATCH = args['relay-batch'] ? Number(args['relay-batch']) : undefined;
const CHUNK = args.chunk ? Number(args.chunk) : undefined;
const COMMIT_INTERVAL = args['commit-interval'];
const PARTITIONS_PER_TX = args['partitions-per-tx'];
const PHASE_TIMEOUT_MS = 180_000;

interface Backbone {
  kafka: Kafka;
  db: TestDatabase;
  writerDs: DataSource;
  relayDs: DataSource;
  pollDs: DataSource;
  relayProducers: Producer[];
  writerTimings: QueryTimings;
  relayTimings: QueryTimings;
  analytics: AnalyticsProcess;
}

/** What the relays' producers report while a phase runs. */
const sends = {
  count: 0,
  track: false,
  at: new Map<string, number>(),
  reset(): void {
    this.count = 0;
    this.at.clear();
  },
};

function openDataSource(url: string, poolSize: number): Promise<DataSource> {
  return new DataSource({ type: 'postgres', url, synchronize: false, extra: { max: poolSize } }).initialize();
}

/** The analytics consumer in its own process (see backbone/analytics-process.ts). */
class AnalyticsProcess {
  private constructor(private readonly child: ChildProcess, private readonly joined: Promise<void>) {}

  static start(env: Record<string, string>): AnalyticsProcess {
    const child = fork(resolve(__dirname, 'backbone/analytics-process.ts'), [], {
      // Our own node flags (the TypeScript loader, --cpu-prof when profiling), plus the loader if missing.
      execArgv: process.execArgv.includes('@swc-node/register') ? process.execArgv : [...process.execArgv, '-r', '@swc-node/register'],
      env: { ...process.env, ...env },
      // Its log lines go to our stderr: stdout is kept for the result.
      stdio: ['ignore', 2, 2, 'ipc'],
    });
    const joined = new Promise<void>((resolveJoined, reject) => {
      child.on('message', (message: { type: string }) => message.type === 'joined' && resolveJoined());
      child.once('exit', (code) => reject(new Error(`the analytics consumer process exited (code ${code}) before joining`)));
    });
    joined.catch(() => undefined);
    return new AnalyticsProcess(child, joined);
  }

  get pid(): number {
    return this.child.pid!;
  }

  whenJoined(): Promise<void> {
    return withTimeout(this.joined, 60_000, 'the analytics consumer joining its group');
  }

  track(courseKey: string): void {
    this.child.send({ type: 'track', courseKey } satisfies ParentMessage);
  }

  collect(): Promise<ConsumerReport> {
    return withTimeout(
      new Promise<ConsumerReport>((resolveReport) => {
        const listener = (message: { type: string }) => {
          if (message.type !== 'report') return;
          this.child.off('message', listener);
          resolveReport(message as ConsumerReport);
        };
        this.child.on('message', listener);
        this.child.send({ type: 'collect' } satisfies ParentMessage);
      }),
      30_000,
      'the analytics consumer report',
    );
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolveExit) => this.child.once('exit', resolveExit));
    this.child.send({ type: 'stop' } satisfies ParentMessage);
    await withTimeout(exited, 20_000, 'the analytics consumer stopping').catch((error) => {
      progress(`${(error as Error).message}; killing process ${this.child.pid}`);
      this.child.kill('SIGKILL');
    });
  }
}

async function deleteNamespace(kafka: Kafka, namespace: string, groups: string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.deleteGroups(groups).catch(() => undefined);
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(namespace));
    if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 15_000 });
    progress(`deleted ${topics.length} topics of ${namespace}`);
  } finally {
    await admin.disconnect();
  }
}

// --- a. bare ceiling --------------------------------------------------------------------------

async function bareCeiling(kafka: Kafka, topic: string, group: string, database: string): Promise<{ eventsPerS: number; seconds: number; cpu: Record<string, number> }> {
  const records = sampleRecords(1000);
  const messages = Array.from({ length: N }, (_, i) => {
    const r = records[i % records.length];
    return { key: r.key, value: r.value, headers: r.headers };
  });
  const consumer = kafka.consumer({ groupId: group, allowAutoTopicCreation: false });
  // Plain (not idempotent), the same murmur2 partitioner as the relay's producer.
  const producer = kafka.producer({ allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
  let consumed = 0;
  let lastConsumedAt = 0;
  let joined!: () => void;
  const hasJoined = new Promise<void>((resolve) => (joined = resolve));
  consumer.on(consumer.events.GROUP_JOIN, () => joined());
  try {
    await Promise.all([consumer.connect(), producer.connect()]);
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachBatch: async ({ batch }) => {
        consumed += batch.messages.length;
        if (consumed >= N && !lastConsumedAt) lastConsumedAt = Date.now();
      },
    });
    await withTimeout(hasJoined, 60_000, 'bare consumer joining its group');
    const meter = new CpuMeter({}, { database });
    const firstSend = Date.now();
    const SEND_BATCH = 1000;
    const IN_FLIGHT = 4;
    let next = 0;
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        for (let start = (next += SEND_BATCH) - SEND_BATCH; start < N; start = (next += SEND_BATCH) - SEND_BATCH) {
          await producer.sendBatch({ acks: -1, topicMessages: [{ topic, messages: messages.slice(start, start + SEND_BATCH) }] });
        }
      }),
    );
    const sentAt = Date.now();
    await pollUntil('the bare consumer to read every record', async () => consumed, (n) => n >= N, { timeoutMs: PHASE_TIMEOUT_MS, intervalMs: 5 });
    const seconds = (lastConsumedAt - firstSend) / 1000;
    const cpu = meter.read();
    progress(
      `bare: ${N} records produced in ${((sentAt - firstSend) / 1000).toFixed(2)} s, consumed by ${seconds.toFixed(2)} s -> ${Math.round(N / seconds)} events/s; cores used ${JSON.stringify(cpu)}`,
    );
    return { eventsPerS: N / seconds, seconds, cpu };
  } finally {
    await consumer.disconnect().catch(() => undefined);
    await producer.disconnect().catch(() => undefined);
  }
}

// --- b. pipeline throughput -------------------------------------------------------------------

function startRelays(b: Backbone, count: number): OutboxRelay[] {
  return Array.from({ length: count }, (_, i) => {
    const relay = new OutboxRelay({
      dataSource: b.relayDs,
      producer: b.relayProducers[i],
      databaseUrl: b.db.url,
      ...(RELAY_BATCH ? { batchSize: RELAY_BATCH } : {}),
    });
    relay.start();
    return relay;
  });
}

type Tallies = Map<string, { count: number; ms: number; rows: number }>;

async function pipelineThroughput(b: Backbone, relayCount: number, events: number, courseKey: string, quiet = false) {
  sends.reset();
  b.writerTimings.take();
  b.relayTimings.take();
  await b.analytics.collect();
  const relays = startRelays(b, relayCount);
  const meter = new CpuMeter({ analytics: b.analytics.pid }, { database: b.db.name });
  const t0 = Date.now();
  let writersDoneAt = 0;
  let relayedAt = 0;
  try {
    const batches = Math.ceil(events / WRITER_BATCH);
    let nextBatch = 0;
    const writers = Promise.all(
      Array.from({ length: WRITERS }, async () => {
        for (let batch = nextBatch++; batch < batches; batch = nextBatch++) {
          const from = batch * WRITER_BATCH;
          const to = Math.min(events, from + WRITER_BATCH);
          const completions = Array.from({ length: to - from }, (_, j) => completion(courseKey, from + j));
          const published = await recordCompletions(b.writerDs, completions);
          if (published !== completions.length) throw new Error(`writer published ${published} of ${completions.length} events`);
        }
      }),
    ).then(() => (writersDoneAt = Date.now()));
    writers.catch(() => undefined);
    let lastReport = 0;
    const doneAt = await pollUntil(
      `${events} events of ${courseKey} to be projected`,
      async () => {
        if (!relayedAt && sends.count >= events) relayedAt = Date.now();
        return projectedCount(b.pollDs, courseKey);
      },
      (n) => n >= events,
      {
        timeoutMs: PHASE_TIMEOUT_MS,
        onTick: (n) => {
          if (!quiet && Date.now() - lastReport > 2000) {
            lastReport = Date.now();
            progress(`  ${relayCount} relay(s): written ${writersDoneAt ? 'all' : '...'}, relayed ${sends.count}, projected ${n} / ${events}`);
          }
        },
      },
    );
    await writers;
    if (!relayedAt) relayedAt = doneAt;
    const wallMs = doneAt - t0;
    const consumer = new Map((await b.analytics.collect()).timings) as Tallies;
    const result = {
      relays: relayCount,
      eventsPerS: (events * 1000) / wallMs,
      seconds: wallMs / 1000,
      writtenS: (writersDoneAt - t0) / 1000,
      relayedS: (relayedAt - t0) / 1000,
      cpu: meter.read(),
      writer: b.writerTimings.take(),
      relay: b.relayTimings.take(),
      consumer,
    };
    if (!quiet) {
      progress(
        `pipeline, ${relayCount} relay(s): ${events} events in ${result.seconds.toFixed(2)} s -> ${Math.round(result.eventsPerS)} events/s ` +
          `(writers done at ${result.writtenS.toFixed(2)} s, relayed by ${result.relayedS.toFixed(2)} s); cores used ${JSON.stringify(result.cpu)}`,
      );
      process.stderr.write(`${formatTallies(`    writers (${WRITERS} together)`, result.writer, wallMs)}\n`);
      process.stderr.write(`${formatTallies(`    relay${relayCount > 1 ? 's (summed)' : ''}`, result.relay, wallMs)}\n`);
      process.stderr.write(`${formatTallies('    consumer (analytics process)', result.consumer, wallMs)}\n`);
    }
    return result;
  } finally {
    await Promise.all(relays.map((relay) => relay.stop()));
  }
}

// --- c. latency at a steady rate --------------------------------------------------------------

async function steadyLatency(b: Backbone, courseKey: string, seconds: number) {
  sends.reset();
  sends.track = true;
  b.writerTimings.take();
  b.relayTimings.take();
  await b.analytics.collect();
  b.analytics.track(courseKey);
  const relays = startRelays(b, LATENCY_RELAYS);
  const intervalMs = (EVENTS_PER_STEADY_TX * 1000) / RATE;
  const ticks = Math.round((seconds * 1000) / intervalMs);
  const events = ticks * EVENTS_PER_STEADY_TX;
  const meter = new CpuMeter({ analytics: b.analytics.pid }, { database: b.db.name });
  try {
    await sleep(300); // the relays' LISTEN connections are up before the first commit
    const inFlight = new Set<Promise<unknown>>();
    let late = 0;
    let maxInFlight = 0;
    const start = performance.now();
    const stopReports = every(5000, () => progress(`  steady: ${sends.count} of ${events} relayed so far, ${inFlight.size} writer transactions in flight`));
    for (let k = 0; k < ticks; k += 1) {
      const wait = start + k * intervalMs - performance.now();
      if (wait > 0) await sleep(wait);
      else if (wait < -intervalMs) late += 1;
      const completions = Array.from({ length: EVENTS_PER_STEADY_TX }, (_, j) => completion(courseKey, k * EVENTS_PER_STEADY_TX + j));
      const tx: Promise<unknown> = recordCompletions(b.writerDs, completions).finally(() => inFlight.delete(tx));
      inFlight.add(tx);
      maxInFlight = Math.max(maxInFlight, inFlight.size);
      if (inFlight.size >= 8) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    const writtenS = (performance.now() - start) / 1000;
    await pollUntil(`${events} steady events to be projected`, () => projectedCount(b.pollDs, courseKey), (n) => n >= events, {
      timeoutMs: PHASE_TIMEOUT_MS,
    });
    stopReports();
    const wallMs = performance.now() - start;
    const cpu = meter.read();
    const report = await b.analytics.collect();
    const handler: number[] = [];
    const committed: number[] = [];
    const toRelay: number[] = [];
    const delivery: number[] = [];
    for (const [id, time, handledAt, committedAt] of report.events) {
      handler.push(handledAt - time);
      committed.push(committedAt - time);
      const sentAt = sends.at.get(id);
      if (sentAt !== undefined) {
        toRelay.push(sentAt - time);
        delivery.push(handledAt - sentAt);
      }
    }
    const result = {
      events,
      cpu,
      rate: events / writtenS,
      handler: summarize(handler),
      committed: summarize(committed),
      relay: summarize(toRelay),
      delivery: summarize(delivery),
    };
    progress(
      `steady: ${events} events at ${Math.round(result.rate)} events/s over ${writtenS.toFixed(1)} s (${late} ticks late by more than one interval, ` +
        `at most ${maxInFlight} writer transactions in flight); cores used ${JSON.stringify(cpu)}`,
    );
    const fmt = (s: ReturnType<typeof summarize>) => `p50 ${s.p50} ms, p90 ${s.p90} ms, p99 ${s.p99} ms, max ${s.max} ms (n=${s.count})`;
    progress(`  latency envelope time -> handler:          ${fmt(result.handler)}`);
    progress(`  latency envelope time -> consumer commit:  ${fmt(result.committed)}`);
    progress(`    envelope time -> relay's send returned:  ${fmt(result.relay)}`);
    progress(`    relay's send returned -> handler:        ${fmt(result.delivery)}`);
    process.stderr.write(`${formatTallies('    writers', b.writerTimings.take(), wallMs)}\n`);
    process.stderr.write(`${formatTallies('    relay', b.relayTimings.take(), wallMs)}\n`);
    process.stderr.write(`${formatTallies('    consumer (analytics process)', new Map(report.timings) as Tallies, wallMs)}\n`);
    return result;
  } finally {
    sends.track = false;
    b.analytics.track('');
    await Promise.all(relays.map((r) => r.stop()));
  }
}

// --- wiring -----------------------------------------------------------------------------------

function mean(values: number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : Number.NaN;
}

/** The broker may be restarted for a few seconds by someone else's tests: wait up to 60 s for it. */
async function infrastructure(): Promise<{ brokers: string }> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await ensureInfrastructure();
    } catch (error) {
      if (attempt >= 12) throw error;
      progress(`${(error as Error).message.split('. ')[0]}; retrying in 5 s`);
      await sleep(5000);
    }
  }
}

async function main(): Promise<void> {
  const cleanUp = new CleanUp();
  const namespace = `bench-${Date.now()}.`;
  process.env.KAFKA_NAMESPACE = namespace;
  let result: Record<string, unknown> | undefined;
  try {
    const { brokers } = await infrastructure();
    const loadBefore = await machineLoad(1000);
    progress(
      `namespace ${namespace}, broker ${brokers}, N=${N}, relays ${RELAY_COUNTS.join('/')}, ${WRITERS} writers x ${WRITER_BATCH} events per transaction; ` +
        `machine busy before start: ${loadBefore} of ${cpus().length} cores`,
    );
    if (loadBefore > 0.3) progress(`WARNING: something else keeps ${loadBefore} cores busy; the figures will be lower than on an idle machine`);
    const kafka = createKafka({ brokers: parseBrokers(brokers), clientId: 'socialmakers-bench' });
    const topic = qualified(Topics.learningProgress.name);
    const group = qualified('bench.analytics');
    const bareTopic = qualified('bench.bare.v1');
    const bareGroup = qualified('bench.bare');
    cleanUp.add('delete the benchmark topics and groups', () => deleteNamespace(kafka, namespace, [group, bareGroup]));
    await provisionTopics(kafka, [
      { ...Topics.learningProgress, name: topic },
      { ...Topics.learningProgress, name: bareTopic, description: 'bare ceiling' },
      deadLetterTopicFor(group),
    ]);

    const db = await TestDatabase.create('bench_backbone');
    cleanUp.add(`drop database ${db.name}`, () => db.drop());
    const setup = await new DataSource({ type: 'postgres', url: db.url, migrations: [MessagingTables1764316800000], migrationsRun: true }).initialize();
    await createWorkloadTables(setup);
    await setup.destroy();

    let bare: { eventsPerS: number; seconds: number; cpu?: Record<string, number> } = { eventsPerS: Number.NaN, seconds: Number.NaN };
    if (!args['skip-bare']) {
      progress(`a. bare ceiling: ${N} records through ${bareTopic} (${Topics.learningProgress.partitions} partitions)`);
      bare = await bareCeiling(kafka, bareTopic, bareGroup, db.name);
    }

    const b: Backbone = {
      kafka,
      db,
      writerDs: await openDataSource(db.url, WRITERS + 4),
      relayDs: await openDataSource(db.url, 4),
      pollDs: await openDataSource(db.url, 2),
      relayProducers: [],
      writerTimings: new QueryTimings(),
      relayTimings: new QueryTimings(),
      analytics: undefined as unknown as AnalyticsProcess,
    };
    cleanUp.add('close the data sources', () => Promise.all([b.writerDs, b.relayDs, b.pollDs].map((ds) => ds.destroy())));
    b.writerTimings.attach(b.writerDs);
    b.relayTimings.attach(b.relayDs);
    for (let i = 0; i < Math.max(...RELAY_COUNTS, LATENCY_RELAYS); i += 1) {
      const producer = createEventProducer(kafka);
      await producer.connect();
      cleanUp.add(`disconnect relay producer ${i}`, () => producer.disconnect());
      b.relayProducers.push(
        timeSends(producer, b.relayTimings, 'kafka sendBatch (acks -1)', (ids, at) => {
          sends.count += ids.length;
          if (sends.track) for (const id of ids) sends.at.set(id, at);
        }),
      );
    }

    const byHandler: Array<{ handler: string; pipeline: Awaited<ReturnType<typeof pipelineThroughput>>[]; steady: Awaited<ReturnType<typeof steadyLatency>> }> = [];
    for (const handler of HANDLERS) {
      const primary = handler === HANDLERS[0];
      const label = handler === 'batch' ? 'batch handler (handleBatch: 2 multi-row upserts per chunk)' : 'per-event handler (handle: 2 upserts per event)';
      progress(`consumer: ${label}, in its own process`);
      b.analytics = AnalyticsProcess.start({
        DATABASE_URL: db.url,
        KAFKA_BROKERS: brokers,
        KAFKA_NAMESPACE: namespace,
        GROUP: group,
        TOPIC: topic,
        HANDLER: handler,
        ...(CHUNK ? { CHUNK: String(CHUNK) } : {}),
        ...(COMMIT_INTERVAL !== undefined ? { COMMIT_INTERVAL } : {}),
        ...(PARTITIONS_PER_TX !== undefined ? { PARTITIONS_PER_TX } : {}),
      });
      const analytics = b.analytics;
      cleanUp.add(`stop the ${handler} consumer process`, () => analytics.stop());
      await analytics.whenJoined();

      progress('warm-up: 5,000 events through the pipeline (not measured)');
      await pipelineThroughput(b, 1, 5000, `bench-warm-up-${handler}`, true);

      const pipeline = [];
      const events = primary ? N : EVENT_HANDLER_N;
      const relayCounts = primary ? RELAY_COUNTS : [byHandler[0].pipeline.reduce((a, c) => (c.eventsPerS > a.eventsPerS ? c : a)).relays];
      for (const relays of relayCounts) {
        progress(`b. pipeline throughput, ${handler} handler: ${events} events, ${relays} relay(s)`);
        pipeline.push(await pipelineThroughput(b, relays, events, `bench-throughput-${handler}-r${relays}`));
      }
      const seconds = primary ? STEADY_SECONDS : EVENT_HANDLER_STEADY_SECONDS;
      progress(`c. latency, ${handler} handler: ${RATE} events/s for ${seconds} s (${EVENTS_PER_STEADY_TX} events per transaction), ${LATENCY_RELAYS} relay(s)`);
      const steady = await steadyLatency(b, `bench-steady-${handler}`, seconds);
      byHandler.push({ handler, pipeline, steady });
      await analytics.stop();
    }

    const [main, ...others] = byHandler;
    const best = main.pipeline.reduce((a, c) => (c.eventsPerS > a.eventsPerS ? c : a));
    result = {
      bench: 'backbone',
      pipeline_events_per_s: Math.round(best.eventsPerS),
      bare_events_per_s: Math.round(bare.eventsPerS),
      ratio: round(best.eventsPerS / bare.eventsPerS, 2),
      p50_ms: main.steady.handler.p50,
      p99_ms: main.steady.handler.p99,
      handler: main.handler,
      events: N,
      relays: best.relays,
      pipeline_by_relays: Object.fromEntries(main.pipeline.map((p) => [String(p.relays), Math.round(p.eventsPerS)])),
      steady_rate: Math.round(main.steady.rate),
      p50_committed_ms: main.steady.committed.p50,
      p99_committed_ms: main.steady.committed.p99,
      ...Object.fromEntries(
        others.flatMap((o) => [
          [`${o.handler}_handler_events`, EVENT_HANDLER_N],
          [`${o.handler}_handler_pipeline_events_per_s`, Math.round(o.pipeline[0].eventsPerS)],
          [`${o.handler}_handler_p50_ms`, o.steady.handler.p50],
          [`${o.handler}_handler_p99_ms`, o.steady.handler.p99],
        ]),
      ),
      writers: `${WRITERS}x${WRITER_BATCH}`,
      machine_busy_before: loadBefore,
      // Cores other programs (other databases' backends included) kept busy during the measured
      // phases, mean over the phases: the noise indicator.
      other_cores: round(
        mean([bare.cpu, ...byHandler.flatMap((h) => [...h.pipeline.map((p) => p.cpu), h.steady.cpu])].flatMap((c) => (c ? [c.others] : []))),
        2,
      ),
      ...(args.profile
        ? {
            profile: byHandler.flatMap((h) =>
              h.pipeline.map((p) => ({
                handler: h.handler,
                relays: p.relays,
                seconds: round(p.seconds, 2),
                cpu: p.cpu,
                relay: talliesToJson(p.relay),
                consumer: talliesToJson(p.consumer),
              })),
            ),
          }
        : {}),
    };
  } catch (error) {
    progress(`FAILED: ${(error as Error).stack ?? String(error)}`);
    process.exitCode = 1;
  } finally {
    progress('cleaning up');
    await cleanUp.runAll();
  }
  if (result) printResult(result);
  // kafkajs and pg may keep timers alive for a while after disconnecting.
  setTimeout(() => process.exit(), 100).unref();
}

void main();
