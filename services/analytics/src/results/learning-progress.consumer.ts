import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { ModuleCompletedV1, type ModuleCompletedV1Payload } from '@socialmakers/contracts';
import { ConsumedEvent, OnEvent } from '@socialmakers/messaging';
import { ResultsService } from './results.service';

@Controller()
export class LearningProgressConsumer {
  constructor(private readonly results: ResultsService) {}

  @OnEvent(ModuleCompletedV1)
  async onModuleCompleted(@Payload() completion: ModuleCompletedV1Payload, @Ctx() event: ConsumedEvent): Promise<void> {
    await this.results.countModuleCompletion(event.manager, completion);
  }
}
