import { randomUUID } from 'node:crypto';
import SwaggerParser from '@apidevtools/swagger-parser';
import { ActivityCancelledV1, ActivityHeldV1, ActivityRescheduledV1, ActivityScheduledV1, validatePayload } from '@socialmakers/contracts';
import { waitFor, type ServiceProcess, type TestDatabase } from '@socialmakers/testing';
import { call, eventsAbout, festivalBody, organiser, publishCourse, startEvents, token, webinarBody, workshopBody } from './support';

/**
 * Scheduling the three kinds of activity on the real service, database and broker: the rules of
 * each kind, the Academy read model fed from learning's catalogue topic, access, and the events.
 */
describe('events service: activities', () => {
  let service: ServiceProcess;
  let db: TestDatabase;
  const partner = organiser();
  const admin = token(randomUUID(), ['admin']);

  beforeAll(async () => {
    ({ service, db } = await startEvents('activities'));
  });

  afterAll(async () => {
    await service?.stop();
    await db?.drop();
  });

  const post = (body: Record<string, unknown>, bearer = partner.token) => call(service.url, 'POST', '/activities', { token: bearer, body });
  const activityCount = async () => (await call<unknown[]>(service.url, 'GET', `/activities?organiserId=${partner.organisationId}`, { token: admin })).body.length;

  it('refuses a workshop on a module the Academy has not published, then accepts it once learning publishes the catalogue', async () => {
    const before = await post(workshopBody(partner.organisationId));
    expect(before.status).toBe(422);
    expect(before.body.code).toBe('UNKNOWN_ACADEMY_MODULE');
    expect(before.body.detail).toMatch(/module "financing" is not in the Academy catalogue/);

    await publishCourse();
    await waitFor('the catalogue read model', async () => (await call<{ modules: unknown[] }>(service.url, 'GET', '/catalogue/modules', { token: admin })).body.modules.length, (n) => n === 7);

    const unknown = await post(workshopBody(partner.organisationId, { moduleKey: 'time-travel' }));
    expect(unknown.status).toBe(422);
    expect(unknown.body.detail).toMatch(/"time-travel" is not in the Academy catalogue.*Known modules: active-citizenship/);

    const workshop = await post(workshopBody(partner.organisationId));
    expect(workshop.status).toBe(201);
    expect(workshop.body).toMatchObject({ kind: 'workshop', status: 'scheduled', courseKey: 'social-innovation-academy', moduleKey: 'financing', city: 'Maribor' });
    const [scheduled] = await waitFor('ActivityScheduled', () => eventsAbout('eventsActivity', workshop.body.id as string), (e) => e.length === 1);
    expect(scheduled.type).toBe(ActivityScheduledV1.type);
    expect(validatePayload(ActivityScheduledV1.type, scheduled.data).ok).toBe(true);
    expect(scheduled.data).toMatchObject({
      activityId: workshop.body.id,
      kind: 'workshop',
      organiserId: partner.organisationId,
      country: 'SI',
      moduleKey: 'financing',
      lecturerIds: workshop.body.lecturerIds,
      startsAt: '2030-10-12T07:00:00.000Z',
    });
  });

  it('schedules a one-day festival with its programme, and a webinar with topic and join link', async () => {
    const festival = await post(festivalBody(partner.organisationId));
    expect(festival.status).toBe(201);
    expect(festival.body.programme).toHaveLength(3);
    const webinar = await post(webinarBody(partner.organisationId));
    expect(webinar.status).toBe(201);
    expect(webinar.body).toMatchObject({ kind: 'webinar', topic: 'Blockchain for social innovation', joinLink: 'https://webinar.example.org/socialmakers/blockchain' });

    const twoDays = await post(festivalBody(partner.organisationId, { endsAt: '2030-11-21T20:00:00+01:00' }));
    expect(twoDays.status).toBe(400);
    expect(twoDays.body.detail).toMatch(/A festival lasts one day/);
  });

  it('scheduling again with the same id changes nothing', async () => {
    const id = randomUUID();
    const first = await post({ ...webinarBody(partner.organisationId), id });
    const again = await post({ ...webinarBody(partner.organisationId), id });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.id).toBe(id);
    const other = await post({ ...webinarBody(partner.organisationId, { title: 'Another webinar' }), id });
    expect(other.status).toBe(409);
    await waitFor('one ActivityScheduled', () => eventsAbout('eventsActivity', id), (e) => e.length === 1);
  });

  describe('bad input answers 400 or 409 with a sentence naming the problem, and writes nothing', () => {
    it.each([
      ['an end before the start', workshopBody('ORG', { startsAt: '2030-10-12T13:00:00+02:00', endsAt: '2030-10-12T09:00:00+02:00' }), /ends .* before it starts/],
      ['a workshop without a module', workshopBody('ORG', { moduleKey: undefined }), /A workshop needs moduleKey: the Academy module/],
      ['a workshop without a lecturer', workshopBody('ORG', { lecturerIds: [] }), /A workshop needs lecturerIds/],
      ['a webinar without a link', webinarBody('ORG', { joinLink: undefined }), /A webinar needs joinLink: the link participants join by/],
      ['a festival without a programme', festivalBody('ORG', { programme: [] }), /A festival needs programme/],
      ['a programme on a webinar', webinarBody('ORG', { programme: [] }), /programme is only for festivals/],
    ])('%s', async (_name, template, message) => {
      const before = await activityCount();
      const body = JSON.parse(JSON.stringify(template).replace(/"ORG"/g, JSON.stringify(partner.organisationId)));
      const answer = await post(body);
      expect(answer.status).toBe(400);
      expect(answer.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(answer.body.detail).toMatch(message);
      expect(await activityCount()).toBe(before);
    });

    it('a malformed field names the field', async () => {
      const answer = await post(workshopBody(partner.organisationId, { country: 'Slovenia', timeZone: 'Mars/Olympus' }));
      expect(answer.status).toBe(400);
      expect((answer.body.errors as Array<{ field: string }>).map((e) => e.field).sort()).toEqual(['country', 'country', 'timeZone']);
    });
  });

  it('reschedules, cancels and marks held, each with its event', async () => {
    const past = await post(webinarBody(partner.organisationId, { startsAt: '2018-11-07T16:00:00+01:00', endsAt: '2018-11-07T17:30:00+01:00' }));
    const id = past.body.id as string;
    const moved = await call(service.url, 'PATCH', `/activities/${id}/schedule`, {
      token: partner.token,
      body: { startsAt: '2018-11-08T16:00:00+01:00', endsAt: '2018-11-08T17:30:00+01:00' },
    });
    expect(moved.status).toBe(200);
    const backwards = await call(service.url, 'PATCH', `/activities/${id}/schedule`, {
      token: partner.token,
      body: { startsAt: '2018-11-08T18:00:00+01:00', endsAt: '2018-11-08T17:30:00+01:00' },
    });
    expect(backwards.status).toBe(400);
    const held = await call(service.url, 'POST', `/activities/${id}/held`, { token: partner.token });
    expect(held.status).toBe(200);
    expect(held.body.status).toBe('held');
    expect((await call(service.url, 'POST', `/activities/${id}/held`, { token: partner.token })).status).toBe(200);
    expect((await call(service.url, 'POST', `/activities/${id}/cancellation`, { token: partner.token, body: {} })).status).toBe(409);

    const future = await post(webinarBody(partner.organisationId));
    const cancelled = await call(service.url, 'POST', `/activities/${future.body.id}/cancellation`, { token: partner.token, body: { reason: 'The speaker fell ill.' } });
    expect(cancelled.body.status).toBe('cancelled');
    expect((await call(service.url, 'POST', `/activities/${future.body.id}/held`, { token: partner.token })).status).toBe(409);

    const events = await waitFor('the held event', () => eventsAbout('eventsActivity', id), (e) => e.length === 3);
    expect(events.map((e) => e.type)).toEqual([ActivityScheduledV1.type, ActivityRescheduledV1.type, ActivityHeldV1.type]);
    expect(events[2].data).toMatchObject({ participants: 0, walkIns: 0, kind: 'webinar', country: 'SI' });
    const cancelEvents = await waitFor('the cancelled event', () => eventsAbout('eventsActivity', future.body.id as string), (e) => e.length === 2);
    expect(cancelEvents[1]).toMatchObject({ type: ActivityCancelledV1.type, data: { reason: 'The speaker fell ill.' } });
  });

  it('documents every route in a valid OpenAPI document', async () => {
    const document = (await call(service.url, 'GET', '/docs-json')).body;
    await expect(SwaggerParser.validate(document as never)).resolves.toBeDefined();
    const paths = Object.keys((document as { paths: Record<string, unknown> }).paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/activities',
        '/activities/{activityId}/registrations',
        '/people/{personId}/registrations',
        '/activities/{activityId}/check-ins',
        '/activities/{activityId}/sign-in-sheets',
        '/activities/{activityId}/headcount',
        '/certificates/{code}',
        '/calendar.ics',
        '/catalogue/modules',
      ]),
    );
  });

  describe('access', () => {
    it('needs a token, and the organiser role of the activity\'s own organisation (or admin) to schedule', async () => {
      expect((await call(service.url, 'POST', '/activities', { body: webinarBody(partner.organisationId) })).status).toBe(401);
      expect((await post(webinarBody(partner.organisationId), token(randomUUID(), ['member']))).status).toBe(403);
      const stranger = organiser();
      const foreign = await post(webinarBody(partner.organisationId), stranger.token);
      expect(foreign.status).toBe(403);
      expect(foreign.body.detail).toMatch(/Only organisers of the organisation/);
      expect((await post(webinarBody(partner.organisationId), admin)).status).toBe(201);
    });

    it('lets no other organisation cancel or record attendance for an activity', async () => {
      const webinar = await post(webinarBody(partner.organisationId));
      const stranger = organiser();
      expect((await call(service.url, 'POST', `/activities/${webinar.body.id}/cancellation`, { token: stranger.token, body: {} })).status).toBe(403);
      expect((await call(service.url, 'POST', `/activities/${webinar.body.id}/check-ins`, { token: stranger.token, body: { personId: randomUUID() } })).status).toBe(403);
      const member = randomUUID();
      expect((await call(service.url, 'POST', `/activities/${webinar.body.id}/check-ins`, { token: token(member, ['member']), body: { personId: member } })).status).toBe(403);
    });

    it('serves the calendar feed without a token', async () => {
      const feed = await call(service.url, 'GET', '/calendar.ics');
      expect(feed.status).toBe(200);
      expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/);
    });
  });
});
