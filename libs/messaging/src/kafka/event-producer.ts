import type { Kafka, Producer } from 'kafkajs';

/**
 * The idempotent producer: with acks=all and one request in flight, a retried send cannot duplicate
 * or reorder records within a partition.
 */
export function createEventProducer(kafka: Kafka): Producer {
  return kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
}
