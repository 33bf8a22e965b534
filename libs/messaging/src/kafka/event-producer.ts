import { Partitioners, type Kafka, type Producer } from 'kafkajs';

/**
 * The idempotent producer: with acks=all and one request in flight, a retried send cannot duplicate
 * or reorder records within a partition. Its retries are bounded (kafkajs warns about that): when
 * the broker stays away, the relay rolls back and tries again later, and a record sent twice that
 * way is absorbed by the consumers' inbox. The default partitioner is murmur2, the same as Java
 * clients, so a key lands on the same partition whoever produces it.
 */
export function createEventProducer(kafka: Kafka): Producer {
  return kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
}
