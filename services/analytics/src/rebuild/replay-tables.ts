import type { DataSource, EntityManager } from 'typeorm';
import { PROJECTION_TABLES } from '../projections/projector.service';
import { buildEventLogKeyIndexes, dropEventLogKeys, restoreEventLogKeys } from '../projections/event-log-keys';
import * as facts from '../projections/facts';
import { RECOUNT_STEPS, type FinishStep } from '../projections/recount';

/**
 * What no statement of the replay needs, left out while it runs and built once at the end, in one
 * sort each, as bulk loaders do, instead of being maintained row by row: the event log's keys
 * (projections/event-log-keys.ts) and these secondary indexes, which the streams, exports and the
 * report read (and the finish's facts that read a few of the log's events), each after what it follows.
 */
const INDEXES_AFTER_REPLAY = [
  {
    name: 'event_log_type_time',
    create: 'CREATE INDEX IF NOT EXISTS event_log_type_time ON event_log (type, occurred_at)',
    after: [],
  },
  {
    name: 'module_completions_time',
    create: 'CREATE INDEX IF NOT EXISTS module_completions_time ON module_completions (completed_at)',
    after: ['facts: module completions'],
  },
];

/** Memory for each sort, hash and index build of the rebuild's finish (FINISH_CONNECTIONS run side by side). */
const REBUILD_WORK_MEM = '256MB';

/** Empties the projections for a replay and drops what is built after it. */
export async function prepareForReplay(manager: EntityManager): Promise<void> {
  await manager.query(`TRUNCATE ${PROJECTION_TABLES.join(', ')}`);
  for (const index of INDEXES_AFTER_REPLAY) await manager.query(`DROP INDEX IF EXISTS ${index.name}`);
  await dropEventLogKeys(manager);
}

/** The event log keyed again (restoreEventLogKeys) and the indexes built after the replay. Idempotent. */
export async function restoreEventLog(manager: EntityManager): Promise<void> {
  await restoreEventLogKeys(manager);
  for (const index of INDEXES_AFTER_REPLAY) await manager.query(index.create);
}

/** The connections the finish runs its steps on: the machine's two cores, as the replay's two consumers. */
const FINISH_CONNECTIONS = 2;

/** The counters' tables, analysed once their last step is done. */
const COUNTER_TABLES_ANALYSED = ['enrolment_years', 'enrolment_counts', 'reach_people', 'reach_counts'];

/** A finish step that writes facts from the whole event log. */
function fromLog(write: (log: facts.FactSource) => Promise<unknown>): FinishStep['run'] {
  return async (manager) => void (await write(facts.eventLogSource(manager)));
}

/** The event log ready for reading a few of its events: its type index built, the table analysed (for the plans). */
const LOG_INDEXED = ['event log analysed'];

/**
 * The facts, written from the whole replayed event log in a step per table (the same statements as
 * live, facts.ts). A programme's attendances, module completions and enrolments are most of its
 * events: their steps read the whole log, from the start. The others read a few events each, through
 * the log's type index once it is there, instead of the whole log once per statement.
 */
const FACT_STEPS: readonly FinishStep[] = [
  { name: 'facts: attendances', after: [], run: fromLog((log) => facts.writeAttendances(log, 'load')) },
  { name: 'facts: module completions', after: [], run: fromLog((log) => facts.writeModuleCompletions(log, 'load')) },
  { name: 'facts: enrolments', after: [], run: fromLog((log) => facts.writeEnrolmentEvents(log, 'load')) },
  // The activities the attendances name are loaded with them, into the empty table: before the others' upserts.
  { name: 'facts: activities', after: [...LOG_INDEXED, 'facts: attendances'], run: fromLog((log) => facts.writeActivities(log, 'load')) },
  { name: 'facts: catalogue', after: LOG_INDEXED, run: fromLog(facts.writeCatalogue) },
  { name: 'facts: course completions', after: LOG_INDEXED, run: fromLog((log) => facts.writeCourseCompletions(log, 'load')) },
  { name: 'facts: certificates', after: LOG_INDEXED, run: fromLog((log) => facts.writeCertificates(log, 'load')) },
  { name: 'facts: community', after: LOG_INDEXED, run: fromLog((log) => facts.writeCommunity(log, 'load')) },
];
const FACT_STEP_NAMES = FACT_STEPS.map((step) => step.name);

