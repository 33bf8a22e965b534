import type { ProducerService } from '@socialmakers/contracts';
import type { ConsumerRunnerOptions } from '../consumer/consumer-runner';

export const KAFKA = Symbol('KAFKA');
export const EVENT_PRODUCER = Symbol('EVENT_PRODUCER');
export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

export interface MessagingModuleOptions {
  /** The service publishing through this module: the CloudEvents source and the outbox owner. */
  service: ProducerService;
  /** The consumer group, for a service that consumes; its handlers are its @OnEvent and @OnEventBatch methods. */
  consumerGroup?: string;
  relay?: { batchSize?: number; pollIntervalMs?: number };
  /** ConsumerRunner settings, as documented there (chunkSize, commitIntervalMs, ... for a service's live consumer). */
  consumer?: Partial<
    Pick<
      ConsumerRunnerOptions,
      | 'maxAttempts' | 'retryInitialMs' | 'retryMaxMs' | 'sessionTimeoutMs' | 'heartbeatIntervalMs'
      | 'chunkSize' | 'partitionsPerTransaction' | 'commitIntervalMs'
    >
  >;
}
