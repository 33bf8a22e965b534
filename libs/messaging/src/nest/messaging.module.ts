import { DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Kafka } from 'kafkajs';
import { BROKER_PROBE } from '@socialmakers/service-kit';
import { createKafka, parseBrokers } from '../kafka/kafka-client';
import { createEventProducer } from '../kafka/event-producer';
import { KafkaBrokerProbe } from '../kafka/broker-probe';
import { EventOutbox } from '../outbox/event-outbox';
import { InboxTransport } from './inbox-transport';
import { MessagingRuntime } from './messaging-runtime';
import { EVENT_PRODUCER, KAFKA, MESSAGING_OPTIONS, type MessagingModuleOptions } from './messaging.tokens';

/**
 * Wires the plain messaging layer into a service: the outbox to publish with, the relay, the broker
 * health probe, and (for a consuming service) the inbox transport that main.ts connects with
 * `app.connectMicroservice({ strategy: app.get(InboxTransport) })`.
 */
@Global()
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingModuleOptions): DynamicModule {
    return {
      module: MessagingModule,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        {
          provide: KAFKA,
          inject: [ConfigService],
          useFactory: (config: ConfigService) =>
            createKafka({ brokers: parseBrokers(config.getOrThrow('KAFKA_BROKERS')), clientId: `socialmakers-${options.service}` }),
        },
        { provide: EVENT_PRODUCER, inject: [KAFKA], useFactory: (kafka: Kafka) => createEventProducer(kafka) },
        { provide: KafkaBrokerProbe, inject: [KAFKA], useFactory: (kafka: Kafka) => new KafkaBrokerProbe(kafka) },
        { provide: BROKER_PROBE, useExisting: KafkaBrokerProbe },
        { provide: EventOutbox, useValue: new EventOutbox(options.service) },
        MessagingRuntime,
        InboxTransport,
      ],
      exports: [KAFKA, EVENT_PRODUCER, BROKER_PROBE, EventOutbox, MessagingRuntime, InboxTransport],
    };
  }
}
