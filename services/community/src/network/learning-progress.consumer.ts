import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { ModuleCompletedV1, type ModuleCompletedV1Payload } from '@socialmakers/contracts';
import { ConsumedEvent, OnEvent } from '@socialmakers/messaging';
import { NetworkService } from './network.service';

/** Feeds the network from learning's events; the runner has already deduplicated and validated them. */
@Controller()
export class LearningProgressConsumer {
  constructor(private readonly network: NetworkService) {}

  @OnEvent(ModuleCompletedV1)
  async onModuleCompleted(@Payload() completion: ModuleCompletedV1Payload, @Ctx() event: ConsumedEvent): Promise<void> {
    await this.network.recordModuleCompletion(event.manager, completion, event.envelope.id);
  }
}
