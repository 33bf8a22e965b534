import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  ActivityCancelledV1,
  ActivityHeldV1,
  ActivityRescheduledV1,
  ActivityScheduledV1,
  AttendanceRecordedV1,
  CertificateIssuedV1,
  CourseCompletedV1,
  CoursePublishedV1,
  EnrolmentCreatedV1,
  EnrolmentWithdrawnV1,
  HeadcountRecordedV1,
  ModuleCompletedV1,
  ModulePublishedV1,
  ConnectionFormedV1,
  IntroductionRequestedV1,
  NetworkIndicatorsSnapshottedV1,
  PersonErasedV1,
  StakeholderRegisteredV1,
  StakeholderUpdatedV1,
  type EventType,
} from '@socialmakers/contracts';
import type { EventEnvelope } from '@socialmakers/messaging';
import { anonymiseErased } from '../privacy/erasure';
import { EVENT_LOG_KEYED, restoreEventLogKeys } from './event-log-keys';
import { CHUNK_EVENTS, EVENT_LOG_COLUMNS, forgetStagedTable, stageChunk } from './chunk-events';
import { applyEnrolmentCounts, refreshEnrolmentStanding, type EnrolmentCount } from './enrolment-standing';
import { applyDayCounts, applyReach, applyReachCounts, dayOf, yearOf, type DayChange, type ReachChange } from './reach';

/**
 * Runs a fact statement over the chunk's events of `types` (its `$1`), when the chunk has any: the
 * statement reads them from chunk_events as `e`, and their payloads with `jsonb_to_record(e.data)`.
 */
type Facts = <T = unknown>(types: readonly EventType[], sql: string) => Promise<T[]>;

/** The chunk's events of the statement's types (`$1`), and each one's payload as the record `r`. */
const chunkEvents = (payload: string) => `${CHUNK_EVENTS} e, jsonb_to_record(e.data) AS r(${payload}) WHERE e.type = ANY($1::text[])`;

/**
 * Keeps projection writers from misreading each other: the counters move by differences read in the
 * writer's transaction. The live consumer takes it alone for each chunk; a rebuild holds it for its
 * whole run (its session), so the live consumer waits and goes on afterwards where it was.
 */
const PROJECTION_WRITER_LOCK = 7_340_612;

/**
 * The rebuild's replay consumers write side by side: a fact's events share a partition key and a
 * topic, so two of them never touch the same fact. A chunk with an erasure (it rewrites rows of
 * every partition) takes this lock alone.
 */
const REPLAY_WRITER_LOCK = 7_340_613;

/**
 * The exception: an activity's row is written from two topics (its schedule and what was held on
 * events.activity, the attendances and headcounts on events.attendance), whose partitions may go to
 * different replay consumers. Two chunks upserting the same activities in different orders
 * deadlocked (and the loser was applied record by record). So before its first activity statement a
 * replay chunk locks its activities' buckets (the activity id hashed into ACTIVITY_BUCKETS), in
 * ascending order and until its commit: two chunks that share an activity take turns, and lock
 * orders cannot cross. Bucketed, a chunk takes at most that many locks of PostgreSQL's shared lock
 * table, however many activities it names.
 */
const REPLAY_ACTIVITY_LOCK = 7_340_614;
const ACTIVITY_BUCKETS = 1024;

/**
 * An activity's lock bucket: FNV-1a of its id, hashed here rather than by PostgreSQL (which would
 * read every such event's payload of the chunk once more for it). Every replay consumer hashes alike.
 */
export function activityBucketOf(activityId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < activityId.length; i += 1) hash = Math.imul(hash ^ activityId.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % ACTIVITY_BUCKETS;
}

