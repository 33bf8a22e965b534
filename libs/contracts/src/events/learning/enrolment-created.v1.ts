import { IsUUID } from 'class-validator';
import { defineEvent } from '../../catalogue/event-definition';
import { Topics } from '../../catalogue/topics';
import { IsCatalogueKey, IsPersonId, IsTimestamp, OptionalCountryCode } from '../../validation/validators';

export class EnrolmentCreatedV1Payload {
  @IsUUID() enrolmentId: string;
  @IsPersonId() personId: string;
  @IsCatalogueKey() courseKey: string;
  @OptionalCountryCode() country?: string;
  @IsTimestamp() enrolledAt: string;
}

export const EnrolmentCreatedV1 = defineEvent({
  type: 'org.socialmakers.learning.enrolment.created.v1',
  version: 1,
  producer: 'learning',
  topic: Topics.learningEnrolment,
  payload: EnrolmentCreatedV1Payload,
  key: 'personId',
  subjectKind: 'person',
  description: 'A person enrolled in a course (also when re-enrolling after a withdrawal). Enrolling twice while enrolled emits nothing.',
});
