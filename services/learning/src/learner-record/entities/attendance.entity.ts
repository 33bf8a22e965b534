import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ActivityKind } from '@socialmakers/contracts';

/** Learning's read model of the events service's attendance (from AttendanceRecordedV1), for the learner record. */
@Entity({ name: 'attendances' })
export class Attendance {
  @PrimaryColumn({ name: 'attendance_id', type: 'uuid' }) attendanceId: string;
  @Column({ name: 'activity_id', type: 'uuid' }) activityId: string;
  @Column({ type: 'text' }) kind: ActivityKind;
  @Column({ name: 'person_id', type: 'uuid' }) personId: string;
  @Column({ type: 'char', length: 2 }) country: string;
  @Column({ name: 'course_key', type: 'text', nullable: true }) courseKey: string | null;
  @Column({ name: 'module_key', type: 'text', nullable: true }) moduleKey: string | null;
  @Column({ name: 'attended_at', type: 'timestamptz' }) attendedAt: Date;
}
