import { CloudEvent, Kafka as CloudEventsKafka, type KafkaMessage as CloudEventsKafkaMessage } from 'cloudevents';
import type { IHeaders, KafkaMessage } from 'kafkajs';
import type { EventEnvelope } from './event-envelope';

/**
 * CloudEvents over Kafka in *binary* content mode: the record value is the event data as plain
 * JSON and the attributes travel as ce_* headers. We chose binary mode so that an analyst reading a
 * topic with kcat or any Kafka client sees the payload itself, and a consumer can route on the
 * ce_type header without parsing the value. The cloudevents SDK does the mapping both ways.
 */
export interface KafkaRecord {
  key: string;
  value: string;
  headers: Record<string, string>;
  timestamp?: string;
}

export function toKafkaRecord(envelope: EventEnvelope): KafkaRecord {
  const event = new CloudEvent(
    {
      id: envelope.id,
      source: envelope.source,
      type: envelope.type,
      subject: envelope.subject,
      time: envelope.time,
      specversion: '1.0',
      datacontenttype: 'application/json',
      data: envelope.data,
      partitionkey: envelope.partitionkey,
      ...(envelope.requestid ? { requestid: envelope.requestid } : {}),
    },
    // Validation happens when the event is written to the outbox; the relay does not repeat it.
    false,
  );
  const message = CloudEventsKafka.binary(event);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers)) {
    if (value !== undefined && value !== null) headers[name] = String(value);
  }
  return { key: envelope.partitionkey, value: JSON.stringify(envelope.data), headers, timestamp: message.timestamp };
}

/** kafkajs hands header values over as Buffers (or arrays of them); the SDK wants strings. */
export function headersToStrings(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) result[name.toLowerCase()] = first.toString();
  }
  return result;
}

export class MalformedEventError extends Error {
  override readonly name = 'MalformedEventError';
}

/**
 * Reads a consumed record back into a CloudEvent, checking the required attributes. Throws
 * MalformedEventError for anything that is not a valid CloudEvent with JSON data.
 */
export function fromKafkaMessage(message: Pick<KafkaMessage, 'key' | 'value' | 'headers' | 'timestamp'>): CloudEvent<unknown> {
  const headers = headersToStrings(message.headers);
  if (!headers['ce_id']) throw new MalformedEventError('the record has no ce_id header: it is not a CloudEvent in binary mode');
  if (!message.value) throw new MalformedEventError('the record has no value');
  try {
    const event = CloudEventsKafka.toEvent({
      key: message.key?.toString() ?? '',
      value: message.value.toString(),
      headers,
      body: message.value.toString(),
      timestamp: message.timestamp,
    } as CloudEventsKafkaMessage<string>) as CloudEvent<unknown>;
    event.validate();
    if (event.specversion !== '1.0') throw new MalformedEventError(`unsupported CloudEvents specversion ${event.specversion}`);
    return event;
  } catch (error) {
    if (error instanceof MalformedEventError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new MalformedEventError(`not a valid CloudEvent: ${reason}`);
  }
}
