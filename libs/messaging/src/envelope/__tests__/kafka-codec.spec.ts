import { CloudEvent, Kafka as CloudEventsKafka } from 'cloudevents';
import { dataIsRecordValue, fromKafkaMessage, MalformedEventError, toKafkaRecord } from '../kafka-codec';
import { asConsumed, moduleCompleted } from './module-completed.fixture';

const envelope = moduleCompleted;

function without(headers: Record<string, string>, name: string): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([key]) => key !== name));
}

describe('kafka codec', () => {
  it('round-trips an envelope through a consumed kafkajs message', () => {
    const event = fromKafkaMessage(asConsumed(toKafkaRecord(envelope)));

    expect(event).toMatchObject({
      id: envelope.id,
      source: envelope.source,
      type: envelope.type,
      subject: envelope.subject,
      time: envelope.time,
      specversion: '1.0',
      datacontenttype: 'application/json',
      data: envelope.data,
      requestid: envelope.requestid,
      partitionkey: envelope.partitionkey,
    });
  });

  it("says whether the event's data is the record's value: in binary mode, not in structured mode", () => {
    expect(dataIsRecordValue(fromKafkaMessage(asConsumed(toKafkaRecord(envelope))))).toBe(true);
    const structured = CloudEventsKafka.structured(
      new CloudEvent({ id: envelope.id, source: envelope.source, type: envelope.type, time: envelope.time, data: envelope.data, partitionkey: envelope.partitionkey }),
    );
    // With a ce_id header, as the codec requires of every record, so that it hands the record to the SDK.
    const headers = Object.fromEntries(
      Object.entries({ ...structured.headers, ce_id: envelope.id }).map(([name, value]) => [name, Buffer.from(String(value))]),
    );
    const event = fromKafkaMessage({ ...asConsumed(toKafkaRecord(envelope)), value: Buffer.from(String(structured.value)), headers });

    expect(headers['content-type']?.toString()).toMatch(/^application\/cloudevents\+json/);
    expect(event.data).toEqual(envelope.data);
    expect(dataIsRecordValue(event)).toBe(false);
  });

  it('writes binary content mode: ce_* headers and the data itself as plain JSON', () => {
    const record = toKafkaRecord(envelope);

    expect(record.key).toBe(envelope.partitionkey);
    expect(record.headers).toMatchObject({
      ce_id: envelope.id,
      ce_type: envelope.type,
      ce_source: envelope.source,
      ce_specversion: '1.0',
      ce_subject: envelope.subject,
      ce_time: envelope.time,
      ce_requestid: envelope.requestid,
      'content-type': 'application/json',
    });
    expect(JSON.parse(record.value)).toEqual(envelope.data);
    expect(record.timestamp).toBe(String(Date.parse(envelope.time)));
  });

  it('leaves out the request id header when the event has none', () => {
    const record = toKafkaRecord({ ...envelope, requestid: undefined });

    expect(Object.keys(record.headers)).not.toContain('ce_requestid');
    expect(fromKafkaMessage(asConsumed(record))['requestid']).toBeUndefined();
  });

  it('produces a record the CloudEvents SDK Kafka binding reads and validates', () => {
    const record = toKafkaRecord(envelope);
    const message = { key: record.key, value: record.value, body: record.value, headers: record.headers, timestamp: record.timestamp };

    expect(CloudEventsKafka.isEvent(message)).toBe(true);
    const event = CloudEventsKafka.toEvent(message);
    expect(event).toBeInstanceOf(CloudEvent);
    expect((event as CloudEvent<unknown>).validate()).toBe(true);
    expect(event).toMatchObject({ id: envelope.id, type: envelope.type, source: envelope.source, data: envelope.data });
  });

  describe('refuses a malformed record with MalformedEventError', () => {
    const record = toKafkaRecord(envelope);

    it('when it has no ce_id header (not a binary-mode CloudEvent)', () => {
      const read = () => fromKafkaMessage(asConsumed(record, without(record.headers, 'ce_id')));

      expect(read).toThrow(MalformedEventError);
      expect(read).toThrow(/ce_id/);
    });

    it('when its value is not JSON', () => {
      const read = () => fromKafkaMessage({ ...asConsumed(record), value: Buffer.from('{"personId": ') });

      expect(read).toThrow(MalformedEventError);
      expect(read).toThrow(/not a valid CloudEvent/);
    });

    it('when it has no value', () => {
      expect(() => fromKafkaMessage({ ...asConsumed(record), value: null })).toThrow(MalformedEventError);
    });

    it.each(['ce_source', 'ce_type'])('when it lacks the required %s header', (header) => {
      const read = () => fromKafkaMessage(asConsumed(record, without(record.headers, header)));

      expect(read).toThrow(MalformedEventError);
      expect(read).toThrow(/not a valid CloudEvent/);
      expect(read).toThrow(`required property '${header.replace('ce_', '')}'`);
    });

    it('when its specversion is not 1.0', () => {
      const read = () => fromKafkaMessage(asConsumed(record, { ...record.headers, ce_specversion: '0.3' }));

      expect(read).toThrow(MalformedEventError);
      expect(read).toThrow('unsupported CloudEvents specversion 0.3');
    });
  });
});
