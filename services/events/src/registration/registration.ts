export const RegistrationState = { Confirmed: 'confirmed', Waitlisted: 'waitlisted', Cancelled: 'cancelled' } as const;
export type RegistrationState = (typeof RegistrationState)[keyof typeof RegistrationState];

export interface Registration {
  id: string;
  activityId: string;
  personId: string;
  status: RegistrationState;
  registeredAt: Date;
  promotedAt: Date | null;
  cancelledAt: Date | null;
  /** Place on the waiting list (1 = next to move up), for waitlisted registrations. */
  waitlistPosition?: number;
}

export const RegistrationErrorCode = {
  NotFound: 'REGISTRATION_NOT_FOUND',
  ActivityHeld: 'ACTIVITY_ALREADY_HELD',
  PersonIdInvalid: 'PERSON_ID_INVALID',
} as const;

export const REGISTRATION_COLUMNS = `r.id, r.activity_id AS "activityId", r.person_id AS "personId", r.status,
  r.registered_at AS "registeredAt", r.promoted_at AS "promotedAt", r.cancelled_at AS "cancelledAt"`;

/**
 * The waiting list's order: by arrival, except on workshops whose organiser chose to let people who
 * completed the workshop's Academy module (as learning's events told us) move ahead.
 */
export const WAITLIST_ORDER = `
  CASE WHEN a.waitlist_priority = 'module-completers-first' AND EXISTS (
    SELECT 1 FROM module_completions mc
     WHERE mc.person_id = r.person_id AND mc.course_key = a.course_key AND mc.module_key = a.module_key
  ) THEN 0 ELSE 1 END, r.queued_seq`;
