import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  ModuleCompletedV1,
  PersonErasedV1,
  personIdForEmail,
  qualified,
  RegistrationCancelledV1,
  Topics,
  WaitlistPromotedV1,
  type ModuleCompletedV1Payload,
  type PersonErasedV1Payload,
} from '@socialmakers/contracts';
import { sourceOf, toKafkaRecord, type EventEnvelope } from '@socialmakers/messaging';
import { produceRaw, waitFor, type ServiceProcess, type TestDatabase } from '@socialmakers/testing';
import { call, eventsAbout, organiser, publishCourse, startEvents, token, webinarBody, workshopBody } from './support';

async function produce(topic: string, envelope: Omit<EventEnvelope, 'specversion' | 'datacontenttype' | 'time'>): Promise<string> {
  const record = toKafkaRecord({ ...envelope, time: new Date().toISOString(), specversion: '1.0', datacontenttype: 'application/json' } as EventEnvelope);
  await produceRaw(qualified(topic), [record]);
  return envelope.id;
}

/** Community's erasure, put on its stakeholder topic the way community's relay does. */
const erasureOnTopic = (payload: PersonErasedV1Payload, id = randomUUID()) =>
  produce(Topics.communityStakeholders.name, { id, source: sourceOf('community'), type: PersonErasedV1.type, subject: `person/${payload.personId}`, data: payload, partitionkey: payload.personId } as EventEnvelope);

const completionOnTopic = (payload: ModuleCompletedV1Payload) =>
  produce(Topics.learningProgress.name, { id: randomUUID(), source: sourceOf('learning'), type: ModuleCompletedV1.type, subject: `person/${payload.personId}`, data: payload, partitionkey: payload.personId } as EventEnvelope);

interface AttendanceList {
  participants: Array<{ personId: string }>;
  participantCount: number;
  walkIns: number;
  total: number;
}

