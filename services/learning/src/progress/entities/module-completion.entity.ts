import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A learner completed one module of a course; at most one row per person, course and module. */
@Entity({ name: 'module_completions' })
@Index(['personId', 'courseKey', 'moduleKey'], { unique: true })
export class ModuleCompletion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ name: 'course_key', type: 'text' })
  courseKey: string;

  @Column({ name: 'module_key', type: 'text' })
  moduleKey: string;

  @Column({ type: 'char', length: 2, nullable: true })
  country: string | null;

  @Column({ type: 'smallint', nullable: true })
  score: number | null;

  @Column({ name: 'completed_at', type: 'timestamptz' })
  completedAt: Date;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
