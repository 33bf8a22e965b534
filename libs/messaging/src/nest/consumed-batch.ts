import { BaseRpcContext } from '@nestjs/microservices';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '../envelope/event-envelope';

/**
 * The @Ctx() of an @OnEventBatch handler: a chunk's validated envelopes (offset order, no duplicates)
 * and the transaction to write them in (their inbox rows are already in it, so all commit together).
 */
export class ConsumedBatch extends BaseRpcContext<[EventEnvelope[], EntityManager]> {
  get envelopes(): EventEnvelope[] {
    return this.args[0];
  }
  get manager(): EntityManager {
    return this.args[1];
  }
}
