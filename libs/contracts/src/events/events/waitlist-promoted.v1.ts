import { IsUUID } from 'class-validator';
import { defineEvent } from '../../catalogue/event-definition';
import { Topics } from '../../catalogue/topics';
import { IsPersonId, IsTimestamp } from '../../validation/validators';

export class WaitlistPromotedV1Payload {
  @IsUUID() registrationId: string;
  @IsUUID() activityId: string;
  @IsPersonId() personId: string;
  @IsTimestamp() promotedAt: string;
}

export const WaitlistPromotedV1 = defineEvent({
  type: 'org.socialmakers.events.waitlist.promoted.v1',
  version: 1,
  producer: 'events',
  topic: Topics.eventsRegistration,
  payload: WaitlistPromotedV1Payload,
  key: 'activityId',
  subjectKind: 'activity',
  description: 'A person moved up from the waiting list to a confirmed place.',
});
