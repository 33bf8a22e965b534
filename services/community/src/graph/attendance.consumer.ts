import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { AttendanceRecordedV1, type AttendanceRecordedV1Payload } from '@socialmakers/contracts';
import { ConsumedEvent, OnEvent } from '@socialmakers/messaging';
import { GraphProjectionService } from './graph-projection.service';

/** Feeds the graph from the events service: who took part in what, and who lectured them. */
@Controller()
export class AttendanceConsumer {
  constructor(private readonly graph: GraphProjectionService) {}

  @OnEvent(AttendanceRecordedV1)
  async onAttendance(@Payload() attendance: AttendanceRecordedV1Payload, @Ctx() event: ConsumedEvent): Promise<void> {
    await this.graph.recordAttendance(event.manager, attendance, event.envelope.id);
  }
}
