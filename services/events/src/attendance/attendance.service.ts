import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { AttendanceRecordedV1, AttendanceSource, HeadcountRecordedV1, type AttendanceRecordedV1Payload } from '@socialmakers/contracts';
import type { Principal } from '@socialmakers/auth';
import { EventOutbox, type PendingEvent } from '@socialmakers/messaging';
import { ConflictError } from '@socialmakers/service-kit';
import type { Activity } from '../activities/activity';
import { assertNotCancelled, findActivity } from '../activities/activity-store';
import { assertOrganises } from '../common/organiser-access';
import { ATTENDANCE_COLUMNS, type Attendance, type AttendanceEntry } from './attendance';
import { KeyedBatcher } from './keyed-batcher';

@Injectable()
export class AttendanceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
  ) {}

  /**
   * Checks a person in; checking in twice is one attendance (200 the second time). Concurrent
   * check-ins to one activity share a transaction (see KeyedBatcher); each caller still gets its own
   * answer, and its own 403 when it does not organise the activity.
   */
  async checkIn(principal: Principal, activityId: string, personId: string): Promise<{ attendance: Attendance; created: boolean }> {
    return this.checkIns.submit(activityId, { principal, personId });
  }

  private readonly checkIns = new KeyedBatcher<{ principal: Principal; personId: string }, { attendance: Attendance; created: boolean }>((activityId, items) =>
    this.dataSource.transaction(async (manager) => {
      const activity = await findActivity(manager, activityId, 'share');
      const refused = items.map(({ principal }) => {
        try {
          assertOrganises(principal, activity.organiserId);
          assertNotCancelled(activity, 'check anyone in');
          return undefined;
        } catch (error) {
          return error as Error;
        }
      });
      const people = [...new Set(items.filter((_, i) => !refused[i]).map((item) => item.personId))];
      const recorded = await this.recordMany(
        manager,
        activity,
        people.map((personId) => ({ personId, source: AttendanceSource.CheckIn })),
      );
      const created = new Map(recorded.map((attendance) => [attendance.personId, attendance]));
      const others = people.filter((personId) => !created.has(personId));
      const existing: Attendance[] =
        others.length === 0
          ? []
          : await manager.query(`SELECT ${ATTENDANCE_COLUMNS} FROM attendances WHERE activity_id = $1 AND person_id = ANY($2::uuid[])`, [activityId, others]);
      const known = new Map(existing.map((attendance) => [attendance.personId, attendance]));
      const answered = new Set<string>();
      return items.map(({ personId }, i) => {
        if (refused[i]) return refused[i];
        const fresh = created.get(personId);
        // The same person twice in one batch: the first caller created it, the second finds it.
        if (fresh && !answered.has(personId)) {
          answered.add(personId);
          return { attendance: fresh, created: true };
        }
        const attendance = fresh ?? known.get(personId);
        // Neither new nor on record: recordMany left them out, erased after the activity began.
        return attendance ? { attendance, created: false } : erasedParticipant(personId, activity);
      });
    }),
  );

  /**
   * The activity's row, share-locked so a cancellation waits for recordings in flight (and they
   * for it), after checking the caller organises it and it was not cancelled.
   */
  async activityToRecord(manager: EntityManager, principal: Principal, activityId: string, doing: string): Promise<Activity> {
    const activity = await findActivity(manager, activityId, 'share');
    assertOrganises(principal, activity.organiserId);
    assertNotCancelled(activity, doing);
    return activity;
  }

  /**
   * Records named participants in one statement and publishes one AttendanceRecordedV1 per person
   * new to the activity, in one outbox insert. Returns those newly recorded. A person erased after
   * the activity began is left out (see erasure/): recording them again would bring them back.
   */
  async recordMany(manager: EntityManager, activity: Activity, entries: AttendanceEntry[]): Promise<Attendance[]> {
    if (entries.length === 0) return [];
    const recorded: Attendance[] = await manager.query(
      `INSERT INTO attendances (id, activity_id, person_id, source, name, organisation, person_country, role, recorded_at)
       SELECT id, $2::uuid, person_id, source, name, organisation, person_country, role, now()
         FROM unnest($1::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
              AS t(id, person_id, source, name, organisation, person_country, role)
        WHERE NOT EXISTS (SELECT 1 FROM erased_people e WHERE e.person_id = t.person_id AND e.erased_at >= $9)
       ON CONFLICT (activity_id, person_id) DO NOTHING
       RETURNING ${ATTENDANCE_COLUMNS}`,
      [
        entries.map(() => randomUUID()),
        activity.id,
        entries.map((e) => e.personId),
        entries.map((e) => e.source),
        entries.map((e) => e.name ?? null),
        entries.map((e) => e.organisation ?? null),
        entries.map((e) => e.personCountry ?? null),
        entries.map((e) => e.role ?? null),
        activity.startsAt,
      ],
    );
    const events: PendingEvent[] = recorded.map((attendance) => ({ type: AttendanceRecordedV1.type, payload: attendancePayload(activity, attendance) }));
    await this.outbox.publishAll(manager, events);
    return recorded;
  }

  /** Sets the walk-ins who gave no name (a total, not an increment): in the counts, not in the network. */
  async setHeadcount(principal: Principal, activityId: string, walkIns: number): Promise<{ walkIns: number; participants: number }> {
    return this.dataSource.transaction(async (manager) => {
      // FOR UPDATE: two headcounts at once must not both see the old total and both publish.
      const activity = await findActivity(manager, activityId, 'update');
      assertOrganises(principal, activity.organiserId);
      assertNotCancelled(activity, 'record a headcount');
      if (activity.walkIns !== walkIns) {
        await manager.query(`UPDATE activities SET walk_ins = $2 WHERE id = $1`, [activityId, walkIns]);
        await this.outbox.publish(manager, HeadcountRecordedV1.type, {
          activityId,
          kind: activity.kind,
          country: activity.country,
          walkIns,
          recordedAt: new Date().toISOString(),
        });
      }
      const [{ participants }] = await manager.query(`SELECT count(*)::int AS participants FROM attendances WHERE activity_id = $1`, [activityId]);
      return { walkIns, participants };
    });
  }

  async list(principal: Principal, activityId: string): Promise<{ participants: Attendance[]; walkIns: number; total: number }> {
    const activity = await findActivity(this.dataSource.manager, activityId);
    assertOrganises(principal, activity.organiserId);
    const participants: Attendance[] = await this.dataSource.query(`SELECT ${ATTENDANCE_COLUMNS} FROM attendances WHERE activity_id = $1 ORDER BY recorded_at, id`, [activityId]);
    return { participants, walkIns: activity.walkIns, total: participants.length + activity.walkIns };
  }
}

export const AttendanceErrorCode = { PersonErased: 'PERSON_ERASED' } as const;

function erasedParticipant(personId: string, activity: Activity): ConflictError {
  return new ConflictError(
    AttendanceErrorCode.PersonErased,
    `${personId} asked to be erased after "${activity.title}" began, so their attendance is not recorded again; count them among the walk-ins instead.`,
  );
}

/** Who took part, with what analytics (counts per country) and community (who met whom, on which module) need. */
export function attendancePayload(activity: Activity, attendance: Attendance): AttendanceRecordedV1Payload {
  return {
    attendanceId: attendance.id,
    activityId: activity.id,
    kind: activity.kind,
    personId: attendance.personId,
    country: activity.country,
    ...(attendance.personCountry ? { personCountry: attendance.personCountry } : {}),
    ...(attendance.role ? { role: attendance.role } : {}),
    organiserId: activity.organiserId,
    ...(activity.courseKey ? { courseKey: activity.courseKey } : {}),
    ...(activity.moduleKey ? { moduleKey: activity.moduleKey } : {}),
    lecturerIds: activity.lecturerIds,
    source: attendance.source,
    attendedAt: new Date(activity.startsAt).toISOString(),
  };
}
