import { ForbiddenException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ActivityKind } from '@socialmakers/contracts';
import { Role, type Principal } from '@socialmakers/auth';
import type { ActivityStatus } from '../activities/activity';
import { REGISTRATION_COLUMNS, WAITLIST_ORDER, type Registration } from './registration';

/** The activity a registration is for, as much of it as a list of one's registrations shows. */
export interface RegisteredActivity {
  kind: ActivityKind;
  title: string;
  organiserId: string;
  country: string;
  city: string | null;
  timeZone: string;
  startsAt: Date;
  endsAt: Date;
  status: ActivityStatus;
}

export type PersonRegistration = Registration & { activity: RegisteredActivity };

type PersonRegistrationRow = Omit<Registration, 'waitlistPosition'> &
  Omit<RegisteredActivity, 'status'> & { activityStatus: ActivityStatus; position: number | null };

/**
 * One person's registrations across activities, in one query (the console and the gateway's export
 * used to ask every activity in turn). The rules are those of a single registration: the person
 * themself and admins see them all; an organiser sees those for their own organisation's activities.
 */
@Injectable()
export class PersonRegistrationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async of(principal: Principal, personId: string): Promise<PersonRegistration[]> {
    const organisation = this.visibleOrganisation(principal, personId);
    // Waiting-list places are ranked per activity among its waitlisted registrations, as the
    // activity's own list ranks them, but only for the activities this person waits for.
    const rows: PersonRegistrationRow[] = await this.dataSource.query(
      `WITH waiting AS (
         SELECT r.id, (row_number() OVER (PARTITION BY r.activity_id ORDER BY ${WAITLIST_ORDER}))::int AS position
           FROM registrations r JOIN activities a ON a.id = r.activity_id
          WHERE r.status = 'waitlisted'
            AND r.activity_id IN (SELECT activity_id FROM registrations WHERE person_id = $1 AND status = 'waitlisted'))
       SELECT ${REGISTRATION_COLUMNS}, w.position,
              a.kind, a.title, a.organiser_id AS "organiserId", a.country, a.city, a.time_zone AS "timeZone",
              a.starts_at AS "startsAt", a.ends_at AS "endsAt", a.status AS "activityStatus"
         FROM registrations r
         JOIN activities a ON a.id = r.activity_id
         LEFT JOIN waiting w ON w.id = r.id
        WHERE r.person_id = $1 AND ($2::uuid IS NULL OR a.organiser_id = $2::uuid)
        ORDER BY a.starts_at, a.id`,
      [personId, organisation ?? null],
    );
    return rows.map((row) => ({
      id: row.id,
      activityId: row.activityId,
      personId: row.personId,
      status: row.status,
      registeredAt: row.registeredAt,
      promotedAt: row.promotedAt,
      cancelledAt: row.cancelledAt,
      ...(row.position !== null ? { waitlistPosition: row.position } : {}),
      activity: {
        kind: row.kind,
        title: row.title,
        organiserId: row.organiserId,
        country: row.country,
        city: row.city,
        timeZone: row.timeZone,
        startsAt: row.startsAt,
        endsAt: row.endsAt,
        status: row.activityStatus,
      },
    }));
  }

  /** Undefined: every activity; an id: only that organisation's activities; someone else's list otherwise is refused. */
  private visibleOrganisation(principal: Principal, personId: string): string | undefined {
    if (personId === principal.personId || principal.roles.includes(Role.Admin)) return undefined;
    if (principal.roles.includes(Role.Organiser) && principal.organisationId) return principal.organisationId;
    throw new ForbiddenException(
      principal.roles.includes(Role.Organiser)
        ? 'Your token acts for no organisation, so you may see only your own registrations.'
        : "You may see only your own registrations; another person's need an organiser of their activities or an admin.",
    );
  }
}
