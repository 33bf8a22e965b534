import type { TopicSpec } from './topics';

export type PayloadClass<P extends object = object> = new () => P;

/** The producing service, which becomes the CloudEvents `source` (/socialmakers/<service>). */
export type ProducerService = 'learning' | 'events' | 'community' | 'analytics';

/**
 * One versioned event type: where it goes, what its data must look like, and how it is keyed.
 * The type string is written out, never derived from a class name, so renaming a class cannot
 * silently rename a contract.
 */
export interface EventDefinition<T extends string = string, P extends object = object> {
  readonly type: T;
  readonly version: number;
  readonly producer: ProducerService;
  readonly topic: TopicSpec;
  readonly payload: PayloadClass<P>;
  /** The payload field whose value is the Kafka key: events with the same key keep their order. */
  readonly key: keyof P & string;
  /** What the key identifies; the CloudEvents `subject` is `<subjectKind>/<key value>`, e.g. person/<id>. */
  readonly subjectKind: string;
  readonly description: string;
}

export function partitionKeyOf<P extends object>(definition: EventDefinition<string, P>, payload: P): string {
  return String(payload[definition.key]);
}

export function subjectOf<P extends object>(definition: EventDefinition<string, P>, payload: P): string {
  return `${definition.subjectKind}/${partitionKeyOf(definition, payload)}`;
}

export function defineEvent<T extends string, P extends object>(definition: EventDefinition<T, P>): EventDefinition<T, P> {
  return Object.freeze(definition);
}
