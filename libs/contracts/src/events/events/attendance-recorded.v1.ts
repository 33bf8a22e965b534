import { IsArray, IsIn, IsOptional, IsUUID } from 'class-validator';
import { defineEvent } from '../../catalogue/event-definition';
import { Topics } from '../../catalogue/topics';
import { ACTIVITY_KINDS, type ActivityKind } from '../../shared/activity-kind';
import { IsCatalogueKey, IsCountryCode, IsPersonId, IsTimestamp, OptionalCountryCode } from '../../validation/validators';

export const AttendanceSource = { CheckIn: 'check-in', SignInSheet: 'sign-in-sheet' } as const;
export type AttendanceSource = (typeof AttendanceSource)[keyof typeof AttendanceSource];

export const StakeholderRole = {
  Innovator: 'innovator',
  Funder: 'funder',
  Policymaker: 'policymaker',
  Entrepreneur: 'entrepreneur',
  Citizen: 'citizen',
  Lecturer: 'lecturer',
  Partner: 'partner-organisation',
} as const;
export type StakeholderRole = (typeof StakeholderRole)[keyof typeof StakeholderRole];

export class AttendanceRecordedV1Payload {
  @IsUUID() attendanceId: string;
  @IsUUID() activityId: string;
  @IsIn(ACTIVITY_KINDS) kind: ActivityKind;
  @IsPersonId() personId: string;
  /** The activity's country: participants are counted per country of the activity. */
  @IsCountryCode() country: string;
  /** The person's own country, when the sign-in sheet gave it. */
  @OptionalCountryCode() personCountry?: string;
  /** The role the person gave on the sheet, when given. */
  @IsOptional() @IsIn(Object.values(StakeholderRole)) role?: StakeholderRole;
  @IsUUID() organiserId: string;
  /** Workshops: the Academy module it deepens. */
  @IsOptional() @IsCatalogueKey() courseKey?: string;
  @IsOptional() @IsCatalogueKey() moduleKey?: string;
  @IsArray() @IsPersonId({ each: true }) lecturerIds: string[];
  @IsIn(Object.values(AttendanceSource)) source: AttendanceSource;
  /** When the activity took place (its start). */
  @IsTimestamp() attendedAt: string;
}

export const AttendanceRecordedV1 = defineEvent({
  type: 'org.socialmakers.events.attendance.recorded.v1',
  version: 1,
  producer: 'events',
  topic: Topics.eventsAttendance,
  payload: AttendanceRecordedV1Payload,
  key: 'activityId',
  subjectKind: 'activity',
  description:
    'A named person took part in an activity (checked in or on a sign-in sheet). Once per person and activity; carries what analytics and community need without calling back.',
});
