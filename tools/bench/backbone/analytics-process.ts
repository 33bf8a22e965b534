// The consuming side of the backbone benchmark, in a process of its own as the analytics service runs
// in production: a ConsumerRunner projecting ModuleCompletedV1 into the analytics tables. Forked by
// backbone.bench.ts with an IPC channel:
//   parent -> child  { type: 'track', courseKey }  record latencies of that course's events from now on
//                    { type: 'collect' }           answer with a 'report' and reset what was recorded
//                    { type: 'stop' }              stop the consumer, close everything, exit
//   child -> parent  { type: 'joined' } once the consumer has joined its group; { type: 'report', ... }
// Settings come from the environment: DATABASE_URL, KAFKA_BROKERS, KAFKA_NAMESPACE, GROUP, TOPIC,
// HANDLER (event: the per-event `handle`, one upsert pair per event; batch: `handleBatch`, one
// multi-row upsert pair per chunk), CHUNK, COMMIT_INTERVAL and PARTITIONS_PER_TX (optional: the
// runner's chunkSize, commitIntervalMs and partitionsPerTransaction; its defaults otherwise).
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { ModuleCompletedV1 } from '@socialmakers/contracts';
import { ConsumerRunner, createEventProducer, createKafka, parseBrokers, type EventEnvelope } from '@socialmakers/messaging';
import { projectCompletion, projectCompletions } from './workload';
import { QueryTimings } from './timings';

export type ParentMessage = { type: 'track'; courseKey: string } | { type: 'collect' } | { type: 'stop' };

export interface ConsumerReport {
  type: 'report';
  /** Per tracked event: id, envelope time, Date.now() in the handler, Date.now() after its chunk committed. */
  events: Array<[id: string, time: number, handledAt: number, committedAt: number]>;
  timings: Array<[label: string, tally: { count: number; ms: number; rows: number }]>;
}

function setting(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

function send(message: unknown): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  const dataSource = await new DataSource({ type: 'postgres', url: setting('DATABASE_URL'), synchronize: false, extra: { max: 4 } }).initialize();
  const timings = new QueryTimings().attach(dataSource);
  const kafka = createKafka({ brokers: parseBrokers(setting('KAFKA_BROKERS')), clientId: 'socialmakers-bench-analytics' });
  const producer = createEventProducer(kafka);
  await producer.connect();
  // Times the consumer's own Kafka requests (offset commits, heartbeats, fetches) next to the queries.
  const consumerOf = kafka.consumer.bind(kafka);
  kafka.consumer = (config) => {
    const consumer = consumerOf(config);
    consumer.on(consumer.events.REQUEST, ({ payload }) => {
      if (payload.apiName === 'Fetch') timings.add('kafka Fetch (long poll: waits for data)', payload.duration);
      else timings.add(`kafka ${payload.apiName}`, payload.duration);
    });
    return consumer;
  };

  let tracked = '';
  let events: ConsumerReport['events'] = [];
  const pending = new Map<QueryRunner, ConsumerReport['events']>();
  timings.onCommit((runner) => {
    const uncommitted = pending.get(runner);
    if (!uncommitted) return;
    pending.delete(runner);
    const now = Date.now();
    for (const event of uncommitted) {
      event[3] = now;
      events.push(event);
    }
  });

  const track = (envelopes: EventEnvelope[], runner: QueryRunner) => {
    if (!tracked) return;
    const now = Date.now();
    let list = pending.get(runner);
    for (const envelope of envelopes) {
      if ((envelope.data as { courseKey: string }).courseKey !== tracked) continue;
      if (!list) pending.set(runner, (list = []));
      list.push([envelope.id, Date.parse(envelope.time), now, 0]);
    }
  };
  const handler =
    setting('HANDLER') === 'batch'
      ? {
          handleBatch: async (envelopes: EventEnvelope[], manager: EntityManager) => {
            await projectCompletions(envelopes, manager);
            track(envelopes, manager.queryRunner!);
          },
        }
      : {
          handle: async (envelope: EventEnvelope, manager: EntityManager) => {
            await projectCompletion(envelope, manager);
            track([envelope], manager.queryRunner!);
          },
        };
  const runner = new ConsumerRunner({
    kafka,
    dataSource,
    producer,
    group: setting('GROUP'),
    topics: [setting('TOPIC')],
    handledTypes: new Set([ModuleCompletedV1.type]),
    ...(process.env.CHUNK ? { chunkSize: Number(process.env.CHUNK) } : {}),
    ...(process.env.COMMIT_INTERVAL ? { commitIntervalMs: Number(process.env.COMMIT_INTERVAL) } : {}),
    ...(process.env.PARTITIONS_PER_TX ? { partitionsPerTransaction: Number(process.env.PARTITIONS_PER_TX) } : {}),
    onMembershipChange: (change) => change === 'joined' && send({ type: 'joined' }),
    ...handler,
  });

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await runner.stop().catch(() => undefined);
    await producer.disconnect().catch(() => undefined);
    await dataSource.destroy().catch(() => undefined);
    process.exit(code);
  };
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'track') {
      tracked = message.courseKey;
    } else if (message.type === 'collect') {
      const report: ConsumerReport = { type: 'report', events, timings: [...timings.take().entries()] };
      events = [];
      send(report);
    } else if (message.type === 'stop') {
      void stop(0);
    }
  });
  // The parent went away (killed, crashed): do not linger.
  process.on('disconnect', () => void stop(0));
  await runner.start();
}

main().catch((error: unknown) => {
  process.stderr.write(`analytics consumer failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