describe('events service: erasure of a person (community PersonErasedV1)', () => {
  let service: ServiceProcess;
  let database: TestDatabase;
  let db: Client;
  const partner = organiser();

  beforeAll(async () => {
    ({ service, db: database } = await startEvents('erasure'));
    db = new Client({ connectionString: database.url });
    await db.connect();
    await publishCourse();
    await waitFor('the catalogue', async () => (await call<{ modules: unknown[] }>(service.url, 'GET', '/catalogue/modules', { token: partner.token })).body.modules.length, (n) => n === 7);
  });

  afterAll(async () => {
    await db?.end();
    await service?.stop();
    await database?.drop();
  });

  const processed = async (eventId: string) => (await db.query(`SELECT count(*)::int AS n FROM inbox WHERE event_id = $1`, [eventId])).rows[0].n as number;
  const schedule = async (body: Record<string, unknown>) => {
    const answer = await call(service.url, 'POST', '/activities', { token: partner.token, body });
    expect(answer.status).toBe(201);
    return answer.body.id as string;
  };
  const attendances = async (activityId: string) => (await call<AttendanceList>(service.url, 'GET', `/activities/${activityId}/attendances`, { token: partner.token })).body;
  const register = (activityId: string, personId: string) => call(service.url, 'POST', `/activities/${activityId}/registrations`, { token: token(personId, ['member']), body: {} });
  const registrations = async (activityId: string) =>
    (await call<Array<{ personId: string; status: string }>>(service.url, 'GET', `/activities/${activityId}/registrations`, { token: partner.token })).body;
  /** Every place the events service's tables could name the person. */
  const traces = async (personId: string, name: string) =>
    (
      await db.query(
        `SELECT (SELECT count(*) FROM attendances WHERE person_id = $1)::int AS attendances,
                (SELECT count(*) FROM attendances WHERE name = $2 OR organisation = 'Zavod Šuštar')::int AS "namedRows",
                (SELECT count(*) FROM certificates WHERE person_id = $1)::int AS certificates,
                (SELECT count(*) FROM registrations WHERE person_id = $1)::int AS registrations,
                (SELECT count(*) FROM module_completions WHERE person_id = $1)::int AS completions,
                (SELECT count(*) FROM activities WHERE $1 = ANY(lecturer_ids))::int AS lectured`,
        [personId, name],
      )
    ).rows[0];

  it("removes the person's name, organisation and id from sign-in rows, certificates, registrations and lecturer lists; counts stay; a late event brings nothing back", async () => {
    const name = 'Čedomir Šuštar';
    const cedomir = personIdForEmail('cedomir.erasure@example.org');
    const ana = personIdForEmail('ana.erasure@example.org');
    const workshop = await schedule(
      workshopBody(partner.organisationId, { lecturerIds: [cedomir, randomUUID()], startsAt: '2018-10-12T09:00:00+02:00', endsAt: '2018-10-12T13:00:00+02:00' }),
    );
    const sheet = ['name,email,organisation,country,role', `${name},cedomir.erasure@example.org,Zavod Šuštar,SI,innovator`, 'Ana Novak,ana.erasure@example.org,Občina Maribor,SI,policymaker'];
    expect((await call(service.url, 'POST', `/activities/${workshop}/sign-in-sheets`, { token: partner.token, csv: sheet.join('\n') })).status).toBe(200);
    expect((await call(service.url, 'PUT', `/activities/${workshop}/headcount`, { token: partner.token, body: { walkIns: 12 } })).status).toBe(200);
    const download = await fetch(`${service.url}/activities/${workshop}/certificates/${cedomir}`, { headers: { authorization: `Bearer ${token(cedomir, ['member'])}` } });
    expect(download.status).toBe(200);
    const code = /certificate-(EV-[0-9A-Z-]+)\.pdf/.exec(download.headers.get('content-disposition') ?? '')![1];

    // A webinar to come with one seat: Čedomir has it, Ana waits.
    const webinar = await schedule(webinarBody(partner.organisationId, { capacity: 1 }));
    expect((await register(webinar, cedomir)).body).toMatchObject({ status: 'confirmed' });
    expect((await register(webinar, ana)).body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const before = await attendances(workshop);
    expect(before).toMatchObject({ participantCount: 2, walkIns: 12, total: 14 });
    await completionOnTopic({ personId: cedomir, courseKey: 'social-innovation-academy', moduleKey: 'financing', country: 'SI', completedAt: '2018-11-02T10:00:00.000Z' });
    await waitFor('the completion', async () => (await traces(cedomir, name)).completions, (n) => n === 1);
    expect(await traces(cedomir, name)).toEqual({ attendances: 1, namedRows: 1, certificates: 1, registrations: 1, completions: 1, lectured: 1 });

    const erasedAt = new Date().toISOString();
    const erasureId = randomUUID();
    await erasureOnTopic({ personId: cedomir, erasedAt }, erasureId);
    await erasureOnTopic({ personId: cedomir, erasedAt }, erasureId); // delivered again: applied once
    await waitFor('the erasure', () => processed(erasureId), (n) => n === 1);

    expect(await traces(cedomir, name)).toEqual({ attendances: 0, namedRows: 0, certificates: 0, registrations: 0, completions: 0, lectured: 0 });
    const after = await attendances(workshop);
    expect(after).toMatchObject({ participantCount: 2, walkIns: 12, total: 14 });
    expect(after.participants.map((p) => p.personId)).toContain(ana);
    expect(after.participants.map((p) => p.personId)).not.toContain(cedomir);
    // Only the erased person's row lost its details.
    const rows = await db.query(`SELECT person_id, name, organisation, person_country, role FROM attendances WHERE activity_id = $1 ORDER BY name NULLS LAST`, [workshop]);
    expect(rows.rows.map((r) => [r.person_id === ana, r.name, r.organisation, r.person_country, r.role])).toEqual([
      [true, 'Ana Novak', 'Občina Maribor', 'SI', 'policymaker'],
      [false, null, null, null, null],
    ]);
    expect((await call(service.url, 'GET', `/activities/${workshop}`, { token: partner.token })).body.lecturerIds).toHaveLength(1);

    // The certificate still verifies, naming nobody; the download is gone with the person.
    const verified = await call(service.url, 'GET', `/certificates/${code}`);
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ valid: true, verificationCode: code, participant: null, holderErased: true, activity: { id: workshop, date: '2018-10-12' } });
    expect((await call(service.url, 'GET', `/activities/${workshop}/certificates/${cedomir}`, { token: partner.token })).status).toBe(404);

    // The seat Čedomir held goes to Ana; the cancellation event names an anonymous id, never his.
    expect((await registrations(webinar)).map((r) => [r.personId, r.status])).toEqual([[ana, 'confirmed']]);
    const events = await waitFor('the registration events', () => eventsAbout('eventsRegistration', webinar), (e) => e.length === 4);
    expect(events.slice(2).map((e) => e.type)).toEqual([RegistrationCancelledV1.type, WaitlistPromotedV1.type]);
    expect(events[2].data.personId).not.toBe(cedomir);
    expect(events[3].data).toMatchObject({ personId: ana });

    // The organiser imports the same paper sheet again: Čedomir's row is refused, not recorded again.
    const again = await call<{ imported: number; alreadyRecorded: number; rejected: Array<{ line: number; reason: string }> }>(service.url, 'POST', `/activities/${workshop}/sign-in-sheets`, {
      token: partner.token,
      csv: sheet.join('\n'),
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ imported: 0, alreadyRecorded: 1 });
    expect(again.body.rejected).toEqual([{ line: 2, reason: expect.stringContaining('asked to be erased') }]);
    expect(await traces(cedomir, name)).toMatchObject({ attendances: 0, namedRows: 0 });
    expect(await attendances(workshop)).toMatchObject({ participantCount: 2, total: 14 });

    // Nor a check-in at that workshop (409, nothing written); at an activity that begins after the
    // erasure the person starts afresh.
    const checkIn = await call(service.url, 'POST', `/activities/${workshop}/check-ins`, { token: partner.token, body: { personId: cedomir } });
    expect(checkIn.status).toBe(409);
    expect(checkIn.body).toMatchObject({ code: 'PERSON_ERASED' });
    expect(await traces(cedomir, name)).toMatchObject({ attendances: 0 });
    const later = await schedule(webinarBody(partner.organisationId));
    expect((await call(service.url, 'POST', `/activities/${later}/check-ins`, { token: partner.token, body: { personId: cedomir } })).status).toBe(201);

    // A completion from before the erasure, delivered late by learning's topic, is not kept.
    const late = await completionOnTopic({ personId: cedomir, courseKey: 'social-innovation-academy', moduleKey: 'implementation', country: 'SI', completedAt: '2018-12-01T10:00:00.000Z' });
    await waitFor('the late completion', () => processed(late), (n) => n === 1);
    expect((await traces(cedomir, name)).completions).toBe(0);
  });
});
