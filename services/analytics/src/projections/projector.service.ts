import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PersonErasedV1 } from '@socialmakers/contracts';
import type { EventEnvelope } from '@socialmakers/messaging';
import { anonymiseErased } from '../privacy/erasure';
import { copyRows } from '../database/copy-rows';
import { EVENT_LOG_KEYED, restoreEventLogKeys } from './event-log-keys';
import { CHUNK_EVENTS, EVENT_LOG_COLUMNS, eventLogRows, forgetStagedTable, stageChunk } from './chunk-events';
import { applyEnrolmentCounts, refreshEnrolmentStanding, type EnrolmentCount } from './enrolment-standing';
import {
  chunkSource,
  writeActivities,
  writeAttendances,
  writeCatalogue,
  writeCertificates,
  writeCommunity,
  writeCourseCompletions,
  writeEnrolmentEvents,
  writeModuleCompletions,
} from './facts';
import { applyDayCounts, applyReach, applyReachCounts, dayOf, yearOf, type DayChange, type ReachChange } from './reach';

/**
 * Keeps projection writers from misreading each other: the counters move by differences read in the
 * writer's transaction. The live consumer takes it alone for each chunk; a rebuild holds it for its
 * whole run (its session), so the live consumer waits and goes on afterwards where it was.
 */
const PROJECTION_WRITER_LOCK = 7_340_612;

/**
 * The rebuild's replay consumers append to the event log side by side. A chunk with an erasure
 * rewrites the rows already logged under the erased person's id, in every partition's events: it
 * takes this lock alone, so that no chunk that looked the erased people up before it is still being
 * appended meanwhile.
 */
const REPLAY_WRITER_LOCK = 7_340_613;

/**
 * Who applies a chunk.
 * - 'live': the live consumer. The facts are upserted and the report's counters move with every fact
 *   change, in the same transaction; the event log is upserted on its key.
 * - 'replay': a rebuild's replay. The chunk is only appended to the event log by COPY (the log has no
 *   keys during the replay, and a keyed log refuses a repeat); the rebuild's finish writes the facts
 *   from the whole log in one statement per table (facts.ts, the same statements), counts the
 *   counters from them (recount.ts) and keys the log, its repeats removed (rebuild/replay-tables.ts).
 */
export type ProjectionWriter = 'live' | 'replay';

/** Holds the live writers' lock for the rest of the session: no live chunk is applied until it is released. */
export async function holdLiveWriters(manager: EntityManager): Promise<void> {
  await manager.query('SELECT pg_advisory_lock($1)', [PROJECTION_WRITER_LOCK]);
}

/** Every projection table, for the rebuild (event_log last: it is what the streams read). */
export const PROJECTION_TABLES = [
  'catalogue_modules',
  'enrolment_events',
  'module_completions',
  'course_completions',
  'certificates',
  'activities',
  'attendances',
  'stakeholders',
  'introductions',
  'connections',
  'network_snapshots',
  'daily_counts',
  'enrolment_years',
  'enrolment_counts',
  'reach_people',
  'reach_counts',
  'erased_people',
  'event_log',
] as const;

/**
 * A replay chunk: erased people's ids replaced (and, for an erasure, the rows already logged
 * rewritten), then its events appended to the event log.
 */
async function appendReplayChunk(manager: EntityManager, consumed: EventEnvelope[]): Promise<void> {
  const erasing = consumed.some((e) => e.type === PersonErasedV1.type);
  // A replay's commits need not wait for their flush to disk: a rebuild that a crash of the database
  // interrupted fails and is run again (it checks that its own session lasted), and the rebuild's
  // finish, which commits with the flush, flushes every commit before it.
  const lock = erasing ? 'pg_advisory_xact_lock($1)' : 'pg_advisory_xact_lock_shared($1)';
  await manager.query(`SELECT ${lock}, set_config('synchronous_commit', 'off', true)`, [REPLAY_WRITER_LOCK]);
  const envelopes = await anonymiseErased(manager, consumed);
  await copyRows(manager, 'event_log', EVENT_LOG_COLUMNS, eventLogRows(envelopes));
}

