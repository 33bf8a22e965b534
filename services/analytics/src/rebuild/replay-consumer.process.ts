// One consumer of a rebuild's replay group, in a process of its own (rebuildProjections forks one per
// replay consumer). kafkajs decodes a whole fetch response without yielding to the event loop, and a
// replay from offset 0 fills every fetch: with all consumers in the rebuild's process, each fetch's
// decoding held up the other consumers' transactions between two statements. A process each keeps
// their event loops apart and spreads their JavaScript over the machine's cores.
//
// It reads its settings from the environment variable REPLAY_CONSUMER (JSON, below), tells the
// rebuild when it is ready (loaded and connected), joins the replay group when the rebuild sends
// 'join', and stops (committing its offsets) when it sends 'stop'.
import { DataSource } from 'typeorm';
import { EventCatalogue } from '@socialmakers/contracts';
import { ConsumerRunner, createEventProducer, createKafka, type KafkaSettings } from '@socialmakers/messaging/plain';
import { analyticsDataSourceOptions } from '../database/data-source';
import { ProjectorService } from '../projections/projector.service';

export interface ReplayConsumerSettings {
  databaseUrl: string;
  kafka: KafkaSettings;
  group: string;
  topics: string[];
  chunkSize: number;
}

/** What a replay consumer process tells the rebuild. */
export type ReplayConsumerReport = { ready: true } | { started: true } | { stopped: true } | { failed: string };

function report(message: ReplayConsumerReport): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  const settings = JSON.parse(process.env.REPLAY_CONSUMER ?? '') as ReplayConsumerSettings;
  const dataSource = await new DataSource(analyticsDataSourceOptions(settings.databaseUrl)).initialize();
  const kafka = createKafka(settings.kafka);
  const producer = createEventProducer(kafka);
  await producer.connect();
  const projector = new ProjectorService();
  const runner = new ConsumerRunner({
    kafka,
    dataSource,
    producer,
    group: settings.group,
    topics: settings.topics,
    handledTypes: new Set(Object.keys(EventCatalogue)),
    // The event log only; the rebuild writes the facts from it, and counts the counters from them, once at its end.
    handleBatch: (envelopes, manager) => projector.apply(envelopes, manager, 'replay'),
    // No inbox rows for the replay group (they would be deleted at the end): the projector is
    // idempotent by itself, as it must be anyway since the live group applies the same events.
    inbox: false,
    chunkSize: settings.chunkSize,
    // The rebuild learns that the replay is over from the committed offsets: the last ones are not
    // held back long (each commit is one small request, in the background).
    commitIntervalMs: 50,
    // The consumers join one after another: the first learns of the next one's join at its next
    // heartbeat, and the next one waits for that (3 s at the default interval).
    heartbeatIntervalMs: 50,
    // Both consumers join at once, so one of them joins again (the group rebalancing): soon.
    clientRetryInitialMs: 50,
    // The rebuild stops its consumers as soon as they have caught up, and a stop waits for the
    // fetch in flight, which the broker holds while there is nothing new (5 s at the default).
    maxWaitTimeMs: 100,
  });
  const stop = async () => {
    await runner.stop();
    await producer.disconnect();
    await dataSource.destroy();
    report({ stopped: true });
    process.exit(0);
  };
  process.on('message', (message) => {
    if (message === 'join') void runner.start().then(() => report({ started: true }), fail);
    if (message === 'stop') void stop().catch(fail);
  });
  // The rebuild going away (killed) leaves nobody to stop this consumer: stop with it.
  process.once('disconnect', () => process.exit(1));
  report({ ready: true });
}

function fail(error: unknown): void {
  report({ failed: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
}

main().catch(fail);
