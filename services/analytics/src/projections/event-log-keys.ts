import type { EntityManager } from 'typeorm';

/**
 * The event log's keys, which a rebuild drops while its replay appends rows by COPY (a random-order
 * B-tree on event ids cost more than the rest of the row) and builds again at its end.
 */
const EVENT_LOG_KEYS = [
  { name: 'event_log_pkey', constraint: 'PRIMARY KEY', columns: '(seq)' },
  // Led by the id, on columns that compare bytewise: the rebuild's sort for it is three times faster
  // than one led by the source (migration EventLogKeyById).
  { name: 'event_log_event_key', constraint: 'UNIQUE', columns: '(event_id, event_source)' },
];

/** SQL that is true while both keys are there. */
export const EVENT_LOG_KEYED = `(SELECT count(*) FROM pg_constraint WHERE conrelid = 'event_log'::regclass AND conname IN (${EVENT_LOG_KEYS.map((key) => `'${key.name}'`).join(', ')})) = ${EVENT_LOG_KEYS.length}`;

export async function dropEventLogKeys(manager: EntityManager): Promise<void> {
  for (const key of EVENT_LOG_KEYS) {
    await manager.query(`ALTER TABLE event_log DROP CONSTRAINT IF EXISTS ${key.name}`);
    // An index built for a key that a rebuild cut short never attached.
    await manager.query(`DROP INDEX IF EXISTS ${key.name}`);
  }
}

async function missingKeys(manager: EntityManager): Promise<typeof EVENT_LOG_KEYS> {
  const present = new Set(
    ((await manager.query(`SELECT conname FROM pg_constraint WHERE conrelid = 'event_log'::regclass`)) as Array<{ conname: string }>).map((row) => row.conname),
  );
  return EVENT_LOG_KEYS.filter((key) => !present.has(key.name));
}

/**
 * Builds the unique indexes of the event log's keys where they are missing: an event delivered more
 * than once keeps its first row, then they are built. Building an index lets the log be read
 * meanwhile (where adding the key would lock its readers out for the whole sort), so a rebuild's
 * finish builds them while it writes the facts from the log, and attaches them as keys after
 * (restoreEventLogKeys). Idempotent.
 */
export async function buildEventLogKeyIndexes(manager: EntityManager): Promise<void> {
  const build = async () => {
    for (const key of EVENT_LOG_KEYS) await manager.query(`CREATE UNIQUE INDEX IF NOT EXISTS ${key.name} ON event_log ${key.columns}`);
  };
  // Most replays read each event once: the indexes are built straight away, and the repeats are
  // looked for only when the unique one meets one (a search of every row, as long as building it).
  await manager.query('SAVEPOINT event_log_keys');
  try {
    await build();
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
  await build();
}

/**
 * Keys the event log again where its keys are missing (their indexes built first where missing,
 * buildEventLogKeyIndexes). Idempotent. The live projector calls it when it finds them missing
 * (EVENT_LOG_KEYED, asked with its chunk's lock), so that a rebuild killed before its end does not
 * leave the live consumer unable to write: a running rebuild holds the live writers off, so a live
 * writer that finds the keys missing knows the rebuild that dropped them is gone.
 */
export async function restoreEventLogKeys(manager: EntityManager): Promise<void> {
  const missing = await missingKeys(manager);
  if (missing.length === 0) return;
  await buildEventLogKeyIndexes(manager);
  await manager.query(`ALTER TABLE event_log ${missing.map((key) => `ADD CONSTRAINT ${key.name} ${key.constraint} USING INDEX ${key.name}`).join(', ')}`);
}

const UNIQUE_VIOLATION = '23505';
