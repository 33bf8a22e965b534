import { IsIn, IsInt, IsOptional, IsUUID, Min } from 'class-validator';
import { defineEvent } from '../../catalogue/event-definition';
import { Topics } from '../../catalogue/topics';
import { ACTIVITY_KINDS, type ActivityKind } from '../../shared/activity-kind';
import { IsCatalogueKey, IsCountryCode, IsTimestamp } from '../../validation/validators';

export class ActivityHeldV1Payload {
  @IsUUID() activityId: string;
  @IsIn(ACTIVITY_KINDS) kind: ActivityKind;
  @IsCountryCode() country: string;
  @IsOptional() @IsCatalogueKey() courseKey?: string;
  @IsOptional() @IsCatalogueKey() moduleKey?: string;
  /** Named participants recorded (check-ins and sign-in sheets). */
  @IsInt() @Min(0) participants: number;
  /** Walk-ins counted without a name: in totals, not in the network. */
  @IsInt() @Min(0) walkIns: number;
  @IsTimestamp() heldAt: string;
}

export const ActivityHeldV1 = defineEvent({
  type: 'org.socialmakers.events.activity.held.v1',
  version: 1,
  producer: 'events',
  topic: Topics.eventsActivity,
  payload: ActivityHeldV1Payload,
  key: 'activityId',
  subjectKind: 'activity',
  description: 'An activity took place; carries its final counts (named participants and walk-ins).',
});
