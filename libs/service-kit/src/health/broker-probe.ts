/**
 * Checks that the message broker answers. The messaging library provides it under BROKER_PROBE
 * (from a global module), so the health check does not depend on how Kafka is reached.
 */
export interface BrokerProbe {
  /** Resolves when the broker answers; rejects with a reason when it does not. */
  ping(): Promise<void>;
}

export const BROKER_PROBE = Symbol('BROKER_PROBE');