/** The fact steps each counter's step reads the facts of (the others read them all). */
const COUNTED_FROM: Readonly<Record<string, readonly string[]>> = {
  // Empties the people reached; the enrolled are read from the enrolments' standing, and the counts
  // from the people's rows, which follow their facts already.
  'reach emptied': [],
  'reach: enrolments': [],
  'reach counts': [],
  'reach key': [],
  enrolments: ['facts: enrolments'],
  'reach: module completions': ['facts: module completions'],
  'reach: attendances': ['facts: attendances'],
  activities: ['facts: activities'],
  'daily counts': ['facts: module completions', 'facts: course completions', 'facts: certificates'],
};

/**
 * What the finish does after the replay, which appended every event to the event log and wrote
 * nothing else: the facts written from the log (FACT_STEPS), the counters counted from the facts
 * (RECOUNT_STEPS), the event log made whole (its repeats removed and its keys' indexes built while
 * the facts read it; the keys attached after, which locks its readers out), the indexes built after
 * the replay, and each table analysed once written (for the report's and the streams' plans, as
 * after any bulk load). Steps on the same table that would lock each other out follow each other.
 */
const FINISH_WORK: readonly FinishStep[] = [
  ...FACT_STEPS,
  { name: 'event log key indexes', after: [], run: buildEventLogKeyIndexes },
  { name: 'event log keys', after: ['event log key indexes', 'index event_log_type_time', ...FACT_STEP_NAMES], run: restoreEventLogKeys },
  ...INDEXES_AFTER_REPLAY.map((index) => ({
    name: `index ${index.name}`,
    // Once its table is written (a finish step's name: the index follows it).
    after: index.after,
    run: async (manager: EntityManager) => void (await manager.query(index.create)),
  })),
  ...RECOUNT_STEPS.map((step) => ({ ...step, after: [...step.after, ...(COUNTED_FROM[step.name] ?? FACT_STEP_NAMES)] })),
  {
    // After the index builds too: an ANALYZE waits for any index build on its table.
    name: 'event log analysed',
    after: ['index event_log_type_time', 'event log key indexes'],
    run: async (manager) => void (await manager.query('ANALYZE event_log')),
  },
  {
    name: 'counters analysed',
    after: ['enrolments', 'reach key'],
    run: async (manager) => void (await manager.query(`ANALYZE ${COUNTER_TABLES_ANALYSED.join(', ')}`)),
  },
  {
    name: 'facts analysed',
    after: ['activities', 'daily counts', 'index module_completions_time', ...FACT_STEP_NAMES],
    run: async (manager) => {
      const factTables = PROJECTION_TABLES.filter((table) => table !== 'event_log' && !COUNTER_TABLES_ANALYSED.includes(table));
      await manager.query(`ANALYZE ${factTables.join(', ')}`);
    },
  },
];

/**
 * The steps taken first when more than one can start, by the work that must follow each one before
 * the finish can end (measured in a million-event finish), the most first: emptying the people
 * reached (instant, and their rows wait for it); the facts that most of the events are, each at the
 * head of a chain through the people reached, their counts and key (5.8, 4.8 and 4.3 s of work with
 * the fact step); the event log's index builds, which the small facts wait for; the enrolments'
 * standing; the people reached. The small steps fill in at the end, in FINISH_WORK's order.
 */
