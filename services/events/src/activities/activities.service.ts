import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ActivityCancelledV1, ActivityHeldV1, ActivityKind, ActivityRescheduledV1, ActivityScheduledV1 } from '@socialmakers/contracts';
import type { Principal } from '@socialmakers/auth';
import { EventOutbox } from '@socialmakers/messaging';
import { ConflictError } from '@socialmakers/service-kit';
import { CatalogueService } from '../catalogue/catalogue.service';
import { assertOrganises } from '../common/organiser-access';
import { updateReturning } from '../common/sql';
import { ACTIVITY_COLUMNS, ActivityErrorCode, ActivityStatus, WaitlistPriority, type Activity } from './activity';
import { scheduledPayload } from './activity-events';
import { assertEndsAfterStart, assertScheduleRules } from './activity-rules';
import { assertNotCancelled, findActivity } from './activity-store';
import type { ActivityQueryDto } from './dto/activity-query.dto';
import type { CancelActivityDto, RescheduleActivityDto, ScheduleActivityDto } from './dto/schedule-activity.dto';

export interface ActivityCounts {
  confirmed: number;
  waitlisted: number;
  participants: number;
  walkIns: number;
}

@Injectable()
export class ActivitiesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
    private readonly catalogue: CatalogueService,
  ) {}

  /** Schedules an activity; with a client-chosen id, scheduling it again answers the existing one. */
  async schedule(principal: Principal, dto: ScheduleActivityDto): Promise<{ activity: Activity; created: boolean }> {
    assertOrganises(principal, dto.organiserId);
    assertScheduleRules(dto);
    return this.dataSource.transaction(async (manager) => {
      const module = dto.kind === ActivityKind.Workshop ? await this.catalogue.resolveModule(manager, dto.moduleKey!, dto.courseKey) : undefined;
      const id = dto.id ?? randomUUID();
      const [inserted]: Activity[] = await manager.query(
        `INSERT INTO activities (id, kind, title, organiser_id, country, city, venue, time_zone, starts_at, ends_at, course_key, module_key,
                                 lecturer_ids, programme, topic, join_link, capacity, waitlist_priority)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
         ON CONFLICT (id) DO NOTHING
         RETURNING ${ACTIVITY_COLUMNS}`,
        [
          id,
          dto.kind,
          dto.title,
          dto.organiserId,
          dto.country,
          dto.city ?? null,
          dto.venue ?? null,
          dto.timeZone,
          dto.startsAt,
          dto.endsAt,
          module?.courseKey ?? null,
          module?.moduleKey ?? null,
          dto.lecturerIds ?? [],
          JSON.stringify(dto.programme ?? []),
          dto.topic ?? null,
          dto.joinLink ?? null,
          dto.capacity ?? null,
          dto.waitlistPriority ?? WaitlistPriority.FirstCome,
        ],
      );
      if (!inserted) {
        const existing = await findActivity(manager, id);
        const same =
          existing.kind === dto.kind &&
          existing.organiserId === dto.organiserId &&
          existing.title === dto.title &&
          new Date(existing.startsAt).getTime() === new Date(dto.startsAt).getTime();
        if (!same) throw new ConflictError(ActivityErrorCode.IdTaken, `The id ${id} already belongs to another activity ("${existing.title}"); choose another id.`);
        return { activity: existing, created: false };
      }
      await this.outbox.publish(manager, ActivityScheduledV1.type, scheduledPayload(inserted));
      return { activity: inserted, created: true };
    });
  }

  async reschedule(principal: Principal, id: string, dto: RescheduleActivityDto): Promise<Activity> {
    assertEndsAfterStart(dto.startsAt, dto.endsAt);
    return this.dataSource.transaction(async (manager) => {
      const activity = await findActivity(manager, id, 'update');
      assertOrganises(principal, activity.organiserId);
      assertNotCancelled(activity, 'reschedule it');
      if (activity.status === ActivityStatus.Held) throw new ConflictError(ActivityErrorCode.Held, `"${activity.title}" has already taken place; it cannot move.`);
      const timeZone = dto.timeZone ?? activity.timeZone;
      if (
        new Date(activity.startsAt).getTime() === new Date(dto.startsAt).getTime() &&
        new Date(activity.endsAt).getTime() === new Date(dto.endsAt).getTime() &&
        timeZone === activity.timeZone
      ) {
        return activity;
      }
      const [updated] = await updateReturning<Activity>(manager, `UPDATE activities SET starts_at = $2, ends_at = $3, time_zone = $4 WHERE id = $1 RETURNING ${ACTIVITY_COLUMNS}`,
        [id, dto.startsAt, dto.endsAt, timeZone],
      );
      await this.outbox.publish(manager, ActivityRescheduledV1.type, {
        activityId: id,
        kind: updated.kind,
        country: updated.country,
        timeZone,
        startsAt: new Date(updated.startsAt).toISOString(),
        endsAt: new Date(updated.endsAt).toISOString(),
        rescheduledAt: new Date().toISOString(),
      });
      return updated;
    });
  }

  /** Cancelling twice is one cancellation; a held activity cannot be cancelled. */
  async cancel(principal: Principal, id: string, dto: CancelActivityDto): Promise<Activity> {
    return this.dataSource.transaction(async (manager) => {
      const activity = await findActivity(manager, id, 'update');
      assertOrganises(principal, activity.organiserId);
      if (activity.status === ActivityStatus.Cancelled) return activity;
      if (activity.status === ActivityStatus.Held) throw new ConflictError(ActivityErrorCode.Held, `"${activity.title}" has already taken place; it cannot be cancelled.`);
      const [updated] = await updateReturning<Activity>(manager, `UPDATE activities SET status = 'cancelled', cancelled_at = now(), cancel_reason = $2 WHERE id = $1 RETURNING ${ACTIVITY_COLUMNS}`,
        [id, dto.reason ?? null],
      );
      await this.outbox.publish(manager, ActivityCancelledV1.type, {
        activityId: id,
        kind: updated.kind,
        country: updated.country,
        ...(dto.reason ? { reason: dto.reason } : {}),
        cancelledAt: new Date(updated.cancelledAt!).toISOString(),
      });
      return updated;
    });
  }

  /** Closes the activity with its final counts; marking it held again changes nothing. */
  async markHeld(principal: Principal, id: string): Promise<{ activity: Activity; counts: ActivityCounts }> {
    return this.dataSource.transaction(async (manager) => {
      const activity = await findActivity(manager, id, 'update');
      assertOrganises(principal, activity.organiserId);
      assertNotCancelled(activity, 'mark it as held');
      if (activity.status === ActivityStatus.Held) return { activity, counts: await this.counts(id, manager) };
      if (new Date(activity.startsAt).getTime() > Date.now()) {
        throw new ConflictError(ActivityErrorCode.NotYetStarted, `"${activity.title}" starts at ${new Date(activity.startsAt).toISOString()}; it can be marked as held once it has started.`);
      }
      const [updated] = await updateReturning<Activity>(manager, `UPDATE activities SET status = 'held', held_at = now() WHERE id = $1 RETURNING ${ACTIVITY_COLUMNS}`,
        [id],
      );
      const counts = await this.counts(id, manager);
      await this.outbox.publish(manager, ActivityHeldV1.type, {
        activityId: id,
        kind: updated.kind,
        country: updated.country,
        ...(updated.courseKey ? { courseKey: updated.courseKey } : {}),
        ...(updated.moduleKey ? { moduleKey: updated.moduleKey } : {}),
        participants: counts.participants,
        walkIns: counts.walkIns,
        heldAt: new Date(updated.heldAt!).toISOString(),
      });
      return { activity: updated, counts };
    });
  }

  async get(id: string): Promise<{ activity: Activity; counts: ActivityCounts }> {
    const activity = await findActivity(this.dataSource.manager, id);
    return { activity, counts: await this.counts(id) };
  }

  async list(query: ActivityQueryDto): Promise<Activity[]> {
    return this.dataSource.query(
      `SELECT ${ACTIVITY_COLUMNS} FROM activities
        WHERE ($1::text IS NULL OR country = $1) AND ($2::text IS NULL OR kind = $2)
          AND ($3::text IS NULL OR status = $3) AND ($4::uuid IS NULL OR organiser_id = $4)
        ORDER BY starts_at, id LIMIT 1000`,
      [query.country ?? null, query.kind ?? null, query.status ?? null, query.organiserId ?? null],
    );
  }

  async counts(id: string, manager = this.dataSource.manager): Promise<ActivityCounts> {
    const [row] = await manager.query(
      `SELECT (SELECT count(*) FROM registrations WHERE activity_id = $1 AND status = 'confirmed')::int AS confirmed,
              (SELECT count(*) FROM registrations WHERE activity_id = $1 AND status = 'waitlisted')::int AS waitlisted,
              (SELECT count(*) FROM attendances WHERE activity_id = $1)::int AS participants,
              (SELECT walk_ins FROM activities WHERE id = $1) AS "walkIns"`,
      [id],
    );
    return row;
  }
}
