import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { LocalizedText } from '@socialmakers/contracts';
import type { Course } from '../entities/course.entity';
import type { CourseModule } from '../entities/course-module.entity';
import { localize } from '../localize';

export class ModuleView {
  @ApiProperty() moduleKey: string;
  @ApiProperty() position: number;
  @ApiProperty({ description: 'The title in the chosen language (English when there is no translation)' }) displayTitle: string;
  @ApiProperty() displaySummary: string;
  @ApiProperty({ description: 'Every translation' }) title: LocalizedText;
  @ApiProperty() summary: LocalizedText;
  @ApiProperty() required: boolean;
  @ApiPropertyOptional({ nullable: true }) passMark: number | null;
  @ApiProperty({ enum: ['draft', 'published', 'archived'] }) status: string;
  @ApiPropertyOptional({ nullable: true }) publishedAt: string | null;

  static of(module: CourseModule, language: string): ModuleView {
    return {
      moduleKey: module.moduleKey,
      position: module.position,
      displayTitle: localize(module.title, language),
      displaySummary: localize(module.summary, language),
      title: module.title,
      summary: module.summary,
      required: module.required,
      passMark: module.passMark,
      status: module.status,
      publishedAt: module.publishedAt ? new Date(module.publishedAt).toISOString() : null,
    };
  }
}

export class CourseView {
  @ApiProperty() courseKey: string;
  @ApiProperty({ description: 'The language the display texts are in' }) language: string;
  @ApiProperty() displayTitle: string;
  @ApiProperty() displaySummary: string;
  @ApiProperty() title: LocalizedText;
  @ApiProperty() summary: LocalizedText;
  @ApiProperty({ enum: ['draft', 'published', 'archived'] }) status: string;
  @ApiPropertyOptional({ nullable: true }) publishedAt: string | null;
  @ApiProperty({ type: [ModuleView] }) modules: ModuleView[];

  static of(course: Course, modules: CourseModule[], language: string): CourseView {
    return {
      courseKey: course.courseKey,
      language,
      displayTitle: localize(course.title, language),
      displaySummary: localize(course.summary, language),
      title: course.title,
      summary: course.summary,
      status: course.status,
      publishedAt: course.publishedAt ? new Date(course.publishedAt).toISOString() : null,
      modules: modules.map((module) => ModuleView.of(module, language)),
    };
  }
}
