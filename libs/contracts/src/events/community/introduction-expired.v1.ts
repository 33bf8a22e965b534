import { IsUUID } from 'class-validator';
import { defineEvent } from '../../catalogue/event-definition';
import { Topics } from '../../catalogue/topics';
import { IsPersonId, IsTimestamp } from '../../validation/validators';

/** The message itself is personal and never leaves the service. */
export class IntroductionExpiredV1Payload {
  @IsUUID() introductionId: string;
  @IsPersonId() requesterId: string;
  @IsPersonId() recipientId: string;
  @IsTimestamp() occurredAt: string;
}

export const IntroductionExpiredV1 = defineEvent({
  type: 'org.socialmakers.community.introduction.expired.v1',
  version: 1,
  producer: 'community',
  topic: Topics.communityIntroductions,
  payload: IntroductionExpiredV1Payload,
  key: 'introductionId',
  subjectKind: 'introduction',
  description: 'An introduction got no answer within the configured time and closed.',
});
