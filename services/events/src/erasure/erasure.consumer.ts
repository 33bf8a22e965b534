import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { PersonErasedV1, type PersonErasedV1Payload } from '@socialmakers/contracts';
import { ConsumedEvent, OnEvent } from '@socialmakers/messaging';
import { ErasureService } from './erasure.service';

/** Community's erasure of a person, applied to what the events service holds about them; the runner has validated and deduplicated it. */
@Controller()
export class ErasureConsumer {
  constructor(private readonly erasure: ErasureService) {}

  @OnEvent(PersonErasedV1)
  async onPersonErased(@Payload() erasure: PersonErasedV1Payload, @Ctx() event: ConsumedEvent): Promise<void> {
    await this.erasure.erase(event.manager, erasure);
  }
}
