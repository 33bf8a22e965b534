import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { definitionOf, partitionKeyOf, qualified, subjectOf, type EventType, type PayloadOf } from '@socialmakers/contracts';
import { mintToken, type Role } from '@socialmakers/auth';
import { createKafka, parseBrokers, provisionTopics, sourceOf, toKafkaRecord, type EventEnvelope } from '@socialmakers/messaging';
import { produceRaw, useOwnKafkaNamespace } from '@socialmakers/testing';

/**
 * Analytics counts whole topics, so each suite reads a Kafka namespace of its own: what other suites
 * of the run publish (community's 2018 attendances, say) must not land in its hand-counted report.
 */
export async function isolateKafka(label: string): Promise<void> {
  useOwnKafkaNamespace(`analytics-${label}`);
  await provisionTopics(createKafka({ brokers: parseBrokers(process.env.KAFKA_BROKERS!), clientId: 'socialmakers-test-analytics' }));
}

export function token(roles: Role[], personId: string = randomUUID()): string {
  return mintToken({ personId, roles, secret: process.env.JWT_SECRET! });
}

// The specs read many shapes of JSON body; typing each would only repeat the assertions.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Body = any;

export async function get(baseUrl: string, path: string, roles?: Role[]): Promise<{ status: number; body: Body; text: string; headers: Headers }> {
  const response = await fetch(`${baseUrl}${path}`, { headers: roles ? { authorization: `Bearer ${token(roles)}` } : {} });
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return { status: response.status, text, body: /(application|problem)\+?\/?json/.test(type) && !type.includes('ndjson') && text ? JSON.parse(text) : text, headers: response.headers };
}

/** An event as its producer would publish it (fresh id), for the topic of its type. */
export function envelope<T extends EventType>(type: T, data: PayloadOf<T>, time = new Date().toISOString()): EventEnvelope {
  const definition = definitionOf(type);
  return {
    id: randomUUID(),
    source: sourceOf(definition.producer),
    type,
    subject: subjectOf(definition, data),
    time,
    specversion: '1.0',
    datacontenttype: 'application/json',
    data,
    partitionkey: partitionKeyOf(definition, data),
  } as EventEnvelope;
}

/** Puts the events on their (namespaced) topics as CloudEvents in binary mode, grouped per topic, in order. */
export async function publish(envelopes: EventEnvelope[]): Promise<void> {
  const byTopic = new Map<string, EventEnvelope[]>();
  for (const e of envelopes) {
    const topic = qualified(definitionOf(e.type).topic.name);
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), e]);
  }
  for (const [topic, events] of byTopic) {
    for (let i = 0; i < events.length; i += 500) {
      await produceRaw(
        topic,
        events.slice(i, i + 500).map((e) => {
          const record = toKafkaRecord(e);
          return { key: record.key, value: record.value, headers: record.headers };
        }),
      );
    }
  }
}

export async function queryDb<T = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

export const COURSE = 'social-innovation-academy';
export const MODULES = ['active-citizenship', 'designing-solutions', 'financing'];

/**
 * A small programme whose figures are worked out by hand in the specs: 41 learners in SI, AT and HR
 * (one withdraws, one withdraws and re-enrols, one enrols in 2019), completions thinning out along
 * three modules, three workshops held (one known only from its attendances, one only from its held
 * event with walk-ins), one cancelled, a festival with walk-ins and a webinar of newcomers.
 */
