import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { defineEvent } from '../../catalogue/event-definition';
import { Topics } from '../../catalogue/topics';
import { IsCatalogueKey, IsPersonId, IsTimestamp, OptionalCountryCode } from '../../validation/validators';

export class ModuleCompletedV1Payload {
  @IsPersonId()
  personId: string;

  @IsCatalogueKey()
  courseKey: string;

  @IsCatalogueKey()
  moduleKey: string;

  /** Where the learner lives, when known; analytics counts completions per country. */
  @OptionalCountryCode()
  country?: string;

  /** Quiz score in percent, when the module has a quiz. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  score?: number;

  @IsTimestamp()
  completedAt: string;
}

export const ModuleCompletedV1 = defineEvent({
  type: 'org.socialmakers.learning.module.completed.v1',
  version: 1,
  producer: 'learning',
  topic: Topics.learningProgress,
  payload: ModuleCompletedV1Payload,
  key: 'personId',
  subjectKind: 'person',
  description: 'A learner completed one Academy module for the first time. Never emitted twice for the same person and module.',
});
