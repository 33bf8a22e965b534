import { randomUUID } from 'node:crypto';
import { RegistrationCancelledV1, RegistrationCreatedV1, validatePayload, WaitlistPromotedV1 } from '@socialmakers/contracts';
import { waitFor, type ServiceProcess, type TestDatabase } from '@socialmakers/testing';
import { call, eventsAbout, festivalBody, organiser, publishCompletion, publishCourse, startEvents, token, webinarBody, workshopBody } from './support';

interface RegistrationBody {
  id: string;
  personId: string;
  status: 'confirmed' | 'waitlisted' | 'cancelled';
  waitlistPosition?: number;
}

describe('events service: registration with capacity and a waiting list', () => {
  let service: ServiceProcess;
  let db: TestDatabase;
  const partner = organiser();

  beforeAll(async () => {
    ({ service, db } = await startEvents('registration'));
  });

  afterAll(async () => {
    await service?.stop();
    await db?.drop();
  });

  const schedule = async (body: Record<string, unknown>) => {
    const answer = await call(service.url, 'POST', '/activities', { token: partner.token, body });
    expect(answer.status).toBe(201);
    return answer.body.id as string;
  };
  const register = (activityId: string, personId: string) =>
    call<RegistrationBody>(service.url, 'POST', `/activities/${activityId}/registrations`, { token: token(personId, ['member']), body: {} });
  const cancel = (activityId: string, personId: string) =>
    call<RegistrationBody>(service.url, 'DELETE', `/activities/${activityId}/registrations/${personId}`, { token: token(personId, ['member']) });
  const list = async (activityId: string) => (await call<RegistrationBody[]>(service.url, 'GET', `/activities/${activityId}/registrations`, { token: partner.token })).body;

  it('gives 50 concurrent registrations for 20 seats exactly 20 seats and a waiting list of 30 in order', async () => {
    const activityId = await schedule(webinarBody(partner.organisationId, { capacity: 20 }));
    const people = Array.from({ length: 50 }, () => randomUUID());
    const answers = await Promise.all(people.map((personId) => register(activityId, personId)));
    expect(answers.every((a) => a.status === 201)).toBe(true);

    const confirmed = answers.filter((a) => a.body.status === 'confirmed');
    const waitlisted = answers.filter((a) => a.body.status === 'waitlisted');
    expect(confirmed).toHaveLength(20);
    expect(waitlisted).toHaveLength(30);
    expect(waitlisted.map((a) => a.body.waitlistPosition).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));

    const registrations = await list(activityId);
    expect(registrations.filter((r) => r.status === 'confirmed')).toHaveLength(20);
    expect(registrations.filter((r) => r.status === 'waitlisted').map((r) => r.waitlistPosition)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));

    const events = await waitFor('50 registration events', () => eventsAbout('eventsRegistration', activityId), (e) => e.length === 50);
    expect(events.every((e) => e.type === RegistrationCreatedV1.type && validatePayload(RegistrationCreatedV1.type, e.data).ok)).toBe(true);
    expect(events.filter((e) => e.data.status === 'confirmed')).toHaveLength(20);
  });

  it('counts registering twice as one registration', async () => {
    const activityId = await schedule(webinarBody(partner.organisationId, { capacity: 5 }));
    const personId = randomUUID();
    const [first, second] = await Promise.all([register(activityId, personId), register(activityId, personId)]);
    expect([first.status, second.status].sort()).toEqual([200, 201]);
    expect(first.body.id).toBe(second.body.id);
    expect(await list(activityId)).toHaveLength(1);
  });

  it('moves the first on the waiting list up when someone cancels, and says so in events', async () => {
    const activityId = await schedule(webinarBody(partner.organisationId, { capacity: 2 }));
    const [a, b, c, d] = Array.from({ length: 4 }, () => randomUUID());
    for (const personId of [a, b, c, d]) await register(activityId, personId);
    expect((await register(activityId, c)).body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });

    const cancelled = await cancel(activityId, a);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect((await cancel(activityId, a)).status).toBe(200);

    const after = await list(activityId);
    expect(after.filter((r) => r.status === 'confirmed').map((r) => r.personId).sort()).toEqual([b, c].sort());
    expect(after.find((r) => r.personId === d)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });

    // Cancelling from the waiting list frees no seat and promotes no one.
    await cancel(activityId, d);
    const events = await waitFor('the registration events', () => eventsAbout('eventsRegistration', activityId), (e) => e.length === 7);
    expect(events.slice(4).map((e) => e.type)).toEqual([RegistrationCancelledV1.type, WaitlistPromotedV1.type, RegistrationCancelledV1.type]);
    expect(events[5].data).toMatchObject({ personId: c, activityId });

    // Someone who cancelled and registers again goes to the back of the line.
    expect((await register(activityId, a)).body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
  });

  it('lets people who completed the workshop\'s module move ahead when the organiser chose that priority', async () => {
    await publishCourse();
    await waitFor('the catalogue', async () => (await call<{ modules: unknown[] }>(service.url, 'GET', '/catalogue/modules', { token: partner.token })).body.modules.length, (n) => n > 0);
    const completer = randomUUID();
    await publishCompletion(completer, 'financing');
    const otherModule = randomUUID();
    await publishCompletion(otherModule, 'implementation');

    const firstCome = await schedule(workshopBody(partner.organisationId, { capacity: 1 }));
    const priority = await schedule(workshopBody(partner.organisationId, { capacity: 1, waitlistPriority: 'module-completers-first' }));
    const [seated, early] = [randomUUID(), randomUUID()];
    // Give the consumer time to record the completions before the order is decided.
    await waitFor(
      'the completion to count',
      async () => {
        const probe = await schedule(workshopBody(partner.organisationId, { capacity: 1, waitlistPriority: 'module-completers-first' }));
        await register(probe, randomUUID());
        await register(probe, randomUUID());
        return (await register(probe, completer)).body.waitlistPosition;
      },
      (position) => position === 1,
    );
    for (const activityId of [firstCome, priority]) {
      for (const personId of [seated, early, otherModule, completer]) await register(activityId, personId);
    }
    const waitlistOf = async (activityId: string) => (await list(activityId)).filter((r) => r.status === 'waitlisted').map((r) => r.personId);
    expect(await waitlistOf(firstCome)).toEqual([early, otherModule, completer]);
    expect(await waitlistOf(priority)).toEqual([completer, early, otherModule]);

    await cancel(priority, seated);
    expect((await list(priority)).find((r) => r.personId === completer)!.status).toBe('confirmed');
    await cancel(firstCome, seated);
    expect((await list(firstCome)).find((r) => r.personId === early)!.status).toBe('confirmed');
  });

  describe("one person's registrations in one answer (GET /people/:personId/registrations)", () => {
    interface PersonRegistrationBody extends RegistrationBody {
      activityId: string;
      activity: { title: string; kind: string; organiserId: string; startsAt: string; status: string };
    }
    const registrationsOf = (personId: string, bearer: string) => call<PersonRegistrationBody[]>(service.url, 'GET', `/people/${personId}/registrations`, { token: bearer });

    it('lists every registration of the person with its activity, by start, with waiting-list places as the activity ranks them', async () => {
      const person = randomUUID();
      const full = await schedule(webinarBody(partner.organisationId, { title: 'Does Europe fund social innovation?', capacity: 1, startsAt: '2030-12-10T16:00:00+01:00', endsAt: '2030-12-10T17:00:00+01:00' }));
      const open = await schedule(webinarBody(partner.organisationId, { startsAt: '2030-12-01T16:00:00+01:00', endsAt: '2030-12-01T17:00:00+01:00' }));
      const left = await schedule(festivalBody(partner.organisationId));
      const [seated, ahead] = [randomUUID(), randomUUID()];
      await register(full, seated);
      await register(full, ahead);
      await register(full, person);
      await register(open, person);
      await register(left, person);
      await cancel(left, person);
      // Someone else's registration for the same activities is not this person's.
      await register(open, randomUUID());

      const own = await registrationsOf(person, token(person, ['member']));
      expect(own.status).toBe(200);
      expect(own.body.map((r) => [r.activityId, r.status, r.waitlistPosition])).toEqual([
        [left, 'cancelled', undefined],
        [open, 'confirmed', undefined],
        [full, 'waitlisted', 2],
      ]);
      expect(own.body.every((r) => r.personId === person)).toBe(true);
      expect(own.body[2].activity).toMatchObject({ title: 'Does Europe fund social innovation?', kind: 'webinar', organiserId: partner.organisationId, startsAt: '2030-12-10T15:00:00.000Z', status: 'scheduled' });
      expect(own.body[0].activity).toMatchObject({ kind: 'festival', title: 'Social(i)Makers festival Ljubljana' });
      const waiting = (await list(full)).find((r) => r.personId === person)!;
      expect(waiting.waitlistPosition).toBe(2);

      // The place moves up as the activity's list does.
      await cancel(full, seated);
      const after = await registrationsOf(person, token(person, ['member']));
      expect(after.body.find((r) => r.activityId === full)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });

      const byAdmin = await registrationsOf(person, token(randomUUID(), ['admin']));
      expect(byAdmin.status).toBe(200);
      expect(byAdmin.body).toEqual(after.body);
      expect((await registrationsOf(randomUUID(), token(randomUUID(), ['admin']))).body).toEqual([]);
    });

    it("shows an organiser only their own organisation's activities of someone else, and refuses members and organisers without one with 403", async () => {
      const other = organiser();
      const person = randomUUID();
      const ours = await schedule(webinarBody(partner.organisationId));
      const answer = await call(service.url, 'POST', '/activities', { token: other.token, body: webinarBody(other.organisationId) });
      const theirs = answer.body.id as string;
      await register(ours, person);
      await register(theirs, person);

      expect((await registrationsOf(person, partner.token)).body.map((r) => r.activityId)).toEqual([ours]);
      expect((await registrationsOf(person, other.token)).body.map((r) => r.activityId)).toEqual([theirs]);
      expect((await registrationsOf(person, token(person, ['member']))).body.map((r) => r.activityId).sort()).toEqual([ours, theirs].sort());

      const nosy = await registrationsOf(person, token(randomUUID(), ['member']));
      expect(nosy.status).toBe(403);
      expect(nosy.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect((nosy.body as unknown as { detail: string }).detail).toMatch(/only your own registrations/);
      const organiserOfNothing = await registrationsOf(person, token(randomUUID(), ['organiser']));
      expect(organiserOfNothing.status).toBe(403);
      expect((organiserOfNothing.body as unknown as { detail: string }).detail).toMatch(/acts for no organisation/);
      // An analyst has no business with registrations.
      expect((await registrationsOf(person, token(randomUUID(), ['analyst']))).status).toBe(403);
      expect((await call(service.url, 'GET', `/people/${person}/registrations`)).status).toBe(401);
    });

    it('answers a person id that is not a UUID with 400 naming it', async () => {
      const answer = await call<{ detail: string; code: string }>(service.url, 'GET', '/people/not-a-person/registrations', { token: token(randomUUID(), ['admin']) });
      expect(answer.status).toBe(400);
      expect(answer.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(answer.body.code).toBe('PERSON_ID_INVALID');
      expect(answer.body.detail).toMatch(/personId in the path must be a UUID/);
    });
  });

  it('refuses registration for a cancelled activity with 409, and registering someone else needs their organiser', async () => {
    const activityId = await schedule(webinarBody(partner.organisationId));
    const member = randomUUID();
    const forSomeoneElse = await call(service.url, 'POST', `/activities/${activityId}/registrations`, { token: token(member, ['member']), body: { personId: randomUUID() } });
    expect(forSomeoneElse.status).toBe(403);
    expect((await call(service.url, 'POST', `/activities/${activityId}/registrations`, { token: partner.token, body: { personId: member } })).status).toBe(201);

    await call(service.url, 'POST', `/activities/${activityId}/cancellation`, { token: partner.token, body: {} });
    const late = await register(activityId, randomUUID());
    expect(late.status).toBe(409);
    expect((late.body as unknown as { detail: string }).detail).toMatch(/was cancelled, so you cannot register for it/);
  });
});
