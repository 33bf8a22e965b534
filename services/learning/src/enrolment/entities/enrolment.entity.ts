import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const EnrolmentStatus = { Enrolled: 'enrolled', Withdrawn: 'withdrawn' } as const;
export type EnrolmentStatus = (typeof EnrolmentStatus)[keyof typeof EnrolmentStatus];

/** A person's enrolment in a course: one row per person and course, re-used when they re-enrol. */
@Entity({ name: 'enrolments' })
export class Enrolment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ name: 'course_key', type: 'text' })
  courseKey: string;

  @Column({ type: 'char', length: 2, nullable: true })
  country: string | null;

  @Column({ type: 'text' })
  status: EnrolmentStatus;

  @Column({ name: 'enrolled_at', type: 'timestamptz' })
  enrolledAt: Date;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;
}
