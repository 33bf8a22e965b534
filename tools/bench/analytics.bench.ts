// Analytics: replaying the event streams into the projections (the rebuild), against a bare kafkajs
// consume of the same records in the same run, and the results report on the data it built.
//
//   npm run bench:analytics [-- --events 1000000] [--chunk N (the rebuild's default)] [--consumers 2] [--keep-database]
//
// 1. Writes N CloudEvents of a programme's realistic mix (enrolments, module completions thinning out,
//    course completions and certificates, activities scheduled and held, attendances, headcounts,
//    registrations) onto the catalogue's topics, in a namespace of its own.
// 2. Bare ceiling: a plain kafkajs consumer (eachBatch, fromBeginning) counts them, nothing else.
// 3. Replay: the rebuild (services/analytics/src/rebuild) on a fresh analytics database: decode and
//    validate every record, the projections (no inbox rows: the replay group keeps none), offsets,
//    the indexes built after the replay: the whole path of a rebuild.
// 4. The report for the year of the data, timed after one warm-up (median of 5), checked equal to
//    the same report counted from the facts.
// The last line of stdout is {"bench":"analytics","replay_events_per_s",…,"report_ms"}.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { Partitioners, type Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { allTopics, definitionOf, partitionKeyOf, qualified, subjectOf, Topics, type EventType, type PayloadOf } from '@socialmakers/contracts';
import { parseBrokers, provisionTopics, sourceOf, toKafkaRecord, type EventEnvelope } from '@socialmakers/messaging';
import { TestDatabase } from '@socialmakers/testing';
import { analyticsDataSourceOptions } from '../../services/analytics/src/database/data-source';
import { rebuildProjections, replayGroup } from '../../services/analytics/src/rebuild/rebuild-projections';
import { ReportService } from '../../services/analytics/src/results/report.service';
import { parsePeriod } from '../../services/analytics/src/common/period';
import { useBenchNamespace } from './support/bench-setup';
import { CleanUp, CpuMeter, machineLoad, pollUntil, printResult, progress, round, withTimeout } from './support/bench-kit';

const { values: args } = parseArgs({ options: { events: { type: 'string', default: '1000000' }, chunk: { type: 'string' }, consumers: { type: 'string', default: '2' }, 'keep-database': { type: 'boolean', default: false } } });
const N = Number(args.events);
const PHASE_TIMEOUT_MS = 30 * 60_000;

/** A tiny deterministic generator, so every run writes the same programme. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const COUNTRIES = ['SI', 'AT', 'HR', 'HU', 'CZ', 'SK', 'PL', 'IT', 'DE'];
const MODULES = ['active-citizenship', 'social-challenges', 'social-innovation', 'designing-solutions', 'business-models', 'financing', 'implementation'];
const COURSE = 'social-innovation-academy';

function envelope<T extends EventType>(type: T, data: PayloadOf<T>): EventEnvelope {
  const definition = definitionOf(type);
  return {
    id: randomUUID(), source: sourceOf(definition.producer), type, subject: subjectOf(definition, data), time: '2026-01-01T00:00:00.000Z',
    specversion: '1.0', datacontenttype: 'application/json', data, partitionkey: partitionKeyOf(definition, data),
  } as EventEnvelope;
}

/**
 * The mix, per 100 events: ~13 enrolments, ~52 module completions (thinning along seven modules),
 * ~2 course completions and certificates, ~1 activity (scheduled + held + headcount), ~25 attendances,
 * ~5 registrations. Dates over 2018.
 */
