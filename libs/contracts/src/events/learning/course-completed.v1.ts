import { defineEvent } from '../../catalogue/event-definition';
import { Topics } from '../../catalogue/topics';
import { IsCatalogueKey, IsPersonId, IsTimestamp, OptionalCountryCode } from '../../validation/validators';

export class CourseCompletedV1Payload {
  @IsPersonId() personId: string;
  @IsCatalogueKey() courseKey: string;
  @OptionalCountryCode() country?: string;
  @IsTimestamp() completedAt: string;
}

export const CourseCompletedV1 = defineEvent({
  type: 'org.socialmakers.learning.course.completed.v1',
  version: 1,
  producer: 'learning',
  topic: Topics.learningProgress,
  payload: CourseCompletedV1Payload,
  key: 'personId',
  subjectKind: 'person',
  description: "A learner completed every required module of a course. Emitted once per person and course.",
});
