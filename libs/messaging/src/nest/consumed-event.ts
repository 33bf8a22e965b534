import { BaseRpcContext } from '@nestjs/microservices';
import type { EntityManager } from 'typeorm';
import type { EventType } from '@socialmakers/contracts';
import type { EventEnvelope } from '../envelope/event-envelope';

/**
 * The @Ctx() of an @OnEvent handler: the validated envelope and the transaction the handler must
 * write its projection in (the inbox row is already in it, so both commit together).
 */
export class ConsumedEvent<T extends EventType = EventType> extends BaseRpcContext<[EventEnvelope<T>, EntityManager]> {
  get envelope(): EventEnvelope<T> {
    return this.args[0];
  }
  get manager(): EntityManager {
    return this.args[1];
  }
}
