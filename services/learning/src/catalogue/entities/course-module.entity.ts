import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { LocalizedText } from '@socialmakers/contracts';
import type { CatalogueStatus } from './course.entity';

/** One module of a course, in its place (position) in the course. */
@Entity({ name: 'course_modules' })
export class CourseModule {
  @PrimaryColumn({ name: 'course_key', type: 'text' })
  courseKey: string;

  @PrimaryColumn({ name: 'module_key', type: 'text' })
  moduleKey: string;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'jsonb' })
  title: LocalizedText;

  @Column({ type: 'jsonb' })
  summary: LocalizedText;

  /** Whether completing the course needs this module. */
  @Column({ type: 'boolean' })
  required: boolean;

  /** The quiz score (percent) a completion needs, when the module has a quiz. */
  @Column({ name: 'pass_mark', type: 'smallint', nullable: true })
  passMark: number | null;

  @Column({ type: 'text' })
  status: CatalogueStatus;

  @Column({ name: 'changed_since_published', type: 'boolean' })
  changedSincePublished: boolean;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;
}