function* programme(total: number): Generator<EventEnvelope> {
  const random = seeded(2018);
  const day = (offset: number) => new Date(Date.UTC(2018, 0, 1) + Math.floor(offset) * 86_400_000 + Math.floor(random() * 86_400_000)).toISOString();
  let produced = 0;
  const emit = function* (e: EventEnvelope) {
    produced += 1;
    yield e;
  };
  yield* emit(
    envelope('org.socialmakers.learning.course.published.v1', {
      courseKey: COURSE, title: { en: 'Social Innovation Academy' }, summary: { en: 'Seven modules.' }, publishedAt: '2018-09-01T00:00:00.000Z',
      modules: MODULES.map((moduleKey, i) => ({ moduleKey, position: i + 1, title: { en: moduleKey }, summary: { en: moduleKey }, required: true })),
    }),
  );
  const learners: Array<{ id: string; country: string }> = [];
  while (produced < total) {
    // One learner and what they do.
    const learner = { id: randomUUID(), country: COUNTRIES[Math.floor(random() * COUNTRIES.length)] };
    learners.push(learner);
    if (learners.length > 5000) learners.shift();
    const start = random() * 300;
    yield* emit(envelope('org.socialmakers.learning.enrolment.created.v1', { enrolmentId: randomUUID(), personId: learner.id, courseKey: COURSE, country: learner.country, enrolledAt: day(start) }));
    const reach = Math.floor(random() * 8);
    for (let m = 0; m < Math.min(reach, 7) && produced < total; m += 1) {
      yield* emit(
        envelope('org.socialmakers.learning.module.completed.v1', {
          personId: learner.id, courseKey: COURSE, moduleKey: MODULES[m], country: learner.country, score: 60 + Math.floor(random() * 41), completedAt: day(start + m * 3),
        }),
      );
    }
    if (reach === 7 && random() < 0.5 && produced + 2 <= total) {
      yield* emit(envelope('org.socialmakers.learning.course.completed.v1', { personId: learner.id, courseKey: COURSE, country: learner.country, completedAt: day(start + 25) }));
      yield* emit(
        envelope('org.socialmakers.learning.certificate.issued.v1', {
          certificateId: randomUUID(), personId: learner.id, courseKey: COURSE, verificationCode: `SIA-${Math.floor(random() * 1e12).toString(36).toUpperCase().padStart(8, '0')}`,
          country: learner.country, issuedAt: day(start + 25),
        }),
      );
    }
    // Every ~7th learner: an activity with ~25 named participants (some learners), walk-ins and registrations.
    if (learners.length > 50 && random() < 0.14) {
      const kind = random() < 0.8 ? 'workshop' : random() < 0.5 ? 'festival' : 'webinar';
      const activityId = randomUUID();
      const country = COUNTRIES[Math.floor(random() * COUNTRIES.length)];
      const moduleKey = kind === 'workshop' ? MODULES[Math.floor(random() * 7)] : undefined;
      const lecturerIds = kind === 'workshop' ? [randomUUID()] : [];
      const when = day(random() * 360);
      const organiserId = randomUUID();
      yield* emit(
        envelope('org.socialmakers.events.activity.scheduled.v1', {
          activityId, kind, title: `${kind} in ${country}`, organiserId, country, city: 'City', timeZone: 'Europe/Ljubljana', startsAt: when, endsAt: when,
          courseKey: moduleKey ? COURSE : undefined, moduleKey, lecturerIds, topic: kind === 'webinar' ? 'Funding' : undefined, scheduledAt: '2018-01-01T00:00:00.000Z',
        }),
      );
      const named = 10 + Math.floor(random() * 30);
      for (let p = 0; p < 5 && produced < total; p += 1) {
        yield* emit(
          envelope('org.socialmakers.events.registration.created.v1', {
            registrationId: randomUUID(), activityId, kind, personId: randomUUID(), status: 'confirmed', country, registeredAt: when,
          }),
        );
      }
      for (let p = 0; p < named && produced < total; p += 1) {
        const person = random() < 0.45 ? learners[Math.floor(random() * learners.length)].id : randomUUID();
        yield* emit(
          envelope('org.socialmakers.events.attendance.recorded.v1', {
            attendanceId: randomUUID(), activityId, kind, personId: person, country, organiserId, courseKey: moduleKey ? COURSE : undefined, moduleKey, lecturerIds,
            source: 'sign-in-sheet', attendedAt: when,
          }),
        );
      }
      if (produced + 2 <= total) {
        const walkIns = Math.floor(random() * 20);
        yield* emit(envelope('org.socialmakers.events.headcount.recorded.v1', { activityId, kind, country, walkIns, recordedAt: when }));
        yield* emit(envelope('org.socialmakers.events.activity.held.v1', { activityId, kind, country, courseKey: moduleKey ? COURSE : undefined, moduleKey, participants: named, walkIns, heldAt: when }));
      }
    }
  }
}

