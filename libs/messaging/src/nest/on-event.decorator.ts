import { EventPattern } from '@nestjs/microservices';
import type { EventDefinition } from '@socialmakers/contracts';

/** Marks a consumer method as the handler of one catalogue event type (typed, not a loose string). */
export const OnEvent = (definition: EventDefinition): MethodDecorator => EventPattern(definition.type);
