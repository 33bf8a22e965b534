import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { ConsumerGroups, qualified, Topics } from '@socialmakers/contracts';
import { waitFor, type ServiceProcess, type TestDatabase } from '@socialmakers/testing';
import { admin, call, communityEvents, profile, publishAttendance, publishCompletions, publishEnrolment, redeliver, sql, startCommunity, token } from './support';

interface Connections {
  connections: Array<{ personId: string; type: string; weight: number; evidenceCount: number }>;
  hiddenConnections: number;
  totalConnections: number;
}
type Evidence = { evidence: Array<{ type: string; context: string; eventIds: string[] }> };

describe('community: the graph fed by events', () => {
  let service: ServiceProcess;
  let db: TestDatabase;
  const [ana, bor, cvet, lecturer] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const [workshop, festival] = [randomUUID(), randomUUID()];
  let firstEvents: Awaited<ReturnType<typeof publishAttendance>>;

  const connections = async (personId: string) => (await call<Connections>(service.url, 'GET', `/network/people/${personId}/connections`, { token: admin.token })).body;
  const evidence = async (a: string, b: string) => (await call<Evidence>(service.url, 'GET', `/network/edges/${a}/${b}/evidence`, { token: admin.token })).body.evidence;
  const tie = async (a: string, b: string, type: string) => (await connections(a)).connections?.find((c) => c.personId === b && c.type === type);

  beforeAll(async () => {
    ({ service, db } = await startCommunity('graph'));
  });

  afterAll(async () => {
    await service?.stop();
    await db?.drop();
  });

  it('makes a person seen in an enrolment a node at once, and the same node once they fill in a profile', async () => {
    await publishEnrolment(ana);
    const node = await waitFor('the enrolled node', async () => call(service.url, 'GET', `/network/people/${ana}`, { token: token(ana) }), (a) => a.status === 200);
    expect(node.body).toMatchObject({ personId: ana, country: 'SI', modulesCompleted: [] });
    const created = await call(service.url, 'PUT', `/stakeholders/${ana}`, { token: token(ana), body: profile() });
    expect(created.status).toBe(201);
    const again = await call(service.url, 'GET', `/network/people/${ana}`, { token: token(ana) });
    expect(again.body.firstSeenAt).toBe(node.body.firstSeenAt);
    expect(await sql(db, `SELECT count(*)::int AS n FROM person_nodes WHERE person_id = $1`, [ana])).toEqual([{ n: 1 }]);
    const updated = await call(service.url, 'PUT', `/stakeholders/${ana}`, { token: token(ana), body: profile({ topics: ['inclusion'] }) });
    expect(updated.status).toBe(200);
    expect((await call(service.url, 'PUT', `/stakeholders/${ana}`, { token: token(ana), body: profile({ topics: ['inclusion'] }) })).status).toBe(200);
    const events = await waitFor('the profile events', () => communityEvents('communityStakeholders', (d) => d.personId === ana), (e) => e.length >= 2);
    expect(events.map((e) => e.type)).toEqual(['org.socialmakers.community.stakeholder.registered.v1', 'org.socialmakers.community.stakeholder.updated.v1']);
    expect(JSON.stringify(events)).not.toMatch(/Ana Novak|ana\.novak@example\.org/);
  });

  it('links people who attended the same activity and the lecturer to each participant, with event ids as evidence', async () => {
    firstEvents = await publishAttendance([
      { activityId: workshop, personId: ana, lecturerIds: [lecturer] },
      { activityId: workshop, personId: bor, lecturerIds: [lecturer] },
      { activityId: workshop, personId: cvet, lecturerIds: [lecturer] },
    ]);
    await waitFor('the workshop clique', () => connections(cvet), (c) => c.totalConnections === 3);
    const coAttended = await tie(ana, bor, 'co-attended');
    expect(coAttended).toMatchObject({ weight: 1, evidenceCount: 1 });
    expect(await tie(lecturer, ana, 'lectured')).toMatchObject({ weight: 1.5, evidenceCount: 1 });
    const proof = await evidence(ana, bor);
    expect(proof).toEqual([{ type: 'co-attended', context: `activity:${workshop}`, eventIds: [firstEvents[0].id, firstEvents[1].id].sort(), occurredAt: '2018-10-12T07:00:00.000Z' }]);
  });

  it('adds nothing when the same events are delivered again', async () => {
    const before = (await call(service.url, 'GET', '/network/fingerprint', { token: admin.token })).body;
    await redeliver('eventsAttendance', firstEvents);
    const marker = randomUUID();
    await publishEnrolment(marker);
    await waitFor('the marker behind the redelivery', async () => (await call(service.url, 'GET', `/network/people/${marker}`, { token: admin.token })).status, (s) => s === 200);
    const after = (await call(service.url, 'GET', '/network/fingerprint', { token: admin.token })).body;
    expect(after).toEqual(before);
  });

  it('grows the weight with repeated evidence: base × (1 + ln n)', async () => {
    await publishAttendance([
      { activityId: festival, personId: ana, kind: 'festival', moduleKey: undefined, courseKey: undefined, attendedAt: '2018-11-20T09:00:00.000Z' },
      { activityId: festival, personId: bor, kind: 'festival', moduleKey: undefined, courseKey: undefined, attendedAt: '2018-11-20T09:00:00.000Z' },
    ]);
    const grown = await waitFor('the second shared activity', () => tie(ana, bor, 'co-attended'), (t) => t?.evidenceCount === 2);
    expect(grown!.weight).toBeCloseTo(1 + Math.log(2), 3);
  });

  it('links completions of the same module in the same month and country (a cohort), not across months or countries', async () => {
    const [d, e, f, g] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await publishCompletions([
      { personId: d, moduleKey: 'financing', completedAt: '2018-10-02T10:00:00.000Z' },
      { personId: e, moduleKey: 'financing', completedAt: '2018-10-29T10:00:00.000Z' },
      { personId: f, moduleKey: 'financing', completedAt: '2018-11-02T10:00:00.000Z' },
      { personId: g, moduleKey: 'financing', completedAt: '2018-10-10T10:00:00.000Z', country: 'AT' },
    ]);
    await waitFor('four completions', () => sql(db, `SELECT count(*)::int AS n FROM node_module_progress WHERE person_id = ANY($1)`, [[d, e, f, g]]), (r) => r[0].n === 4);
    const ties = (await connections(d)).connections;
    expect(ties).toEqual([expect.objectContaining({ personId: e, type: 'same-cohort', weight: 0.5, evidenceCount: 1 })]);
    expect((await connections(f)).totalConnections).toBe(0);
  });

  it('derives the same graph again after it is dropped (rebuild from the stored facts)', async () => {
    const before = (await call(service.url, 'GET', '/network/fingerprint', { token: admin.token })).body;
    await sql(db, `DELETE FROM graph_edges`);
    const rebuilt = await call<{ fingerprint: unknown }>(service.url, 'POST', '/network/rebuild', { token: admin.token });
    expect(rebuilt).toMatchObject({ status: 200 });
    expect(rebuilt.body.fingerprint).toEqual(before);
  });

  it('derives the same graph when the projection is dropped and the topics are replayed from the beginning', async () => {
    const people = [ana, bor, cvet, lecturer];
    const view = async () => Promise.all(people.map(async (p) => (await connections(p)).connections.sort((x, y) => (x.personId + x.type).localeCompare(y.personId + y.type))));
    const before = await view();
    const evidenceBefore = await evidence(ana, bor);
    await service.stop();
    // Keep what the service's own commands made (profiles); drop everything the events made, and the inbox.
    await sql(db, `DELETE FROM graph_edges`);
    await sql(db, `DELETE FROM edge_evidence WHERE type IN ('co-attended', 'lectured', 'same-cohort')`);
    await sql(db, `DELETE FROM participations`);
    await sql(db, `DELETE FROM node_module_progress`);
    await sql(db, `DELETE FROM inbox`);
    const kafka = new Kafka({ brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','), clientId: 'community-replay-test', logLevel: logLevel.NOTHING });
    const kafkaAdmin = kafka.admin();
    await kafkaAdmin.connect();
    for (const topic of [Topics.eventsAttendance, Topics.learningProgress, Topics.learningEnrolment]) {
      await kafkaAdmin.resetOffsets({ groupId: qualified(ConsumerGroups.community), topic: qualified(topic.name), earliest: true });
    }
    await kafkaAdmin.disconnect();
    await service.restart();
    await waitFor('the replayed graph', view, (v) => JSON.stringify(v) === JSON.stringify(before), { timeoutMs: 60_000 });
    expect(await evidence(ana, bor)).toEqual(evidenceBefore);
  });
});
