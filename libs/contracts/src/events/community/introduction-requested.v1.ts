import { IsUUID } from 'class-validator';
import { defineEvent } from '../../catalogue/event-definition';
import { Topics } from '../../catalogue/topics';
import { IsPersonId, IsTimestamp } from '../../validation/validators';

/** The message itself is personal and never leaves the service. */
export class IntroductionRequestedV1Payload {
  @IsUUID() introductionId: string;
  @IsPersonId() requesterId: string;
  @IsPersonId() recipientId: string;
  @IsTimestamp() occurredAt: string;
  @IsTimestamp() expiresAt: string;
}

export const IntroductionRequestedV1 = defineEvent({
  type: 'org.socialmakers.community.introduction.requested.v1',
  version: 1,
  producer: 'community',
  topic: Topics.communityIntroductions,
  payload: IntroductionRequestedV1Payload,
  key: 'introductionId',
  subjectKind: 'introduction',
  description: 'A stakeholder asked another to be introduced. The message is not in the event.',
});
