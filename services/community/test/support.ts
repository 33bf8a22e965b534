import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  AttendanceRecordedV1,
  EnrolmentCreatedV1,
  ModuleCompletedV1,
  qualified,
  Topics,
  type AttendanceRecordedV1Payload,
  type EnrolmentCreatedV1Payload,
  type ModuleCompletedV1Payload,
} from '@socialmakers/contracts';
import { mintToken, type Role } from '@socialmakers/auth';
import { createKafka, headersToStrings, parseBrokers, provisionTopics, sourceOf, toKafkaRecord, type EventEnvelope } from '@socialmakers/messaging';
import { produceRaw, readTopic, ServiceProcess, TestDatabase, useOwnKafkaNamespace } from '@socialmakers/testing';

export const COURSE = 'social-innovation-academy';

export function token(personId: string, ...roles: Role[]): string {
  return mintToken({ personId, roles: roles.length ? roles : ['member'], secret: process.env.JWT_SECRET! });
}

export const admin = { personId: randomUUID(), get token() { return token(this.personId, 'admin'); } };

export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
}

export async function call<T = Record<string, unknown>>(baseUrl: string, method: string, path: string, options: { token?: string; body?: unknown; raw?: string } = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.raw !== undefined) {
    headers['content-type'] = 'application/json';
    body = options.raw;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
  const text = await response.text();
  return { status: response.status, body: (text && (response.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text) as T };
}

export async function startCommunity(label: string, env: Record<string, string> = {}): Promise<{ service: ServiceProcess; db: TestDatabase }> {
  // These suites count whole tables fed by whole topics: other suites' events must not land here.
  useOwnKafkaNamespace(`community-${label}`);
  await provisionTopics(createKafka({ brokers: parseBrokers(process.env.KAFKA_BROKERS!), clientId: 'socialmakers-test-community' }));
  const db = await TestDatabase.create(`community_${label}`);
  const service = await ServiceProcess.start('community', { DATABASE_URL: db.url, ...env });
  return { service, db };
}

export async function sql<T = Record<string, unknown>>(db: TestDatabase, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: db.url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

function envelope(producer: 'learning' | 'events', type: string, data: object, key: string, subject: string): EventEnvelope {
  return {
    id: randomUUID(),
    source: sourceOf(producer),
    type,
    subject,
    time: new Date().toISOString(),
    specversion: '1.0',
    datacontenttype: 'application/json',
    data,
    partitionkey: key,
  } as EventEnvelope;
}

/** Produces events the way the events service does; returns the envelopes (their ids are the evidence). */
export async function publishAttendance(items: Array<Partial<AttendanceRecordedV1Payload> & { activityId: string; personId: string }>): Promise<EventEnvelope[]> {
  const envelopes = items.map((item) => {
    const payload: AttendanceRecordedV1Payload = {
      attendanceId: randomUUID(),
      kind: 'workshop',
      country: 'SI',
      organiserId: '5d0c7a3e-0000-4000-8000-000000000001',
      lecturerIds: [],
      source: 'check-in',
      attendedAt: '2018-10-12T07:00:00.000Z',
      moduleKey: 'financing',
      courseKey: COURSE,
      ...item,
    } as AttendanceRecordedV1Payload;
    return envelope('events', AttendanceRecordedV1.type, payload, payload.activityId, `activity/${payload.activityId}`);
  });
  await produceRaw(qualified(Topics.eventsAttendance.name), envelopes.map(toKafkaRecord));
  return envelopes;
}

export async function publishCompletions(items: Array<Partial<ModuleCompletedV1Payload> & { personId: string; moduleKey: string }>): Promise<EventEnvelope[]> {
  const envelopes = items.map((item) => {
    const payload = { courseKey: COURSE, country: 'SI', completedAt: '2018-10-20T10:00:00.000Z', ...item } as ModuleCompletedV1Payload;
    return envelope('learning', ModuleCompletedV1.type, payload, payload.personId, `person/${payload.personId}`);
  });
  await produceRaw(qualified(Topics.learningProgress.name), envelopes.map(toKafkaRecord));
  return envelopes;
}

export async function publishEnrolment(personId: string, country = 'SI'): Promise<void> {
  const payload: EnrolmentCreatedV1Payload = { enrolmentId: randomUUID(), personId, courseKey: COURSE, country, enrolledAt: '2018-09-10T08:00:00.000Z' };
  await produceRaw(qualified(Topics.learningEnrolment.name), [toKafkaRecord(envelope('learning', EnrolmentCreatedV1.type, payload, personId, `person/${personId}`))]);
}

/** Produces the very same record again: a redelivery. */
export async function redeliver(topic: keyof typeof Topics, envelopes: EventEnvelope[]): Promise<void> {
  await produceRaw(qualified(Topics[topic].name), envelopes.map(toKafkaRecord));
}

/** Community's events on one of its topics, filtered by a predicate on the data. */
export async function communityEvents(topic: keyof typeof Topics, where: (data: Record<string, unknown>) => boolean): Promise<Array<{ type: string; data: Record<string, unknown> }>> {
  const records = await readTopic(qualified(Topics[topic].name));
  return records
    .map((r) => ({ type: headersToStrings(r.message.headers)['ce_type'], data: JSON.parse(r.message.value!.toString()) as Record<string, unknown> }))
    .filter((e) => where(e.data));
}

export function profile(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'innovator',
    displayName: 'Ana Novak',
    country: 'SI',
    languages: ['sl', 'en'],
    topics: ['social-finance', 'inclusion', 'ageing'],
    tags: ['meal sharing'],
    seeks: ['funding', 'policy-support'],
    offers: [],
    summary: 'A meal-sharing service for older people in Maribor.',
    appearsInMatches: true,
    attendanceVisible: true,
    contactEmail: 'ana.novak@example.org',
    contactPhone: '+386 41 123 456',
    ...overrides,
  };
}
