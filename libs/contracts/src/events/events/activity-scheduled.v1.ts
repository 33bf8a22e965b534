import { IsArray, IsIn, IsOptional, IsString, IsTimeZone, IsUUID, MaxLength, MinLength } from 'class-validator';
import { defineEvent } from '../../catalogue/event-definition';
import { Topics } from '../../catalogue/topics';
import { ACTIVITY_KINDS, type ActivityKind } from '../../shared/activity-kind';
import { IsCatalogueKey, IsCountryCode, IsPersonId, IsTimestamp } from '../../validation/validators';

export class ActivityScheduledV1Payload {
  @IsUUID() activityId: string;
  @IsIn(ACTIVITY_KINDS) kind: ActivityKind;
  @IsString() @MinLength(1) @MaxLength(300) title: string;
  /** The partner organisation running it. */
  @IsUUID() organiserId: string;
  @IsCountryCode() country: string;
  @IsOptional() @IsString() @MaxLength(200) city?: string;
  @IsTimeZone() timeZone: string;
  @IsTimestamp() startsAt: string;
  @IsTimestamp() endsAt: string;
  /** Workshops: the Academy module the workshop deepens. */
  @IsOptional() @IsCatalogueKey() courseKey?: string;
  @IsOptional() @IsCatalogueKey() moduleKey?: string;
  /** Workshops: the lecturers' person ids. */
  @IsArray() @IsPersonId({ each: true }) lecturerIds: string[];
  /** Webinars: the topic. */
  @IsOptional() @IsString() @MaxLength(300) topic?: string;
  @IsTimestamp() scheduledAt: string;
}

export const ActivityScheduledV1 = defineEvent({
  type: 'org.socialmakers.events.activity.scheduled.v1',
  version: 1,
  producer: 'events',
  topic: Topics.eventsActivity,
  payload: ActivityScheduledV1Payload,
  key: 'activityId',
  subjectKind: 'activity',
  description: 'A workshop, festival or webinar was scheduled.',
});