/**
 * Applies consumed events to the projections. Live, set-based: the chunk is staged once
 * (chunk-events.ts) and each table gets one statement per chunk that reads its events there
 * (facts.ts); the report's counters move only by what those upserts actually changed (reach.ts,
 * enrolment-standing.ts), so they converge whatever the order and repeats of deliveries. A replay
 * appends to the event log only (ProjectionWriter).
 */
@Injectable()
export class ProjectorService {
  async apply(consumed: EventEnvelope[], manager: EntityManager, writer: ProjectionWriter = 'live'): Promise<void> {
    if (consumed.length === 0) return;
    if (writer === 'replay') return appendReplayChunk(manager, consumed);
    try {
      await this.applyChunk(consumed, manager);
    } catch (error) {
      await forgetStagedTable(manager);
      throw error;
    }
  }

  private async applyChunk(consumed: EventEnvelope[], manager: EntityManager): Promise<void> {
    // In the same round trip: whether the event log still has its keys (a rebuild killed mid-replay
    // leaves them dropped; see event-log-keys.ts).
    const [{ keyed }] = (await manager.query(`SELECT pg_advisory_xact_lock($1), ${EVENT_LOG_KEYED} AS keyed`, [PROJECTION_WRITER_LOCK])) as Array<{ keyed: boolean }>;
    if (!keyed) await restoreEventLogKeys(manager);
    const envelopes = await anonymiseErased(manager, consumed);
    await stageChunk(manager, envelopes);
    const source = chunkSource(manager, new Set<string>(envelopes.map((e) => e.type)));
    const reach: ReachChange[] = [];
    const days: DayChange[] = [];
    const enrolmentCounts: EnrolmentCount[] = [];

    // In the chunk's order, so that the sequence follows the order the events were applied in.
    await manager.query(
      `INSERT INTO event_log (${EVENT_LOG_COLUMNS.join(', ')})
       SELECT ${EVENT_LOG_COLUMNS.join(', ')} FROM ${CHUNK_EVENTS} ORDER BY n
       ON CONFLICT DO NOTHING`,
    );
    await writeCatalogue(source);

    const enrolments = await writeEnrolmentEvents(source, 'live');
    const standing = await refreshEnrolmentStanding(manager, enrolments.map((row) => row.enrolment_id));
    reach.push(...standing.reach);
    enrolmentCounts.push(...standing.counts);

    for (const row of await writeModuleCompletions(source, 'live')) {
      days.push({ day: dayOf(row.at), metric: 'moduleCompleted', courseKey: row.course_key, moduleKey: row.module_key, delta: 1 });
      reach.push({ year: yearOf(row.at), stage: 'moduleCompleted', country: row.country, personId: row.person_id, delta: 1 });
      if (row.old_at === null) continue;
      days.push({ day: dayOf(row.old_at), metric: 'moduleCompleted', courseKey: row.course_key, moduleKey: row.module_key, delta: -1 });
      reach.push({ year: yearOf(row.old_at), stage: 'moduleCompleted', country: row.old_country, personId: row.person_id, delta: -1 });
    }
    for (const row of await writeCourseCompletions(source, 'live')) {
      days.push({ day: dayOf(row.at), metric: 'courseCompleted', courseKey: row.course_key, delta: 1 });
      if (row.old_at !== null) days.push({ day: dayOf(row.old_at), metric: 'courseCompleted', courseKey: row.course_key, delta: -1 });
    }
    for (const row of await writeCertificates(source, 'live')) days.push({ day: dayOf(row.issued_at), metric: 'certificate', courseKey: row.course_key, delta: 1 });

    await writeCommunity(source, 'live');
    await writeActivities(source, 'live');
    for (const a of await writeAttendances(source, 'live')) {
      reach.push({
        year: yearOf(a.attended_at),
        stage: a.kind === 'workshop' ? 'attendedWorkshop' : 'attendedFestivalOrWebinar',
        country: a.country,
        personId: a.person_id,
        delta: 1,
      });
    }

    const people = await applyReach(manager, reach);
    // The hot counters last, always in this order and in key order.
    await applyEnrolmentCounts(manager, enrolmentCounts);
    await applyDayCounts(manager, days);
    await applyReachCounts(manager, people);
  }
}
