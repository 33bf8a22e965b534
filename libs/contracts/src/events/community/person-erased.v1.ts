import { defineEvent } from '../../catalogue/event-definition';
import { Topics } from '../../catalogue/topics';
import { IsPersonId, IsTimestamp } from '../../validation/validators';

export class PersonErasedV1Payload {
  @IsPersonId() personId: string;
  @IsTimestamp() erasedAt: string;
}

export const PersonErasedV1 = defineEvent({
  type: 'org.socialmakers.community.person.erased.v1',
  version: 1,
  producer: 'community',
  topic: Topics.communityStakeholders,
  payload: PersonErasedV1Payload,
  key: 'personId',
  subjectKind: 'person',
  description:
    'A person asked to be erased. Every service removes or anonymises the personal data it holds about this person id (names, emails, free text) and keeps only anonymous counts.',
});
