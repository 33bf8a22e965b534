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
import { ConsumedEvent } from './consumed-event';
import { MessagingRuntime } from './messaging-runtime';
import { EVENT_PRODUCER, KAFKA, MESSAGING_OPTIONS, type MessagingModuleOptions } from './messaging.tokens';

const log = createLogger('inbox-transport');

/**
 * A Nest microservice transport (hybrid app) whose handlers are the service's @OnEvent methods, run
 * by our ConsumerRunner. We use @nestjs/microservices for the wiring (handler discovery, pipes,
 * interceptors, @Payload/@Ctx) but not its Kafka transport, which commits offsets on its own and
 * cannot tie an offset to our database commit.
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
    for (const [pattern, handler] of this.messageHandlers) {
      if (!isKnownEventType(pattern)) throw new Error(`@OnEvent handler for ${pattern}, which is not in the event catalogue`);
      handlers.set(pattern, handler);
    }
    const group = qualified(this.options.consumerGroup);
    const topics = [...new Set([...handlers.keys()].map((type) => qualified(definitionOf(type).topic.name)))];
    this.runner = new ConsumerRunner({
      kafka: this.kafka,
      dataSource: this.dataSource,
      producer: this.producer,
      group,
      topics,
      handledTypes: new Set(handlers.keys()),
      handle: (envelope, manager) => this.dispatch(handlers.get(envelope.type)!, envelope, manager),
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
