import { PATTERN_METADATA } from '@nestjs/microservices/constants';
import { EventCatalogue, payloadJsonSchema, type EventType } from '@socialmakers/contracts';
import { ProjectionsConsumer } from '../projections.consumer';
import { OCCURRED_AT_FIELD } from '../event-time';

describe('ProjectionsConsumer', () => {
  it('consumes every event type of the catalogue (analytics reads every topic)', () => {
    const prototype = ProjectionsConsumer.prototype as unknown as Record<string, unknown>;
    const patterns = Object.getOwnPropertyNames(prototype)
      .filter((name) => name !== 'constructor' && typeof prototype[name] === 'function')
      .flatMap((name) => (Reflect.getMetadata(PATTERN_METADATA, prototype[name] as object) as string[] | undefined) ?? []);
    expect(patterns.sort()).toEqual(Object.keys(EventCatalogue).sort());
  });

  it('knows when each event type happened: a required timestamp of its payload', () => {
    for (const type of Object.keys(EventCatalogue) as EventType[]) {
      const schema = payloadJsonSchema(type) as { required: string[] };
      expect([type, schema.required]).toEqual([type, expect.arrayContaining([OCCURRED_AT_FIELD[type]])]);
    }
  });
});
