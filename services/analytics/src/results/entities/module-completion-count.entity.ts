import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How many learners completed a module, per country ('' where the country is unknown). */
@Entity({ name: 'module_completion_counts' })
export class ModuleCompletionCount {
  @PrimaryColumn({ name: 'course_key', type: 'text' })
  courseKey: string;

  @PrimaryColumn({ name: 'module_key', type: 'text' })
  moduleKey: string;

  @PrimaryColumn({ type: 'text' })
  country: string;

  @Column({ type: 'integer' })
  completions: number;
}
