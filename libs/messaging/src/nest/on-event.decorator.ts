import { EventPattern } from '@nestjs/microservices';
import type { EventType } from '@socialmakers/contracts';

/** Marks a consumer method as the handler of one catalogue event type (typed, not a loose string). */
export const OnEvent = (definition: { readonly type: EventType }): MethodDecorator => EventPattern(definition.type);
