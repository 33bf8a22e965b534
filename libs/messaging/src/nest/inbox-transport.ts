import { Inject, Injectable } from '@nestjs/common';
import { CustomTransportStrategy, MessageHandler, Server } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Kafka, Producer } from 'kafkajs';
import { lastValueFrom } from 'rxjs';
import type { DataSource, EntityManager } from 'typeorm';
import { definitionOf, EventType, isKnownEventType, qualified } from '@socialmakers/contracts';
import { createLogger } from '@socialmakers/logging';
import { ConsumerRunner } from '../consumer/consumer-runner';
import { readConsumerLag } from '../consumer/consumer-lag';
import { registerConsumerLagGauge } from '../metrics/messaging-metrics';
import { backoffDelay, sleep } from '../consumer/backoff';
import type { EventEnvelope } from '../envelope/event-envelope';
import { ConsumedBatch } from './consumed-batch';
import { ConsumedEvent } from './consumed-event';
import { BATCH_HANDLER } from './on-event-batch.decorator';
import { MessagingRuntime } from './messaging-runtime';
import { EVENT_PRODUCER, KAFKA, MESSAGING_OPTIONS, type MessagingModuleOptions } from './messaging.tokens';

const log = createLogger('inbox-transport');

/**
 * A Nest microservice transport (hybrid app) whose handlers are the service's @OnEvent (one event a
 * call) and @OnEventBatch (a chunk a call) methods, run by our ConsumerRunner. We use
 * @nestjs/microservices for the wiring (handler discovery, pipes, interceptors, @Payload/@Ctx) but
 * not its Kafka transport, which commits offsets on its own and cannot tie an offset to our database
 * commit.
 */
@Injectable()
export class InboxTransport extends Server implements CustomTransportStrategy {
  private runner?: ConsumerRunner;
  private started?: Promise<void>;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(EVENT_PRODUCER) private readonly producer: Producer,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingModuleOptions,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runtime: MessagingRuntime,
  ) {
    super();
    runtime.onStop(() => this.close());
  }

  listen(callback: () => void): void {
    if (!this.options.consumerGroup) throw new Error('MessagingModule needs a consumerGroup for a service that has @OnEvent handlers');
    const handlers = new Map<EventType, MessageHandler>();
    const batchHandlers = new Map<EventType, MessageHandler>();
    for (const [pattern, handler] of this.messageHandlers) {
      if (!isKnownEventType(pattern)) throw new Error(`@OnEvent handler for ${pattern}, which is not in the event catalogue`);
      const isBatch = (handler.extras as Record<string, unknown> | undefined)?.[BATCH_HANDLER] === true;
      (isBatch ? batchHandlers : handlers).set(pattern, handler);
    }
    const group = qualified(this.options.consumerGroup);
    const handledTypes = new Set([...handlers.keys(), ...batchHandlers.keys()]);
    const topics = [...new Set([...handledTypes].map((type) => qualified(definitionOf(type).topic.name)))];
    this.runner = new ConsumerRunner({
      kafka: this.kafka,
      dataSource: this.dataSource,
      producer: this.producer,
      group,
      topics,
      handledTypes,
      // Without @OnEventBatch methods the runner calls per event, exactly as before they existed.
      ...(batchHandlers.size === 0
        ? { handle: (envelope: EventEnvelope, manager: EntityManager) => this.dispatch(handlers.get(envelope.type)!, envelope, manager) }
        : { handleBatch: (envelopes: EventEnvelope[], manager: EntityManager) => this.dispatchBatch(handlers, batchHandlers, envelopes, manager) }),
      ...this.options.consumer,
    });
    const admin = this.kafka.admin();
    registerConsumerLagGauge(async () => {
      await admin.connect();
      return readConsumerLag(admin, group, topics);
    });
    this.started = this.startWhenReady();
    callback();
  }

  private async startWhenReady(): Promise<void> {
    await this.runtime.whenReady();
    for (let attempt = 1; this.runner && !this.runtime.isStopping(); attempt += 1) {
      try {
        await this.runner.start();
        return;
      } catch (error) {
        const delay = backoffDelay(attempt, 500, 10_000);
        log.warn({ err: error, retryInMs: delay }, 'consumer could not start; retrying');
        await sleep(delay);
      }
    }
  }

  private async dispatch(handler: MessageHandler, envelope: EventEnvelope, manager: EntityManager): Promise<void> {
    const result = await handler(envelope.data, new ConsumedEvent([envelope, manager]));
    await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
  }

  /**
   * A chunk: @OnEvent events one by one in offset order as met, then each @OnEventBatch method once
   * with its own events (offset order kept). Events of different handlers are therefore not applied
   * in their mutual offset order; a service that mixes both kinds must not depend on it.
   */
  private async dispatchBatch(
    handlers: ReadonlyMap<EventType, MessageHandler>,
    batchHandlers: ReadonlyMap<EventType, MessageHandler>,
    envelopes: EventEnvelope[],
    manager: EntityManager,
  ): Promise<void> {
    const chunks = new Map<MessageHandler, EventEnvelope[]>();
    for (const envelope of envelopes) {
      const batchHandler = batchHandlers.get(envelope.type);
      if (batchHandler) (chunks.get(batchHandler) ?? chunks.set(batchHandler, []).get(batchHandler)!).push(envelope);
      else await this.dispatch(handlers.get(envelope.type)!, envelope, manager);
    }
    for (const [handler, chunk] of chunks) {
      const result = await handler(
        chunk.map((envelope) => envelope.data),
        new ConsumedBatch([chunk, manager]),
      );
      await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
    }
  }

  async close(): Promise<void> {
    const runner = this.runner;
    this.runner = undefined;
    await runner?.stop();
  }

  on(): void {
    // The runner reports its own events through the platform logger and metrics.
  }

  unwrap<T>(): T {
    return this.runner as T;
  }
}