export function programme(): { events: EventEnvelope[]; learners: string[]; newcomers: string[]; activities: Record<string, string> } {
  const events: EventEnvelope[] = [];
  const at = (day: string, hour = 9) => `${day}T${String(hour).padStart(2, '0')}:00:00.000Z`;
  const learners = Array.from({ length: 41 }, () => randomUUID());
  const enrolments = learners.map(() => randomUUID());
  const country = (i: number) => (i < 15 ? 'SI' : i < 28 ? 'AT' : 'HR');
  const lecturerX = randomUUID();
  const lecturerY = randomUUID();
  const organiserId = randomUUID();
  const published = at('2018-09-01');
  const title = (en: string) => ({ en });

  events.push(
    envelope('org.socialmakers.learning.course.published.v1', {
      courseKey: COURSE, title: title('Social Innovation Academy'), summary: title('The course.'), publishedAt: published,
      modules: MODULES.map((moduleKey, i) => ({ moduleKey, position: i + 1, title: title(moduleKey), summary: title(moduleKey), required: true })),
    }),
  );
  learners.forEach((personId, i) => {
    const enrolledAt = i === 40 ? at('2019-01-10') : new Date(Date.parse(at('2018-10-01')) + i * 3600_000).toISOString();
    events.push(
      envelope('org.socialmakers.learning.enrolment.created.v1', { enrolmentId: enrolments[i], personId, courseKey: COURSE, country: i === 40 ? 'HR' : country(i), enrolledAt }),
    );
  });
  for (const i of [0, 1]) {
    events.push(
      envelope('org.socialmakers.learning.enrolment.withdrawn.v1', { enrolmentId: enrolments[i], personId: learners[i], courseKey: COURSE, country: 'SI', withdrawnAt: at('2018-11-01') }),
    );
  }
  events.push(
    envelope('org.socialmakers.learning.enrolment.created.v1', { enrolmentId: enrolments[1], personId: learners[1], courseKey: COURSE, country: 'SI', enrolledAt: at('2018-11-15') }),
  );
  MODULES.forEach((moduleKey, m) => {
    const completers = [30, 20, 10][m];
    for (let i = 0; i < completers; i += 1) {
      events.push(
        envelope('org.socialmakers.learning.module.completed.v1', {
          personId: learners[i], courseKey: COURSE, moduleKey, country: country(i), score: 80, completedAt: at(`2018-1${m}-2${m}`, 10 + (i % 8)),
        }),
      );
    }
  });
  for (let i = 0; i < 10; i += 1) {
    events.push(
      envelope('org.socialmakers.learning.course.completed.v1', { personId: learners[i], courseKey: COURSE, country: country(i), completedAt: at('2018-12-22') }),
      envelope('org.socialmakers.learning.certificate.issued.v1', {
        certificateId: randomUUID(), personId: learners[i], courseKey: COURSE, verificationCode: `SIA-TEST-${String(i).padStart(4, '0')}-AAAA`, country: country(i), issuedAt: at('2018-12-22'),
      }),
    );
  }

  const activities = { A: randomUUID(), B: randomUUID(), C: randomUUID(), D: randomUUID(), F: randomUUID(), W: randomUUID() };
  const schedule = (activityId: string, kind: 'workshop' | 'festival' | 'webinar', c: string, day: string, moduleKey?: string, lecturerIds: string[] = []) =>
    envelope('org.socialmakers.events.activity.scheduled.v1', {
      activityId, kind, title: `${kind} ${c}`, organiserId, country: c, city: 'Somewhere', timeZone: 'Europe/Ljubljana',
      startsAt: at(day), endsAt: at(day, 17), courseKey: moduleKey ? COURSE : undefined, moduleKey, lecturerIds, topic: kind === 'webinar' ? 'Funding' : undefined,
      scheduledAt: published,
    });
  const attend = (activityId: string, kind: 'workshop' | 'festival' | 'webinar', c: string, personId: string, day: string, moduleKey?: string, lecturerIds: string[] = []) =>
    envelope('org.socialmakers.events.attendance.recorded.v1', {
      attendanceId: randomUUID(), activityId, kind, personId, country: c, organiserId, courseKey: moduleKey ? COURSE : undefined, moduleKey, lecturerIds,
      source: 'sign-in-sheet', attendedAt: at(day),
    });
  const held = (activityId: string, kind: 'workshop' | 'festival' | 'webinar', c: string, participants: number, walkIns: number, day: string, moduleKey?: string) =>
    envelope('org.socialmakers.events.activity.held.v1', { activityId, kind, country: c, courseKey: moduleKey ? COURSE : undefined, moduleKey, participants, walkIns, heldAt: at(day, 18) });
  const headcount = (activityId: string, kind: 'workshop' | 'festival' | 'webinar', c: string, walkIns: number, recordedAt: string) =>
    envelope('org.socialmakers.events.headcount.recorded.v1', { activityId, kind, country: c, walkIns, recordedAt });

  // Workshop A (SI, module 1, lecturer X): moved two days later; 5 named, walk-ins set to 2 then 3.
  events.push(
    schedule(activities.A, 'workshop', 'SI', '2018-10-10', MODULES[0], [lecturerX]),
    envelope('org.socialmakers.events.activity.rescheduled.v1', {
      activityId: activities.A, kind: 'workshop', country: 'SI', timeZone: 'Europe/Ljubljana', startsAt: at('2018-10-12'), endsAt: at('2018-10-12', 17), rescheduledAt: at('2018-09-15'),
    }),
    ...learners.slice(0, 5).map((p) => attend(activities.A, 'workshop', 'SI', p, '2018-10-12', MODULES[0], [lecturerX])),
    headcount(activities.A, 'workshop', 'SI', 2, at('2018-10-12', 12)),
    headcount(activities.A, 'workshop', 'SI', 3, at('2018-10-12', 15)),
    held(activities.A, 'workshop', 'SI', 5, 3, '2018-10-12', MODULES[0]),
  );
  // Workshop B (SI, module 2, lecturer X): known only from its 4 attendances.
  events.push(...learners.slice(5, 9).map((p) => attend(activities.B, 'workshop', 'SI', p, '2018-11-05', MODULES[1], [lecturerX])));
  // Workshop C (AT, module 1, lecturer Y, named twice in its list: counted once): 6 walk-ins, no names.
  events.push(schedule(activities.C, 'workshop', 'AT', '2018-10-20', MODULES[0], [lecturerY, lecturerY]), held(activities.C, 'workshop', 'AT', 0, 6, '2018-10-20', MODULES[0]));
  // Workshop D (HR): cancelled, never held.
  events.push(
    schedule(activities.D, 'workshop', 'HR', '2018-10-25', MODULES[0], [lecturerY]),
    envelope('org.socialmakers.events.activity.cancelled.v1', { activityId: activities.D, kind: 'workshop', country: 'HR', reason: 'Venue closed', cancelledAt: at('2018-10-01') }),
  );
  // Festival (SI): two learners and a newcomer named, 10 walk-ins.
  const visitor = randomUUID();
  events.push(
    schedule(activities.F, 'festival', 'SI', '2018-11-17'),
    ...[learners[10], learners[11], visitor].map((p) => attend(activities.F, 'festival', 'SI', p, '2018-11-17')),
    headcount(activities.F, 'festival', 'SI', 10, at('2018-11-17', 20)),
    held(activities.F, 'festival', 'SI', 3, 10, '2018-11-17'),
  );
  // Webinar (HR): seven newcomers.
  const webinarPeople = Array.from({ length: 7 }, () => randomUUID());
  events.push(
    schedule(activities.W, 'webinar', 'HR', '2018-11-14'),
    ...webinarPeople.map((p) => attend(activities.W, 'webinar', 'HR', p, '2018-11-14')),
    held(activities.W, 'webinar', 'HR', 7, 0, '2018-11-14'),
  );
  // Registrations: in the event log and the streams, not in the figures.
  events.push(
    envelope('org.socialmakers.events.registration.created.v1', {
      registrationId: randomUUID(), activityId: activities.F, kind: 'festival', personId: visitor, status: 'confirmed', country: 'SI', registeredAt: at('2018-11-01'),
    }),
  );
  // Community: a funder (AT) and a policymaker (SI); two learners with innovator profiles ask for
  // introductions, a third learner without a profile asks too; one introduction ends in a connection.
  const funder = randomUUID();
  const policymaker = randomUUID();
  const profile = (personId: string, kind: 'funder' | 'policymaker' | 'innovator' | 'citizen', c: string, occurredAt: string) =>
    envelope('org.socialmakers.community.stakeholder.registered.v1', {
      personId, kind, country: c, languages: ['en'], topics: ['social finance'], seeks: [], offers: [], appearsInMatches: true, occurredAt,
    });
  const introduction = (requesterId: string, recipientId: string, day: string) => {
    const introductionId = randomUUID();
    events.push(
      envelope('org.socialmakers.community.introduction.requested.v1', { introductionId, requesterId, recipientId, occurredAt: at(day), expiresAt: at('2019-06-01') }),
    );
    return introductionId;
  };
  events.push(
    profile(funder, 'funder', 'AT', at('2018-09-20')),
    profile(policymaker, 'policymaker', 'SI', at('2018-09-20')),
    profile(learners[2], 'citizen', 'HR', at('2018-09-20')),
    // The later profile wins: an innovator in SI.
    envelope('org.socialmakers.community.stakeholder.updated.v1', {
      personId: learners[2], kind: 'innovator', country: 'SI', languages: ['sl'], topics: [], seeks: ['funding'], offers: [], appearsInMatches: true, occurredAt: at('2018-10-20'),
    }),
    profile(learners[15], 'innovator', 'AT', at('2018-09-21')),
  );
  const connected = introduction(learners[2], funder, '2018-11-20');
  introduction(learners[15], policymaker, '2018-11-21');
  introduction(learners[16], funder, '2018-11-22');
  events.push(
    envelope('org.socialmakers.community.introduction.accepted.v1', { introductionId: connected, requesterId: learners[2], recipientId: funder, occurredAt: at('2018-11-23') }),
    envelope('org.socialmakers.community.connection.formed.v1', {
      connectionId: connected, personId: learners[2], otherPersonId: funder, via: 'introduction', introductionId: connected, formedAt: at('2018-11-23'),
    }),
  );
  const snapshot = (nodes: number, day: string) =>
    envelope('org.socialmakers.community.network.snapshotted.v1', {
      snapshotId: randomUUID(), nodes, edges: nodes * 2, communities: 3, computedAt: at(day),
      countries: [{ country: 'SI', people: nodes, innovators: 2, innovatorsTiedToFunderOrPolicymaker: 1, crossSectorTieShare: 0.5, density: 0.1, ties: 4 }],
    });
  events.push(snapshot(40, '2018-11-30'), snapshot(55, '2018-12-31'), snapshot(70, '2019-02-01'));
  return { events, learners, newcomers: [visitor, ...webinarPeople], activities };
}

/** Registrations that change no figure, to make a consumer busy for a few seconds. */
export function padding(count: number, activityId: string): EventEnvelope[] {
  return Array.from({ length: count }, (_, i) =>
    envelope('org.socialmakers.events.registration.created.v1', {
      registrationId: randomUUID(), activityId, kind: 'festival', personId: randomUUID(), status: 'waitlisted', waitlistPosition: i + 1, country: 'SI', registeredAt: '2018-11-02T10:00:00.000Z',
    }),
  );
}
