import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { IsPersonId } from '@socialmakers/contracts';
import type { Attendance } from '../attendance';

export class CheckInDto {
  @ApiProperty() @IsPersonId() personId: string;
}

export class HeadcountDto {
  @ApiProperty({ description: 'Walk-ins who gave no name, in total for the activity.' }) @IsInt() @Min(0) @Max(1_000_000) walkIns: number;
}

export class AttendanceView {
  @ApiProperty() id: string;
  @ApiProperty() activityId: string;
  @ApiProperty() personId: string;
  @ApiProperty() source: string;
  @ApiProperty() recordedAt: string;

  static of(a: Attendance): AttendanceView {
    return { id: a.id, activityId: a.activityId, personId: a.personId, source: a.source, recordedAt: new Date(a.recordedAt).toISOString() };
  }
}
