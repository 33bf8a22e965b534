import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Enrolment } from '../entities/enrolment.entity';

export class EnrolmentView {
  @ApiProperty() id: string;
  @ApiProperty() personId: string;
  @ApiProperty() courseKey: string;
  @ApiPropertyOptional({ nullable: true }) country: string | null;
  @ApiProperty({ enum: ['enrolled', 'withdrawn'] }) status: string;
  @ApiProperty() enrolledAt: string;
  @ApiPropertyOptional({ nullable: true }) withdrawnAt: string | null;

  static of(enrolment: Enrolment): EnrolmentView {
    return {
      id: enrolment.id,
      personId: enrolment.personId,
      courseKey: enrolment.courseKey,
      country: enrolment.country,
      status: enrolment.status,
      enrolledAt: new Date(enrolment.enrolledAt).toISOString(),
      withdrawnAt: enrolment.withdrawnAt ? new Date(enrolment.withdrawnAt).toISOString() : null,
    };
  }
}
