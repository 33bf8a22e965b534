import { EventPattern } from '@nestjs/microservices';
import type { EventType } from '@socialmakers/contracts';

/** The handler extra that marks a method as taking whole chunks of events (see OnEventBatch). */
export const BATCH_HANDLER = 'socialmakers.batch';

/**
 * Marks a consumer method as the handler of whole chunks of events of the listed catalogue types:
 * it is called once per chunk (the runner's transaction, inbox claim done, duplicates left out) with
 * `@Ctx() ConsumedBatch`, so it can apply the chunk with multi-row statements instead of paying round
 * trips per event. Events reach it in offset order; a failing chunk is retried one event at a time,
 * so the method must also be right for a chunk of one.
 */
export const OnEventBatch = (...definitions: Array<{ readonly type: EventType }>): MethodDecorator => {
  if (definitions.length === 0) throw new Error('OnEventBatch needs at least one event type');
  return EventPattern(
    definitions.map((definition) => definition.type),
    { [BATCH_HANDLER]: true },
  );
};
