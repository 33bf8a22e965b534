import { ModuleCompletedV1 } from '../events/learning/module-completed.v1';
import type { EventDefinition } from './event-definition';

/**
 * The one catalogue of every event type the platform publishes. Producers and consumers are typed
 * against it, every consumed event is validated against it, and the AsyncAPI document is generated
 * from it.
 */
export const EventCatalogue = {
  [ModuleCompletedV1.type]: ModuleCompletedV1,
} as const;

export type EventCatalogueMap = typeof EventCatalogue;
export type EventType = keyof EventCatalogueMap;
export type PayloadOf<T extends EventType> = InstanceType<EventCatalogueMap[T]['payload']>;

export function isKnownEventType(type: string): type is EventType {
  return Object.prototype.hasOwnProperty.call(EventCatalogue, type);
}

export function definitionOf<T extends EventType>(type: T): EventDefinition<T, PayloadOf<T>> {
  return EventCatalogue[type] as unknown as EventDefinition<T, PayloadOf<T>>;
}

export function eventTypesOnTopic(topic: string): EventType[] {
  return (Object.keys(EventCatalogue) as EventType[]).filter((type) => EventCatalogue[type].topic.name === topic);
}
