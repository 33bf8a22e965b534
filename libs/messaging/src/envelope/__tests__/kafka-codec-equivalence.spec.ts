import { Kafka as CloudEventsKafka } from 'cloudevents';
import type { IHeaders } from 'kafkajs';
import { ModuleCompletedV1 } from '@socialmakers/contracts';
import type { EventEnvelope } from '../event-envelope';
import { fromKafkaMessage, fromKafkaMessageWithSdk, MalformedEventError, toKafkaRecord, type ConsumedMessage, type DecodedEvent } from '../kafka-codec';
import { asConsumed, moduleCompleted } from './module-completed.fixture';

/**
 * fromKafkaMessage reads binary-mode records itself instead of through the cloudevents SDK; these
 * cases hold it to the SDK's reading (Kafka.toEvent + validate): the same verdict, the same error
 * message, and for an accepted record the same attributes, data and extensions.
 */

const READ_AT = new Date('2031-05-06T07:08:09.010Z');

const base: EventEnvelope = moduleCompleted;

function envelope(changes: Partial<Record<keyof EventEnvelope, unknown>>): EventEnvelope {
  return { ...base, ...changes } as EventEnvelope;
}

type HeaderValue = IHeaders[string] | null;

const baseRecord = toKafkaRecord(base);

/** The base record with headers set (a value), replaced by others (a function of the headers) or removed (undefined). */
function withHeaders(changes: Record<string, HeaderValue | string> | ((headers: IHeaders) => IHeaders), message: ConsumedMessage = asConsumed(baseRecord)): ConsumedMessage {
  if (typeof changes === 'function') return { ...message, headers: changes(message.headers ?? {}) };
  const headers: Record<string, HeaderValue> = { ...message.headers };
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) delete headers[name];
    else headers[name] = typeof value === 'string' ? Buffer.from(value) : value;
  }
  return { ...message, headers: headers as IHeaders };
}

function withValue(value: string | Buffer | null, contentType?: string): ConsumedMessage {
  const message = contentType === undefined ? asConsumed(baseRecord) : withHeaders({ 'content-type': contentType });
  return { ...message, value: typeof value === 'string' ? Buffer.from(value) : value };
}

function renameHeaders(rename: (name: string) => string): (headers: IHeaders) => IHeaders {
  return (headers) => Object.fromEntries(Object.entries(headers).map(([name, value]) => [rename(name), value]));
}

function mapHeaderValues(map: (value: Buffer) => IHeaders[string]): (headers: IHeaders) => IHeaders {
  return (headers) => Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, map(value as Buffer)]));
}

const structuredEvent = JSON.stringify({
  id: 'structured-1',
  source: '/socialmakers/learning',
  type: ModuleCompletedV1.type,
  specversion: '1.0',
  time: '2026-03-14T09:30:00Z',
  data: base.data,
});

interface Case {
  name: string;
  message: ConsumedMessage;
  verdict: 'accepted' | 'refused';
  /** The record is one fromKafkaMessage hands to the SDK's reading. */
  sdkOnly?: boolean;
}

const accepted = (name: string, message: ConsumedMessage): Case => ({ name, message, verdict: 'accepted' });
const refused = (name: string, message: ConsumedMessage): Case => ({ name, message, verdict: 'refused' });

