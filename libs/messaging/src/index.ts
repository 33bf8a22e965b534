// Plain layer: usable without Nest (tools, tests, benchmarks); on its own as @socialmakers/messaging/plain.
export * from './plain';
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
