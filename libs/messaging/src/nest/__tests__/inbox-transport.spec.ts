import type { MessageHandler } from '@nestjs/microservices';
import type { Kafka, Producer } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';
import { EnrolmentCreatedV1, ModuleCompletedV1, CourseCompletedV1 } from '@socialmakers/contracts';
import type { ConsumerRunner, ConsumerRunnerOptions } from '../../consumer/consumer-runner';
import type { EventEnvelope } from '../../envelope/event-envelope';
import { ConsumedBatch } from '../consumed-batch';
import { ConsumedEvent } from '../consumed-event';
import { InboxTransport } from '../inbox-transport';
import type { MessagingRuntime } from '../messaging-runtime';
import { BATCH_HANDLER } from '../on-event-batch.decorator';

/** The runner the transport wires, without a broker: its handler options are what is under test. */
function wire(register: (transport: InboxTransport) => void): Pick<ConsumerRunnerOptions, 'handle' | 'handleBatch' | 'handledTypes' | 'topics'> {
  const runtime = { onStop: () => undefined, whenReady: () => new Promise(() => undefined), isStopping: () => false } as unknown as MessagingRuntime;
  const kafka = { admin: () => ({}) } as unknown as Kafka;
  const transport = new InboxTransport(kafka, {} as Producer, { service: 'analytics', consumerGroup: 'test' }, {} as DataSource, runtime);
  register(transport);
  transport.listen(() => undefined);
  return (transport.unwrap<ConsumerRunner>() as unknown as { options: ConsumerRunnerOptions }).options;
}

const envelope = (type: string, id: string) => ({ type, id, source: 'test', data: { id } }) as unknown as EventEnvelope;
const manager = {} as EntityManager;

describe('InboxTransport', () => {
  it('runs a service with only @OnEvent methods per event, as before batch handlers existed', async () => {
    const seen: string[] = [];
    const options = wire((t) =>
      t.addHandler(EnrolmentCreatedV1.type, (async (_data: unknown, ctx: ConsumedEvent) => void seen.push(ctx.envelope.id)) as MessageHandler, true),
    );
    expect(options.handleBatch).toBeUndefined();
    await options.handle!(envelope(EnrolmentCreatedV1.type, 'e1'), manager);
    expect(seen).toEqual(['e1']);
  });

  it('hands an @OnEventBatch method its events of a chunk in one call, after the per-event ones', async () => {
    const calls: string[][] = [];
    const options = wire((t) => {
      const batch = (async (data: Array<{ id: string }>, ctx: ConsumedBatch) => {
        expect(ctx.manager).toBe(manager);
        expect(ctx.envelopes.map((e) => e.id)).toEqual(data.map((d) => d.id));
        calls.push(ctx.envelopes.map((e) => e.id));
      }) as MessageHandler;
      t.addHandler(EnrolmentCreatedV1.type, batch, true, { [BATCH_HANDLER]: true });
      t.addHandler(ModuleCompletedV1.type, batch, true, { [BATCH_HANDLER]: true });
      t.addHandler(CourseCompletedV1.type, (async (_data: unknown, ctx: ConsumedEvent) => void calls.push([`one:${ctx.envelope.id}`])) as MessageHandler, true);
    });
    expect(options.handle).toBeUndefined();
    expect([...options.handledTypes].sort()).toEqual([CourseCompletedV1.type, EnrolmentCreatedV1.type, ModuleCompletedV1.type].sort());
    await options.handleBatch!(
      [envelope(EnrolmentCreatedV1.type, 'a'), envelope(CourseCompletedV1.type, 'b'), envelope(ModuleCompletedV1.type, 'c'), envelope(CourseCompletedV1.type, 'd')],
      manager,
    );
    expect(calls).toEqual([['one:b'], ['one:d'], ['a', 'c']]);
  });

  it('passes a batch handler failure on to the runner (which then retries the chunk one event at a time)', async () => {
    const options = wire((t) =>
      t.addHandler(EnrolmentCreatedV1.type, (async () => Promise.reject(new Error('constraint violated'))) as MessageHandler, true, { [BATCH_HANDLER]: true }),
    );
    await expect(options.handleBatch!([envelope(EnrolmentCreatedV1.type, 'a')], manager)).rejects.toThrow('constraint violated');
  });
});
