import { randomBytes, randomUUID } from 'node:crypto';
import { mintToken, type Role } from '@socialmakers/auth';
import { AttendanceRecordedV1, qualified, Topics, type AttendanceRecordedV1Payload } from '@socialmakers/contracts';
import { headersToStrings, sourceOf, toKafkaRecord, type EventEnvelope } from '@socialmakers/messaging';
import { Client } from 'pg';
import { produceRaw, readTopic, ServiceProcess, TestDatabase } from '@socialmakers/testing';

/** A catalogue key unique to one test. */
export function uniqueKey(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

export function tokenFor(personId: string, ...roles: Role[]): string {
  return mintToken({ personId, roles, secret: process.env.JWT_SECRET! });
}

export const adminId = randomUUID();
export const adminToken = () => tokenFor(adminId, 'admin');

export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

/** One HTTP call to the learning service; the body is parsed as JSON when there is one. */
export async function call<T = Record<string, unknown>>(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string | null; body?: unknown; rawBody?: string; contentType?: string } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined || options.rawBody !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T, headers: response.headers };
}

export const MODULES = ['active-citizenship', 'social-challenges', 'financing'];

/** A published course with three required modules (the last with a quiz, pass mark 60) and one optional module. */
export async function publishCourse(baseUrl: string, courseKey: string): Promise<void> {
  const token = adminToken();
  const ok = (answer: Answer) => {
    if (answer.status >= 300) throw new Error(`learning answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  };
  ok(await call(baseUrl, 'PUT', `/courses/${courseKey}`, { token, body: { title: { en: 'Test course', sl: 'Testni tečaj' }, summary: { en: 'A course for tests.' } } }));
  for (const [index, moduleKey] of MODULES.entries()) {
    ok(
      await call(baseUrl, 'PUT', `/courses/${courseKey}/modules/${moduleKey}`, {
        token,
        body: {
          position: index + 1,
          title: { en: `Module ${moduleKey}`, ...(index === 0 ? { sl: `Modul ${moduleKey}` } : {}) },
          summary: { en: `About ${moduleKey}.` },
          ...(moduleKey === 'financing' ? { passMark: 60 } : {}),
        },
      }),
    );
  }
  ok(await call(baseUrl, 'PUT', `/courses/${courseKey}/modules/extra-reading`, { token, body: { position: 4, title: { en: 'Extra reading' }, summary: { en: 'Optional.' }, required: false } }));
  ok(await call(baseUrl, 'POST', `/courses/${courseKey}/publish`, { token }));
}

/** The records on a topic whose key is `key`, with their decoded values and CloudEvents type. */
export async function recordsKeyed(topic: string, key: string): Promise<Array<{ type: string; data: Record<string, unknown> }>> {
  const records = await readTopic(qualified(topic));
  return records
    .filter((record) => record.message.key?.toString() === key)
    .map((record) => ({ type: headersToStrings(record.message.headers)['ce_type'], data: JSON.parse(record.message.value!.toString()) as Record<string, unknown> }));
}

/**
 * A learning service of the suite's own, on a throwaway database, started before the suite's tests
 * and stopped after them; `db` reads that database directly.
 */
export function learningForSuite(label: string): { url: () => string; db: () => Client } {
  let database: TestDatabase;
  let learning: ServiceProcess;
  let client: Client;
  beforeAll(async () => {
    database = await TestDatabase.create(label);
    learning = await ServiceProcess.start('learning', { DATABASE_URL: database.url });
    client = new Client({ connectionString: database.url });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await learning?.stop();
    await database?.drop();
  });
  return { url: () => learning.url, db: () => client };
}

/** An attendance as the events service publishes it, put on its topic the way its relay would; answers the event id. */
export async function attendanceOnTopic(payload: AttendanceRecordedV1Payload, id: string = randomUUID()): Promise<string> {
  const envelope = {
    id,
    source: sourceOf('events'),
    type: AttendanceRecordedV1.type,
    subject: `activity/${payload.activityId}`,
    time: new Date().toISOString(),
    specversion: '1.0',
    datacontenttype: 'application/json',
    data: payload,
    partitionkey: payload.activityId,
  } as EventEnvelope;
  await produceRaw(qualified(Topics.eventsAttendance.name), [toKafkaRecord(envelope)]);
  return id;
}
