import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsString } from 'class-validator';
import { defineEvent } from '../../catalogue/event-definition';
import { Topics } from '../../catalogue/topics';
import type { StakeholderRole } from '../events/attendance-recorded.v1';
import { IsCountryCode, IsPersonId, IsTimestamp } from '../../validation/validators';
import { STAKEHOLDER_KINDS } from './stakeholder-kind';

/** What a profile says, without any personal data: no name, no contact details. */
export class StakeholderRegisteredV1Payload {
  @IsPersonId() personId: string;
  @IsIn(STAKEHOLDER_KINDS) kind: StakeholderRole;
  @IsCountryCode() country: string;
  @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) languages: string[];
  @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) topics: string[];
  @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) seeks: string[];
  @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) offers: string[];
  /** Whether the profile may appear in other people's matches. */
  @IsBoolean() appearsInMatches: boolean;
  @IsTimestamp() occurredAt: string;
}

export const StakeholderRegisteredV1 = defineEvent({
  type: 'org.socialmakers.community.stakeholder.registered.v1',
  version: 1,
  producer: 'community',
  topic: Topics.communityStakeholders,
  payload: StakeholderRegisteredV1Payload,
  key: 'personId',
  subjectKind: 'person',
  description:
    'A person or organisation filled in a stakeholder profile for the first time (the node may exist already from events). Carries no name or contact details.',
});
