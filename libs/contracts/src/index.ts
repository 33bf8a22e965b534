export { Topics, ConsumerGroups, deadLetterTopicFor, allTopics, qualified, type TopicSpec, type TopicName, type ConsumerGroup } from './catalogue/topics';
export { defineEvent, partitionKeyOf, subjectOf, type EventDefinition, type PayloadClass, type ProducerService } from './catalogue/event-definition';
export { EventCatalogue, isKnownEventType, definitionOf, eventTypesOnTopic, type EventType, type PayloadOf, type EventCatalogueMap } from './catalogue/event-catalogue';
export { validatePayload, type PayloadProblem } from './catalogue/validate-payload';
export * from './validation/validators';
export * from './events/learning/module-completed.v1';
export { payloadJsonSchema, type JsonSchema } from './catalogue/json-schema';
