import { IsIn, IsInt, IsOptional, IsUUID, Min } from 'class-validator';
import { defineEvent } from '../../catalogue/event-definition';
import { Topics } from '../../catalogue/topics';
import { ACTIVITY_KINDS, type ActivityKind } from '../../shared/activity-kind';
import { IsCountryCode, IsPersonId, IsTimestamp } from '../../validation/validators';

export const RegistrationStatus = { Confirmed: 'confirmed', Waitlisted: 'waitlisted' } as const;
export type RegistrationStatus = (typeof RegistrationStatus)[keyof typeof RegistrationStatus];

export class RegistrationCreatedV1Payload {
  @IsUUID() registrationId: string;
  @IsUUID() activityId: string;
  @IsIn(ACTIVITY_KINDS) kind: ActivityKind;
  @IsPersonId() personId: string;
  @IsIn(Object.values(RegistrationStatus)) status: RegistrationStatus;
  /** Place on the waiting list (1 = next to move up), for waitlisted registrations. */
  @IsOptional() @IsInt() @Min(1) waitlistPosition?: number;
  /** The activity's country. */
  @IsCountryCode() country: string;
  @IsTimestamp() registeredAt: string;
}

export const RegistrationCreatedV1 = defineEvent({
  type: 'org.socialmakers.events.registration.created.v1',
  version: 1,
  producer: 'events',
  topic: Topics.eventsRegistration,
  payload: RegistrationCreatedV1Payload,
  key: 'activityId',
  subjectKind: 'activity',
  description: 'A person registered for an activity: confirmed, or on the waiting list when it is full.',
});
