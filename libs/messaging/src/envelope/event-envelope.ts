import type { EventType, PayloadOf } from '@socialmakers/contracts';

/**
 * A CloudEvents 1.0 event as the platform handles it in memory. `requestid` is a CloudEvents
 * extension attribute carrying the HTTP request id that caused the event, for log correlation.
 */
export interface EventEnvelope<T extends EventType = EventType> {
  id: string;
  source: string;
  type: T;
  subject?: string;
  time: string;
  specversion: '1.0';
  datacontenttype: 'application/json';
  data: PayloadOf<T>;
  partitionkey: string;
  requestid?: string;
}

export function sourceOf(service: string): string {
  return `/socialmakers/${service}`;
}
