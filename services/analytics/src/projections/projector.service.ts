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
  StakeholderRegisteredV1,
  StakeholderUpdatedV1,
  type EventType,
  type PayloadOf,
} from '@socialmakers/contracts';
import type { EventEnvelope } from '@socialmakers/messaging';
import { countryOf } from './event-country';
import { occurredAt } from './event-time';

type Rows = Array<Record<string, unknown>>;

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
  'event_log',
] as const;

function ofType<T extends EventType>(envelopes: EventEnvelope[], type: T): Array<{ envelope: EventEnvelope; data: PayloadOf<T> }> {
  return envelopes.filter((envelope) => envelope.type === type).map((envelope) => ({ envelope, data: envelope.data as PayloadOf<T> }));
}

/**
 * Applies consumed events to the projections, set-based: one statement per table and event type for
 * a whole chunk, so the live consumer (one event at a time) and a replay (hundreds per call) run the
 * same code. Every statement is an upsert whose result does not depend on delivery order or count:
 * first-of (LEAST), latest-by-version, or insert-if-absent, so replaying from offset 0 converges.
 */
@Injectable()
export class ProjectorService {
  async apply(envelopes: EventEnvelope[], manager: EntityManager): Promise<void> {
    if (envelopes.length === 0) return;
    const run = async (sql: string, rows: Rows) => {
      if (rows.length > 0) await manager.query(sql, [JSON.stringify(rows)]);
    };

    await run(
      `INSERT INTO event_log (event_source, event_id, type, subject, occurred_at, recorded_at, country, data)
       SELECT source, id, type, subject, occurred_at, time, country, data
       FROM jsonb_to_recordset($1::jsonb) AS r(n int, source text, id text, type text, subject text, occurred_at timestamptz, time timestamptz, country text, data jsonb)
       ORDER BY n
       ON CONFLICT (event_source, event_id) DO NOTHING`,
      envelopes.map((e, n) => ({
        n, source: e.source, id: e.id, type: e.type, subject: e.subject ?? null, occurred_at: occurredAt(e), time: e.time, country: countryOf(e), data: e.data,
      })),
    );

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
       FROM jsonb_to_recordset($1::jsonb) AS r(course_key text, module_key text, position int, title text, published_at timestamptz)
       ORDER BY course_key, module_key, published_at DESC, position DESC, title DESC
       ON CONFLICT (course_key, module_key) DO UPDATE SET position = excluded.position, title = excluded.title, published_at = excluded.published_at
       WHERE (excluded.published_at, excluded.position, excluded.title) > (catalogue_modules.published_at, catalogue_modules.position, catalogue_modules.title)`,
      modules,
    );

    await run(
      `INSERT INTO enrolment_events (event_source, event_id, enrolment_id, person_id, course_key, country, action, at)
       SELECT source, id, enrolment_id, person_id, course_key, country, action, at
       FROM jsonb_to_recordset($1::jsonb) AS r(source text, id text, enrolment_id uuid, person_id uuid, course_key text, country text, action text, at timestamptz)
       ON CONFLICT DO NOTHING`,
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

    // A person's module (or course) completion counts once, at its earliest time, with that time's country.
    await run(
      `INSERT INTO module_completions (person_id, course_key, module_key, country, completed_at)
       SELECT DISTINCT ON (person_id, course_key, module_key) person_id, course_key, module_key, country, completed_at
       FROM jsonb_to_recordset($1::jsonb) AS r(person_id uuid, course_key text, module_key text, country text, completed_at timestamptz)
       ORDER BY person_id, course_key, module_key, completed_at, country
       ON CONFLICT (person_id, course_key, module_key) DO UPDATE SET completed_at = excluded.completed_at, country = excluded.country
       WHERE (excluded.completed_at, coalesce(excluded.country, '')) < (module_completions.completed_at, coalesce(module_completions.country, ''))`,
      ofType(envelopes, ModuleCompletedV1.type).map(({ data }) => ({
        person_id: data.personId, course_key: data.courseKey, module_key: data.moduleKey, country: data.country ?? null, completed_at: data.completedAt,
      })),
    );
    await run(
      `INSERT INTO course_completions (person_id, course_key, country, completed_at)
       SELECT DISTINCT ON (person_id, course_key) person_id, course_key, country, completed_at
       FROM jsonb_to_recordset($1::jsonb) AS r(person_id uuid, course_key text, country text, completed_at timestamptz)
       ORDER BY person_id, course_key, completed_at, country
       ON CONFLICT (person_id, course_key) DO UPDATE SET completed_at = excluded.completed_at, country = excluded.country
       WHERE (excluded.completed_at, coalesce(excluded.country, '')) < (course_completions.completed_at, coalesce(course_completions.country, ''))`,
      ofType(envelopes, CourseCompletedV1.type).map(({ data }) => ({
        person_id: data.personId, course_key: data.courseKey, country: data.country ?? null, completed_at: data.completedAt,
      })),
    );
    await run(
      `INSERT INTO certificates (certificate_id, person_id, course_key, country, issued_at)
       SELECT certificate_id, person_id, course_key, country, issued_at
       FROM jsonb_to_recordset($1::jsonb) AS r(certificate_id uuid, person_id uuid, course_key text, country text, issued_at timestamptz)
       ON CONFLICT DO NOTHING`,
      ofType(envelopes, CertificateIssuedV1.type).map(({ data }) => ({
        certificate_id: data.certificateId, person_id: data.personId, course_key: data.courseKey, country: data.country ?? null, issued_at: data.issuedAt,
      })),
    );

    await this.applyActivities(envelopes, run);
    await this.applyCommunity(envelopes, run);
  }

  private async applyCommunity(envelopes: EventEnvelope[], run: (sql: string, rows: Rows) => Promise<void>): Promise<void> {
    // A profile as it now is: the latest by its time wins (ties: the larger kind/country, to stay deterministic).
    await run(
      `INSERT INTO stakeholders (person_id, kind, country, occurred_at)
       SELECT DISTINCT ON (person_id) person_id, kind, country, occurred_at
       FROM jsonb_to_recordset($1::jsonb) AS r(person_id uuid, kind text, country text, occurred_at timestamptz)
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
       FROM jsonb_to_recordset($1::jsonb) AS r(introduction_id uuid, requester_id uuid, recipient_id uuid, requested_at timestamptz)
       ON CONFLICT DO NOTHING`,
      ofType(envelopes, IntroductionRequestedV1.type).map(({ data }) => ({
        introduction_id: data.introductionId, requester_id: data.requesterId, recipient_id: data.recipientId, requested_at: data.occurredAt,
      })),
    );
    await run(
      `INSERT INTO connections (connection_id, person_id, other_person_id, formed_at)
       SELECT connection_id, person_id, other_person_id, formed_at
       FROM jsonb_to_recordset($1::jsonb) AS r(connection_id uuid, person_id uuid, other_person_id uuid, formed_at timestamptz)
       ON CONFLICT DO NOTHING`,
      ofType(envelopes, ConnectionFormedV1.type).map(({ data }) => ({
        connection_id: data.connectionId, person_id: data.personId, other_person_id: data.otherPersonId, formed_at: data.formedAt,
      })),
    );
    await run(
      `INSERT INTO network_snapshots (snapshot_id, computed_at, nodes, edges, communities, countries)
       SELECT snapshot_id, computed_at, nodes, edges, communities, countries
       FROM jsonb_to_recordset($1::jsonb) AS r(snapshot_id uuid, computed_at timestamptz, nodes int, edges int, communities int, countries jsonb)
       ON CONFLICT DO NOTHING`,
      ofType(envelopes, NetworkIndicatorsSnapshottedV1.type).map(({ data }) => ({
        snapshot_id: data.snapshotId, computed_at: data.computedAt, nodes: data.nodes, edges: data.edges, communities: data.communities,
        countries: data.countries,
      })),
    );
  }

  private async applyActivities(envelopes: EventEnvelope[], run: (sql: string, rows: Rows) => Promise<void>): Promise<void> {
    // Attendances first create (or complete) the activity they name, so a workshop whose schedule was
    // never seen is still counted with its country, module and lecturers.
    const attendances = ofType(envelopes, AttendanceRecordedV1.type).map(({ data }) => data);
    await run(
      `INSERT INTO activities (activity_id, kind, country, course_key, module_key, lecturer_ids, first_attended_at)
       SELECT DISTINCT ON (activity_id) activity_id, kind, country, course_key, module_key, lecturer_ids, min(attended_at) OVER (PARTITION BY activity_id)
       FROM jsonb_to_recordset($1::jsonb) AS r(activity_id uuid, kind text, country text, course_key text, module_key text, lecturer_ids uuid[], attended_at timestamptz)
       ORDER BY activity_id, attended_at
       ON CONFLICT (activity_id) DO UPDATE SET
         first_attended_at = LEAST(activities.first_attended_at, excluded.first_attended_at),
         course_key = coalesce(activities.course_key, excluded.course_key),
         module_key = coalesce(activities.module_key, excluded.module_key),
         lecturer_ids = CASE WHEN cardinality(activities.lecturer_ids) = 0 THEN excluded.lecturer_ids ELSE activities.lecturer_ids END`,
      attendances.map((a) => ({
        activity_id: a.activityId, kind: a.kind, country: a.country, course_key: a.courseKey ?? null, module_key: a.moduleKey ?? null,
        lecturer_ids: a.lecturerIds, attended_at: a.attendedAt,
      })),
    );
    await run(
      `INSERT INTO attendances (activity_id, person_id, kind, country, attended_at)
       SELECT activity_id, person_id, kind, country, attended_at
       FROM jsonb_to_recordset($1::jsonb) AS r(activity_id uuid, person_id uuid, kind text, country text, attended_at timestamptz)
       ON CONFLICT DO NOTHING`,
      attendances.map((a) => ({ activity_id: a.activityId, person_id: a.personId, kind: a.kind, country: a.country, attended_at: a.attendedAt })),
    );

    // The schedule is authoritative for what the activity is; its start follows the latest (re)scheduling.
    await run(
      `INSERT INTO activities (activity_id, kind, title, country, course_key, module_key, lecturer_ids, starts_at, starts_version)
       SELECT DISTINCT ON (activity_id) activity_id, kind, title, country, course_key, module_key, lecturer_ids, starts_at, version
       FROM jsonb_to_recordset($1::jsonb) AS r(activity_id uuid, kind text, title text, country text, course_key text, module_key text, lecturer_ids uuid[], starts_at timestamptz, version timestamptz)
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
       FROM jsonb_to_recordset($1::jsonb) AS r(activity_id uuid, kind text, country text, starts_at timestamptz, version timestamptz)
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
       FROM jsonb_to_recordset($1::jsonb) AS r(activity_id uuid, kind text, country text, cancelled_at timestamptz)
       ORDER BY activity_id, cancelled_at
       ON CONFLICT (activity_id) DO UPDATE SET cancelled_at = LEAST(activities.cancelled_at, excluded.cancelled_at)`,
      ofType(envelopes, ActivityCancelledV1.type).map(({ data }) => ({
        activity_id: data.activityId, kind: data.kind, country: data.country, cancelled_at: data.cancelledAt,
      })),
    );
    await run(
      `INSERT INTO activities (activity_id, kind, country, course_key, module_key, held_at, held_participants, held_walk_ins)
       SELECT DISTINCT ON (activity_id) activity_id, kind, country, course_key, module_key, held_at, participants, walk_ins
       FROM jsonb_to_recordset($1::jsonb) AS r(activity_id uuid, kind text, country text, course_key text, module_key text, held_at timestamptz, participants int, walk_ins int)
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
       FROM jsonb_to_recordset($1::jsonb) AS r(activity_id uuid, kind text, country text, walk_ins int, recorded_at timestamptz)
       ORDER BY activity_id, recorded_at DESC, walk_ins DESC
       ON CONFLICT (activity_id) DO UPDATE SET walk_ins = excluded.walk_ins, walk_ins_at = excluded.walk_ins_at
       WHERE activities.walk_ins_at IS NULL OR (excluded.walk_ins_at, excluded.walk_ins) > (activities.walk_ins_at, activities.walk_ins)`,
      ofType(envelopes, HeadcountRecordedV1.type).map(({ data }) => ({
        activity_id: data.activityId, kind: data.kind, country: data.country, walk_ins: data.walkIns, recorded_at: data.recordedAt,
      })),
    );
  }
}
