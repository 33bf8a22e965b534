import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The certificate of a completed course; its verification code is public. */
@Entity({ name: 'certificates' })
export class Certificate {
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ name: 'person_id', type: 'uuid' }) personId: string;
  @Column({ name: 'course_key', type: 'text' }) courseKey: string;
  @Column({ name: 'verification_code', type: 'text' }) verificationCode: string;
  @Column({ type: 'char', length: 2, nullable: true }) country: string | null;
  @Column({ name: 'issued_at', type: 'timestamptz' }) issuedAt: Date;
  /** When the holder was erased at their request; the certificate then belongs to an anonymous id. */
  @Column({ name: 'holder_erased_at', type: 'timestamptz', nullable: true }) holderErasedAt: Date | null;
}
