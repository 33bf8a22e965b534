import { IsIn, IsTimeZone, IsUUID } from 'class-validator';
import { defineEvent } from '../../catalogue/event-definition';
import { Topics } from '../../catalogue/topics';
import { ACTIVITY_KINDS, type ActivityKind } from '../../shared/activity-kind';
import { IsCountryCode, IsTimestamp } from '../../validation/validators';

export class ActivityRescheduledV1Payload {
  @IsUUID() activityId: string;
  @IsIn(ACTIVITY_KINDS) kind: ActivityKind;
  @IsCountryCode() country: string;
  @IsTimeZone() timeZone: string;
  @IsTimestamp() startsAt: string;
  @IsTimestamp() endsAt: string;
  @IsTimestamp() rescheduledAt: string;
}

export const ActivityRescheduledV1 = defineEvent({
  type: 'org.socialmakers.events.activity.rescheduled.v1',
  version: 1,
  producer: 'events',
  topic: Topics.eventsActivity,
  payload: ActivityRescheduledV1Payload,
  key: 'activityId',
  subjectKind: 'activity',
  description: 'A scheduled activity moved to a new start and end.',
});
