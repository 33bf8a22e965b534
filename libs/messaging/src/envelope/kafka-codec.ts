import { CloudEvent, Kafka as CloudEventsKafka, type KafkaMessage as CloudEventsKafkaMessage } from 'cloudevents';
import type { IHeaders, KafkaMessage } from 'kafkajs';
import type { EventEnvelope } from './event-envelope';

/**
 * CloudEvents over Kafka in *binary* content mode: the record value is the event data as plain
 * JSON and the attributes travel as ce_* headers. We chose binary mode so that an analyst reading a
 * topic with kcat or any Kafka client sees the payload itself, and a consumer can route on the
 * ce_type header without parsing the value. The cloudevents SDK writes the records; reading them,
 * which every consumed record goes through, is done here directly (see fromKafkaMessage).
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

/** A consumed record as far as reading it goes: kafkajs's message, or a test's stand-in for it. */
export type ConsumedMessage = Pick<KafkaMessage, 'key' | 'value' | 'headers' | 'timestamp'>;

/**
 * The events the SDK read (the rare records fromKafkaMessage hands it): their data may not be the
 * record's value (see dataIsRecordValue). Kept for those, so that the common path marks nothing.
 */
const READ_BY_SDK = new WeakSet<object>();

/**
 * A CloudEvents 1.0 event read from a record: the attributes as the SDK would give them (time
 * rewritten to ISO with milliseconds, the record key as partitionkey) and each extension attribute
 * (requestid, ...) as a string property of its own.
 */
export interface DecodedEvent {
  readonly id: string;
  readonly source: string;
  readonly type: string;
  readonly specversion: '1.0';
  readonly time: string;
  readonly subject?: string;
  readonly datacontenttype?: string;
  readonly data: unknown;
  readonly partitionkey: string;
  readonly [attribute: string]: unknown;
}

/**
 * Reads a consumed record back into a CloudEvents event, checking it as the cloudevents SDK's
 * `Kafka.toEvent` + `validate()` does. Throws MalformedEventError for anything that is not a valid
 * CloudEvents 1.0 event.
 *
 * It runs for every consumed record, and the SDK's reading cost 14 to 20 µs a record (a replay of a
 * million events spent most of its time there), so binary mode, which is all our producers write,
 * is read here directly: the ce_* and content-type headers are decoded once, the value is parsed
 * once, and the SDK's checks are made on the strings. The equivalence spec holds it to the SDK's
 * verdicts and results. Records the SDK treats in ways of its own (structured or batch mode, the
 * attributes in SDK_ONLY_ATTRIBUTES) are rare and handed to the SDK itself.
 */
export function fromKafkaMessage(message: ConsumedMessage): DecodedEvent {
  const headers = readCeHeaders(message.headers);
  const value = requireIdAndValue(headers.id, message);
  if (headers.sdkOnly) return fromKafkaMessageWithSdk(message);
  const text = value.toString();
  if (!text) throw invalid('Value is null or undefined');

  const time = normalisedTime(headers.time);
  let data: unknown = text;
  if (headers.contentType?.startsWith('application/json')) {
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw invalid((error as Error).message);
    }
  }
  // An empty ce_specversion counts as absent, and the SDK takes an absent one for 1.0.
  const specversion = headers.specversion || '1.0';
  if (specversion !== '1.0') throw new MalformedEventError(`unsupported CloudEvents specversion ${specversion}`);

  const { source, type, subject } = headers;
  const datacontenttype = headers.datacontenttype ?? headers.contentType;
  if (source === undefined) throw schemaViolation('', '#/required', 'required', { missingProperty: 'source' }, "must have required property 'source'");
  if (type === undefined) throw schemaViolation('', '#/required', 'required', { missingProperty: 'type' }, "must have required property 'type'");
  if (source === '') throw tooShort('source');
  if (source !== lastValidSource) {
    if (!URI_REFERENCE.test(source)) throw badFormat('source', 'uri-reference');
    lastValidSource = source;
  }
  if (type === '') throw tooShort('type');
  if (datacontenttype === '') throw tooShort('datacontenttype');
  if (subject === '') throw tooShort('subject');
  // toISOString writes years outside 0-9999 with six digits and a sign, which is no RFC 3339 date-time.
  if (time.length !== 24) throw badFormat('time', 'date-time');
  // JSON.parse reads 1e999 as Infinity, which the schema's "number" refuses (inside an object it goes unchecked).
  if (typeof data === 'number' && !Number.isFinite(data)) {
    throw schemaViolation('/data', '#/definitions/datadef/type', 'type', { type: JSON_TYPES }, `must be ${JSON_TYPES.join(',')}`);
  }
  if (headers.badName !== undefined) throw invalid(`invalid attribute name: "${headers.badName}"`);

  // A literal of fixed shape, then the extensions: spreading them first made the object cost more than all the rest.
  const event: Record<string, unknown> = {
    id: headers.id,
    source,
    type,
    specversion,
    time,
    subject,
    datacontenttype,
    data,
    // The SDK takes the partition key from the record key, over a ce_partitionkey header.
    partitionkey: message.key?.toString() ?? '',
  };
  for (const name in headers.extensions) event[name] = headers.extensions[name];
  return event as DecodedEvent;
}

