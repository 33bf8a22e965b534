import { IsUUID } from 'class-validator';
import { defineEvent } from '../../catalogue/event-definition';
import { Topics } from '../../catalogue/topics';
import { IsPersonId, IsTimestamp } from '../../validation/validators';

/** The message itself is personal and never leaves the service. */
export class IntroductionDeclinedV1Payload {
  @IsUUID() introductionId: string;
  @IsPersonId() requesterId: string;
  @IsPersonId() recipientId: string;
  @IsTimestamp() occurredAt: string;
}

export const IntroductionDeclinedV1 = defineEvent({
  type: 'org.socialmakers.community.introduction.declined.v1',
  version: 1,
  producer: 'community',
  topic: Topics.communityIntroductions,
  payload: IntroductionDeclinedV1Payload,
  key: 'introductionId',
  subjectKind: 'introduction',
  description: 'The recipient declined an introduction. Nothing is revealed.',
});
