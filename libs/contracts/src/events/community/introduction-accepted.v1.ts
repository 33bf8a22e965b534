import { IsUUID } from 'class-validator';
import { defineEvent } from '../../catalogue/event-definition';
import { Topics } from '../../catalogue/topics';
import { IsPersonId, IsTimestamp } from '../../validation/validators';

/** The message itself is personal and never leaves the service. */
export class IntroductionAcceptedV1Payload {
  @IsUUID() introductionId: string;
  @IsPersonId() requesterId: string;
  @IsPersonId() recipientId: string;
  @IsTimestamp() occurredAt: string;
}

export const IntroductionAcceptedV1 = defineEvent({
  type: 'org.socialmakers.community.introduction.accepted.v1',
  version: 1,
  producer: 'community',
  topic: Topics.communityIntroductions,
  payload: IntroductionAcceptedV1Payload,
  key: 'introductionId',
  subjectKind: 'introduction',
  description: 'The recipient accepted an introduction: both now see each other\'s contact details.',
});
