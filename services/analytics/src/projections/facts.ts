import type { EntityManager } from 'typeorm';
import {
  ActivityCancelledV1,
  ActivityHeldV1,
  ActivityRescheduledV1,
  ActivityScheduledV1,
  AttendanceRecordedV1,
  CertificateIssuedV1,
  ConnectionFormedV1,
  CourseCompletedV1,
  CoursePublishedV1,
  EnrolmentCreatedV1,
  EnrolmentWithdrawnV1,
  HeadcountRecordedV1,
  IntroductionRequestedV1,
  ModuleCompletedV1,
  ModulePublishedV1,
  NetworkIndicatorsSnapshottedV1,
  StakeholderRegisteredV1,
  StakeholderUpdatedV1,
  type EventType,
} from '@socialmakers/contracts';
import { CHUNK_EVENTS } from './chunk-events';

/**
 * Where the fact statements read their events: the chunk the live projector staged (chunk-events.ts),
 * or a rebuild's whole replayed event log, which its finish turns into facts in one statement per
 * table. Both have the event log's columns (`e`), and each event's payload is read as a record `r`
 * with `jsonb_to_record`.
 */
export interface FactSource {
  /** Runs `sql`, whose `$1` is `types`, unless the source is known to have no event of them. */
  query<T = unknown>(types: readonly EventType[], sql: string): Promise<T[]>;
  /** The source's events of the statement's types (`$1`) as `e`, each one's payload as the record `r` of the columns `payload`. */
  events(payload: string): string;
}

function sourceOf(manager: EntityManager, table: string, present?: ReadonlySet<string>): FactSource {
  return {
    query: async <T>(types: readonly EventType[], sql: string) =>
      !present || types.some((type) => present.has(type)) ? ((await manager.query(sql, [types])) as T[]) : [],
    events: (payload: string) => `${table} e, jsonb_to_record(e.data) AS r(${payload}) WHERE e.type = ANY($1::text[])`,
  };
}

/** The staged chunk, whose event types are `present`: a statement none of whose types is there is not sent. */
export function chunkSource(manager: EntityManager, present: ReadonlySet<string>): FactSource {
  return sourceOf(manager, CHUNK_EVENTS, present);
}

/** The whole event log (a rebuild's finish). */
export function eventLogSource(manager: EntityManager): FactSource {
  return sourceOf(manager, 'event_log');
}

/** A module or course completion the upsert inserted (old_at null) or moved to an earlier time (old_at its previous time). */
export interface MovedCompletion {
  person_id: string;
  course_key: string;
  country: string | null;
  at: Date;
  old_country: string | null;
  old_at: Date | null;
}

/**
 * How a fact statement writes its table.
 * - 'live': an upsert into what is stored, returning what changed (the live projector moves the
 *   counters by it).
 * - 'load': into an empty table, from a whole event log (a rebuild's finish): one row per key, the
 *   one the upsert would keep, plainly inserted, nothing returned. A plain insert of a million-event
 *   log's module completions took 1.8 s against 2.9 s as an upsert (its attendances: 1.7 against 2.2 s).
 *   Into a table with rows, it fails on the first key it meets again.
 */
export type FactWrite = 'live' | 'load';

/**
 * An insert-if-absent whose SELECT lists the key's columns first (`key`: their positions). Live: ON
 * CONFLICT DO NOTHING. Loaded: the first row per key. Either way in the key's order: so the rows land
 * on the key's B-tree pages one after another (a whole event log's 374,296 attendances went in in
 * 2.6 s so, against 14.6 s in the log's order, whose keys are scattered).
 */
function firstPerKey(write: FactWrite, key: string): { select: string; end: string } {
  return write === 'live' ? { select: 'SELECT', end: `ORDER BY ${key} ON CONFLICT DO NOTHING` } : { select: `SELECT DISTINCT ON (${key})`, end: `ORDER BY ${key}` };
}

/**
 * The write of a completion (module or course): it counts once, at its earliest time, with that
 * time's country, the source's earliest per key against the stored one. Live, it returns `returned`:
 * the columns of what changed (the row's key, `at`, and `old_country` and `old_at`, null for a new
 * row), which the live writer moves the counters by.
 */
