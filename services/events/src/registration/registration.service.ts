import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { RegistrationCancelledV1, RegistrationCreatedV1, WaitlistPromotedV1 } from '@socialmakers/contracts';
import type { Principal } from '@socialmakers/auth';
import { EventOutbox } from '@socialmakers/messaging';
import { ConflictError, NotFoundError } from '@socialmakers/service-kit';
import { ActivityStatus, type Activity } from '../activities/activity';
import { assertNotCancelled, findActivity } from '../activities/activity-store';
import { assertOrganises } from '../common/organiser-access';
import { updateReturning } from '../common/sql';
import { REGISTRATION_COLUMNS, RegistrationErrorCode, RegistrationState, WAITLIST_ORDER, type Registration } from './registration';

@Injectable()
export class RegistrationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
  ) {}

  /**
   * Registers a person: confirmed while seats are left, else at the end of the waiting list.
   * Registering twice is one registration. The activity row is locked for the transaction, so
   * concurrent registrations count the seats one at a time and never overbook.
   */
  async register(principal: Principal, activityId: string, personId: string): Promise<{ registration: Registration; created: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      const activity = await findActivity(manager, activityId, 'update');
      if (personId !== principal.personId) assertOrganises(principal, activity.organiserId);
      const existing = await this.find(manager, activityId, personId);
      if (existing && existing.status !== RegistrationState.Cancelled) return { registration: await this.withPosition(manager, existing), created: false };
      assertNotCancelled(activity, 'register for it');
      if (activity.status === ActivityStatus.Held) {
        throw new ConflictError(RegistrationErrorCode.ActivityHeld, `"${activity.title}" has already taken place; registration is closed.`);
      }
      const [{ confirmed }] = await manager.query(`SELECT count(*)::int AS confirmed FROM registrations WHERE activity_id = $1 AND status = 'confirmed'`, [activityId]);
      const status = activity.capacity === null || confirmed < activity.capacity ? RegistrationState.Confirmed : RegistrationState.Waitlisted;
      const [row]: Registration[] = existing
        ? await updateReturning<Registration>(
            manager,
            `UPDATE registrations r SET status = $2, registered_at = now(), cancelled_at = NULL, promoted_at = NULL,
                    queued_seq = nextval(pg_get_serial_sequence('registrations', 'queued_seq'))
              WHERE r.id = $1 RETURNING ${REGISTRATION_COLUMNS}`,
            [existing.id, status],
          )
        : await manager.query(
            `INSERT INTO registrations AS r (id, activity_id, person_id, status, registered_at) VALUES ($1, $2, $3, $4, now())
             RETURNING ${REGISTRATION_COLUMNS}`,
            [randomUUID(), activityId, personId, status],
          );
      const registration = await this.withPosition(manager, row);
      await this.outbox.publish(manager, RegistrationCreatedV1.type, {
        registrationId: registration.id,
        activityId,
        kind: activity.kind,
        personId,
        status: status === RegistrationState.Confirmed ? 'confirmed' : 'waitlisted',
        ...(registration.waitlistPosition ? { waitlistPosition: registration.waitlistPosition } : {}),
        country: activity.country,
        registeredAt: new Date(registration.registeredAt).toISOString(),
      });
      return { registration, created: true };
    });
  }

  /** Cancels a registration; a confirmed seat that frees up goes to the first on the waiting list. Twice is once. */
  async cancel(principal: Principal, activityId: string, personId: string): Promise<Registration> {
    return this.dataSource.transaction(async (manager) => {
      const activity = await findActivity(manager, activityId, 'update');
      if (personId !== principal.personId) assertOrganises(principal, activity.organiserId);
      const existing = await this.find(manager, activityId, personId);
      if (!existing) throw new NotFoundError(RegistrationErrorCode.NotFound, `${personId} is not registered for "${activity.title}".`);
      if (existing.status === RegistrationState.Cancelled) return existing;
      const [cancelled] = await updateReturning<Registration>(manager, `UPDATE registrations r SET status = 'cancelled', cancelled_at = now() WHERE r.id = $1 RETURNING ${REGISTRATION_COLUMNS}`,
        [existing.id],
      );
      await this.outbox.publish(manager, RegistrationCancelledV1.type, {
        registrationId: cancelled.id,
        activityId,
        personId,
        cancelledAt: new Date(cancelled.cancelledAt!).toISOString(),
      });
      if (existing.status === RegistrationState.Confirmed && activity.status === ActivityStatus.Scheduled) await this.promoteNext(manager, activity);
      return cancelled;
    });
  }

  /**
   * A person's erasure: every registration of theirs moves to its own random id (seat and list counts
   * of past activities stay), and those still open on an activity to come are cancelled (an erased
   * person will not come), each confirmed seat going to the first on the waiting list as in cancel().
   * The cancellation events carry the registration's new id, never the erased one. The activities
   * are locked first, in id order, as register() and cancel() lock them, so these never deadlock.
   */
  async releaseErased(manager: EntityManager, personId: string): Promise<void> {
    const upcoming: Array<{ id: string }> = await manager.query(
      `SELECT a.id FROM activities a
        WHERE a.status = 'scheduled' AND a.ends_at > now()
          AND a.id IN (SELECT activity_id FROM registrations WHERE person_id = $1 AND status <> 'cancelled')
        ORDER BY a.id FOR UPDATE`,
      [personId],
    );
    const open = new Set(upcoming.map((activity) => activity.id));
    const anonymised = await updateReturning<Registration>(
      manager,
      `UPDATE registrations r SET person_id = gen_random_uuid(),
              status = CASE WHEN r.activity_id = ANY($2::uuid[]) THEN 'cancelled' ELSE r.status END,
              cancelled_at = CASE WHEN r.activity_id = ANY($2::uuid[]) AND r.status <> 'cancelled' THEN now() ELSE r.cancelled_at END
         FROM registrations before
        WHERE before.id = r.id AND r.person_id = $1
        RETURNING ${REGISTRATION_COLUMNS}, before.status AS "statusBefore"`,
      [personId, [...open]],
    );
    for (const registration of anonymised as Array<Registration & { statusBefore: RegistrationState }>) {
      if (!open.has(registration.activityId) || registration.statusBefore === RegistrationState.Cancelled) continue;
      await this.outbox.publish(manager, RegistrationCancelledV1.type, {
        registrationId: registration.id,
        activityId: registration.activityId,
        personId: registration.personId,
        cancelledAt: new Date(registration.cancelledAt!).toISOString(),
      });
      if (registration.statusBefore === RegistrationState.Confirmed) await this.promoteNext(manager, await findActivity(manager, registration.activityId));
    }
  }

  private async promoteNext(manager: EntityManager, activity: Activity): Promise<void> {
    const [promoted] = await updateReturning<Registration>(manager, `UPDATE registrations r SET status = 'confirmed', promoted_at = now()
        WHERE r.id = (SELECT r.id FROM registrations r JOIN activities a ON a.id = r.activity_id
                       WHERE r.activity_id = $1 AND r.status = 'waitlisted' ORDER BY ${WAITLIST_ORDER} LIMIT 1)
        RETURNING ${REGISTRATION_COLUMNS}`,
      [activity.id],
    );
    if (!promoted) return;
    await this.outbox.publish(manager, WaitlistPromotedV1.type, {
      registrationId: promoted.id,
      activityId: activity.id,
      personId: promoted.personId,
      promotedAt: new Date(promoted.promotedAt!).toISOString(),
    });
  }

  async get(principal: Principal, activityId: string, personId: string): Promise<Registration> {
    const activity = await findActivity(this.dataSource.manager, activityId);
    if (personId !== principal.personId) assertOrganises(principal, activity.organiserId);
    const registration = await this.find(this.dataSource.manager, activityId, personId);
    if (!registration) throw new NotFoundError(RegistrationErrorCode.NotFound, `${personId} is not registered for "${activity.title}".`);
    return this.withPosition(this.dataSource.manager, registration);
  }

  /** Confirmed registrations, then the waiting list in the order it moves up. */
  async list(principal: Principal, activityId: string): Promise<Registration[]> {
    const activity = await findActivity(this.dataSource.manager, activityId);
    assertOrganises(principal, activity.organiserId);
    const rows: Array<Registration & { position: number }> = await this.dataSource.query(
      `SELECT ${REGISTRATION_COLUMNS}, (row_number() OVER (PARTITION BY r.status ORDER BY ${WAITLIST_ORDER}))::int AS position
         FROM registrations r JOIN activities a ON a.id = r.activity_id
        WHERE r.activity_id = $1 AND r.status <> 'cancelled'
        ORDER BY r.status, position`,
      [activityId],
    );
    return rows.map(({ position, ...registration }) => (registration.status === RegistrationState.Waitlisted ? { ...registration, waitlistPosition: position } : registration));
  }

  private async find(manager: EntityManager, activityId: string, personId: string): Promise<Registration | undefined> {
    const [row]: Registration[] = await manager.query(`SELECT ${REGISTRATION_COLUMNS} FROM registrations r WHERE r.activity_id = $1 AND r.person_id = $2`, [activityId, personId]);
    return row;
  }

  private async withPosition(manager: EntityManager, registration: Registration): Promise<Registration> {
    if (registration.status !== RegistrationState.Waitlisted) return registration;
    const [{ position }] = await manager.query(
      `SELECT position FROM (
         SELECT r.id, (row_number() OVER (ORDER BY ${WAITLIST_ORDER}))::int AS position
           FROM registrations r JOIN activities a ON a.id = r.activity_id
          WHERE r.activity_id = $1 AND r.status = 'waitlisted') ranked
        WHERE id = $2`,
      [registration.activityId, registration.id],
    );
    return { ...registration, waitlistPosition: position };
  }
}
