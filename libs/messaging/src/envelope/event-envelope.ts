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

/** Where a consumed envelope keeps the bytes of its record's value (see recordDataOf). */
const RECORD_DATA = Symbol('recordData');

/**
 * Keeps, on an envelope read from a record, the record's value, which the caller knows to be exactly
 * `data` as JSON (UTF-8, nothing dropped by the contract check). Not enumerable: a copy of the
 * envelope (`{ ...envelope, data }`, as when ids are replaced) and its JSON leave it behind.
 */
export function keepRecordData(envelope: EventEnvelope, value: Buffer): void {
  Object.defineProperty(envelope, RECORD_DATA, { value });
}

/**
 * The JSON of the envelope's data as its record carried it, when that is exactly `data`: a consumer
 * that stores the data as JSON can take these bytes instead of serialising `data` again.
 */
export function recordDataOf(envelope: EventEnvelope): Buffer | undefined {
  return (envelope as unknown as { [RECORD_DATA]?: Buffer })[RECORD_DATA];
}
