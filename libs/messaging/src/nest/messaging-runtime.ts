import { Inject, Injectable, BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Kafka, Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { createLogger } from '@socialmakers/logging';
import { OutboxRelay } from '../outbox/outbox-relay';
import { provisionTopics } from '../topics/topic-provisioner';
import { KafkaBrokerProbe } from '../kafka/broker-probe';
import { registerOutboxBacklogGauge } from '../metrics/messaging-metrics';
import { backoffDelay, sleep } from '../consumer/backoff';
import { EVENT_PRODUCER, KAFKA, MESSAGING_OPTIONS, type MessagingModuleOptions } from './messaging.tokens';

const log = createLogger('messaging');

/**
 * Brings the backbone up in the background (topics, producer, relay) so that a broker that is down
 * at start-up delays publishing but never blocks the HTTP API; and takes it down in order on
 * shutdown: consumers stop after their batch, the relay finishes its round, the producer flushes.
 */
@Injectable()
export class MessagingRuntime implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly relay: OutboxRelay;
  private readonly ready: Promise<void>;
  private markReady!: () => void;
  private stopping = false;
  private readonly stopHooks: Array<() => Promise<void>> = [];

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(EVENT_PRODUCER) private readonly producer: Producer,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingModuleOptions,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly probe: KafkaBrokerProbe,
    config: ConfigService,
  ) {
    this.ready = new Promise((resolve) => (this.markReady = resolve));
    this.relay = new OutboxRelay({
      dataSource,
      producer,
      databaseUrl: config.getOrThrow<string>('DATABASE_URL'),
      ...options.relay,
    });
  }

  /** Resolves once topics exist and the producer is connected. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  isStopping(): boolean {
    return this.stopping;
  }

  /** Consumers register their stop here so they stop before the relay and the producer. */
  onStop(hook: () => Promise<void>): void {
    this.stopHooks.push(hook);
  }

  onApplicationBootstrap(): void {
    registerOutboxBacklogGauge(() => this.relay.countUnsent());
    void this.bringUp();
  }

  private async bringUp(): Promise<void> {
    for (let attempt = 1; !this.stopping; attempt += 1) {
      try {
        await provisionTopics(this.kafka);
        await this.producer.connect();
        this.relay.start();
        this.markReady();
        log.info({ service: this.options.service }, 'event backbone ready');
        return;
      } catch (error) {
        const delay = backoffDelay(attempt, 500, 10_000);
        log.warn({ err: error, retryInMs: delay }, 'broker not reachable yet; HTTP keeps serving, events wait in the outbox');
        await sleep(delay);
      }
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    for (const hook of this.stopHooks) await hook().catch((error) => log.warn({ err: error }, 'consumer stop failed'));
    await this.relay.stop();
    await this.producer.disconnect().catch(() => undefined);
    await this.probe.close().catch(() => undefined);
  }
}
