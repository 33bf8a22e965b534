import { IsUUID } from 'class-validator';
import { defineEvent } from '../../catalogue/event-definition';
import { Topics } from '../../catalogue/topics';
import { IsCatalogueKey, IsPersonId, IsTimestamp, OptionalCountryCode } from '../../validation/validators';

export class EnrolmentWithdrawnV1Payload {
  @IsUUID() enrolmentId: string;
  @IsPersonId() personId: string;
  @IsCatalogueKey() courseKey: string;
  @OptionalCountryCode() country?: string;
  @IsTimestamp() withdrawnAt: string;
}

export const EnrolmentWithdrawnV1 = defineEvent({
  type: 'org.socialmakers.learning.enrolment.withdrawn.v1',
  version: 1,
  producer: 'learning',
  topic: Topics.learningEnrolment,
  payload: EnrolmentWithdrawnV1Payload,
  key: 'personId',
  subjectKind: 'person',
  description: 'A person withdrew from a course; their completed modules stay on record.',
});
