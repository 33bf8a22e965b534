import { randomUUID } from 'node:crypto';
import { waitFor, type ServiceProcess, type TestDatabase } from '@socialmakers/testing';
import { admin, call, communityEvents, profile, publishAttendance, sql, startCommunity, token } from './support';

interface Snapshot {
  snapshotId: string;
  nodes: number;
  edges: number;
  communities: number;
  countries: Array<{ country: string; people: number; innovators: number; innovatorsTiedToFunderOrPolicymaker: number; crossSectorTieShare: number; density: number; ties: number }>;
}

describe('community: warm paths, network metrics and erasure', () => {
  let service: ServiceProcess;
  let db: TestDatabase;
  // innovator — bridge — funder, and a private person who shortcuts innovator to funder but does not consent
  const innovator = randomUUID();
  const bridge = randomUUID();
  const funder = randomUUID();
  const privatePerson = randomUUID();
  const policymaker = randomUUID();
  const [w1, w2, w3, w4] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const analyst = token(randomUUID(), 'analyst');

  beforeAll(async () => {
    ({ service, db } = await startCommunity('privacy_metrics', { BETWEENNESS_SAMPLE: '64' }));
    const at = (activityId: string, people: string[], kind: 'workshop' | 'festival' = 'workshop') =>
      people.map((personId) => ({ activityId, personId, kind, attendedAt: '2018-10-12T07:00:00.000Z' }));
    await publishAttendance([...at(w1, [innovator, bridge]), ...at(w2, [bridge, funder]), ...at(w3, [innovator, privatePerson], 'festival'), ...at(w4, [privatePerson, funder])]);
    await waitFor('the three activities', () => sql(db, `SELECT count(*)::int AS n FROM participations`), (r) => r[0].n === 8);
    const put = (id: string, body: Record<string, unknown>) => call(service.url, 'PUT', `/stakeholders/${id}`, { token: token(id), body });
    expect((await put(innovator, profile({ displayName: 'Ana Novak', contactEmail: 'ana@example.org' }))).status).toBe(201);
    expect((await put(bridge, profile({ kind: 'entrepreneur', displayName: 'Bojan Most', contactEmail: 'bojan@example.org' }))).status).toBe(201);
    expect((await put(funder, profile({ kind: 'funder', displayName: 'Maja Kranjc', offers: ['grants'], seeks: [] }))).status).toBe(201);
    expect((await put(privatePerson, profile({ kind: 'citizen', displayName: 'Private Person', appearsInMatches: false }))).status).toBe(201);
    expect((await put(policymaker, profile({ kind: 'policymaker', displayName: 'Tomaž Zupan', country: 'AT' }))).status).toBe(201);
  });

  afterAll(async () => {
    await service?.stop();
    await db?.drop();
  });

  it('finds who can introduce me: the shortest path through people who consent', async () => {
    const path = await call<{ hops: number; path: Array<{ personId: string; displayName: string }> }>(service.url, 'GET', `/matchmaking/${innovator}/warm-path/${funder}`, {
      token: token(innovator),
    });
    expect(path.status).toBe(200);
    expect(path.body.path.map((p) => p.personId)).toEqual([innovator, bridge, funder]);
    expect(path.body.path[1].displayName).toBe('Bojan Most');
    expect(path.body.hops).toBe(2);
    expect((await call(service.url, 'GET', `/matchmaking/${innovator}/warm-path/${policymaker}`, { token: token(innovator) })).status).toBe(404);
    expect((await call(service.url, 'GET', `/matchmaking/${innovator}/warm-path/${privatePerson}`, { token: token(innovator) })).status).toBe(404);
    expect((await call(service.url, 'GET', `/matchmaking/${innovator}/warm-path/${funder}`, { token: token(bridge) })).status).toBe(403);
  });

  it('recomputes degree, betweenness, communities and the per-country indicators, and publishes a snapshot', async () => {
    const recomputed = await call<Snapshot>(service.url, 'POST', '/network/metrics/recompute', { token: analyst });
    expect(recomputed.status).toBe(200);
    expect(recomputed.body).toMatchObject({ nodes: 5, edges: 4 });
    expect(recomputed.body.communities).toBeGreaterThanOrEqual(1);
    expect(recomputed.body.countries).toEqual([
      { country: 'AT', people: 1, innovators: 0, innovatorsTiedToFunderOrPolicymaker: 0, crossSectorTieShare: 0, density: 0, ties: 0 },
      // SI: innovator, bridge, funder, private: ties i-b, b-f, i-p, p-f (all cross-sector), density 4/6; hidden links count
      { country: 'SI', people: 4, innovators: 1, innovatorsTiedToFunderOrPolicymaker: 0, crossSectorTieShare: 1, density: 0.666667, ties: 4 },
    ]);
    const latest = await call<Snapshot>(service.url, 'GET', '/network/metrics', { token: analyst });
    expect(latest.body).toEqual(expect.objectContaining({ snapshotId: recomputed.body.snapshotId }));
    const mine = await call<{ degree: number; betweenness: number }>(service.url, 'GET', `/network/metrics/people/${innovator}`, { token: token(innovator) });
    expect(mine.body.degree).toBe(2);
    const bridgeMetrics = await call<{ betweenness: number }>(service.url, 'GET', `/network/metrics/people/${bridge}`, { token: admin.token });
    // two shortest innovator–funder paths, one through the bridge
    expect(bridgeMetrics.body.betweenness).toBe(0.5);
    expect((await call(service.url, 'GET', `/network/metrics/people/${innovator}`, { token: token(bridge) })).status).toBe(403);
    expect((await call(service.url, 'POST', '/network/metrics/recompute', { token: token(innovator) })).status).toBe(403);
    const bridges = await call<{ bridges: Array<{ personId: string | null; displayName: string | null }> }>(service.url, 'GET', '/network/metrics/bridges?limit=5', { token: analyst });
    expect(bridges.body.bridges.find((b) => b.displayName === 'Private Person')).toBeUndefined();
    const events = await waitFor('the snapshot event', () => communityEvents('communityNetwork', (d) => d.snapshotId === recomputed.body.snapshotId), (e) => e.length === 1);
    expect(events[0].type).toBe('org.socialmakers.community.network.snapshotted.v1');
  });

  it('erases a person: no endpoint returns their name or email, aggregates stay right, and the erasure event goes out', async () => {
    const introduction = await call<{ id: string }>(service.url, 'POST', '/introductions', {
      token: token(innovator),
      body: { recipientId: bridge, message: 'Ana here: could you introduce me to Maja?' },
    });
    expect(introduction.status).toBe(201);
    expect((await call(service.url, 'DELETE', `/privacy/people/${innovator}`, { token: token(bridge) })).status).toBe(403);
    const erased = await call<{ erasedAt: string }>(service.url, 'DELETE', `/privacy/people/${innovator}`, { token: token(innovator) });
    expect(erased.status).toBe(200);
    const again = await call<{ erasedAt: string }>(service.url, 'DELETE', `/privacy/people/${innovator}`, { token: admin.token });
    expect({ status: again.status, erasedAt: again.body.erasedAt }).toEqual({ status: 200, erasedAt: erased.body.erasedAt });

    const reads = [
      ['GET', `/stakeholders/${innovator}`, admin.token],
      ['GET', `/network/people/${innovator}`, admin.token],
      ['GET', `/network/people/${innovator}/connections`, admin.token],
      ['GET', `/network/people/${bridge}/connections`, admin.token],
      ['GET', `/network/people/${funder}/connections`, token(funder)],
      ['GET', `/matchmaking/${innovator}/matches`, admin.token],
      ['GET', `/matchmaking/${bridge}/warm-path/${funder}`, admin.token],
      ['GET', `/introductions/${introduction.body.id}`, admin.token],
      ['GET', `/introductions`, token(bridge)],
      ['GET', `/network/metrics/people/${innovator}`, admin.token],
      ['GET', '/network/metrics/bridges?limit=50', admin.token],
    ] as const;
    for (const [method, path, bearer] of reads) {
      const answer = await call(service.url, method, path, { token: bearer });
      const text = JSON.stringify(answer.body);
      expect({ path, leaks: /Ana Novak|ana@example\.org|Ana here/.test(text) }).toEqual({ path, leaks: false });
    }
    expect(await sql(db, `SELECT * FROM stakeholder_profiles WHERE person_id = $1`, [innovator])).toEqual([]);
    expect(await sql(db, `SELECT message, status FROM introductions WHERE introduction_id = $1`, [introduction.body.id])).toEqual([{ message: null, status: 'withdrawn' }]);

    const after = await call<Snapshot>(service.url, 'POST', '/network/metrics/recompute', { token: analyst });
    expect(after.body.countries.find((c) => c.country === 'SI')).toMatchObject({ people: 4, ties: 4 });

    const events = await waitFor('the erasure event', () => communityEvents('communityStakeholders', (d) => d.personId === innovator), (e) => e.some((x) => x.type.endsWith('person.erased.v1')));
    expect(events.find((e) => e.type === 'org.socialmakers.community.person.erased.v1')!.data).toEqual({ personId: innovator, erasedAt: erased.body.erasedAt });
    expect(JSON.stringify(events)).not.toMatch(/Ana Novak|ana@example\.org/);
    expect(events.filter((e) => e.type.endsWith('person.erased.v1'))).toHaveLength(1);
  });

  it('erases a person community has never seen: the erasure event still goes out for the services that hold their data', async () => {
    const stranger = randomUUID();
    const erased = await call<{ erasedAt: string }>(service.url, 'DELETE', `/privacy/people/${stranger}`, { token: token(stranger) });
    expect(erased.status).toBe(200);
    const events = await waitFor('the erasure event', () => communityEvents('communityStakeholders', (d) => d.personId === stranger), (e) => e.length > 0);
    expect(events.map((e) => [e.type, e.data])).toEqual([['org.socialmakers.community.person.erased.v1', { personId: stranger, erasedAt: erased.body.erasedAt }]]);
    expect((await call(service.url, 'GET', `/network/people/${stranger}`, { token: admin.token })).status).toBe(404);
  });
});
