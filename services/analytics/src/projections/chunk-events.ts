import type { PoolClient } from 'pg';
import type { EntityManager } from 'typeorm';
import { recordDataOf, type EventEnvelope } from '@socialmakers/messaging/plain';
import { copyRows, CopyRows } from '../database/copy-rows';
import { countryOf } from './event-country';
import { occurredAt } from './event-time';

/**
 * The chunk being applied, as rows of a temporary table of the connection: the event log is copied
 * from it and every fact statement reads its events' payloads from it in PostgreSQL
 * (`jsonb_to_record`), so that the consumer only decodes, checks and streams each event once (COPY)
 * and never builds a row per table for it. Its rows go at commit.
 */
export const CHUNK_EVENTS = 'chunk_events';

/** The event log's columns; the staged chunk has them and `n`, each event's place in the chunk (the log keeps the chunk's order). */
export const EVENT_LOG_COLUMNS = ['event_source', 'event_id', 'type', 'subject', 'occurred_at', 'recorded_at', 'country', 'data'] as const;

const CREATE = `CREATE TEMPORARY TABLE IF NOT EXISTS ${CHUNK_EVENTS} (
  n integer NOT NULL, event_source text NOT NULL, event_id text NOT NULL, type text NOT NULL, subject text,
  occurred_at timestamptz NOT NULL, recorded_at timestamptz NOT NULL, country text, data jsonb NOT NULL
) ON COMMIT DELETE ROWS`;

/** Connections known to have the table (temporary tables live as long as their connection). */
const created = new WeakSet<PoolClient>();

/**
 * The chunk's rows: each event's place (when `numbered`: the staged chunk's `n`), its event log
 * columns, and its data as JSON, taken as the record carried it when that is exactly the data
 * (recordDataOf), else serialised.
 */
function eventRows(envelopes: EventEnvelope[], numbered: boolean): CopyRows {
  let expected = 0;
  for (const e of envelopes) expected += 256 + (recordDataOf(e)?.length ?? 512);
  const rows = new CopyRows(expected);
  envelopes.forEach((e, n) => {
    if (numbered) rows.value(n);
    rows.value(e.source).value(e.id).value(e.type).value(e.subject).value(occurredAt(e)).value(e.time).value(countryOf(e));
    const data = recordDataOf(e);
    (data ? rows.utf8(data) : rows.value(JSON.stringify(e.data))).endRow();
  });
  return rows;
}

/** The events as rows of the event log (EVENT_LOG_COLUMNS), in their order: a replay appends them by COPY. */
export function eventLogRows(envelopes: EventEnvelope[]): CopyRows {
  return eventRows(envelopes, false);
}

/**
 * Puts the chunk's events into `chunk_events`, in the manager's transaction (which empties it at
 * commit). A caller whose transaction fails calls `forgetStagedTable`.
 */
export async function stageChunk(manager: EntityManager, envelopes: EventEnvelope[]): Promise<void> {
  const client = (await manager.queryRunner!.connect()) as PoolClient;
  if (!created.has(client)) {
    await manager.query(CREATE);
    created.add(client);
  }
  // Empty already, unless a caller applies two chunks in one transaction.
  await manager.query(`DELETE FROM ${CHUNK_EVENTS}`);
  await copyRows(manager, CHUNK_EVENTS, ['n', ...EVENT_LOG_COLUMNS], eventRows(envelopes, true));
}

/**
 * Forgets the table of the manager's connection: called when a chunk's transaction fails, since its
 * rollback undoes the table's creation if that transaction created it.
 */
export async function forgetStagedTable(manager: EntityManager): Promise<void> {
  const runner = manager.queryRunner;
  if (runner) created.delete((await runner.connect()) as PoolClient);
}
