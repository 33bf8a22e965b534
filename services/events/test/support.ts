import { randomUUID } from 'node:crypto';
import { CoursePublishedV1, ModuleCompletedV1, qualified, Topics, type CoursePublishedV1Payload, type ModuleCompletedV1Payload } from '@socialmakers/contracts';
import { mintToken, type Role } from '@socialmakers/auth';
import { createKafka, headersToStrings, parseBrokers, provisionTopics, sourceOf, toKafkaRecord, type EventEnvelope } from '@socialmakers/messaging';
import { produceRaw, readTopic, ServiceProcess, TestDatabase, useOwnKafkaNamespace } from '@socialmakers/testing';


export const COURSE = 'social-innovation-academy';
export const MODULES = ['active-citizenship', 'social-challenges', 'social-innovation', 'designing-solutions', 'business-models', 'financing', 'implementation'];

export function token(personId: string, roles: Role[], organisationId?: string): string {
  return mintToken({ personId, roles, organisationId, secret: process.env.JWT_SECRET! });
}

/** A partner organisation and one of its organisers. */
export function organiser(organisationId = randomUUID()): { organisationId: string; personId: string; token: string } {
  const personId = randomUUID();
  return { organisationId, personId, token: token(personId, ['organiser'], organisationId) };
}

export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

export async function call<T = Record<string, unknown>>(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; csv?: string } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.csv !== undefined) {
    headers['content-type'] = 'text/csv';
    body = options.csv;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return { status: response.status, body: (type.includes('json') && text ? JSON.parse(text) : text) as T, headers: response.headers };
}

export async function startEvents(label: string): Promise<{ service: ServiceProcess; db: TestDatabase }> {
  // These suites publish the Academy catalogue themselves and assert what the service knows before and
  // after; other suites of the run (learning's) would otherwise have published it already.
  useOwnKafkaNamespace(`events-${label}`);
  await provisionTopics(createKafka({ brokers: parseBrokers(process.env.KAFKA_BROKERS!), clientId: 'socialmakers-test-events' }));
  const db = await TestDatabase.create(`events_${label}`);
  const service = await ServiceProcess.start('events', { DATABASE_URL: db.url });
  return { service, db };
}

function learningEnvelope<T extends typeof CoursePublishedV1.type | typeof ModuleCompletedV1.type>(
  type: T,
  data: T extends typeof CoursePublishedV1.type ? CoursePublishedV1Payload : ModuleCompletedV1Payload,
  key: string,
  subject: string,
): EventEnvelope {
  return {
    id: randomUUID(),
    source: sourceOf('learning'),
    type,
    subject,
    time: new Date().toISOString(),
    specversion: '1.0',
    datacontenttype: 'application/json',
    data,
    partitionkey: key,
  } as EventEnvelope;
}

/** Publishes the Academy catalogue the way learning does, onto this run's namespaced topic. */
export async function publishCourse(courseKey = COURSE, moduleKeys = MODULES): Promise<void> {
  const payload: CoursePublishedV1Payload = {
    courseKey,
    title: { en: 'Social Innovation Academy' },
    summary: { en: 'Seven modules through the social-innovation cycle.' },
    modules: moduleKeys.map((moduleKey, i) => ({ moduleKey, position: i + 1, title: { en: moduleKey }, summary: { en: moduleKey }, required: true })),
    publishedAt: '2018-09-10T08:00:00.000Z',
  };
  const record = toKafkaRecord(learningEnvelope(CoursePublishedV1.type, payload, courseKey, `course/${courseKey}`));
  await produceRaw(qualified(Topics.learningCatalogue.name), [record]);
}

export async function publishCompletion(personId: string, moduleKey: string, courseKey = COURSE): Promise<void> {
  const payload: ModuleCompletedV1Payload = { personId, courseKey, moduleKey, country: 'SI', completedAt: new Date().toISOString() };
  const record = toKafkaRecord(learningEnvelope(ModuleCompletedV1.type, payload, personId, `person/${personId}`));
  await produceRaw(qualified(Topics.learningProgress.name), [record]);
}

/** The events on one of the events service's topics about one activity (its key), in order. */
export async function eventsAbout(topic: keyof typeof Topics, activityId: string): Promise<Array<{ type: string; data: Record<string, unknown> }>> {
  const records = await readTopic(qualified(Topics[topic].name));
  return records
    .filter((r) => r.message.key?.toString() === activityId)
    .sort((a, b) => Number(a.message.offset) - Number(b.message.offset))
    .map((r) => ({ type: headersToStrings(r.message.headers)['ce_type'], data: JSON.parse(r.message.value!.toString()) as Record<string, unknown> }));
}

export const LJUBLJANA = 'Europe/Ljubljana';

export function workshopBody(organisationId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'workshop',
    title: 'Financing social innovation in practice',
    organiserId: organisationId,
    country: 'SI',
    city: 'Maribor',
    venue: 'Pekarna Magdalenske mreže',
    timeZone: LJUBLJANA,
    startsAt: '2030-10-12T09:00:00+02:00',
    endsAt: '2030-10-12T13:00:00+02:00',
    moduleKey: 'financing',
    lecturerIds: [randomUUID()],
    ...overrides,
  };
}

export function festivalBody(organisationId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'festival',
    title: 'Social(i)Makers festival Ljubljana',
    organiserId: organisationId,
    country: 'SI',
    city: 'Ljubljana',
    venue: 'Kino Šiška',
    timeZone: LJUBLJANA,
    startsAt: '2030-11-20T10:00:00+01:00',
    endsAt: '2030-11-20T20:00:00+01:00',
    programme: [
      { kind: 'practical-workshop', title: 'Prototyping a neighbourhood service', startsAt: '2030-11-20T10:30:00+01:00', endsAt: '2030-11-20T12:30:00+01:00' },
      { kind: 'panel-discussion', title: 'Who funds social innovation?', startsAt: '2030-11-20T14:00:00+01:00' },
      { kind: 'film-screening', title: 'Tomorrow (Demain)', startsAt: '2030-11-20T18:00:00+01:00' },
    ],
    ...overrides,
  };
}

export function webinarBody(organisationId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'webinar',
    title: 'Can blockchain be a tool for social innovation?',
    organiserId: organisationId,
    country: 'SI',
    timeZone: LJUBLJANA,
    startsAt: '2030-12-04T16:00:00+01:00',
    endsAt: '2030-12-04T17:30:00+01:00',
    topic: 'Blockchain for social innovation',
    joinLink: 'https://webinar.example.org/socialmakers/blockchain',
    ...overrides,
  };
}
