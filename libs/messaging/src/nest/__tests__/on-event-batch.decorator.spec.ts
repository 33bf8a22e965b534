import { PATTERN_EXTRAS_METADATA, PATTERN_HANDLER_METADATA, PATTERN_METADATA } from '@nestjs/microservices/constants';
import { EnrolmentCreatedV1, ModuleCompletedV1 } from '@socialmakers/contracts';
import { OnEvent } from '../on-event.decorator';
import { BATCH_HANDLER, OnEventBatch } from '../on-event-batch.decorator';

class Consumer {
  @OnEventBatch(EnrolmentCreatedV1, ModuleCompletedV1)
  chunk(): void {}

  @OnEvent(EnrolmentCreatedV1)
  one(): void {}
}

describe('OnEventBatch', () => {
  it('registers one event handler for every listed type, marked as taking chunks', () => {
    const method = Consumer.prototype.chunk;
    expect(Reflect.getMetadata(PATTERN_METADATA, method)).toEqual([EnrolmentCreatedV1.type, ModuleCompletedV1.type]);
    expect(Reflect.getMetadata(PATTERN_EXTRAS_METADATA, method)).toEqual({ [BATCH_HANDLER]: true });
    expect(Reflect.getMetadata(PATTERN_HANDLER_METADATA, method)).toBe(Reflect.getMetadata(PATTERN_HANDLER_METADATA, Consumer.prototype.one));
  });

  it('leaves @OnEvent handlers per event', () => {
    expect(Reflect.getMetadata(PATTERN_METADATA, Consumer.prototype.one)).toEqual([EnrolmentCreatedV1.type]);
    expect(Reflect.getMetadata(PATTERN_EXTRAS_METADATA, Consumer.prototype.one)?.[BATCH_HANDLER]).toBeUndefined();
  });

  it('refuses an empty list of types', () => {
    expect(() => OnEventBatch()).toThrow('OnEventBatch needs at least one event type');
  });
});
