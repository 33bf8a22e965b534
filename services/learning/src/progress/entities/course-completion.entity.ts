import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A learner completed every required module of a course; once per person and course. */
@Entity({ name: 'course_completions' })
export class CourseCompletion {
  @PrimaryColumn({ name: 'person_id', type: 'uuid' }) personId: string;
  @PrimaryColumn({ name: 'course_key', type: 'text' }) courseKey: string;
  @Column({ type: 'char', length: 2, nullable: true }) country: string | null;
  @Column({ name: 'completed_at', type: 'timestamptz' }) completedAt: Date;
}
