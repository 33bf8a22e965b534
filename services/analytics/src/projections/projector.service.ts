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
  type PayloadOf,
} from '@socialmakers/contracts';
import type { EventEnvelope } from '@socialmakers/messaging';
import { copyRows, type CopyValue } from '../database/copy-rows';
import { anonymiseErased } from '../privacy/erasure';
import { EVENT_LOG_KEYED, restoreEventLogKeys } from './event-log-keys';
import { countryOf } from './event-country';
import { occurredAt } from './event-time';
import { applyEnrolmentCounts, refreshEnrolmentStanding, type EnrolmentCount } from './enrolment-standing';
import { applyDayCounts, applyReach, applyReachCounts, dayOf, yearOf, type DayChange, type ReachChange } from './reach';

type Rows = Array<Record<string, unknown>>;
type Run = <T = unknown>(sql: string, rows: Rows) => Promise<T[]>;

/**
 * Keeps projection writers from misreading each other: the counters move by differences read in the
 * writer's transaction. The live consumer takes it alone for each chunk; a rebuild holds it for its
 * whole run (its session), so the live consumer waits and goes on afterwards where it was.
 */
const PROJECTION_WRITER_LOCK = 7_340_612;

/**
 * The rebuild's replay consumers write side by side: a fact's events share a partition key, so two
 * of them never touch the same fact. A chunk with an erasure (it rewrites rows of every partition)
 * takes this lock alone.
 */
const REPLAY_WRITER_LOCK = 7_340_613;

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
    await manager.query(erasing ? 'SELECT pg_advisory_xact_lock($1)' : 'SELECT pg_advisory_xact_lock_shared($1)', [REPLAY_WRITER_LOCK]);
    return;
  }
  // In the same round trip: whether the event log still has its keys (a rebuild killed mid-replay
  // leaves them dropped; see event-log-keys.ts).
  const [{ keyed }] = (await manager.query(`SELECT pg_advisory_xact_lock($1), ${EVENT_LOG_KEYED} AS keyed`, [PROJECTION_WRITER_LOCK])) as Array<{ keyed: boolean }>;
  if (!keyed) await restoreEventLogKeys(manager);
}

/** The event log's columns, in the order `eventLogRow` gives them. */
const EVENT_LOG_COLUMNS = ['event_source', 'event_id', 'type', 'subject', 'occurred_at', 'recorded_at', 'country', 'data'] as const;