const cases: Case[] = [
  // Records our producers write.
  accepted('a full envelope', asConsumed(baseRecord)),
  accepted('no subject', asConsumed(toKafkaRecord(envelope({ subject: undefined })))),
  accepted('no request id', asConsumed(toKafkaRecord(envelope({ requestid: undefined })))),
  accepted('neither subject nor request id', asConsumed(toKafkaRecord(envelope({ subject: undefined, requestid: undefined })))),
  accepted('another partition key', asConsumed(toKafkaRecord(envelope({ partitionkey: 'SI:2026' })))),
  accepted('unicode data', asConsumed(toKafkaRecord(envelope({ data: { title: 'Šiška — ženske v podjetništvu 🚀', note: '中文 العربية', empty: '' } })))),
  accepted(
    'nested data',
    asConsumed(toKafkaRecord(envelope({ data: { a: [1, 2.5, -3e-7, { b: null, c: [true, false] }], d: { e: { f: { g: 'deep' } } }, h: [] } }))),
  ),
  accepted('a time with microseconds and an offset', asConsumed(toKafkaRecord(envelope({ time: '2026-03-14T11:30:00.123456+02:00' })))),
  accepted('a URL as source', asConsumed(toKafkaRecord(envelope({ source: 'https://socialmakers.example.org/learning?x=1#y' })))),
  accepted('a URN as source', asConsumed(toKafkaRecord(envelope({ source: 'urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66' })))),
  accepted('unicode subject and request id', asConsumed(toKafkaRecord(envelope({ subject: 'osebа/Žiga', requestid: 'zahteva-č' })))),

  // Each header missing.
  refused('no ce_id', withHeaders({ ce_id: undefined })),
  refused('no ce_source', withHeaders({ ce_source: undefined })),
  refused('no ce_type', withHeaders({ ce_type: undefined })),
  refused('neither ce_source nor ce_type', withHeaders({ ce_source: undefined, ce_type: undefined })),
  accepted('no ce_specversion (taken for 1.0)', withHeaders({ ce_specversion: undefined })),
  accepted('no ce_time (stamped with the time of reading)', withHeaders({ ce_time: undefined })),
  accepted('no ce_partitionkey (the key is the partition key)', withHeaders({ ce_partitionkey: undefined })),
  accepted('no content-type (data stays text)', withHeaders({ 'content-type': undefined })),
  refused('no headers at all', { ...asConsumed(baseRecord), headers: undefined }),

  // Each header empty.
  refused('empty ce_id', withHeaders({ ce_id: '' })),
  refused('empty ce_source', withHeaders({ ce_source: '' })),
  refused('empty ce_type', withHeaders({ ce_type: '' })),
  accepted('empty ce_specversion', withHeaders({ ce_specversion: '' })),
  accepted('empty ce_time', withHeaders({ ce_time: '' })),
  refused('empty ce_subject', withHeaders({ ce_subject: '' })),
  accepted('empty ce_requestid', withHeaders({ ce_requestid: '' })),
  accepted('empty ce_partitionkey', withHeaders({ ce_partitionkey: '' })),
  accepted('empty content-type (ce_datacontenttype names the type; data stays text)', withHeaders({ 'content-type': '' })),
  refused('empty content-type and no ce_datacontenttype', withHeaders({ 'content-type': '', ce_datacontenttype: undefined })),
  accepted('neither content-type nor ce_datacontenttype', withHeaders({ 'content-type': undefined, ce_datacontenttype: undefined })),
  refused('empty ce_datacontenttype', withHeaders({ ce_datacontenttype: '' })),
  accepted('ce_datacontenttype over content-type', withHeaders({ ce_datacontenttype: 'application/json; charset=utf-8' })),

  // specversion.
  refused('specversion 0.3', withHeaders({ ce_specversion: '0.3' })),
  refused('specversion 2.0', withHeaders({ ce_specversion: '2.0' })),
  refused('specversion "1.0 "', withHeaders({ ce_specversion: '1.0 ' })),
  refused('specversion 0.3 without a source', withHeaders({ ce_specversion: '0.3', ce_source: undefined })),

  // time.
  refused("time 'yesterday'", withHeaders({ ce_time: 'yesterday' })),
  accepted('time 2018-02-30 (Date rolls it over to March)', withHeaders({ ce_time: '2018-02-30T00:00:00Z' })),
  accepted('time without a time zone (local time)', withHeaders({ ce_time: '2026-03-14T09:30:00' })),
  accepted('time as a date only', withHeaders({ ce_time: '2026-03-14' })),
  accepted("time 'March 7, 2020'", withHeaders({ ce_time: 'March 7, 2020' })),
  refused('time in year 20000', withHeaders({ ce_time: '+020000-01-01T00:00:00Z' })),
  refused('time before year 0', withHeaders({ ce_time: '-000001-01-01T00:00:00Z' })),
  // Times already written as toISOString writes them, which fromKafkaMessage keeps without a Date when they are valid.
  accepted('29 February of a leap year', withHeaders({ ce_time: '2024-02-29T23:59:59.999Z' })),
  accepted('29 February 2000 (a leap year)', withHeaders({ ce_time: '2000-02-29T00:00:00.000Z' })),
  accepted('29 February 1900 (no leap year: rolled over)', withHeaders({ ce_time: '1900-02-29T00:00:00.000Z' })),
  accepted('29 February 2026 (rolled over)', withHeaders({ ce_time: '2026-02-29T00:00:00.000Z' })),
  accepted('31 April (rolled over)', withHeaders({ ce_time: '2026-04-31T00:00:00.000Z' })),
  accepted('24:00 (rolled over)', withHeaders({ ce_time: '2026-03-14T24:00:00.000Z' })),
  accepted('year 0', withHeaders({ ce_time: '0000-01-01T00:00:00.000Z' })),
  accepted('the last millisecond of year 9999', withHeaders({ ce_time: '9999-12-31T23:59:59.999Z' })),
  accepted('lower-case t and z', withHeaders({ ce_time: '2026-03-14t09:30:00.000z' })),
  refused('second 60', withHeaders({ ce_time: '2026-03-14T09:30:60.000Z' })),
  refused('month 13', withHeaders({ ce_time: '2026-13-01T00:00:00.000Z' })),
  refused('month 0', withHeaders({ ce_time: '2026-00-10T00:00:00.000Z' })),
  refused('day 0', withHeaders({ ce_time: '2026-03-00T00:00:00.000Z' })),
  refused('a letter among the digits', withHeaders({ ce_time: '2026-03-14T09:3a:00.000Z' })),
  refused('invalid time and invalid JSON (time is read first)', { ...withHeaders({ ce_time: 'never' }), value: Buffer.from('{') }),

  // source.
  refused('source with a space', withHeaders({ ce_source: '/socialmakers/learn ing' })),
  refused('source with a bad percent escape', withHeaders({ ce_source: '/socialmakers/%zz' })),
  refused('source with a caret', withHeaders({ ce_source: 'a^b' })),
  accepted('source as a bare word', withHeaders({ ce_source: 'learning' })),

  // The value.
  refused('invalid JSON', withValue('{"personId": ')),
  refused('an empty value', withValue('')),
  refused('no value', withValue(null)),
  accepted('a JSON array', withValue('[1,"two",{"three":3}]')),
  accepted('a JSON number', withValue('42')),
  accepted('a JSON string', withValue('"text"')),
  accepted('JSON null', withValue('null')),
  accepted('JSON true', withValue('true')),
  refused('a number too large for a double (Infinity)', withValue('1e999')),
  refused('a negative number too large for a double', withValue('-1e999')),
  accepted('Infinity inside an object', withValue('{"n":1e999}')),
  accepted('JSON with unicode escapes', withValue('{"s":"\\u017d\\ud83d\\ude80"}')),
  accepted('JSON text under a text/plain content type', withValue('{"a":1}', 'text/plain')),
  accepted('invalid JSON under a text/plain content type', withValue('{"a":', 'text/plain')),
  accepted('JSON with a charset parameter', withValue('{"a":1}', 'application/json; charset=utf-8')),
  accepted('Application/JSON in capitals (the SDK does not parse it)', withValue('{"a":1}', 'Application/JSON')),
  refused('invalid JSON under application/json-seq', withValue('{"a":', 'application/json-seq')),

  // Extension attributes.
  refused('an extension header with a hyphen', withHeaders({ 'ce_trace-id': 'abc' })),
  refused('an extension header with an underscore', withHeaders({ ce_trace_id: 'abc' })),
  refused('an extension header with a non-ASCII letter', withHeaders({ ce_šifra: 'abc' })),
  refused('a header named ce_ alone', withHeaders({ ce_: 'abc' })),
  refused('two bad extension names (the first is reported)', withHeaders({ 'ce_a-b': '1', 'ce_c.d': '2' })),
  refused('a bad extension name on a 0.3 event', withHeaders({ 'ce_a-b': '1', ce_specversion: '0.3' })),
  accepted('an unknown extension with a valid name', withHeaders({ ce_tenant: 'si', ce_traceparent2: '00-abc', ce_1: 'digits' })),
  accepted('upper-case extension header name', withHeaders({ CE_TENANT: 'si' })),
  accepted('a header of another application', withHeaders({ traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' })),

  // Names and shapes of headers.
  accepted('upper-case header names', withHeaders(renameHeaders((name) => name.toUpperCase()))),
  accepted('mixed-case header names', withHeaders(renameHeaders((name) => (name === 'content-type' ? 'Content-Type' : name.replace('ce_', 'Ce_'))))),
  accepted('headers as arrays of Buffers', withHeaders(mapHeaderValues((value) => [value]))),
  accepted('headers as arrays of two Buffers (the first counts)', withHeaders(mapHeaderValues((value) => [value, Buffer.from('second')]))),
  refused('an empty array for ce_type', withHeaders({ ce_type: [] as Buffer[] })),
  accepted('header values as strings', withHeaders(mapHeaderValues((value) => value.toString()))),
  accepted('a header twice under two cases (the later wins)', withHeaders((headers) => ({ ...headers, CE_SUBJECT: Buffer.from('person/other') }))),
  accepted('no record key', { ...asConsumed(baseRecord), key: null }),

  // Records the SDK reads in ways of its own: fromKafkaMessage hands them to it.
  { ...refused('ce_validate (shadows the event class method)', withHeaders({ ce_validate: 'yes' })), sdkOnly: true },
  { ...accepted('ce_data (replaced by the value)', withHeaders({ ce_data: 'ignored' })), sdkOnly: true },
  { ...accepted('ce___proto__ (dropped)', withHeaders({ ce___proto__: 'x' })), sdkOnly: true },
  { ...accepted('a URI as ce_dataschema', withHeaders({ ce_dataschema: 'https://socialmakers.example.org/schemas/module-completed' })), sdkOnly: true },
  { ...refused('a relative ce_dataschema', withHeaders({ ce_dataschema: 'schemas/x' })), sdkOnly: true },
  { ...refused('ce_schemaurl on a 1.0 event', withHeaders({ ce_schemaurl: 'https://example.org/s' })), sdkOnly: true },
  { ...accepted('ce_datacontentencoding', withHeaders({ ce_datacontentencoding: 'base64' })), sdkOnly: true },
  { ...refused('ce_data_base64 that is not base64', withHeaders({ ce_data_base64: '%%%' })), sdkOnly: true },
  { ...accepted('structured mode', withValue(structuredEvent, 'application/cloudevents+json; charset=utf-8')), sdkOnly: true },
  { ...refused('structured mode with only the data as value', withValue('{"a":1}', 'application/cloudevents+json')), sdkOnly: true },
  { ...refused('batch mode', withValue(`[${structuredEvent}]`, 'application/cloudevents-batch+json')), sdkOnly: true },
];

type Outcome = { accepted: Record<string, unknown> } | { refused: string };

function outcome(read: (message: ConsumedMessage) => DecodedEvent, message: ConsumedMessage): Outcome {
  try {
    const event = read(message);
    // Own properties with a value: the SDK's CloudEvent also carries the attributes it lacks as undefined.
    const defined = Object.fromEntries(Object.entries(event).filter(([, value]) => value !== undefined));
    return { accepted: defined };
  } catch (error) {
    if (!(error instanceof MalformedEventError)) throw error;
    return { refused: error.message };
  }
}

describe('fromKafkaMessage reads records as the cloudevents SDK does', () => {
  // The SDK's reading, watched (not replaced) to see which records fromKafkaMessage hands to it.
  const toEvent = jest.spyOn(CloudEventsKafka, 'toEvent');

  beforeAll(() => jest.useFakeTimers({ now: READ_AT }));
  afterAll(() => {
    jest.useRealTimers();
    toEvent.mockRestore();
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, { message, verdict, sdkOnly = false }) => {
    const reference = outcome(fromKafkaMessageWithSdk, message);
    toEvent.mockClear();
    const read = outcome(fromKafkaMessage, message);

    expect('accepted' in reference ? 'accepted' : 'refused').toBe(verdict);
    expect(read).toStrictEqual(reference);
    expect(toEvent).toHaveBeenCalledTimes(sdkOnly ? 1 : 0);
  });

  it('gives what the consumer runner reads for a full envelope', () => {
    const event = fromKafkaMessage(asConsumed(baseRecord));

    expect(event).toStrictEqual({
      id: base.id,
      source: base.source,
      type: base.type,
      specversion: '1.0',
      time: base.time,
      subject: base.subject,
      datacontenttype: 'application/json',
      data: base.data,
      partitionkey: base.partitionkey,
      requestid: base.requestid,
    });
  });

  it('rewrites time to ISO with milliseconds in UTC', () => {
    expect(fromKafkaMessage(withHeaders({ ce_time: '2026-03-14T11:30:00+02:00' })).time).toBe('2026-03-14T09:30:00.000Z');
  });

  it('stamps an event without ce_time with the time of reading, as the SDK does', () => {
    expect(fromKafkaMessage(withHeaders({ ce_time: undefined })).time).toBe(READ_AT.toISOString());
  });

  it('refuses a record with a header kafkajs gives as null (the SDK path failed on it with a TypeError)', () => {
    const message = withHeaders({ traceparent: null });

    expect(() => fromKafkaMessageWithSdk(message)).toThrow(TypeError);
    expect(() => fromKafkaMessage(message)).toThrow(MalformedEventError);
    expect(() => fromKafkaMessage(message)).toThrow("the record's header traceparent has no value");
  });
});
