import type { DataSource, EntityManager } from 'typeorm';
import { PROJECTION_TABLES } from '../projections/projector.service';
import { dropEventLogKeys, restoreEventLogKeys } from '../projections/event-log-keys';
import { ENROLMENT_AND_REACH_TABLES, recountActivitiesAndDays, recountEnrolmentsAndReach } from '../projections/recount';

/**
 * What no statement of the replay needs, left out while it runs and built once at the end, in one
 * sort each, as bulk loaders do, instead of being maintained row by row: the event log's keys
 * (projections/event-log-keys.ts) and the secondary indexes only the streams, exports and the report read.
 */
const INDEXES_AFTER_REPLAY = [
  { name: 'event_log_type_time', create: 'CREATE INDEX IF NOT EXISTS event_log_type_time ON event_log (type, occurred_at)' },
  { name: 'module_completions_time', create: 'CREATE INDEX IF NOT EXISTS module_completions_time ON module_completions (completed_at)' },
];

/** Memory for each sort, hash and index build of the rebuild's finish (two run side by side). */
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

/**
 * After the replay, side by side on two connections (different tables; each is one backend's work),
 * each side then analysing what it wrote, for the report's and the streams' plans, as after any bulk
 * load:
 * - `counters`: the enrolments' standing and counts and the people reached (the longer chain of
 *   counters, each from the one before);
 * - `eventLog`: the event log made whole (its repeats removed, its keys and indexes built), then
 *   each activity's named participants and the daily counts, and the facts' statistics.
 * The caller holds the live writers off (holdLiveWriters) until this returns.
 */
export async function finishReplay(dataSource: DataSource): Promise<{ counters: number; eventLog: number }> {
  const timed = async (work: (manager: EntityManager) => Promise<void>) => {
    const started = Date.now();
    await dataSource.transaction(async (manager) => {
      // Sorts and hashes over every fact of the programme, in memory instead of spilled to disk in 4 MB
      // runs (PostgreSQL's defaults); for these two transactions only, and one rebuild runs at a time.
      await manager.query(`SET LOCAL work_mem = '${REBUILD_WORK_MEM}'`);
      await manager.query(`SET LOCAL maintenance_work_mem = '${REBUILD_WORK_MEM}'`);
      await work(manager);
    });
    return Date.now() - started;
  };
  const reach: readonly string[] = ENROLMENT_AND_REACH_TABLES;
  const others = PROJECTION_TABLES.filter((table) => !reach.includes(table));
  const [counters, eventLog] = await Promise.all([
    timed(async (manager) => {
      await recountEnrolmentsAndReach(manager);
      await manager.query(`ANALYZE ${reach.join(', ')}`);
    }),
    timed(async (manager) => {
      await restoreEventLog(manager);
      await recountActivitiesAndDays(manager);
      await manager.query(`ANALYZE ${others.join(', ')}`);
    }),
  ]);
  return { counters, eventLog };
}
