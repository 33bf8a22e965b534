import { IsUUID } from 'class-validator';
import { defineEvent } from '../../catalogue/event-definition';
import { Topics } from '../../catalogue/topics';
import { IsPersonId, IsTimestamp } from '../../validation/validators';

export class RegistrationCancelledV1Payload {
  @IsUUID() registrationId: string;
  @IsUUID() activityId: string;
  @IsPersonId() personId: string;
  @IsTimestamp() cancelledAt: string;
}

export const RegistrationCancelledV1 = defineEvent({
  type: 'org.socialmakers.events.registration.cancelled.v1',
  version: 1,
  producer: 'events',
  topic: Topics.eventsRegistration,
  payload: RegistrationCancelledV1Payload,
  key: 'activityId',
  subjectKind: 'activity',
  description: 'A registration (confirmed or waitlisted) was cancelled.',
});