function completionWrite(table: string, key: string, completions: string, write: FactWrite, returned: string): string {
  const earliest = `SELECT DISTINCT ON (${key}) ${key}, country, completed_at FROM (${completions}) completed ORDER BY ${key}, completed_at, country`;
  if (write === 'load') return `INSERT INTO ${table} (${key}, country, completed_at) SELECT ${key}, country, completed_at FROM (${earliest}) r`;
  // What changes is read before the upsert, by key.
  return `WITH r AS (${earliest}), changed AS MATERIALIZED (
         SELECT r.*, stored.country AS old_country, stored.completed_at AS old_at
         FROM r LEFT JOIN ${table} stored USING (${key})
         WHERE stored.person_id IS NULL OR (r.completed_at, coalesce(r.country, '')) < (stored.completed_at, coalesce(stored.country, ''))
       ), up AS (
         INSERT INTO ${table} (${key}, country, completed_at)
         SELECT ${key}, country, completed_at FROM changed
         ON CONFLICT (${key}) DO UPDATE SET completed_at = excluded.completed_at, country = excluded.country
         WHERE (excluded.completed_at, coalesce(excluded.country, '')) < (${table}.completed_at, coalesce(${table}.country, ''))
       )
       SELECT ${returned} FROM changed`;
}

/*
 * The fact statements, one per table (the activities' row has one per event type that writes it).
 * Each is an upsert whose result does not depend on the order or the number of deliveries, within
 * the source as across sources: first-of (LEAST), latest-by-version, or insert-if-absent. So a chunk
 * at a time, in any order and with repeats, or a whole event log at once, give the same facts.
 */

