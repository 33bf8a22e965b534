import type { DataSource, EntityManager } from 'typeorm';
import { PROJECTION_TABLES } from '../projections/projector.service';
import { recountFromFacts } from '../projections/recount';

/**
 * What no statement of the replay needs, left out while it runs and built once at the end, in one
 * sort each, as bulk loaders do, instead of being maintained row by row: the event log's keys (its
 * rows are appended by COPY; a random-order B-tree on event ids cost more than the rest of the row)
 * and the secondary indexes only the streams, exports and the report read.
 */
const EVENT_LOG_KEYS = [
  { name: 'event_log_pkey', add: 'PRIMARY KEY (seq)' },
  { name: 'event_log_event_source_event_id_key', add: 'UNIQUE (event_source, event_id)' },
];
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
  for (const key of EVENT_LOG_KEYS) await manager.query(`ALTER TABLE event_log DROP CONSTRAINT IF EXISTS ${key.name}`);
}

/**
 * Makes the event log whole again after a replay (or after one that failed, so that the live
 * consumer can write): an event delivered more than once keeps its first row, then the keys and
 * indexes are built. Idempotent.
 */
export async function restoreEventLog(manager: EntityManager): Promise<void> {
  const present = new Set(
    ((await manager.query(`SELECT conname FROM pg_constraint WHERE conrelid = 'event_log'::regclass`)) as Array<{ conname: string }>).map((row) => row.conname),
  );
  const missing = EVENT_LOG_KEYS.filter((key) => !present.has(key.name));
  if (missing.length > 0) {
    // Hashing the keys finds the few repeats; a window over a million rows would sort them all.
    await manager.query(
      `DELETE FROM event_log e
       USING (SELECT event_source, event_id, min(seq) AS kept FROM event_log GROUP BY 1, 2 HAVING count(*) > 1) d
       WHERE e.event_source = d.event_source AND e.event_id = d.event_id AND e.seq <> d.kept`,
    );
    await manager.query(`ALTER TABLE event_log ${missing.map((key) => `ADD CONSTRAINT ${key.name} ${key.add}`).join(', ')}`);
  }
  for (const index of INDEXES_AFTER_REPLAY) await manager.query(index.create);
}

/**
 * After the replay: the event log made whole and the report's counters counted from the facts, side
 * by side on two connections (different tables; each is one backend's work). The caller holds the
 * live writers off (holdLiveWriters) until this returns.
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
  const [counters, eventLog] = await Promise.all([timed(recountFromFacts), timed(restoreEventLog)]);
  // Fresh statistics for the report's and the streams' plans, as after any bulk load.
  await dataSource.query(`ANALYZE ${PROJECTION_TABLES.join(', ')}`);
  return { counters, eventLog };
}
