import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsBoolean, IsInt, Min, ValidateNested } from 'class-validator';
import { defineEvent } from '../../catalogue/event-definition';
import { Topics } from '../../catalogue/topics';
import { LocalizedText } from '../../shared/localized-text';
import { IsCatalogueKey, IsTimestamp } from '../../validation/validators';

export class PublishedModule {
  @IsCatalogueKey() moduleKey: string;
  /** 1-based place in the course. */
  @IsInt() @Min(1) position: number;
  @ValidateNested() @Type(() => LocalizedText) title: LocalizedText;
  @ValidateNested() @Type(() => LocalizedText) summary: LocalizedText;
  /** Whether completing the course needs this module. */
  @IsBoolean() required: boolean;
}

export class CoursePublishedV1Payload {
  @IsCatalogueKey() courseKey: string;
  @ValidateNested() @Type(() => LocalizedText) title: LocalizedText;
  @ValidateNested() @Type(() => LocalizedText) summary: LocalizedText;
  /** The course's published modules in order, so a consumer can keep the whole catalogue from this event alone. */
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => PublishedModule) modules: PublishedModule[];
  @IsTimestamp() publishedAt: string;
}

export const CoursePublishedV1 = defineEvent({
  type: 'org.socialmakers.learning.course.published.v1',
  version: 1,
  producer: 'learning',
  topic: Topics.learningCatalogue,
  payload: CoursePublishedV1Payload,
  key: 'courseKey',
  subjectKind: 'course',
  description: 'A course was published (or republished after a change), with all its published modules in order.',
});
