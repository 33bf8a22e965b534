import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An Academy module a person completed, as the network knows it from learning's events. */
@Entity({ name: 'node_module_progress' })
export class NodeModuleProgress {
  @PrimaryColumn({ name: 'person_id', type: 'uuid' })
  personId: string;

  @PrimaryColumn({ name: 'course_key', type: 'text' })
  courseKey: string;

  @PrimaryColumn({ name: 'module_key', type: 'text' })
  moduleKey: string;

  @Column({ name: 'completed_at', type: 'timestamptz' })
  completedAt: Date;

  /** The event behind this fact, kept as evidence. */
  @Column({ name: 'event_id', type: 'text' })
  eventId: string;
}
