import { IsIn, IsUUID } from 'class-validator';
import { defineEvent } from '../../catalogue/event-definition';
import { Topics } from '../../catalogue/topics';
import { IsPersonId, IsTimestamp } from '../../validation/validators';

export class ConnectionFormedV1Payload {
  @IsUUID() connectionId: string;
  @IsPersonId() personId: string;
  @IsPersonId() otherPersonId: string;
  @IsIn(['introduction']) via: 'introduction';
  @IsUUID() introductionId: string;
  @IsTimestamp() formedAt: string;
}

export const ConnectionFormedV1 = defineEvent({
  type: 'org.socialmakers.community.connection.formed.v1',
  version: 1,
  producer: 'community',
  topic: Topics.communityIntroductions,
  payload: ConnectionFormedV1Payload,
  key: 'connectionId',
  subjectKind: 'connection',
  description: 'Two stakeholders are connected in the network (today: after an accepted introduction). connectionId is the introduction id.',
});
