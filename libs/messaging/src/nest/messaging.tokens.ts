import type { ProducerService } from '@socialmakers/contracts';

export const KAFKA = Symbol('KAFKA');
export const EVENT_PRODUCER = Symbol('EVENT_PRODUCER');
export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

export interface MessagingModuleOptions {
  /** The service publishing through this module: the CloudEvents source and the outbox owner. */
  service: ProducerService;
  /** The consumer group, for a service that consumes; its handlers are its @OnEvent methods. */
  consumerGroup?: string;
  relay?: { batchSize?: number; pollIntervalMs?: number };
  consumer?: { maxAttempts?: number; retryInitialMs?: number; retryMaxMs?: number; sessionTimeoutMs?: number; heartbeatIntervalMs?: number };
}