/** The events that write an activity's row. */
const ACTIVITY_TYPES: readonly EventType[] = [
  AttendanceRecordedV1.type,
  ActivityScheduledV1.type,
  ActivityRescheduledV1.type,
  ActivityCancelledV1.type,
  ActivityHeldV1.type,
  HeadcountRecordedV1.type,
];
const ACTIVITY_TYPE_SET: ReadonlySet<string> = new Set(ACTIVITY_TYPES);

/**
 * The upsert of a completion (module or course): it counts once, at its earliest time, with that
 * time's country, the chunk's earliest per key against the stored one. `returned`: the columns of
 * what changed to return (the row's key, `at`, and `old_country` and `old_at`, null for a new row),
 * which the live writer moves the counters by; false for the replay, which only upserts.
 */
function completionUpsert(table: string, key: string, completions: string, returned: string | false): string {
  const earliest = `SELECT DISTINCT ON (${key}) ${key}, country, completed_at FROM (${completions}) completed ORDER BY ${key}, completed_at, country`;
  const upsert = (rows: string) => `INSERT INTO ${table} (${key}, country, completed_at)
       SELECT ${key}, country, completed_at FROM ${rows}
       ON CONFLICT (${key}) DO UPDATE SET completed_at = excluded.completed_at, country = excluded.country
       WHERE (excluded.completed_at, coalesce(excluded.country, '')) < (${table}.completed_at, coalesce(${table}.country, ''))`;
  if (!returned) return upsert(`(${earliest}) r`);
  // What changes is read before the upsert, by key.
  return `WITH r AS (${earliest}), changed AS MATERIALIZED (
         SELECT r.*, stored.country AS old_country, stored.completed_at AS old_at
         FROM r LEFT JOIN ${table} stored USING (${key})
         WHERE stored.person_id IS NULL OR (r.completed_at, coalesce(r.country, '')) < (stored.completed_at, coalesce(stored.country, ''))
       ), up AS (${upsert('changed')})
       SELECT ${returned} FROM changed`;
}

/**
 * Who applies a chunk.
 * - 'live': the live consumer. The report's counters move with every fact change, in the same
 *   transaction; the event log is upserted on its key.
 * - 'replay': a rebuild's replay. Only the facts are written; the rebuild counts the counters from
 *   them once at the end (recount.ts). The event log, without its keys during the replay, is
 *   appended to by COPY and freed of repeated deliveries at the end (rebuild/replay-tables.ts).
 */
export type ProjectionWriter = 'live' | 'replay';

/** Holds the live writers' lock for the rest of the session: no live chunk is applied until it is released. */
export async function holdLiveWriters(manager: EntityManager): Promise<void> {
  await manager.query('SELECT pg_advisory_lock($1)', [PROJECTION_WRITER_LOCK]);
}

