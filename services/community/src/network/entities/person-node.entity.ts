import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One person in the stakeholder network. A person seen first in an event (an enrolment, a module
 * completion, a sign-in sheet) becomes a node at once; a profile filled in later is the same node.
 */
@Entity({ name: 'person_nodes' })
export class PersonNode {
  @PrimaryColumn({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ type: 'char', length: 2, nullable: true })
  country: string | null;

  @Column({ name: 'first_seen_at', type: 'timestamptz' })
  firstSeenAt: Date;

  /** Set when the person was erased: the node stays (anonymous counts), nothing personal does. */
  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true })
  erasedAt: Date | null;
}
