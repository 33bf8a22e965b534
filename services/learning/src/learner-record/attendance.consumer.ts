import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { AttendanceRecordedV1, type AttendanceRecordedV1Payload } from '@socialmakers/contracts';
import { ConsumedEvent, OnEvent } from '@socialmakers/messaging';
import { LearnerRecordService } from './learner-record.service';

/** Learning hears about workshops, festivals and webinars attended from the events service's stream, never by calling it. */
@Controller()
export class AttendanceConsumer {
  constructor(private readonly records: LearnerRecordService) {}

  @OnEvent(AttendanceRecordedV1)
  async onAttendanceRecorded(@Payload() attendance: AttendanceRecordedV1Payload, @Ctx() event: ConsumedEvent): Promise<void> {
    await this.records.recordAttendance(event.manager, attendance);
  }
}
