import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { EnrolmentCreatedV1, ModuleCompletedV1, type EnrolmentCreatedV1Payload, type ModuleCompletedV1Payload } from '@socialmakers/contracts';
import { ConsumedEvent, OnEvent } from '@socialmakers/messaging';
import { GraphProjectionService } from './graph-projection.service';

/** Feeds the graph from learning's events; the runner has already deduplicated and validated them. */
@Controller()
export class LearningConsumer {
  constructor(private readonly graph: GraphProjectionService) {}

  @OnEvent(EnrolmentCreatedV1)
  async onEnrolment(@Payload() enrolment: EnrolmentCreatedV1Payload, @Ctx() event: ConsumedEvent): Promise<void> {
    await this.graph.recordEnrolment(event.manager, enrolment);
  }

  @OnEvent(ModuleCompletedV1)
  async onModuleCompleted(@Payload() completion: ModuleCompletedV1Payload, @Ctx() event: ConsumedEvent): Promise<void> {
    await this.graph.recordModuleCompletion(event.manager, completion, event.envelope.id);
  }
}
