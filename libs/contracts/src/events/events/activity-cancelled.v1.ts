import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { defineEvent } from '../../catalogue/event-definition';
import { Topics } from '../../catalogue/topics';
import { ACTIVITY_KINDS, type ActivityKind } from '../../shared/activity-kind';
import { IsCountryCode, IsTimestamp } from '../../validation/validators';

export class ActivityCancelledV1Payload {
  @IsUUID() activityId: string;
  @IsIn(ACTIVITY_KINDS) kind: ActivityKind;
  @IsCountryCode() country: string;
  @IsOptional() @IsString() @MaxLength(1000) reason?: string;
  @IsTimestamp() cancelledAt: string;
}

export const ActivityCancelledV1 = defineEvent({
  type: 'org.socialmakers.events.activity.cancelled.v1',
  version: 1,
  producer: 'events',
  topic: Topics.eventsActivity,
  payload: ActivityCancelledV1Payload,
  key: 'activityId',
  subjectKind: 'activity',
  description: 'A scheduled activity was cancelled; its registrations lapse.',
});
