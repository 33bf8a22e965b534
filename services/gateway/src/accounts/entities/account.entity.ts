import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A person's account: their platform person id (derived from the email), credentials, roles and lockout state. */
@Entity({ name: 'accounts' })
export class Account {
  @PrimaryColumn({ name: 'person_id', type: 'uuid' })
  personId: string;

  /** Normalised (trimmed, lower-case), so one email is one account. */
  @Column({ type: 'text' })
  email: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  @Column({ type: 'text', array: true })
  roles: string[];

  @Column({ name: 'organisation_id', type: 'uuid', nullable: true })
  organisationId: string | null;

  @Column({ name: 'failed_sign_ins', type: 'integer' })
  failedSignIns: number;

  @Column({ name: 'first_failed_at', type: 'timestamptz', nullable: true })
  firstFailedAt: Date | null;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
