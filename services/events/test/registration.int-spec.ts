import { randomUUID } from 'node:crypto';
import { RegistrationCancelledV1, RegistrationCreatedV1, validatePayload, WaitlistPromotedV1 } from '@socialmakers/contracts';
import { waitFor, type ServiceProcess, type TestDatabase } from '@socialmakers/testing';
import { call, eventsAbout, organiser, publishCompletion, publishCourse, startEvents, token, webinarBody, workshopBody } from './support';

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