const TAKEN_FIRST = [
  'reach emptied',
  'facts: attendances',
  'facts: module completions',
  'facts: enrolments',
  'index event_log_type_time',
  'event log key indexes',
  'enrolments',
  'reach: attendances',
  'reach: module completions',
  'reach: enrolments',
  'event log analysed',
  'reach counts',
  'reach key',
];
const misnamed = TAKEN_FIRST.filter((name) => !FINISH_WORK.some((step) => step.name === name));
if (misnamed.length > 0) throw new Error(`TAKEN_FIRST names no step of the finish: ${misnamed.join(', ')}`);
const rank = (step: FinishStep) => (TAKEN_FIRST.includes(step.name) ? TAKEN_FIRST.indexOf(step.name) : TAKEN_FIRST.length);
const FINISH_STEPS = [...FINISH_WORK].sort((a, b) => rank(a) - rank(b));

/**
 * Runs the finish's steps (FINISH_STEPS) on FINISH_CONNECTIONS connections, each step in a
 * transaction of its own as soon as the steps it follows are committed, the first such in the list
 * first: the longest chain (the enrolments' standing, the people reached, their counts) and the
 * largest sorts (the event log's keys and index) keep both cores busy to the end instead of one
 * connection's fixed half waiting for the other's. Returns each step's time (ms). The caller holds
 * the live writers off (holdLiveWriters) until this returns; a failed step fails the rebuild, after
 * the steps under way have ended.
 */
export async function finishReplay(dataSource: DataSource): Promise<Record<string, number>> {
  return runSteps(FINISH_STEPS, FINISH_CONNECTIONS, (work) =>
    dataSource.transaction(async (manager) => {
      // Sorts and hashes over every fact of the programme, in memory instead of spilled to disk in
      // 4 MB runs (PostgreSQL's defaults); for the finish's transactions only (one rebuild at a time).
      await manager.query(`SET LOCAL work_mem = '${REBUILD_WORK_MEM}'`);
      await manager.query(`SET LOCAL maintenance_work_mem = '${REBUILD_WORK_MEM}'`);
      await work(manager);
    }),
  );
}

/**
 * Runs `steps` on `connections` connections at once, each in a transaction of its own (`transaction`)
 * as soon as the steps it follows are done, the first such in the list first. Returns each step's
 * time (ms). On a failure no further step starts, and it rejects with the first failure once the
 * steps under way have ended.
 */
export async function runSteps(
  steps: readonly FinishStep[],
  connections: number,
  transaction: (work: (manager: EntityManager) => Promise<void>) => Promise<unknown>,
): Promise<Record<string, number>> {
  const names = new Set(steps.map((step) => step.name));
  for (const step of steps) {
    const unknown = step.after.filter((name) => !names.has(name));
    if (unknown.length > 0) throw new Error(`the step "${step.name}" follows unknown steps: ${unknown.join(', ')}`);
  }
  const timings: Record<string, number> = {};
  const done = new Set<string>();
  const taken = new Set<string>();
  let failed = false;
  let waiting: Array<() => void> = [];
  const wakeAll = () => {
    const woken = waiting;
    waiting = [];
    for (const wake of woken) wake();
  };
  const connection = async () => {
    while (!failed && taken.size < steps.length) {
      const step = steps.find((candidate) => !taken.has(candidate.name) && candidate.after.every((name) => done.has(name)));
      if (!step) {
        // Nothing can start and nothing is under way to end: the rest follow each other in a circle.
        if (taken.size === done.size) throw new Error(`the steps ${steps.filter((s) => !taken.has(s.name)).map((s) => `"${s.name}"`).join(', ')} follow each other in a circle`);
        await new Promise<void>((resolve) => waiting.push(resolve));
        continue;
      }
      taken.add(step.name);
      const started = Date.now();
      try {
        await transaction(step.run);
      } catch (error) {
        failed = true;
        wakeAll();
        throw error;
      }
      timings[step.name] = Date.now() - started;
      done.add(step.name);
      wakeAll();
    }
  };
  const outcomes = await Promise.allSettled(Array.from({ length: connections }, connection));
  const failure = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failure) throw failure.reason;
  return timings;
}