async function writeEvents(kafka: Kafka): Promise<void> {
  const producer = kafka.producer({ allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  try {
    const pending = new Map<string, Array<{ key: string; value: string; headers: Record<string, string> }>>();
    let written = 0;
    const inFlight: Array<Promise<unknown>> = [];
    const flush = async () => {
      const topicMessages = [...pending.entries()].map(([topic, messages]) => ({ topic, messages }));
      pending.clear();
      inFlight.push(producer.sendBatch({ acks: -1, topicMessages }));
      if (inFlight.length >= 4) await inFlight.shift();
    };
    for (const event of programme(N)) {
      const record = toKafkaRecord(event);
      const topic = qualified(definitionOf(event.type).topic.name);
      const list = pending.get(topic) ?? pending.set(topic, []).get(topic)!;
      list.push({ key: record.key, value: record.value, headers: record.headers });
      written += 1;
      if (written % 5000 === 0) await flush();
      if (written % 200_000 === 0) progress(`  written ${written}`);
    }
    await flush();
    await Promise.all(inFlight);
  } finally {
    await producer.disconnect();
  }
}

async function bareConsume(kafka: Kafka, topics: string[], group: string): Promise<number> {
  const consumer = kafka.consumer({ groupId: group, allowAutoTopicCreation: false });
  let consumed = 0;
  const started = Date.now();
  let doneAt = 0;
  await consumer.connect();
  try {
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({
      eachBatch: async ({ batch }) => {
        consumed += batch.messages.length;
        if (consumed >= N && !doneAt) doneAt = Date.now();
      },
    });
    await pollUntil('the bare consumer to read every record', async () => consumed, (n) => n >= N, { timeoutMs: PHASE_TIMEOUT_MS, intervalMs: 5 });
    // From subscribing (the group join included, as for the replay) to the last record.
    return N / ((doneAt - started) / 1000);
  } finally {
    await consumer.disconnect().catch(() => undefined);
  }
}

async function main(): Promise<void> {
  const cleanUp = new CleanUp();
  let result: Record<string, unknown> | undefined;
  try {
    // The groups are named at clean-up time, once the namespace is set (qualified() reads it).
    const { kafka, namespace, brokers } = await useBenchNamespace('analytics', cleanUp, () => [bareGroup, replayGroup()]);
    const bareGroup = qualified('bench.analytics.bare');
    const load = await machineLoad(1000);
    progress(`namespace ${namespace}, broker ${brokers}, N=${N}; machine busy before start: ${load} of ${cpus().length} cores`);
    await provisionTopics(kafka, allTopics());
    const topics = Object.values(Topics).map((topic) => qualified(topic.name));

    progress(`1. writing ${N} events onto ${topics.length} topics`);
    const writeStarted = Date.now();
    await writeEvents(kafka);
    progress(`   written in ${((Date.now() - writeStarted) / 1000).toFixed(1)} s`);

    progress('2. bare ceiling: a plain kafkajs consumer reads them all');
    const bareMeter = new CpuMeter();
    const bare = await bareConsume(kafka, topics, bareGroup);
    const bareCpu = bareMeter.read();
    progress(`   bare: ${Math.round(bare)} events/s; cores: ${JSON.stringify(bareCpu)}`);

    progress('3. replay into the projections (the rebuild) on a fresh analytics database');
    const db = await TestDatabase.create('bench_analytics');
    // --keep-database leaves the replayed database for a look at its tables and plans afterwards.
    if (args['keep-database']) progress(`   keeping database ${db.name}`);
    else cleanUp.add(`drop database ${db.name}`, () => db.drop());
    const dataSource = await new DataSource({ ...analyticsDataSourceOptions(db.url), migrationsRun: true } as never).initialize();
    cleanUp.add('close the database pool', () => dataSource.destroy());
    let lastShown = 0;
    const replayMeter = new CpuMeter({}, { database: db.name });
    const rebuilt = await withTimeout(
      rebuildProjections({
        dataSource,
        kafka: { brokers: parseBrokers(brokers), clientId: 'socialmakers-bench-analytics' },
        chunkSize: args.chunk === undefined ? undefined : Number(args.chunk),
        consumers: Number(args.consumers),
        onProgress: ({ done, total }) => {
          replayMeter.sample();
          if (done - lastShown >= 100_000) {
            lastShown = done;
            progress(`   ${done}/${total}`);
          }
        },
      }),
      PHASE_TIMEOUT_MS,
      'the replay',
    );
    const replayCpu = replayMeter.read();
    const replay = rebuilt.records / (rebuilt.millis / 1000);
    // CPU per event (µs): steadier than the rates on a shared machine; cores × seconds / events.
    const perEvent = (cores: number, millis: number) => round((cores * millis * 1000) / rebuilt.records, 1);
    const bareMillis = (rebuilt.records / bare) * 1000;
    progress(`   replay: ${rebuilt.records} records in ${(rebuilt.millis / 1000).toFixed(1)} s -> ${Math.round(replay)} events/s; phases (ms) ${JSON.stringify(rebuilt.phases)}; cores: ${JSON.stringify(replayCpu)}; rows ${JSON.stringify(rebuilt.rows)}`);
    await dataSource.query('VACUUM ANALYZE');

    progress('4. the report for 2018');
    const reports = new ReportService(dataSource);
    const period = parsePeriod({ year: '2018' }, 2018);
    const first = await reports.report(period);
    progress(`   enrolled ${first.enrolments.enrolled}, workshops ${first.workshops.held}/${first.workshops.participants}, unique people ${first.uniquePeople.total}`);
    // The counters must give exactly what counting the facts gives.
    const factsStarted = process.hrtime.bigint();
    const fromFacts = await reports.report(period, 'facts');
    const factsMs = Number(process.hrtime.bigint() - factsStarted) / 1e6;
    if (!isDeepStrictEqual(first, fromFacts)) {
      throw new Error(`the report from the counters differs from the report from the facts:\n${JSON.stringify(first)}\n${JSON.stringify(fromFacts)}`);
    }
    progress(`   the same report counted from the facts (${factsMs.toFixed(0)} ms)`);
    const timings: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const started = process.hrtime.bigint();
      await reports.report(period);
      timings.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    const reportMs = timings.sort((a, b) => a - b)[2];
    progress(`   report: ${timings.map((t) => t.toFixed(0)).join(', ')} ms (median ${reportMs.toFixed(0)})`);

    result = {
      bench: 'analytics',
      events: N,
      replay_events_per_s: Math.round(replay),
      bare_consume_events_per_s: Math.round(bare),
      ratio: round(replay / bare, 3),
      report_ms: round(reportMs, 1),
      report_from_facts_ms: round(factsMs, 1),
      replay_consumers: Number(args.consumers),
      replay_node_cpu_us_per_event: perEvent(replayCpu.bench, rebuilt.millis),
      replay_postgres_cpu_us_per_event: perEvent(replayCpu.postgres, rebuilt.millis),
      bare_node_cpu_us_per_event: perEvent(bareCpu.bench, bareMillis),
      replay_other_cores: replayCpu.others,
      machine_busy_before: load,
    };
  } finally {
    await cleanUp.runAll();
  }
  printResult(result!);
  process.exit(0);
}

main().catch((error: unknown) => {
  progress(`failed: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