function eventLogRow(e: EventEnvelope): CopyValue[] {
  return [e.source, e.id, e.type, e.subject ?? null, occurredAt(e), e.time, countryOf(e), JSON.stringify(e.data)];
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

function ofType<T extends EventType>(envelopes: EventEnvelope[], type: T): Array<{ envelope: EventEnvelope; data: PayloadOf<T> }> {
  return envelopes.filter((envelope) => envelope.type === type).map((envelope) => ({ envelope, data: envelope.data as PayloadOf<T> }));
}

/**
 * Applies consumed events to the projections, set-based: one statement per table and event type for
 * a whole chunk, so the live consumer and a replay (both a chunk per call) run the same code. Every
 * fact statement is an upsert whose result does not depend on delivery order or count: first-of
 * (LEAST), latest-by-version, or insert-if-absent, so replaying from offset 0 converges. The report's
 * counters move only by what those upserts actually changed (reach.ts, enrolment-standing.ts), so
 * they converge too.
 */
@Injectable()
export class ProjectorService {
  async apply(consumed: EventEnvelope[], manager: EntityManager, writer: ProjectionWriter = 'live'): Promise<void> {
    if (consumed.length === 0) return;
    await lockForChunk(manager, writer, consumed.some((e) => e.type === PersonErasedV1.type));
    const moved = writer === 'live';
    const { envelopes, rewriteEarlierRows } = await anonymiseErased(manager, consumed);
    const run: Run = async <T>(sql: string, rows: Rows) => (rows.length > 0 ? ((await manager.query(sql, [JSON.stringify(rows)])) as T[]) : []);
    const reach: ReachChange[] = [];
    const days: DayChange[] = [];
    const enrolmentCounts: EnrolmentCount[] = [];

    const logged = envelopes.map(eventLogRow);
    if (moved) {
      // In the chunk's order, so that the sequence follows the order the events were applied in.
      await manager.query(
        `INSERT INTO event_log (${EVENT_LOG_COLUMNS.join(', ')})
         SELECT s, i, t, sub, o, r, c, d
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[], $7::text[], $8::jsonb[])
              WITH ORDINALITY AS u(s, i, t, sub, o, r, c, d, n)
         ORDER BY n
         ON CONFLICT (event_source, event_id) DO NOTHING`,
        EVENT_LOG_COLUMNS.map((_, column) => logged.map((row) => row[column])),
      );
    } else {
      await copyRows(manager, 'event_log', EVENT_LOG_COLUMNS, logged);
    }

    const modules: Rows = [
      ...ofType(envelopes, ModulePublishedV1.type).map(({ data }) => ({
        course_key: data.courseKey, module_key: data.moduleKey, position: data.position, title: data.title.en, published_at: data.publishedAt,
      })),
      ...ofType(envelopes, CoursePublishedV1.type).flatMap(({ data }) =>
        data.modules.map((module) => ({
          course_key: data.courseKey, module_key: module.moduleKey, position: module.position, title: module.title.en, published_at: data.publishedAt,
        })),
      ),
    ];
    await run(
      `INSERT INTO catalogue_modules (course_key, module_key, position, title, published_at)
       SELECT DISTINCT ON (course_key, module_key) course_key, module_key, position, title, published_at
       FROM json_to_recordset($1::json) AS r(course_key text, module_key text, position int, title text, published_at timestamptz)
       ORDER BY course_key, module_key, published_at DESC, position DESC, title DESC
       ON CONFLICT (course_key, module_key) DO UPDATE SET position = excluded.position, title = excluded.title, published_at = excluded.published_at
       WHERE (excluded.published_at, excluded.position, excluded.title) > (catalogue_modules.published_at, catalogue_modules.position, catalogue_modules.title)`,
      modules,
    );

    const enrolments = await run<{ enrolment_id: string }>(
      `INSERT INTO enrolment_events (event_source, event_id, enrolment_id, person_id, course_key, country, action, at)
       SELECT source, id, enrolment_id, person_id, course_key, country, action, at
       FROM json_to_recordset($1::json) AS r(source text, id text, enrolment_id uuid, person_id uuid, course_key text, country text, action text, at timestamptz)
       ON CONFLICT DO NOTHING
       RETURNING enrolment_id`,
      [
        ...ofType(envelopes, EnrolmentCreatedV1.type).map(({ envelope, data }) => ({
          source: envelope.source, id: envelope.id, enrolment_id: data.enrolmentId, person_id: data.personId, course_key: data.courseKey,
          country: data.country ?? null, action: 'created', at: data.enrolledAt,
        })),
        ...ofType(envelopes, EnrolmentWithdrawnV1.type).map(({ envelope, data }) => ({
          source: envelope.source, id: envelope.id, enrolment_id: data.enrolmentId, person_id: data.personId, course_key: data.courseKey,
          country: data.country ?? null, action: 'withdrawn', at: data.withdrawnAt,
        })),
      ],
    );
    if (moved) {
      const standing = await refreshEnrolmentStanding(manager, enrolments.map((row) => row.enrolment_id));
      reach.push(...standing.reach);
      enrolmentCounts.push(...standing.counts);
    }

    // A person's module (or course) completion counts once, at its earliest time, with that time's
    // country; when an earlier one arrives, its counts move from the old day (and country) to the new.
    const completedModules = await run<Moved & { module_key: string }>(
      `WITH r AS (
         SELECT DISTINCT ON (person_id, course_key, module_key) person_id, course_key, module_key, country, completed_at
         FROM json_to_recordset($1::json) AS r(person_id uuid, course_key text, module_key text, country text, completed_at timestamptz)
         ORDER BY person_id, course_key, module_key, completed_at, country
       ), old AS (
         SELECT m.person_id, m.course_key, m.module_key, m.country, m.completed_at FROM module_completions m JOIN r USING (person_id, course_key, module_key)
       ), up AS (
         INSERT INTO module_completions (person_id, course_key, module_key, country, completed_at)
         SELECT * FROM r
         ON CONFLICT (person_id, course_key, module_key) DO UPDATE SET completed_at = excluded.completed_at, country = excluded.country
         WHERE (excluded.completed_at, coalesce(excluded.country, '')) < (module_completions.completed_at, coalesce(module_completions.country, ''))
         RETURNING person_id, course_key, module_key, country, completed_at
       )
       SELECT up.person_id, up.course_key, up.module_key, up.country, up.completed_at AS at, old.country AS old_country, old.completed_at AS old_at
       FROM up LEFT JOIN old USING (person_id, course_key, module_key)`,
      ofType(envelopes, ModuleCompletedV1.type).map(({ data }) => ({
        person_id: data.personId, course_key: data.courseKey, module_key: data.moduleKey, country: data.country ?? null, completed_at: data.completedAt,
      })),
    );
    for (const row of completedModules) {
      days.push({ day: dayOf(row.at), metric: 'moduleCompleted', courseKey: row.course_key, moduleKey: row.module_key, delta: 1 });
      reach.push({ year: yearOf(row.at), stage: 'moduleCompleted', country: row.country, personId: row.person_id, delta: 1 });
      if (row.old_at === null) continue;
      days.push({ day: dayOf(row.old_at), metric: 'moduleCompleted', courseKey: row.course_key, moduleKey: row.module_key, delta: -1 });
      reach.push({ year: yearOf(row.old_at), stage: 'moduleCompleted', country: row.old_country, personId: row.person_id, delta: -1 });
    }
    const courses = await run<Moved>(
      `WITH r AS (
         SELECT DISTINCT ON (person_id, course_key) person_id, course_key, country, completed_at
         FROM json_to_recordset($1::json) AS r(person_id uuid, course_key text, country text, completed_at timestamptz)
         ORDER BY person_id, course_key, completed_at, country
       ), old AS (
         SELECT c.person_id, c.course_key, c.completed_at FROM course_completions c JOIN r USING (person_id, course_key)
       ), up AS (
         INSERT INTO course_completions (person_id, course_key, country, completed_at)
         SELECT * FROM r
         ON CONFLICT (person_id, course_key) DO UPDATE SET completed_at = excluded.completed_at, country = excluded.country
         WHERE (excluded.completed_at, coalesce(excluded.country, '')) < (course_completions.completed_at, coalesce(course_completions.country, ''))
         RETURNING person_id, course_key, completed_at
       )
       SELECT up.course_key, up.completed_at AS at, old.completed_at AS old_at FROM up LEFT JOIN old USING (person_id, course_key)`,
      ofType(envelopes, CourseCompletedV1.type).map(({ data }) => ({
        person_id: data.personId, course_key: data.courseKey, country: data.country ?? null, completed_at: data.completedAt,
      })),
    );
    for (const row of courses) {
      days.push({ day: dayOf(row.at), metric: 'courseCompleted', courseKey: row.course_key, delta: 1 });
      if (row.old_at !== null) days.push({ day: dayOf(row.old_at), metric: 'courseCompleted', courseKey: row.course_key, delta: -1 });
    }
    const certificates = await run<{ course_key: string; issued_at: Date }>(
      `INSERT INTO certificates (certificate_id, person_id, course_key, country, issued_at)
       SELECT certificate_id, person_id, course_key, country, issued_at
       FROM json_to_recordset($1::json) AS r(certificate_id uuid, person_id uuid, course_key text, country text, issued_at timestamptz)
       ON CONFLICT DO NOTHING
       RETURNING course_key, issued_at`,
      ofType(envelopes, CertificateIssuedV1.type).map(({ data }) => ({
        certificate_id: data.certificateId, person_id: data.personId, course_key: data.courseKey, country: data.country ?? null, issued_at: data.issuedAt,
      })),
    );
    for (const row of certificates) days.push({ day: dayOf(row.issued_at), metric: 'certificate', courseKey: row.course_key, delta: 1 });

    reach.push(...(await this.applyActivities(envelopes, run, moved)));
    await this.applyCommunity(envelopes, run);
    if (moved) {
      const people = await applyReach(manager, reach);
      // The hot counters last, always in this order and in key order.
      await applyEnrolmentCounts(manager, enrolmentCounts);
      await applyDayCounts(manager, days);
      await applyReachCounts(manager, people);
    }
    await rewriteEarlierRows();
  }

  private async applyCommunity(envelopes: EventEnvelope[], run: Run): Promise<void> {
    // A profile as it now is: the latest by its time wins (ties: the larger kind/country, to stay deterministic).
    await run(
      `INSERT INTO stakeholders (person_id, kind, country, occurred_at)
       SELECT DISTINCT ON (person_id) person_id, kind, country, occurred_at
       FROM json_to_recordset($1::json) AS r(person_id uuid, kind text, country text, occurred_at timestamptz)
       ORDER BY person_id, occurred_at DESC, kind DESC, country DESC
       ON CONFLICT (person_id) DO UPDATE SET kind = excluded.kind, country = excluded.country, occurred_at = excluded.occurred_at
       WHERE (excluded.occurred_at, excluded.kind, excluded.country) > (stakeholders.occurred_at, stakeholders.kind, stakeholders.country)`,
      [...ofType(envelopes, StakeholderRegisteredV1.type), ...ofType(envelopes, StakeholderUpdatedV1.type)].map(({ data }) => ({
        person_id: data.personId, kind: data.kind, country: data.country, occurred_at: data.occurredAt,
      })),
    );
    await run(
      `INSERT INTO introductions (introduction_id, requester_id, recipient_id, requested_at)
       SELECT introduction_id, requester_id, recipient_id, requested_at
       FROM json_to_recordset($1::json) AS r(introduction_id uuid, requester_id uuid, recipient_id uuid, requested_at timestamptz)
       ON CONFLICT DO NOTHING`,
      ofType(envelopes, IntroductionRequestedV1.type).map(({ data }) => ({
        introduction_id: data.introductionId, requester_id: data.requesterId, recipient_id: data.recipientId, requested_at: data.occurredAt,
      })),
    );
    await run(
      `INSERT INTO connections (connection_id, person_id, other_person_id, formed_at)
       SELECT connection_id, person_id, other_person_id, formed_at
       FROM json_to_recordset($1::json) AS r(connection_id uuid, person_id uuid, other_person_id uuid, formed_at timestamptz)
       ON CONFLICT DO NOTHING`,
      ofType(envelopes, ConnectionFormedV1.type).map(({ data }) => ({
        connection_id: data.connectionId, person_id: data.personId, other_person_id: data.otherPersonId, formed_at: data.formedAt,
      })),
    );
    await run(
      `INSERT INTO network_snapshots (snapshot_id, computed_at, nodes, edges, communities, countries)
       SELECT snapshot_id, computed_at, nodes, edges, communities, countries
       FROM json_to_recordset($1::json) AS r(snapshot_id uuid, computed_at timestamptz, nodes int, edges int, communities int, countries jsonb)
       ON CONFLICT DO NOTHING`,
      ofType(envelopes, NetworkIndicatorsSnapshottedV1.type).map(({ data }) => ({
        snapshot_id: data.snapshotId, computed_at: data.computedAt, nodes: data.nodes, edges: data.edges, communities: data.communities,
        countries: data.countries,
      })),
    );
  }

  /**
   * Returns the reach of the attendances seen for the first time. `countNamed`: move each activity's
   * named participants with them (the replay leaves that to the recount: an update of the activity
   * per chunk left a million-event rebuild's activities table several times its size).
   */
  private async applyActivities(envelopes: EventEnvelope[], run: Run, countNamed: boolean): Promise<ReachChange[]> {
    // Attendances first create (or complete) the activity they name, so a workshop whose schedule was
    // never seen is still counted with its country, module and lecturers.
    const attendances = ofType(envelopes, AttendanceRecordedV1.type).map(({ data }) => data);
    await run(
      `INSERT INTO activities (activity_id, kind, country, course_key, module_key, lecturer_ids, first_attended_at)
       SELECT DISTINCT ON (activity_id) activity_id, kind, country, course_key, module_key, lecturer_ids, min(attended_at) OVER (PARTITION BY activity_id)
       FROM json_to_recordset($1::json) AS r(activity_id uuid, kind text, country text, course_key text, module_key text, lecturer_ids uuid[], attended_at timestamptz)
       ORDER BY activity_id, attended_at
       ON CONFLICT (activity_id) DO UPDATE SET
         first_attended_at = LEAST(activities.first_attended_at, excluded.first_attended_at),
         course_key = coalesce(activities.course_key, excluded.course_key),
         module_key = coalesce(activities.module_key, excluded.module_key),
         lecturer_ids = CASE WHEN cardinality(activities.lecturer_ids) = 0 THEN excluded.lecturer_ids ELSE activities.lecturer_ids END
       -- Only when something changes: every chunk of a workshop's attendances would write its row again.
       WHERE activities.first_attended_at IS NULL OR excluded.first_attended_at < activities.first_attended_at
          OR (activities.course_key IS NULL AND excluded.course_key IS NOT NULL) OR (activities.module_key IS NULL AND excluded.module_key IS NOT NULL)
          OR (cardinality(activities.lecturer_ids) = 0 AND cardinality(excluded.lecturer_ids) > 0)`,
      attendances.map((a) => ({
        activity_id: a.activityId, kind: a.kind, country: a.country, course_key: a.courseKey ?? null, module_key: a.moduleKey ?? null,
        lecturer_ids: a.lecturerIds, attended_at: a.attendedAt,
      })),
    );
    // The activity's named participants move with the attendances actually inserted.
    const attended = await run<{ person_id: string; kind: string; country: string; attended_at: Date }>(
      `WITH ins AS (
         INSERT INTO attendances (activity_id, person_id, kind, country, attended_at)
         SELECT activity_id, person_id, kind, country, attended_at
         FROM json_to_recordset($1::json) AS r(activity_id uuid, person_id uuid, kind text, country text, attended_at timestamptz)
         ON CONFLICT DO NOTHING
         RETURNING activity_id, person_id, kind, country, attended_at
       )${
         countNamed
           ? `, named AS (
         UPDATE activities a SET named = a.named + n.named
         FROM (SELECT activity_id, count(*)::int AS named FROM ins GROUP BY 1) n WHERE a.activity_id = n.activity_id
       )`
           : ''
       }
       SELECT person_id, kind, country, attended_at FROM ins`,
      attendances.map((a) => ({ activity_id: a.activityId, person_id: a.personId, kind: a.kind, country: a.country, attended_at: a.attendedAt })),
    );

    // The schedule is authoritative for what the activity is; its start follows the latest (re)scheduling.
    await run(
      `INSERT INTO activities (activity_id, kind, title, country, course_key, module_key, lecturer_ids, starts_at, starts_version)
       SELECT DISTINCT ON (activity_id) activity_id, kind, title, country, course_key, module_key, lecturer_ids, starts_at, version
       FROM json_to_recordset($1::json) AS r(activity_id uuid, kind text, title text, country text, course_key text, module_key text, lecturer_ids uuid[], starts_at timestamptz, version timestamptz)
       ORDER BY activity_id, version DESC, starts_at DESC
       ON CONFLICT (activity_id) DO UPDATE SET
         kind = excluded.kind, title = excluded.title, country = excluded.country,
         course_key = excluded.course_key, module_key = excluded.module_key, lecturer_ids = excluded.lecturer_ids,
         starts_at = CASE WHEN activities.starts_version IS NULL OR (excluded.starts_version, excluded.starts_at) > (activities.starts_version, activities.starts_at)
                          THEN excluded.starts_at ELSE activities.starts_at END,
         starts_version = GREATEST(activities.starts_version, excluded.starts_version)`,
      ofType(envelopes, ActivityScheduledV1.type).map(({ data }) => ({
        activity_id: data.activityId, kind: data.kind, title: data.title, country: data.country, course_key: data.courseKey ?? null,
        module_key: data.moduleKey ?? null, lecturer_ids: data.lecturerIds, starts_at: data.startsAt, version: data.scheduledAt,
      })),
    );
    await run(
      `INSERT INTO activities (activity_id, kind, country, starts_at, starts_version)
       SELECT DISTINCT ON (activity_id) activity_id, kind, country, starts_at, version
       FROM json_to_recordset($1::json) AS r(activity_id uuid, kind text, country text, starts_at timestamptz, version timestamptz)
       ORDER BY activity_id, version DESC, starts_at DESC
       ON CONFLICT (activity_id) DO UPDATE SET
         starts_at = CASE WHEN activities.starts_version IS NULL OR (excluded.starts_version, excluded.starts_at) > (activities.starts_version, activities.starts_at)
                          THEN excluded.starts_at ELSE activities.starts_at END,
         starts_version = GREATEST(activities.starts_version, excluded.starts_version)`,
      ofType(envelopes, ActivityRescheduledV1.type).map(({ data }) => ({
        activity_id: data.activityId, kind: data.kind, country: data.country, starts_at: data.startsAt, version: data.rescheduledAt,
      })),
    );
    await run(
      `INSERT INTO activities (activity_id, kind, country, cancelled_at)
       SELECT DISTINCT ON (activity_id) activity_id, kind, country, cancelled_at
       FROM json_to_recordset($1::json) AS r(activity_id uuid, kind text, country text, cancelled_at timestamptz)
       ORDER BY activity_id, cancelled_at
       ON CONFLICT (activity_id) DO UPDATE SET cancelled_at = LEAST(activities.cancelled_at, excluded.cancelled_at)`,
      ofType(envelopes, ActivityCancelledV1.type).map(({ data }) => ({
        activity_id: data.activityId, kind: data.kind, country: data.country, cancelled_at: data.cancelledAt,
      })),
    );
    await run(
      `INSERT INTO activities (activity_id, kind, country, course_key, module_key, held_at, held_participants, held_walk_ins)
       SELECT DISTINCT ON (activity_id) activity_id, kind, country, course_key, module_key, held_at, participants, walk_ins
       FROM json_to_recordset($1::json) AS r(activity_id uuid, kind text, country text, course_key text, module_key text, held_at timestamptz, participants int, walk_ins int)
       ORDER BY activity_id, participants DESC, walk_ins DESC, held_at
       ON CONFLICT (activity_id) DO UPDATE SET
         held_at = LEAST(activities.held_at, excluded.held_at),
         held_participants = GREATEST(activities.held_participants, excluded.held_participants),
         held_walk_ins = GREATEST(activities.held_walk_ins, excluded.held_walk_ins),
         course_key = coalesce(activities.course_key, excluded.course_key),
         module_key = coalesce(activities.module_key, excluded.module_key)`,
      ofType(envelopes, ActivityHeldV1.type).map(({ data }) => ({
        activity_id: data.activityId, kind: data.kind, country: data.country, course_key: data.courseKey ?? null, module_key: data.moduleKey ?? null,
        held_at: data.heldAt, participants: data.participants, walk_ins: data.walkIns,
      })),
    );
    // The headcount is a total as now known: the latest recording wins (ties: the larger count).
    await run(
      `INSERT INTO activities (activity_id, kind, country, walk_ins, walk_ins_at)
       SELECT DISTINCT ON (activity_id) activity_id, kind, country, walk_ins, recorded_at
       FROM json_to_recordset($1::json) AS r(activity_id uuid, kind text, country text, walk_ins int, recorded_at timestamptz)
       ORDER BY activity_id, recorded_at DESC, walk_ins DESC
       ON CONFLICT (activity_id) DO UPDATE SET walk_ins = excluded.walk_ins, walk_ins_at = excluded.walk_ins_at
       WHERE activities.walk_ins_at IS NULL OR (excluded.walk_ins_at, excluded.walk_ins) > (activities.walk_ins_at, activities.walk_ins)`,
      ofType(envelopes, HeadcountRecordedV1.type).map(({ data }) => ({
        activity_id: data.activityId, kind: data.kind, country: data.country, walk_ins: data.walkIns, recorded_at: data.recordedAt,
      })),
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
