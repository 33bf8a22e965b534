import { randomBytes, randomUUID } from 'node:crypto';
import { Topics, qualified } from '@socialmakers/contracts';
import { metricValue, produceRaw, ServiceProcess, TestDatabase, waitFor } from '@socialmakers/testing';
import { call, PASSWORD, publishCourse, signUp, startGateway, tokenFor, uniqueEmail } from './support';

/**
 * What the gateway does with the services' APIs: a member's export gathered from learning, events and
 * community with the member's own token; erasure through community's erasure endpoint and then of
 * the account; and the operator's overview and dead letters (read and replayed through Kafka).
 */
interface MemberExport {
  personId: string;
  account: unknown;
  learning: { enrolments: unknown; progress: unknown; certificates: unknown; record: unknown };
  events: { registrations: unknown };
  community: { profile: unknown; introductions: unknown };
}
interface ServiceRow {
  service: string;
  status: string;
  health: unknown;
  outboxBacklog: number | null;
  consumerLag: Array<{ group: string; topic: string; partition: number; lag: number }>;
}
interface Letter {
  id: string;
  key: string | null;
  value: string | null;
  originalTopic: string;
  reason: string;
  exceptionMessage: string;
  headers: Record<string, string>;
}

describe('gateway: portability, erasure and operations', () => {
  const databases: Record<string, TestDatabase> = {};
  let learning: ServiceProcess;
  let events: ServiceProcess;
  let community: ServiceProcess;
  let gateway: ServiceProcess;
  const courseKey = `portable-${randomBytes(3).toString('hex')}`;
  const organisationId = randomUUID();
  const admin = () => tokenFor(randomUUID(), 'admin');
  const url = () => gateway.url;

  beforeAll(async () => {
    for (const name of ['learning', 'events', 'community', 'gateway']) databases[name] = await TestDatabase.create(`gateway_portability_${name}`);
    [learning, events, community] = await Promise.all([
      ServiceProcess.start('learning', { DATABASE_URL: databases.learning.url }),
      ServiceProcess.start('events', { DATABASE_URL: databases.events.url }),
      ServiceProcess.start('community', { DATABASE_URL: databases.community.url }),
    ]);
    gateway = await startGateway(databases.gateway, { LEARNING_URL: learning.url, EVENTS_URL: events.url, COMMUNITY_URL: community.url });
    await publishCourse(learning.url, courseKey);
  });

  afterAll(async () => {
    await gateway?.stop();
    await Promise.all([learning?.stop(), events?.stop(), community?.stop()]);
    await Promise.all(Object.values(databases).map((database) => database.drop()));
  });

  async function scheduleWebinar(startsAt = '2030-12-04T16:00:00+01:00'): Promise<string> {
    const answer = await call(events.url, 'POST', '/activities', {
      token: admin(),
      body: {
        kind: 'webinar',
        title: 'Does Europe fund social innovation?',
        organiserId: organisationId,
        country: 'SI',
        timeZone: 'Europe/Ljubljana',
        startsAt,
        endsAt: new Date(new Date(startsAt).getTime() + 90 * 60_000).toISOString(),
        topic: 'EU funding',
        joinLink: 'https://webinar.example.org/socialmakers/funding',
      },
    });
    if (answer.status !== 201) throw new Error(`events answered ${answer.status}: ${answer.text}`);
    return answer.body.id as string;
  }

  /** A member who enrolled, registered and keeps a profile, all through the gateway. */
  async function activeMember() {
    const session = await signUp(url(), uniqueEmail('portable'));
    const { personId } = session.account;
    const token = session.accessToken;
    const activityId = await scheduleWebinar();
    const steps: Array<[string, string, unknown]> = [
      ['POST', `/api/learning/learners/${personId}/enrolments`, { courseKey, country: 'SI' }],
      ['POST', `/api/events/activities/${activityId}/registrations`, {}],
      [
        'PUT',
        `/api/community/stakeholders/${personId}`,
        {
          kind: 'innovator',
          displayName: 'Mojca Portable',
          country: 'SI',
          languages: ['sl', 'en'],
          topics: ['inclusion'],
          summary: 'Community gardens for neighbours.',
          appearsInMatches: true,
          attendanceVisible: true,
          contactEmail: session.account.email,
        },
      ],
    ];
    for (const [method, path, body] of steps) {
      const answer = await call(url(), method, path, { token, body });
      if (answer.status >= 300) throw new Error(`${method} ${path} answered ${answer.status}: ${answer.text}`);
    }
    return { session, personId, token, activityId };
  }

  it("exports the member's own data from learning, events and community in one document", async () => {
    const { session, personId, token, activityId } = await activeMember();
    const other = await activeMember();
    expect((await call(url(), 'GET', '/api/accounts/me/export')).status).toBe(401);

    // A second activity the member registered for and then left: the export lists it as cancelled.
    const leftActivity = await scheduleWebinar('2030-11-06T16:00:00+01:00');
    for (const method of ['POST', 'DELETE']) {
      const path = `/api/events/activities/${leftActivity}/registrations${method === 'DELETE' ? `/${personId}` : ''}`;
      expect((await call(url(), method, path, { token, body: method === 'POST' ? {} : undefined })).status).toBeLessThan(300);
    }
    const eventsCalls = (route: string) => metricValue(events.url, 'http_request_duration_seconds_count', { method: 'GET', route });
    const perPersonBefore = await eventsCalls('/people/:personId/registrations');
    const perActivityBefore = await eventsCalls('/activities/:activityId/registrations/:personId');

    const answer = await call<MemberExport>(url(), 'GET', '/api/accounts/me/export', { token });
    expect(answer.status).toBe(200);
    // One question to the events service for all of the member's registrations, none per activity.
    expect((await eventsCalls('/people/:personId/registrations')) - perPersonBefore).toBe(1);
    expect(await eventsCalls('/activities/:activityId/registrations/:personId')).toBe(perActivityBefore);
    expect(answer.headers.get('content-disposition')).toContain('attachment');
    const data = answer.body;
    expect(data.personId).toBe(personId);
    expect(data.account).toEqual(session.account);
    expect(data.learning.enrolments).toEqual([expect.objectContaining({ personId, courseKey })]);
    expect(data.learning.progress).toEqual([expect.objectContaining({ courseKey })]);
    expect(data.learning.certificates).toEqual([]);
    expect(JSON.stringify(data.learning.record)).toContain(personId);
    expect(data.events.registrations).toEqual([
      expect.objectContaining({ activityId: leftActivity, personId, status: 'cancelled' }),
      expect.objectContaining({ activityId, personId, status: 'confirmed', activity: expect.objectContaining({ title: 'Does Europe fund social innovation?', kind: 'webinar' }) }),
    ]);
    expect(data.community.profile).toMatchObject({ personId, displayName: 'Mojca Portable', contact: { email: session.account.email } });
    expect(data.community.introductions).toEqual({ introductions: [] });
    // Only the member's own data: the other member's activity and profile are nowhere in it.
    expect(JSON.stringify(data)).not.toContain(other.personId);
    expect(JSON.stringify(data)).not.toContain(other.activityId);
  });

  it('erases the member at community (which publishes the erasure) and then the account', async () => {
    const { session, personId, token } = await activeMember();
    const erased = await call(url(), 'POST', '/api/accounts/me/erasure', { token });
    expect(erased.status).toBe(202);
    expect(erased.body).toEqual({ personId, community: 'erased', accountErased: true });

    expect((await call(community.url, 'GET', `/stakeholders/${personId}`, { token: admin() })).status).toBe(404);
    expect((await call(url(), 'POST', '/api/accounts/sign-in', { body: { email: session.account.email, password: PASSWORD } })).status).toBe(401);
    expect((await call(url(), 'POST', '/api/accounts/refresh', { body: { refreshToken: session.refreshToken } })).status).toBe(401);
    const me = await call(url(), 'GET', '/api/accounts/me', { token });
    expect(me.status).toBe(404);
    // The email can make a new, empty account afterwards.
    expect((await signUp(url(), session.account.email)).account.personId).toBe(personId);
  });

  it('erases the account of someone the network never knew, and community still publishes the erasure', async () => {
    const session = await signUp(url(), uniqueEmail('unknown-to-community'));
    const erased = await call(url(), 'POST', '/api/accounts/me/erasure', { token: session.accessToken });
    expect(erased.status).toBe(202);
    expect(erased.body).toEqual({ personId: session.account.personId, community: 'erased', accountErased: true });
    expect((await call(url(), 'GET', '/api/accounts/me', { token: session.accessToken })).status).toBe(404);
  });

  it('gives administrators an overview of every service: health, consumer lag per group and partition, outbox backlog', async () => {
    expect((await call(url(), 'GET', '/api/operations/overview')).status).toBe(401);
    const answer = await call<{ services: ServiceRow[] }>(url(), 'GET', '/api/operations/overview', { token: admin() });
    expect(answer.status).toBe(200);
    const byName = Object.fromEntries(answer.body.services.map((service) => [service.service, service]));
    expect(Object.keys(byName).sort()).toEqual(['analytics', 'community', 'events', 'learning']);
    for (const name of ['learning', 'events', 'community']) {
      expect(byName[name]).toMatchObject({ status: 'up', health: { status: 'ok' } });
      expect(byName[name].outboxBacklog).toBeGreaterThanOrEqual(0);
    }
    expect(byName.analytics).toMatchObject({ status: 'unreachable', health: null, outboxBacklog: null, consumerLag: [] });
    const lag = byName.community.consumerLag;
    expect(lag.length).toBeGreaterThan(0);
    for (const row of lag) {
      expect(row.group).toBe(qualified('socialmakers.community'));
      expect(row.topic.startsWith(qualified(''))).toBe(true);
      expect(Number.isInteger(row.partition)).toBe(true);
      expect(row.lag).toBeGreaterThanOrEqual(0);
    }
  });

  it("lists a group's dead letters with their error headers and replays the chosen ones to their topic", async () => {
    const unknownGroup = await call(url(), 'GET', '/api/operations/dead-letters?group=nobody', { token: admin() });
    expect(unknownGroup.status).toBe(400);
    expect(unknownGroup.body.errors).toEqual([{ field: 'group', message: expect.stringMatching(/one of the consumer groups: community, analytics, learning, events/) }]);

    const marker = `not-an-event-${randomBytes(4).toString('hex')}`;
    await produceRaw(qualified(Topics.learningEnrolment.name), [{ key: marker, value: marker }]);
    type Listing = { topic: string; deadLetters: Letter[] };
    const mine = (listing: Listing) => listing.deadLetters.filter((letter) => letter.key === marker);
    const list = async () => (await call<Listing>(url(), 'GET', '/api/operations/dead-letters?group=community', { token: admin() })).body;
    const first = await waitFor('the malformed record on the dead-letter topic', list, (listing) => mine(listing).length === 1, { timeoutMs: 30_000 });
    expect(first.topic).toBe(`${qualified('socialmakers.community')}.dead-letter.v1`);
    const [letter] = mine(first);
    expect(letter).toMatchObject({ originalTopic: qualified(Topics.learningEnrolment.name), reason: 'malformed', value: marker });
    expect(letter.headers['dlt.reason']).toBe('malformed');
    expect(letter.exceptionMessage).toEqual(expect.any(String));

    const replay = await call<{ replayed: Array<{ id: string }> }>(url(), 'POST', '/api/operations/dead-letters/replay', { token: admin(), body: { group: 'community', ids: [letter.id] } });
    expect(replay.status).toBe(200);
    expect(replay.body.replayed.map((replayed) => replayed.id)).toEqual([letter.id]);
    // Still malformed, so community parks it again: a second letter with the same record.
    const after = await waitFor('the replayed record back on the dead-letter topic', list, (listing) => mine(listing).length === 2, { timeoutMs: 30_000 });
    expect(mine(after).map((l) => l.value)).toEqual([marker, marker]);

    const badIds = await call(url(), 'POST', '/api/operations/dead-letters/replay', { token: admin(), body: { group: 'community', ids: ['first'] } });
    expect(badIds.status).toBe(400);
  });
});