/**
 * Whether the data of an event fromKafkaMessage gave is the record's value as it came (binary mode,
 * parsed as JSON when the content type says so), and not, say, a member of a structured-mode value or
 * decoded from base64.
 */
export function dataIsRecordValue(event: DecodedEvent): boolean {
  return !READ_BY_SDK.has(event);
}

/** The SDK's `new Date(time).toISOString()`, without the Date for a time already written that way. */
function normalisedTime(time: string | undefined): string {
  // The SDK stamps an event without a time with the time of reading.
  if (!time) return new Date().toISOString();
  if (isCanonicalIsoTime(time)) return time;
  const instant = new Date(time);
  if (Number.isNaN(instant.getTime())) throw invalid('Invalid time value');
  return instant.toISOString();
}

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Whether `time` is a valid instant written as toISOString writes it (2026-03-14T09:30:00.000Z), so
 * that Date would give it back unchanged. Out-of-range fields (February 30, 24:00) are not: Date
 * rolls them over, and they take the Date path.
 */
function isCanonicalIsoTime(time: string): boolean {
  if (time.length !== 24 || time[4] !== '-' || time[7] !== '-' || time[10] !== 'T' || time[13] !== ':' || time[16] !== ':' || time[19] !== '.' || time[23] !== 'Z') {
    return false;
  }
  const year = digits(time, 0, 4);
  const month = digits(time, 5, 2);
  const day = digits(time, 8, 2);
  const hour = digits(time, 11, 2);
  const minute = digits(time, 14, 2);
  const second = digits(time, 17, 2);
  if (year < 0 || digits(time, 20, 3) < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
    return false;
  }
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month]);
}

