import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A learner opened a module; the first start counts. */
@Entity({ name: 'module_starts' })
export class ModuleStart {
  @PrimaryColumn({ name: 'person_id', type: 'uuid' }) personId: string;
  @PrimaryColumn({ name: 'course_key', type: 'text' }) courseKey: string;
  @PrimaryColumn({ name: 'module_key', type: 'text' }) moduleKey: string;
  @Column({ name: 'started_at', type: 'timestamptz' }) startedAt: Date;
}
