import { randomUUID } from 'node:crypto';
import { waitFor, type ServiceProcess, type TestDatabase } from '@socialmakers/testing';
import { admin, call, communityEvents, profile, sql, startCommunity, token } from './support';

interface Introduction {
  id: string;
  status: string;
  requesterId: string;
  recipientId: string;
  contacts?: { requester: { email: string | null }; recipient: { email: string | null } };
  detail?: string;
  code?: string;
}

const TTL_SECONDS = 4;
const DAILY_LIMIT = 6;

describe('community: introductions', () => {
  let service: ServiceProcess;
  let db: TestDatabase;
  const innovator = randomUUID();
  const [funderA, funderB, funderC, funderD, funderE, funderF, funderG] = Array.from({ length: 7 }, () => randomUUID());
  const closed = randomUUID();

  const ask = (from: string, to: string, message = 'We pilot a meal-sharing service and look for a first grant.') =>
    call<Introduction>(service.url, 'POST', '/introductions', { token: token(from), body: { recipientId: to, message } });
  const answer = (as: string, id: string, verb: 'accept' | 'decline') => call<Introduction>(service.url, 'POST', `/introductions/${id}/${verb}`, { token: token(as) });
  const count = async () => (await sql<{ n: number }>(db, `SELECT count(*)::int AS n FROM introductions`))[0].n;

  beforeAll(async () => {
    ({ service, db } = await startCommunity('introductions', {
      INTRODUCTION_TTL_SECONDS: String(TTL_SECONDS),
      INTRODUCTION_EXPIRY_SWEEP_MS: '250',
      INTRODUCTION_DAILY_LIMIT: String(DAILY_LIMIT),
      INTRODUCTION_DEFAULT_MAX_OPEN: '3',
    }));
    await call(service.url, 'PUT', `/stakeholders/${innovator}`, { token: token(innovator), body: profile() });
    for (const [i, funder] of [funderA, funderB, funderC, funderD, funderE, funderF, funderG].entries()) {
      const body = profile({ kind: 'funder', displayName: `Funder ${i}`, offers: ['grants'], seeks: [], contactEmail: `funder${i}@fund.example.org` });
      expect((await call(service.url, 'PUT', `/stakeholders/${funder}`, { token: token(funder), body })).status).toBe(201);
    }
    await call(service.url, 'PUT', `/stakeholders/${closed}`, { token: token(closed), body: profile({ kind: 'funder', appearsInMatches: false }) });
  });

  afterAll(async () => {
    await service?.stop();
    await db?.drop();
  });

  it('requests an introduction; acceptance reveals both contacts, forms a connection and emits events', async () => {
    const requested = await ask(innovator, funderA);
    expect(requested.status).toBe(201);
    expect(requested.body).toMatchObject({ status: 'pending', requesterId: innovator, recipientId: funderA });
    expect(requested.body.contacts).toBeUndefined();

    const notYours = await answer(innovator, requested.body.id, 'accept');
    expect(notYours.status).toBe(409);
    expect((await answer(funderB, requested.body.id, 'accept')).status).toBe(404);

    const accepted = await answer(funderA, requested.body.id, 'accept');
    expect(accepted.status).toBe(200);
    expect(accepted.body.contacts).toEqual({
      requester: { email: 'ana.novak@example.org', phone: '+386 41 123 456' },
      recipient: { email: 'funder0@fund.example.org', phone: '+386 41 123 456' },
    });
    const seen = await call<{ contact?: unknown }>(service.url, 'GET', `/stakeholders/${funderA}`, { token: token(innovator) });
    expect(seen.body.contact).toEqual({ email: 'funder0@fund.example.org', phone: '+386 41 123 456' });
    expect((await call<{ contact?: unknown }>(service.url, 'GET', `/stakeholders/${funderB}`, { token: token(innovator) })).body.contact).toBeUndefined();

    const ties = await call<{ connections: Array<{ personId: string; type: string; weight: number }> }>(service.url, 'GET', `/network/people/${innovator}/connections`, { token: admin.token });
    expect(ties.body.connections).toEqual([expect.objectContaining({ personId: funderA, type: 'introduced-connected', weight: 3 })]);

    const events = await waitFor(
      'the introduction events',
      () => communityEvents('communityIntroductions', (d) => d.introductionId === requested.body.id),
      (e) => e.length === 3,
    );
    expect(events.map((e) => e.type).sort()).toEqual([
      'org.socialmakers.community.connection.formed.v1',
      'org.socialmakers.community.introduction.accepted.v1',
      'org.socialmakers.community.introduction.requested.v1',
    ]);
    expect(JSON.stringify(events)).not.toContain('meal-sharing');
    expect((await answer(funderA, requested.body.id, 'decline')).status).toBe(409);
    expect((await ask(innovator, funderA)).body.code).toBe('ALREADY_CONNECTED');
  });

  it('declines without revealing anything', async () => {
    const requested = await ask(innovator, funderB);
    const declined = await answer(funderB, requested.body.id, 'decline');
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ status: 'declined' });
    expect(declined.body.contacts).toBeUndefined();
    expect((await call<Introduction>(service.url, 'GET', `/introductions/${requested.body.id}`, { token: token(innovator) })).body.contacts).toBeUndefined();
  });

  it('refuses an introduction to oneself, a duplicate pending request (either way) and unknown people, writing nothing', async () => {
    const before = await count();
    const self = await ask(innovator, innovator);
    expect(self.status).toBe(409);
    expect(self.body.detail).toBe('You cannot ask to be introduced to yourself.');
    const first = await ask(innovator, funderC);
    expect(first.status).toBe(201);
    const duplicate = await ask(innovator, funderC);
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('INTRODUCTION_ALREADY_PENDING');
    expect((await ask(funderC, innovator)).status).toBe(409);
    expect((await ask(innovator, randomUUID())).status).toBe(404);
    expect((await ask(innovator, closed)).status).toBe(404);
    const bad = await call<{ errors: Array<{ field: string }> }>(service.url, 'POST', '/introductions', { token: token(innovator), body: { recipientId: 'x', message: 'hi' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.field).sort()).toEqual(['message', 'recipientId']);
    const stranger = randomUUID();
    expect((await ask(stranger, funderD)).body.code).toBe('PROFILE_REQUIRED');
    expect(await count()).toBe(before + 1);
  });

  it('expires unanswered requests after the configured time, with an event', async () => {
    const pending = await ask(funderD, funderE);
    expect(pending.status).toBe(201);
    const expired = await waitFor(
      'the expiry',
      async () => (await call<Introduction>(service.url, 'GET', `/introductions/${pending.body.id}`, { token: token(funderD) })).body,
      (i) => i.status === 'expired',
      { timeoutMs: (TTL_SECONDS + 10) * 1000 },
    );
    expect(expired.status).toBe('expired');
    expect((await answer(funderE, pending.body.id, 'accept')).status).toBe(409);
    const events = await waitFor('the expiry event', () => communityEvents('communityIntroductions', (d) => d.introductionId === pending.body.id), (e) => e.length === 2);
    expect(events.map((e) => e.type)).toContain('org.socialmakers.community.introduction.expired.v1');
  });

  it('caps open requests (an organiser can set the cap per person) and limits requests per day', async () => {
    const organiser = token(randomUUID(), 'organiser');
    expect((await call(service.url, 'PUT', `/introductions/caps/${funderF}`, { token: organiser, body: { maxOpen: 1 } })).status).toBe(200);
    expect((await call(service.url, 'PUT', `/introductions/caps/${funderF}`, { token: token(funderF), body: { maxOpen: 9 } })).status).toBe(403);
    expect((await call(service.url, 'PUT', `/introductions/caps/${funderF}`, { token: organiser, body: { maxOpen: -1 } })).status).toBe(400);
    expect((await ask(funderF, funderG)).status).toBe(201);
    const capped = await ask(funderF, funderA);
    expect(capped.status).toBe(409);
    expect(capped.body.detail).toMatch(/may have at most 1/);

    // the innovator has sent 3 today (A, B, C); concurrent requests must not get past the limit of DAILY_LIMIT
    await call(service.url, 'PUT', `/introductions/caps/${innovator}`, { token: organiser, body: { maxOpen: 50 } });
    const answers = await Promise.all([funderD, funderE, funderF, funderG].map((to) => ask(innovator, to)));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 201, 201, 429]);
    expect(answers.find((a) => a.status === 429)!.body.detail).toBe(`You may ask for ${DAILY_LIMIT} introductions a day; try again tomorrow.`);
  });
});
