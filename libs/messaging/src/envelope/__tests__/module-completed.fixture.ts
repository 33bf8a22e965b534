import type { KafkaMessage } from 'kafkajs';
import { ModuleCompletedV1 } from '@socialmakers/contracts';
import type { EventEnvelope } from '../event-envelope';
import type { KafkaRecord } from '../kafka-codec';

export const moduleCompleted: EventEnvelope<typeof ModuleCompletedV1.type> = {
  id: '0b9a3c52-5f0e-4d8a-9d7b-2e6f1a4c8d30',
  source: '/socialmakers/learning',
  type: ModuleCompletedV1.type,
  subject: 'person/6f1c2b9e-4d3a-4b8e-9f21-0a7c5d3e8b14',
  time: '2026-03-14T09:30:00.000Z',
  specversion: '1.0',
  datacontenttype: 'application/json',
  data: {
    personId: '6f1c2b9e-4d3a-4b8e-9f21-0a7c5d3e8b14',
    courseKey: 'social-innovation-academy',
    moduleKey: 'financing',
    country: 'SI',
    score: 87,
    completedAt: '2026-03-14T09:29:58.000Z',
  },
  partitionkey: '6f1c2b9e-4d3a-4b8e-9f21-0a7c5d3e8b14',
  requestid: 'req-7d2f',
};

/** What kafkajs hands a consumer: key, value and header values as Buffers. */
export function asConsumed(record: KafkaRecord, headers: Record<string, string> = record.headers): KafkaMessage {
  return {
    key: Buffer.from(record.key),
    value: Buffer.from(record.value),
    headers: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, Buffer.from(value)])),
    timestamp: record.timestamp ?? String(Date.now()),
    offset: '42',
    attributes: 0,
  };
}
