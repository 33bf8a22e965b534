import type { EntityManager } from 'typeorm';

/**
 * The event log's keys, which a rebuild drops while its replay appends rows by COPY (a random-order
 * B-tree on event ids cost more than the rest of the row) and builds again at its end.
 */
const EVENT_LOG_KEYS = [
  { name: 'event_log_pkey', add: 'PRIMARY KEY (seq)' },
  // Led by the id, on columns that compare bytewise: the rebuild's sort for it is three times faster
  // than one led by the source (migration EventLogKeyById).
  { name: 'event_log_event_key', add: 'UNIQUE (event_id, event_source)' },
];

/** SQL that is true while both keys are there (their indexes bear the constraints' names). */
export const EVENT_LOG_KEYED = EVENT_LOG_KEYS.map((key) => `to_regclass('${key.name}') IS NOT NULL`).join(' AND ');

export async function dropEventLogKeys(manager: EntityManager): Promise<void> {
  for (const key of EVENT_LOG_KEYS) await manager.query(`ALTER TABLE event_log DROP CONSTRAINT IF EXISTS ${key.name}`);
}

async function missingKeys(manager: EntityManager): Promise<typeof EVENT_LOG_KEYS> {
  const present = new Set(
    ((await manager.query(`SELECT conname FROM pg_constraint WHERE conrelid = 'event_log'::regclass`)) as Array<{ conname: string }>).map((row) => row.conname),
  );
  return EVENT_LOG_KEYS.filter((key) => !present.has(key.name));
}

/**
 * Keys the event log again where its keys are missing: an event delivered more than once keeps its
 * first row, then the keys are built. Idempotent. The live projector calls it when it finds them
 * missing (EVENT_LOG_KEYED, asked with its chunk's lock), so that a rebuild killed before its end
 * does not leave the live consumer unable to write: a running rebuild holds the live writers off, so a live writer that finds the keys
 * missing knows the rebuild that dropped them is gone.
 */
export async function restoreEventLogKeys(manager: EntityManager): Promise<void> {
  const missing = await missingKeys(manager);
  if (missing.length === 0) return;
  const addKeys = `ALTER TABLE event_log ${missing.map((key) => `ADD CONSTRAINT ${key.name} ${key.add}`).join(', ')}`;
  // Most replays read each event once: the keys are built straight away, and the repeats are looked
  // for only when the unique key meets one (a search of every row, as long as building the key).
  await manager.query('SAVEPOINT event_log_keys');
  try {
    await manager.query(addKeys);
    await manager.query('RELEASE SAVEPOINT event_log_keys');
    return;
  } catch (error) {
    if ((error as { code?: unknown }).code !== UNIQUE_VIOLATION) throw error;
    await manager.query('ROLLBACK TO SAVEPOINT event_log_keys');
  }
  // Hashing the keys finds the few repeats; a window over a million rows would sort them all.
  await manager.query(
    `DELETE FROM event_log e
     USING (SELECT event_source, event_id, min(seq) AS kept FROM event_log GROUP BY 1, 2 HAVING count(*) > 1) d
     WHERE e.event_source = d.event_source AND e.event_id = d.event_id AND e.seq <> d.kept`,
  );
  await manager.query(addKeys);
}

const UNIQUE_VIOLATION = '23505';
