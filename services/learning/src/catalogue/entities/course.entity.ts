import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { LocalizedText } from '@socialmakers/contracts';

export const CatalogueStatus = { Draft: 'draft', Published: 'published', Archived: 'archived' } as const;
export type CatalogueStatus = (typeof CatalogueStatus)[keyof typeof CatalogueStatus];

/** A course of the Academy, keyed by a stable key that events and other services use. */
@Entity({ name: 'courses' })
export class Course {
  @PrimaryColumn({ name: 'course_key', type: 'text' })
  courseKey: string;

  @Column({ type: 'jsonb' })
  title: LocalizedText;

  @Column({ type: 'jsonb' })
  summary: LocalizedText;

  @Column({ type: 'text' })
  status: CatalogueStatus;

  @Column({ name: 'changed_since_published', type: 'boolean' })
  changedSincePublished: boolean;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