async function lockForChunk(manager: EntityManager, writer: ProjectionWriter, erasing: boolean): Promise<void> {
  if (writer === 'replay') {
    // A replay's commits need not wait for their flush to disk: a rebuild that a crash of the database
    // interrupted fails and is run again (it checks that its own session lasted), and the rebuild's
    // finish, which commits with the flush, flushes every commit before it.
    const lock = erasing ? 'pg_advisory_xact_lock($1)' : 'pg_advisory_xact_lock_shared($1)';
    await manager.query(`SELECT ${lock}, set_config('synchronous_commit', 'off', true)`, [REPLAY_WRITER_LOCK]);
    return;
  }
  // In the same round trip: whether the event log still has its keys (a rebuild killed mid-replay
  // leaves them dropped; see event-log-keys.ts).
  const [{ keyed }] = (await manager.query(`SELECT pg_advisory_xact_lock($1), ${EVENT_LOG_KEYED} AS keyed`, [PROJECTION_WRITER_LOCK])) as Array<{ keyed: boolean }>;
  if (!keyed) await restoreEventLogKeys(manager);
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

/** A fact row the upsert inserted (old_at null) or moved to an earlier time (old_at its previous time). */
interface Moved {
  person_id: string;
  course_key: string;
  country: string | null;
  at: Date;
  old_country: string | null;
  old_at: Date | null;
}

/**
 * Applies consumed events to the projections, set-based: the chunk is staged once (chunk-events.ts)
 * and each table gets one statement per chunk that reads its events there, so the live consumer and
 * a replay (both a chunk per call) run the same code. Every fact statement is an upsert whose result
 * does not depend on delivery order or count: first-of (LEAST), latest-by-version, or
 * insert-if-absent, so replaying from offset 0 converges. The report's counters move only by what
 * those upserts actually changed (reach.ts, enrolment-standing.ts), so they converge too.
 */
@Injectable()
export class ProjectorService {
  async apply(consumed: EventEnvelope[], manager: EntityManager, writer: ProjectionWriter = 'live'): Promise<void> {
    if (consumed.length === 0) return;
    try {
      await this.applyChunk(consumed, manager, writer);
    } catch (error) {
      await forgetStagedTable(manager);
      throw error;
    }
  }

  private async applyChunk(consumed: EventEnvelope[], manager: EntityManager, writer: ProjectionWriter): Promise<void> {
    await lockForChunk(manager, writer, consumed.some((e) => e.type === PersonErasedV1.type));
    const moved = writer === 'live';
    const envelopes = await anonymiseErased(manager, consumed);
    await stageChunk(manager, envelopes);
    const present = new Set<string>(envelopes.map((e) => e.type));
    const facts: Facts = async <T>(types: readonly EventType[], sql: string) =>
      types.some((type) => present.has(type)) ? ((await manager.query(sql, [types])) as T[]) : [];
    const reach: ReachChange[] = [];
    const days: DayChange[] = [];
    const enrolmentCounts: EnrolmentCount[] = [];

    // In the chunk's order, so that the sequence follows the order the events were applied in. (A
    // replay's event log has no keys: it appends, and the rebuild removes repeats at its end.)
    await manager.query(
      `INSERT INTO event_log (${EVENT_LOG_COLUMNS.join(', ')})
       SELECT ${EVENT_LOG_COLUMNS.join(', ')} FROM ${CHUNK_EVENTS} ORDER BY n
       ON CONFLICT DO NOTHING`,
    );

    await facts(
      [ModulePublishedV1.type, CoursePublishedV1.type],
      `INSERT INTO catalogue_modules (course_key, module_key, position, title, published_at)
       SELECT DISTINCT ON (course_key, module_key) course_key, module_key, position, title, published_at
       FROM (
         SELECT c."courseKey" AS course_key, m."moduleKey" AS module_key, m.position, m.title->>'en' AS title, c."publishedAt" AS published_at
         FROM (SELECT e.type, r.* FROM ${chunkEvents('"courseKey" text, "moduleKey" text, position int, title jsonb, modules jsonb, "publishedAt" timestamptz')}) c
         CROSS JOIN LATERAL (
           SELECT c."moduleKey", c.position, c.title WHERE c.type = '${ModulePublishedV1.type}'
           UNION ALL
           SELECT * FROM jsonb_to_recordset(c.modules) AS m("moduleKey" text, position int, title jsonb) WHERE c.type = '${CoursePublishedV1.type}'
         ) AS m("moduleKey", position, title)
       ) published
       ORDER BY course_key, module_key, published_at DESC, position DESC, title DESC
       ON CONFLICT (course_key, module_key) DO UPDATE SET position = excluded.position, title = excluded.title, published_at = excluded.published_at
       WHERE (excluded.published_at, excluded.position, excluded.title) > (catalogue_modules.published_at, catalogue_modules.position, catalogue_modules.title)`,
    );

    const enrolments = await facts<{ enrolment_id: string }>(
      [EnrolmentCreatedV1.type, EnrolmentWithdrawnV1.type],
      `INSERT INTO enrolment_events (event_source, event_id, enrolment_id, person_id, course_key, country, action, at)
       SELECT e.event_source, e.event_id, r."enrolmentId", r."personId", r."courseKey", r.country,
              CASE WHEN e.type = '${EnrolmentCreatedV1.type}' THEN 'created' ELSE 'withdrawn' END,
              CASE WHEN e.type = '${EnrolmentCreatedV1.type}' THEN r."enrolledAt" ELSE r."withdrawnAt" END
       FROM ${chunkEvents('"enrolmentId" uuid, "personId" uuid, "courseKey" text, country text, "enrolledAt" timestamptz, "withdrawnAt" timestamptz')}
       ON CONFLICT DO NOTHING
       ${moved ? 'RETURNING enrolment_id' : ''}`,
    );
    if (moved) {
      const standing = await refreshEnrolmentStanding(manager, enrolments.map((row) => row.enrolment_id));
      reach.push(...standing.reach);
      enrolmentCounts.push(...standing.counts);
    }

    // A person's module (or course) completion counts once, at its earliest time, with that time's
    // country; when an earlier one arrives, its counts move from the old day (and country) to the new.
    // Live, what changes is read before the upsert, by key: exact, since no other writer can touch
    // these rows meanwhile (the live writer is alone), and it spares a join of the upsert's rows with
    // the old ones, which PostgreSQL cannot estimate and ran as a nested loop. A replay moves no
    // counters: it only upserts (one look-up of the key per completion instead of two).
    const completedModules = await facts<Moved & { module_key: string }>(
      [ModuleCompletedV1.type],
      completionUpsert(
        'module_completions',
        'person_id, course_key, module_key',
        `SELECT r."personId" AS person_id, r."courseKey" AS course_key, r."moduleKey" AS module_key, r.country, r."completedAt" AS completed_at
         FROM ${chunkEvents('"personId" uuid, "courseKey" text, "moduleKey" text, country text, "completedAt" timestamptz')}`,
        moved && 'person_id, course_key, module_key, country, completed_at AS at, old_country, old_at',
      ),
    );
    for (const row of completedModules) {
      days.push({ day: dayOf(row.at), metric: 'moduleCompleted', courseKey: row.course_key, moduleKey: row.module_key, delta: 1 });
      reach.push({ year: yearOf(row.at), stage: 'moduleCompleted', country: row.country, personId: row.person_id, delta: 1 });
      if (row.old_at === null) continue;
      days.push({ day: dayOf(row.old_at), metric: 'moduleCompleted', courseKey: row.course_key, moduleKey: row.module_key, delta: -1 });
      reach.push({ year: yearOf(row.old_at), stage: 'moduleCompleted', country: row.old_country, personId: row.person_id, delta: -1 });
    }
    const courses = await facts<Moved>(
      [CourseCompletedV1.type],
      completionUpsert(
        'course_completions',
        'person_id, course_key',
        `SELECT r."personId" AS person_id, r."courseKey" AS course_key, r.country, r."completedAt" AS completed_at
         FROM ${chunkEvents('"personId" uuid, "courseKey" text, country text, "completedAt" timestamptz')}`,
        moved && 'course_key, completed_at AS at, old_at',
      ),
    );
    for (const row of courses) {
      days.push({ day: dayOf(row.at), metric: 'courseCompleted', courseKey: row.course_key, delta: 1 });
      if (row.old_at !== null) days.push({ day: dayOf(row.old_at), metric: 'courseCompleted', courseKey: row.course_key, delta: -1 });
    }
    const certificates = await facts<{ course_key: string; issued_at: Date }>(
      [CertificateIssuedV1.type],
      `INSERT INTO certificates (certificate_id, person_id, course_key, country, issued_at)
       SELECT r."certificateId", r."personId", r."courseKey", r.country, r."issuedAt"
       FROM ${chunkEvents('"certificateId" uuid, "personId" uuid, "courseKey" text, country text, "issuedAt" timestamptz')}
       ON CONFLICT DO NOTHING
       ${moved ? 'RETURNING course_key, issued_at' : ''}`,
    );
    for (const row of certificates) days.push({ day: dayOf(row.issued_at), metric: 'certificate', courseKey: row.course_key, delta: 1 });

    await this.applyCommunity(facts);
    // (A live chunk holds every writer off already.)
    if (writer === 'replay') {
      const buckets = new Set<number>();
      for (const e of envelopes) if (ACTIVITY_TYPE_SET.has(e.type)) buckets.add(activityBucketOf((e.data as { activityId: string }).activityId));
      if (buckets.size > 0) {
        await manager.query(`SELECT pg_advisory_xact_lock(${REPLAY_ACTIVITY_LOCK}, bucket) FROM (SELECT unnest($1::int[]) AS bucket ORDER BY 1) buckets`, [
          [...buckets],
        ]);
      }
    }
    const attended = await this.applyActivities(facts, moved);
    if (moved) {
      reach.push(...attended);
      const people = await applyReach(manager, reach);
      // The hot counters last, always in this order and in key order.
      await applyEnrolmentCounts(manager, enrolmentCounts);
      await applyDayCounts(manager, days);
      await applyReachCounts(manager, people);
    }
  }

  private async applyCommunity(facts: Facts): Promise<void> {
    // A profile as it now is: the latest by its time wins (ties: the larger kind/country, to stay deterministic).
    await facts(
      [StakeholderRegisteredV1.type, StakeholderUpdatedV1.type],
      `INSERT INTO stakeholders (person_id, kind, country, occurred_at)
       SELECT DISTINCT ON (r."personId") r."personId", r.kind, r.country, r."occurredAt"
       FROM ${chunkEvents('"personId" uuid, kind text, country text, "occurredAt" timestamptz')}
       ORDER BY r."personId", r."occurredAt" DESC, r.kind DESC, r.country DESC
       ON CONFLICT (person_id) DO UPDATE SET kind = excluded.kind, country = excluded.country, occurred_at = excluded.occurred_at
       WHERE (excluded.occurred_at, excluded.kind, excluded.country) > (stakeholders.occurred_at, stakeholders.kind, stakeholders.country)`,
    );
    await facts(
      [IntroductionRequestedV1.type],
      `INSERT INTO introductions (introduction_id, requester_id, recipient_id, requested_at)
       SELECT r."introductionId", r."requesterId", r."recipientId", r."occurredAt"
       FROM ${chunkEvents('"introductionId" uuid, "requesterId" uuid, "recipientId" uuid, "occurredAt" timestamptz')}
       ON CONFLICT DO NOTHING`,
    );
    await facts(
      [ConnectionFormedV1.type],
      `INSERT INTO connections (connection_id, person_id, other_person_id, formed_at)
       SELECT r."connectionId", r."personId", r."otherPersonId", r."formedAt"
       FROM ${chunkEvents('"connectionId" uuid, "personId" uuid, "otherPersonId" uuid, "formedAt" timestamptz')}
       ON CONFLICT DO NOTHING`,
    );
    await facts(
      [NetworkIndicatorsSnapshottedV1.type],
      `INSERT INTO network_snapshots (snapshot_id, computed_at, nodes, edges, communities, countries)
       SELECT r."snapshotId", r."computedAt", r.nodes, r.edges, r.communities, r.countries
       FROM ${chunkEvents('"snapshotId" uuid, "computedAt" timestamptz, nodes int, edges int, communities int, countries jsonb')}
       ON CONFLICT DO NOTHING`,
    );
  }

  /**
   * Returns the reach of the attendances seen for the first time. `countNamed`: move each activity's
   * named participants with them (the replay leaves that to the recount: an update of the activity
   * per chunk left a million-event rebuild's activities table several times its size).
   */
  private async applyActivities(facts: Facts, countNamed: boolean): Promise<ReachChange[]> {
    const activity = '"activityId" uuid, kind text, country text';
    // Attendances first create (or complete) the activity they name, so a workshop whose schedule was
    // never seen is still counted with its country, module and lecturers.
    await facts(
      [AttendanceRecordedV1.type],
      `INSERT INTO activities (activity_id, kind, country, course_key, module_key, lecturer_ids, first_attended_at)
       SELECT DISTINCT ON (r."activityId") r."activityId", r.kind, r.country, r."courseKey", r."moduleKey", coalesce(r."lecturerIds", '{}'),
              min(r."attendedAt") OVER (PARTITION BY r."activityId")
       FROM ${chunkEvents(`${activity}, "courseKey" text, "moduleKey" text, "lecturerIds" uuid[], "attendedAt" timestamptz`)}
       ORDER BY r."activityId", r."attendedAt"
       ON CONFLICT (activity_id) DO UPDATE SET
         first_attended_at = LEAST(activities.first_attended_at, excluded.first_attended_at),
         course_key = coalesce(activities.course_key, excluded.course_key),
         module_key = coalesce(activities.module_key, excluded.module_key),
         lecturer_ids = CASE WHEN cardinality(activities.lecturer_ids) = 0 THEN excluded.lecturer_ids ELSE activities.lecturer_ids END
       -- Only when something changes: every chunk of a workshop's attendances would write its row again.
       WHERE activities.first_attended_at IS NULL OR excluded.first_attended_at < activities.first_attended_at
          OR (activities.course_key IS NULL AND excluded.course_key IS NOT NULL) OR (activities.module_key IS NULL AND excluded.module_key IS NOT NULL)
          OR (cardinality(activities.lecturer_ids) = 0 AND cardinality(excluded.lecturer_ids) > 0)`,
    );
    const insertAttendances = `INSERT INTO attendances (activity_id, person_id, kind, country, attended_at)
       SELECT r."activityId", r."personId", r.kind, r.country, r."attendedAt"
       FROM ${chunkEvents(`${activity}, "personId" uuid, "attendedAt" timestamptz`)}
       ON CONFLICT DO NOTHING`;
    // The activity's named participants and the reach move with the attendances actually inserted.
    const attended = await facts<{ person_id: string; kind: string; country: string; attended_at: Date }>(
      [AttendanceRecordedV1.type],
      countNamed
        ? `WITH ins AS (${insertAttendances} RETURNING activity_id, person_id, kind, country, attended_at),
           named AS (
             UPDATE activities a SET named = a.named + n.named
             FROM (SELECT activity_id, count(*)::int AS named FROM ins GROUP BY 1) n WHERE a.activity_id = n.activity_id
           )
           SELECT person_id, kind, country, attended_at FROM ins`
        : insertAttendances,
    );

    // The schedule is authoritative for what the activity is; its start follows the latest (re)scheduling.
    await facts(
      [ActivityScheduledV1.type],
      `INSERT INTO activities (activity_id, kind, title, country, course_key, module_key, lecturer_ids, starts_at, starts_version)
       SELECT DISTINCT ON (r."activityId") r."activityId", r.kind, r.title, r.country, r."courseKey", r."moduleKey", coalesce(r."lecturerIds", '{}'),
              r."startsAt", r."scheduledAt"
       FROM ${chunkEvents(`${activity}, title text, "courseKey" text, "moduleKey" text, "lecturerIds" uuid[], "startsAt" timestamptz, "scheduledAt" timestamptz`)}
       ORDER BY r."activityId", r."scheduledAt" DESC, r."startsAt" DESC
       ON CONFLICT (activity_id) DO UPDATE SET
         kind = excluded.kind, title = excluded.title, country = excluded.country,
         course_key = excluded.course_key, module_key = excluded.module_key, lecturer_ids = excluded.lecturer_ids,
         starts_at = CASE WHEN activities.starts_version IS NULL OR (excluded.starts_version, excluded.starts_at) > (activities.starts_version, activities.starts_at)
                          THEN excluded.starts_at ELSE activities.starts_at END,
         starts_version = GREATEST(activities.starts_version, excluded.starts_version)`,
    );
    await facts(
      [ActivityRescheduledV1.type],
      `INSERT INTO activities (activity_id, kind, country, starts_at, starts_version)
       SELECT DISTINCT ON (r."activityId") r."activityId", r.kind, r.country, r."startsAt", r."rescheduledAt"
       FROM ${chunkEvents(`${activity}, "startsAt" timestamptz, "rescheduledAt" timestamptz`)}
       ORDER BY r."activityId", r."rescheduledAt" DESC, r."startsAt" DESC
       ON CONFLICT (activity_id) DO UPDATE SET
         starts_at = CASE WHEN activities.starts_version IS NULL OR (excluded.starts_version, excluded.starts_at) > (activities.starts_version, activities.starts_at)
                          THEN excluded.starts_at ELSE activities.starts_at END,
         starts_version = GREATEST(activities.starts_version, excluded.starts_version)`,
    );
    await facts(
      [ActivityCancelledV1.type],
      `INSERT INTO activities (activity_id, kind, country, cancelled_at)
       SELECT DISTINCT ON (r."activityId") r."activityId", r.kind, r.country, r."cancelledAt"
       FROM ${chunkEvents(`${activity}, "cancelledAt" timestamptz`)}
       ORDER BY r."activityId", r."cancelledAt"
       ON CONFLICT (activity_id) DO UPDATE SET cancelled_at = LEAST(activities.cancelled_at, excluded.cancelled_at)`,
    );
    await facts(
      [ActivityHeldV1.type],
      `INSERT INTO activities (activity_id, kind, country, course_key, module_key, held_at, held_participants, held_walk_ins)
       SELECT DISTINCT ON (r."activityId") r."activityId", r.kind, r.country, r."courseKey", r."moduleKey", r."heldAt", r.participants, r."walkIns"
       FROM ${chunkEvents(`${activity}, "courseKey" text, "moduleKey" text, "heldAt" timestamptz, participants int, "walkIns" int`)}
       ORDER BY r."activityId", r.participants DESC, r."walkIns" DESC, r."heldAt"
       ON CONFLICT (activity_id) DO UPDATE SET
         held_at = LEAST(activities.held_at, excluded.held_at),
         held_participants = GREATEST(activities.held_participants, excluded.held_participants),
         held_walk_ins = GREATEST(activities.held_walk_ins, excluded.held_walk_ins),
         course_key = coalesce(activities.course_key, excluded.course_key),
         module_key = coalesce(activities.module_key, excluded.module_key)`,
    );
    // The headcount is a total as now known: the latest recording wins (ties: the larger count).
    await facts(
      [HeadcountRecordedV1.type],
      `INSERT INTO activities (activity_id, kind, country, walk_ins, walk_ins_at)
       SELECT DISTINCT ON (r."activityId") r."activityId", r.kind, r.country, r."walkIns", r."recordedAt"
       FROM ${chunkEvents(`${activity}, "walkIns" int, "recordedAt" timestamptz`)}
       ORDER BY r."activityId", r."recordedAt" DESC, r."walkIns" DESC
       ON CONFLICT (activity_id) DO UPDATE SET walk_ins = excluded.walk_ins, walk_ins_at = excluded.walk_ins_at
       WHERE activities.walk_ins_at IS NULL OR (excluded.walk_ins_at, excluded.walk_ins) > (activities.walk_ins_at, activities.walk_ins)`,
    );
    return attended.map((a) => ({
      year: yearOf(a.attended_at),
      stage: a.kind === 'workshop' ? 'attendedWorkshop' : 'attendedFestivalOrWebinar',
      country: a.country,
      personId: a.person_id,
      delta: 1,
    }));
  }
}
