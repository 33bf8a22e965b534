import { IsIn, IsInt, IsUUID, Min } from 'class-validator';
import { defineEvent } from '../../catalogue/event-definition';
import { Topics } from '../../catalogue/topics';
import { ACTIVITY_KINDS, type ActivityKind } from '../../shared/activity-kind';
import { IsCountryCode, IsTimestamp } from '../../validation/validators';

export class HeadcountRecordedV1Payload {
  @IsUUID() activityId: string;
  @IsIn(ACTIVITY_KINDS) kind: ActivityKind;
  @IsCountryCode() country: string;
  /** The activity's walk-ins who gave no name, as now known in total (not an increment), so a redelivery changes nothing. */
  @IsInt() @Min(0) walkIns: number;
  @IsTimestamp() recordedAt: string;
}

export const HeadcountRecordedV1 = defineEvent({
  type: 'org.socialmakers.events.headcount.recorded.v1',
  version: 1,
  producer: 'events',
  topic: Topics.eventsAttendance,
  payload: HeadcountRecordedV1Payload,
  key: 'activityId',
  subjectKind: 'activity',
  description: 'The walk-in headcount of an activity was set: counts in totals, adds no one to the network.',
});
