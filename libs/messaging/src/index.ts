// Plain layer: usable without Nest (tools, tests, benchmarks).
export { createKafka, parseBrokers, type KafkaSettings } from './kafka/kafka-client';
export { createEventProducer } from './kafka/event-producer';
export { KafkaBrokerProbe } from './kafka/broker-probe';
export { type EventEnvelope, sourceOf, keepRecordData, recordDataOf } from './envelope/event-envelope';
export { toKafkaRecord, fromKafkaMessage, headersToStrings, MalformedEventError, type KafkaRecord } from './envelope/kafka-codec';
export { EventOutbox, ContractViolationError, type PendingEvent } from './outbox/event-outbox';
export { OutboxRelay, type OutboxRelayOptions } from './outbox/outbox-relay';
export { claimInInbox, inboxKey } from './inbox/inbox';
export { ConsumerRunner, type ConsumerRunnerOptions, type EventHandler, type BatchEventHandler, type MembershipChange } from './consumer/consumer-runner';
export { readConsumerLag, type PartitionLag } from './consumer/consumer-lag';
export { backoffDelay } from './consumer/backoff';
export { DeadLetterHeader, deadLetterHeaders, withoutDeadLetterHeaders, type DeadLetterReason } from './dead-letter/dead-letter-headers';
export { DeadLetterStore, type DeadLetter } from './dead-letter/dead-letter-store';
export { provisionTopics } from './topics/topic-provisioner';
export { messagingMetrics } from './metrics/messaging-metrics';
export { MessagingTables1764316800000, OUTBOX_CHANNEL } from './database/messaging-tables.migration';
// Nest layer: wiring only.
export { MessagingModule } from './nest/messaging.module';
export { MessagingRuntime } from './nest/messaging-runtime';
export { InboxTransport } from './nest/inbox-transport';
export { connectInbox } from './nest/connect-inbox';
export { ConsumedEvent } from './nest/consumed-event';
export { OnEvent } from './nest/on-event.decorator';
export { ConsumedBatch } from './nest/consumed-batch';
export { OnEventBatch } from './nest/on-event-batch.decorator';
export { KAFKA, EVENT_PRODUCER, type MessagingModuleOptions } from './nest/messaging.tokens';
