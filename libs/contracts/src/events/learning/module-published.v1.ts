import { Type } from 'class-transformer';
import { IsBoolean, IsInt, Min, ValidateNested } from 'class-validator';
import { defineEvent } from '../../catalogue/event-definition';
import { Topics } from '../../catalogue/topics';
import { LocalizedText } from '../../shared/localized-text';
import { IsCatalogueKey, IsTimestamp } from '../../validation/validators';

export class ModulePublishedV1Payload {
  @IsCatalogueKey() courseKey: string;
  @IsCatalogueKey() moduleKey: string;
  @IsInt() @Min(1) position: number;
  @ValidateNested() @Type(() => LocalizedText) title: LocalizedText;
  @ValidateNested() @Type(() => LocalizedText) summary: LocalizedText;
  @IsBoolean() required: boolean;
  @IsTimestamp() publishedAt: string;
}

export const ModulePublishedV1 = defineEvent({
  type: 'org.socialmakers.learning.module.published.v1',
  version: 1,
  producer: 'learning',
  topic: Topics.learningCatalogue,
  payload: ModulePublishedV1Payload,
  key: 'courseKey',
  subjectKind: 'course',
  description: 'One module of a published course was published (or republished after a change).',
});