/** The number written with `length` decimal digits at `start`, or -1 if one of them is no digit. */
function digits(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Extension names the SDK reads as something else (attributes of CloudEvents 0.3, base64 data, the
 * data itself, a method of its event class) or drops (`__proto__`). No producer of ours writes them.
 */
const SDK_ONLY_ATTRIBUTES = new Set(['dataschema', 'data_base64', 'datacontentencoding', 'schemaurl', 'data', 'validate', '__proto__']);

// The CloudEvents 1.0 JSON schema's "uri-reference" format for `source`, as the SDK (ajv-formats) checks it.
const URI_REFERENCE =
  /^(?:[a-z][a-z0-9+\-.]*:)?(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'"()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*)?(?:\?(?:[a-z0-9\-._~!$&'"()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'"()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;

// A topic's records come from one or two sources, so the pattern runs once per change of source.
let lastValidSource: string | undefined;

const EXTENSION_NAME = /^[a-z0-9]+$/;

const JSON_TYPES = ['object', 'string', 'number', 'array', 'boolean', 'null'];

/** The CloudEvents headers of a record, decoded once. */
interface CeHeaders {
  id?: string;
  source?: string;
  type?: string;
  specversion?: string;
  time?: string;
  subject?: string;
  datacontenttype?: string;
  contentType?: string;
  extensions: Record<string, string>;
  /** The first extension name the SDK's validation refuses, if any. */
  badName?: string;
  /** The record needs the SDK's own reading (see SDK_ONLY_ATTRIBUTES). */
  sdkOnly: boolean;
}

/** The headers the SDK's Kafka binding reads as attributes (its KAFKA_CE_HEADERS but ce_dataschema, and content-type). */
const ATTRIBUTE_HEADERS = new Map<string, 'id' | 'source' | 'type' | 'specversion' | 'time' | 'subject' | 'datacontenttype' | 'contentType'>([
  ['ce_id', 'id'],
  ['ce_source', 'source'],
  ['ce_type', 'type'],
  ['ce_specversion', 'specversion'],
  ['ce_time', 'time'],
  ['ce_subject', 'subject'],
  ['ce_datacontenttype', 'datacontenttype'],
  ['content-type', 'contentType'],
]);

/**
 * One pass over the headers, with headersToStrings' rules: names in lower case (of two that differ
 * only in case, the later wins), the first value of a repeated header. Only the values of ce_*
 * headers and content-type are decoded.
 */
function readCeHeaders(raw: IHeaders | undefined): CeHeaders {
  const headers: CeHeaders = { extensions: {}, sdkOnly: false };
  if (!raw) return headers;
  for (const name in raw) {
    if (!Object.prototype.hasOwnProperty.call(raw, name)) continue;
    const entry = raw[name];
    const first = Array.isArray(entry) ? entry[0] : entry;
    if (first === undefined) continue;
    // headersToStrings would fail on it (kafkajs gives null for a header sent without a value).
    if (first === null) throw new MalformedEventError(`the record's header ${name} has no value`);
    const lower = name.toLowerCase();
    const attribute = ATTRIBUTE_HEADERS.get(lower);
    if (attribute) headers[attribute] = first.toString();
    // The SDK takes the partition key from the record key, so that header is never read.
    else if (lower.startsWith('ce_') && lower !== 'ce_partitionkey') readExtension(headers, lower.slice(3), first.toString());
  }
  if (headers.contentType?.startsWith('application/cloudevents')) headers.sdkOnly = true;
  return headers;
}

function readExtension(headers: CeHeaders, attribute: string, value: string): void {
  if (SDK_ONLY_ATTRIBUTES.has(attribute)) {
    headers.sdkOnly = true;
    return;
  }
  if (headers.badName === undefined && !EXTENSION_NAME.test(attribute)) headers.badName = attribute;
  headers.extensions[attribute] = value;
}

/** The record's value, once it is known to carry a CloudEvent in binary mode. */
function requireIdAndValue(id: string | undefined, message: ConsumedMessage): Buffer {
  if (!id) throw new MalformedEventError('the record has no ce_id header: it is not a CloudEvent in binary mode');
  if (!message.value) throw new MalformedEventError('the record has no value');
  return message.value;
}

function invalid(reason: string): MalformedEventError {
  return new MalformedEventError(`not a valid CloudEvent: ${reason}`);
}

/** The SDK's report of a JSON schema violation: "invalid payload" and ajv's error object. */
function schemaViolation(instancePath: string, schemaPath: string, keyword: string, params: object, message: string): MalformedEventError {
  return invalid(`invalid payload\n  ${JSON.stringify({ instancePath, schemaPath, keyword, params, message })}`);
}

function tooShort(attribute: string): MalformedEventError {
  return schemaViolation(`/${attribute}`, `#/definitions/${attribute}def/minLength`, 'minLength', { limit: 1 }, 'must NOT have fewer than 1 characters');
}

function badFormat(attribute: string, format: string): MalformedEventError {
  return schemaViolation(`/${attribute}`, `#/definitions/${attribute}def/format`, 'format', { format }, `must match format "${format}"`);
}

/**
 * The SDK's reading (`Kafka.toEvent` + `validate()`): what fromKafkaMessage hands the records it
 * does not read itself, and the reference its equivalence spec compares it with.
 */
export function fromKafkaMessageWithSdk(message: ConsumedMessage): DecodedEvent {
  const headers = headersToStrings(message.headers);
  const value = requireIdAndValue(headers['ce_id'], message);
  try {
    const event = CloudEventsKafka.toEvent({
      key: message.key?.toString() ?? '',
      value: value.toString(),
      headers,
      body: value.toString(),
      timestamp: message.timestamp,
    } as CloudEventsKafkaMessage<string>) as CloudEvent<unknown>;
    event.validate();
    if (event.specversion !== '1.0') throw new MalformedEventError(`unsupported CloudEvents specversion ${event.specversion}`);
    READ_BY_SDK.add(event);
    return event as unknown as DecodedEvent;
  } catch (error) {
    if (error instanceof MalformedEventError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new MalformedEventError(`not a valid CloudEvent: ${reason}`);
  }
}
