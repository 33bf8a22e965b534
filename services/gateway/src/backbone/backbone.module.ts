import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createKafka, KafkaBrokerProbe, parseBrokers } from '@socialmakers/messaging';
import { BROKER_PROBE } from '@socialmakers/service-kit';

/** The Kafka client of the gateway. It publishes no events of its own: it reads and replays dead letters. */
export type KafkaClient = ReturnType<typeof createKafka>;
export const KAFKA_CLIENT = Symbol('KAFKA_CLIENT');

@Injectable()
class BrokerProbeCloser implements OnApplicationShutdown {
  constructor(@Inject(BROKER_PROBE) private readonly probe: KafkaBrokerProbe) {}

  async onApplicationShutdown(): Promise<void> {
    await this.probe.close().catch(() => undefined);
  }
}

/**
 * The broker connection without the outbox machinery of MessagingModule: the gateway owns no events,
 * so it has no outbox or relay, only the client, the health probe, and what operations need.
 */
@Global()
@Module({
  providers: [
    {
      provide: KAFKA_CLIENT,
      inject: [ConfigService],
      useFactory: (config: ConfigService): KafkaClient =>
        createKafka({ brokers: parseBrokers(config.getOrThrow('KAFKA_BROKERS')), clientId: 'socialmakers-gateway' }),
    },
    { provide: BROKER_PROBE, inject: [KAFKA_CLIENT], useFactory: (kafka: KafkaClient) => new KafkaBrokerProbe(kafka) },
    BrokerProbeCloser,
  ],
  exports: [KAFKA_CLIENT, BROKER_PROBE],
})
export class BackboneModule {}