export async function writeCatalogue(source: FactSource): Promise<void> {
  await source.query(
    [ModulePublishedV1.type, CoursePublishedV1.type],
    `INSERT INTO catalogue_modules (course_key, module_key, position, title, published_at)
       SELECT DISTINCT ON (course_key, module_key) course_key, module_key, position, title, published_at
       FROM (
         SELECT c."courseKey" AS course_key, m."moduleKey" AS module_key, m.position, m.title->>'en' AS title, c."publishedAt" AS published_at
         FROM (SELECT e.type, r.* FROM ${source.events('"courseKey" text, "moduleKey" text, position int, title jsonb, modules jsonb, "publishedAt" timestamptz')}) c
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
}

/** Live, the enrolments of the events seen for the first time. */
export async function writeEnrolmentEvents(source: FactSource, write: FactWrite): Promise<Array<{ enrolment_id: string }>> {
  const once = firstPerKey(write, '1, 2');
  return source.query(
    [EnrolmentCreatedV1.type, EnrolmentWithdrawnV1.type],
    `INSERT INTO enrolment_events (event_source, event_id, enrolment_id, person_id, course_key, country, action, at)
       ${once.select} e.event_source, e.event_id, r."enrolmentId", r."personId", r."courseKey", r.country,
              CASE WHEN e.type = '${EnrolmentCreatedV1.type}' THEN 'created' ELSE 'withdrawn' END,
              CASE WHEN e.type = '${EnrolmentCreatedV1.type}' THEN r."enrolledAt" ELSE r."withdrawnAt" END
       FROM ${source.events('"enrolmentId" uuid, "personId" uuid, "courseKey" text, country text, "enrolledAt" timestamptz, "withdrawnAt" timestamptz')}
       ${once.end}
       ${write === 'live' ? 'RETURNING enrolment_id' : ''}`,
  );
}

// A person's module (or course) completion counts once, at its earliest time, with that time's
// country; when an earlier one arrives, its counts move from the old day (and country) to the new.
// Live, what changes is read before the upsert, by key: exact, since no other writer can touch these
// rows meanwhile (the live writer is alone), and it spares a join of the upsert's rows with the old
// ones, which PostgreSQL cannot estimate and ran as a nested loop.

/** Live, the completions that changed. */
export async function writeModuleCompletions(source: FactSource, write: FactWrite): Promise<Array<MovedCompletion & { module_key: string }>> {
  return source.query(
    [ModuleCompletedV1.type],
    completionWrite(
      'module_completions',
      'person_id, course_key, module_key',
      `SELECT r."personId" AS person_id, r."courseKey" AS course_key, r."moduleKey" AS module_key, r.country, r."completedAt" AS completed_at
         FROM ${source.events('"personId" uuid, "courseKey" text, "moduleKey" text, country text, "completedAt" timestamptz')}`,
      write,
      'person_id, course_key, module_key, country, completed_at AS at, old_country, old_at',
    ),
  );
}

/** Live, the completions that changed. */
export async function writeCourseCompletions(source: FactSource, write: FactWrite): Promise<MovedCompletion[]> {
  return source.query(
    [CourseCompletedV1.type],
    completionWrite(
      'course_completions',
      'person_id, course_key',
      `SELECT r."personId" AS person_id, r."courseKey" AS course_key, r.country, r."completedAt" AS completed_at
         FROM ${source.events('"personId" uuid, "courseKey" text, country text, "completedAt" timestamptz')}`,
      write,
      'course_key, completed_at AS at, old_at',
    ),
  );
}

/** Live, the certificates seen for the first time. */
export async function writeCertificates(source: FactSource, write: FactWrite): Promise<Array<{ course_key: string; issued_at: Date }>> {
  const once = firstPerKey(write, '1');
  return source.query(
    [CertificateIssuedV1.type],
    `INSERT INTO certificates (certificate_id, person_id, course_key, country, issued_at)
       ${once.select} r."certificateId", r."personId", r."courseKey", r.country, r."issuedAt"
       FROM ${source.events('"certificateId" uuid, "personId" uuid, "courseKey" text, country text, "issuedAt" timestamptz')}
       ${once.end}
       ${write === 'live' ? 'RETURNING course_key, issued_at' : ''}`,
  );
}

/** The stakeholders' profiles, introductions, connections and the network's snapshots. */
export async function writeCommunity(source: FactSource, write: FactWrite): Promise<void> {
  const once = firstPerKey(write, '1');
  // A profile as it now is: the latest by its time wins (ties: the larger kind/country, to stay deterministic).
  await source.query(
    [StakeholderRegisteredV1.type, StakeholderUpdatedV1.type],
    `INSERT INTO stakeholders (person_id, kind, country, occurred_at)
       SELECT DISTINCT ON (r."personId") r."personId", r.kind, r.country, r."occurredAt"
       FROM ${source.events('"personId" uuid, kind text, country text, "occurredAt" timestamptz')}
       ORDER BY r."personId", r."occurredAt" DESC, r.kind DESC, r.country DESC
       ON CONFLICT (person_id) DO UPDATE SET kind = excluded.kind, country = excluded.country, occurred_at = excluded.occurred_at
       WHERE (excluded.occurred_at, excluded.kind, excluded.country) > (stakeholders.occurred_at, stakeholders.kind, stakeholders.country)`,
  );
  await source.query(
    [IntroductionRequestedV1.type],
    `INSERT INTO introductions (introduction_id, requester_id, recipient_id, requested_at)
       ${once.select} r."introductionId", r."requesterId", r."recipientId", r."occurredAt"
       FROM ${source.events('"introductionId" uuid, "requesterId" uuid, "recipientId" uuid, "occurredAt" timestamptz')}
       ${once.end}`,
  );
  await source.query(
    [ConnectionFormedV1.type],
    `INSERT INTO connections (connection_id, person_id, other_person_id, formed_at)
       ${once.select} r."connectionId", r."personId", r."otherPersonId", r."formedAt"
       FROM ${source.events('"connectionId" uuid, "personId" uuid, "otherPersonId" uuid, "formedAt" timestamptz')}
       ${once.end}`,
  );
  await source.query(
    [NetworkIndicatorsSnapshottedV1.type],
    `INSERT INTO network_snapshots (snapshot_id, computed_at, nodes, edges, communities, countries)
       ${once.select} r."snapshotId", r."computedAt", r.nodes, r.edges, r.communities, r.countries
       FROM ${source.events('"snapshotId" uuid, "computedAt" timestamptz, nodes int, edges int, communities int, countries jsonb')}
       ${once.end}`,
  );
}

/** The payload columns every event about an activity has. */
const ACTIVITY = '"activityId" uuid, kind text, country text';

/** An attendance seen for the first time. */
export interface NewAttendance {
  person_id: string;
  kind: string;
  country: string;
  attended_at: Date;
}

/**
 * The activities an attendance names, each once, as its first attendance says (its time the
 * earliest: the first row of each activity in this order); `attendances`: rows `r` with the
 * attendance's payload.
 */
function attendedActivities(attendances: string): string {
  return `SELECT DISTINCT ON (r."activityId") r."activityId", r.kind, r.country, r."courseKey", r."moduleKey", coalesce(r."lecturerIds", '{}'), r."attendedAt"
       FROM ${attendances}
       ORDER BY r."activityId", r."attendedAt"`;
}

const ATTENDED_ACTIVITY = `${ACTIVITY}, "courseKey" text, "moduleKey" text, "lecturerIds" uuid[], "attendedAt" timestamptz`;

/**
 * The attendances. Live (after writeActivities): each activity's named participants move with the
 * attendances inserted, which are returned. Loaded: with the activities they name (each payload
 * read once for both; writeActivities then adds what the other events say), and the named
 * participants counted afterwards (recount.ts).
 */
export async function writeAttendances(source: FactSource, write: FactWrite): Promise<NewAttendance[]> {
  const once = firstPerKey(write, '1, 2');
  const insertAttendances = (attendances: string) => `INSERT INTO attendances (activity_id, person_id, kind, country, attended_at)
       ${once.select} r."activityId", r."personId", r.kind, r.country, r."attendedAt"
       FROM ${attendances}
       ${once.end}`;
  if (write === 'load') {
    await source.query(
      [AttendanceRecordedV1.type],
      `WITH attended AS MATERIALIZED (SELECT r.* FROM ${source.events(`${ATTENDED_ACTIVITY}, "personId" uuid`)}),
         activity AS (INSERT INTO activities (activity_id, kind, country, course_key, module_key, lecturer_ids, first_attended_at) ${attendedActivities('attended r')})
       ${insertAttendances('attended r')}`,
    );
    return [];
  }
  // The activity's named participants and the reach move with the attendances actually inserted.
  return source.query<NewAttendance>(
    [AttendanceRecordedV1.type],
    `WITH ins AS (${insertAttendances(source.events(`${ACTIVITY}, "personId" uuid, "attendedAt" timestamptz`))} RETURNING activity_id, person_id, kind, country, attended_at),
       named AS (
         UPDATE activities a SET named = a.named + n.named
         FROM (SELECT activity_id, count(*)::int AS named FROM ins GROUP BY 1) n WHERE a.activity_id = n.activity_id
       )
       SELECT person_id, kind, country, attended_at FROM ins`,
  );
}

/**
 * The activities: what their attendances (live; loaded, writeAttendances writes those first),
 * schedules, reschedulings, cancellations, holdings and headcounts say.
 */
export async function writeActivities(source: FactSource, write: FactWrite): Promise<void> {
  // Attendances create (or complete) the activity they name, so a workshop whose schedule was never
  // seen is still counted with its country, module and lecturers.
  if (write === 'live') {
    await source.query(
      [AttendanceRecordedV1.type],
      `INSERT INTO activities (activity_id, kind, country, course_key, module_key, lecturer_ids, first_attended_at)
       ${attendedActivities(source.events(ATTENDED_ACTIVITY))}
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
  }

  // The schedule is authoritative for what the activity is; its start follows the latest (re)scheduling.
  await source.query(
    [ActivityScheduledV1.type],
    `INSERT INTO activities (activity_id, kind, title, country, course_key, module_key, lecturer_ids, starts_at, starts_version)
       SELECT DISTINCT ON (r."activityId") r."activityId", r.kind, r.title, r.country, r."courseKey", r."moduleKey", coalesce(r."lecturerIds", '{}'),
              r."startsAt", r."scheduledAt"
       FROM ${source.events(`${ACTIVITY}, title text, "courseKey" text, "moduleKey" text, "lecturerIds" uuid[], "startsAt" timestamptz, "scheduledAt" timestamptz`)}
       ORDER BY r."activityId", r."scheduledAt" DESC, r."startsAt" DESC
       ON CONFLICT (activity_id) DO UPDATE SET
         kind = excluded.kind, title = excluded.title, country = excluded.country,
         course_key = excluded.course_key, module_key = excluded.module_key, lecturer_ids = excluded.lecturer_ids,
         starts_at = CASE WHEN activities.starts_version IS NULL OR (excluded.starts_version, excluded.starts_at) > (activities.starts_version, activities.starts_at)
                          THEN excluded.starts_at ELSE activities.starts_at END,
         starts_version = GREATEST(activities.starts_version, excluded.starts_version)`,
  );
  await source.query(
    [ActivityRescheduledV1.type],
    `INSERT INTO activities (activity_id, kind, country, starts_at, starts_version)
       SELECT DISTINCT ON (r."activityId") r."activityId", r.kind, r.country, r."startsAt", r."rescheduledAt"
       FROM ${source.events(`${ACTIVITY}, "startsAt" timestamptz, "rescheduledAt" timestamptz`)}
       ORDER BY r."activityId", r."rescheduledAt" DESC, r."startsAt" DESC
       ON CONFLICT (activity_id) DO UPDATE SET
         starts_at = CASE WHEN activities.starts_version IS NULL OR (excluded.starts_version, excluded.starts_at) > (activities.starts_version, activities.starts_at)
                          THEN excluded.starts_at ELSE activities.starts_at END,
         starts_version = GREATEST(activities.starts_version, excluded.starts_version)`,
  );
  await source.query(
    [ActivityCancelledV1.type],
    `INSERT INTO activities (activity_id, kind, country, cancelled_at)
       SELECT DISTINCT ON (r."activityId") r."activityId", r.kind, r.country, r."cancelledAt"
       FROM ${source.events(`${ACTIVITY}, "cancelledAt" timestamptz`)}
       ORDER BY r."activityId", r."cancelledAt"
       ON CONFLICT (activity_id) DO UPDATE SET cancelled_at = LEAST(activities.cancelled_at, excluded.cancelled_at)`,
  );
  await source.query(
    [ActivityHeldV1.type],
    `INSERT INTO activities (activity_id, kind, country, course_key, module_key, held_at, held_participants, held_walk_ins)
       SELECT DISTINCT ON (r."activityId") r."activityId", r.kind, r.country, r."courseKey", r."moduleKey", r."heldAt", r.participants, r."walkIns"
       FROM ${source.events(`${ACTIVITY}, "courseKey" text, "moduleKey" text, "heldAt" timestamptz, participants int, "walkIns" int`)}
       ORDER BY r."activityId", r.participants DESC, r."walkIns" DESC, r."heldAt"
       ON CONFLICT (activity_id) DO UPDATE SET
         held_at = LEAST(activities.held_at, excluded.held_at),
         held_participants = GREATEST(activities.held_participants, excluded.held_participants),
         held_walk_ins = GREATEST(activities.held_walk_ins, excluded.held_walk_ins),
         course_key = coalesce(activities.course_key, excluded.course_key),
         module_key = coalesce(activities.module_key, excluded.module_key)`,
  );
  // The headcount is a total as now known: the latest recording wins (ties: the larger count).
  await source.query(
    [HeadcountRecordedV1.type],
    `INSERT INTO activities (activity_id, kind, country, walk_ins, walk_ins_at)
       SELECT DISTINCT ON (r."activityId") r."activityId", r.kind, r.country, r."walkIns", r."recordedAt"
       FROM ${source.events(`${ACTIVITY}, "walkIns" int, "recordedAt" timestamptz`)}
       ORDER BY r."activityId", r."recordedAt" DESC, r."walkIns" DESC
       ON CONFLICT (activity_id) DO UPDATE SET walk_ins = excluded.walk_ins, walk_ins_at = excluded.walk_ins_at
       WHERE activities.walk_ins_at IS NULL OR (excluded.walk_ins_at, excluded.walk_ins) > (activities.walk_ins_at, activities.walk_ins)`,
  );
}

