import { randomUUID } from 'node:crypto';
import { waitFor, type ServiceProcess, type TestDatabase } from '@socialmakers/testing';
import { admin, call, profile, publishAttendance, publishCompletions, sql, startCommunity, token } from './support';

interface Match {
  personId: string;
  displayName: string;
  kind: string;
  score: number;
  parts: { topicFit: number; readiness: number; closeness: number; geography: number };
  explanation: string;
}
interface Problem {
  status: number;
  code?: string;
  detail: string;
  errors?: Array<{ field: string; message: string }>;
}

describe('community: stakeholder profiles, matchmaking and bad input', () => {
  let service: ServiceProcess;
  let db: TestDatabase;
  const innovator = randomUUID();
  const funder = randomUUID();
  const hiddenFunder = randomUUID();
  const shyFunder = randomUUID();
  const farFunder = randomUUID();
  const policymaker = randomUUID();
  const citizen = randomUUID();
  const festival = randomUUID();

  const matches = (personId: string, query = '', bearer = token(personId)) =>
    call<{ matches: Match[] } & Problem>(service.url, 'GET', `/matchmaking/${personId}/matches${query}`, { token: bearer });
  const put = (personId: string, body: Record<string, unknown>, bearer = token(personId)) => call<Record<string, unknown> & Problem>(service.url, 'PUT', `/stakeholders/${personId}`, { token: bearer, body });

  beforeAll(async () => {
    ({ service, db } = await startCommunity('matchmaking'));
    await publishAttendance(
      [innovator, funder, hiddenFunder, policymaker].map((personId) => ({
        activityId: festival,
        personId,
        kind: 'festival' as const,
        moduleKey: undefined,
        courseKey: undefined,
        attendedAt: '2018-11-20T09:00:00.000Z',
      })),
    );
    await publishCompletions([{ personId: innovator, moduleKey: 'financing' }, { personId: innovator, moduleKey: 'business-models' }]);
    await waitFor('the festival and the completions', () => sql(db, `SELECT (SELECT count(*) FROM participations)::int AS p, (SELECT count(*) FROM node_module_progress)::int AS m`), (r) => r[0].p === 4 && r[0].m === 2);
    expect((await put(innovator, profile())).status).toBe(201);
    const funderProfile = { kind: 'funder', topics: ['social-finance', 'inclusion'], seeks: [], offers: ['grants', 'loans'], tags: [] };
    expect((await put(funder, profile({ ...funderProfile, displayName: 'Maja Kranjc', contactEmail: 'maja@fund.example.org' }))).status).toBe(201);
    expect((await put(hiddenFunder, profile({ ...funderProfile, displayName: 'Petra Hidden', attendanceVisible: false, contactEmail: 'petra@fund.example.org' }))).status).toBe(201);
    expect((await put(shyFunder, profile({ ...funderProfile, displayName: 'Nobody Seen', appearsInMatches: false }))).status).toBe(201);
    expect((await put(farFunder, profile({ ...funderProfile, displayName: 'Franz Weit', country: 'AT', languages: ['de'], topics: ['culture'], offers: ['equity'] }))).status).toBe(201);
    expect((await put(policymaker, profile({ kind: 'policymaker', displayName: 'Tomaž Zupan', topics: ['ageing'], seeks: [], offers: ['regulatory-advice'] }))).status).toBe(201);
    expect((await put(citizen, profile({ kind: 'citizen', displayName: 'Cene Citizen' }))).status).toBe(201);
  });

  afterAll(async () => {
    await service?.stop();
    await db?.drop();
  });

  it('ranks funders and policymakers for an innovator, with named score parts and a sentence a person can read', async () => {
    const answer = await matches(innovator);
    expect(answer.status).toBe(200);
    const list = answer.body.matches;
    expect(list.map((m) => m.personId)).toEqual(expect.arrayContaining([funder, hiddenFunder, farFunder, policymaker]));
    expect(list.map((m) => m.personId)).not.toContain(shyFunder);
    expect(list.map((m) => m.personId)).not.toContain(citizen);
    expect(list.map((m) => m.score)).toEqual([...list.map((m) => m.score)].sort((a, b) => b - a));
    const maja = list.find((m) => m.personId === funder)!;
    expect(Object.keys(maja.parts).sort()).toEqual(['closeness', 'geography', 'readiness', 'topicFit']);
    expect(maja.parts.readiness).toBeCloseTo(0.5 * (2 / 7) + 0.5, 3);
    expect(maja.parts.closeness).toBeGreaterThan(0);
    expect(maja.explanation).toBe(
      'Maja Kranjc funds social-finance and inclusion projects with grants and loans; you both attended a festival in SI on 20 November 2018; you completed the Financing and Business models modules.',
    );
    // Petra's profile equals Maja's; her hidden attendance still counts for closeness, so they tie at the top.
    expect(list[0].score).toBe(maja.score);
    expect(list.find((m) => m.personId === hiddenFunder)!.score).toBe(maja.score);
    expect(list.find((m) => m.personId === farFunder)!.score).toBeLessThan(maja.score);
  });

  it('keeps hidden attendance out of the sentence, while the tie still counts for closeness', async () => {
    const petra = (await matches(innovator)).body.matches.find((m) => m.personId === hiddenFunder)!;
    expect(petra.explanation).not.toContain('attended');
    expect(petra.parts.closeness).toBeGreaterThan(0);
  });

  it('gives other kinds on request, and never contact details', async () => {
    const answer = await matches(innovator, '?kinds=citizen&limit=5');
    expect(answer.body.matches.map((m) => m.personId)).toEqual([citizen]);
    expect(JSON.stringify(answer.body)).not.toContain('@');
  });

  it('shows a profile to others without contact details, and hides those who do not appear in matches', async () => {
    const seen = await call<Record<string, unknown>>(service.url, 'GET', `/stakeholders/${funder}`, { token: token(innovator) });
    expect(seen.status).toBe(200);
    expect(seen.body.displayName).toBe('Maja Kranjc');
    expect(seen.body.contact).toBeUndefined();
    const own = await call<Record<string, unknown>>(service.url, 'GET', `/stakeholders/${funder}`, { token: token(funder) });
    expect(own.body.contact).toEqual({ email: 'maja@fund.example.org', phone: '+386 41 123 456' });
    expect((await call(service.url, 'GET', `/stakeholders/${shyFunder}`, { token: token(innovator) })).status).toBe(404);
  });

  it('hides attendance ties of people who chose so from other members, counting them only', async () => {
    const view = await call<{ connections: Array<{ personId: string }>; hiddenConnections: number; totalConnections: number }>(
      service.url,
      'GET',
      `/network/people/${innovator}/connections`,
      { token: token(funder) },
    );
    expect(view.body.connections.map((c) => c.personId).sort()).toEqual([funder, policymaker].sort());
    expect(view.body.hiddenConnections).toBe(1);
    expect(view.body.totalConnections).toBe(3);
  });

  describe('bad input', () => {
    it('404 for an unknown person', async () => {
      const nobody = randomUUID();
      const answer = await matches(nobody);
      expect(answer.status).toBe(404);
    });

    it('409 with a sentence for someone who is not an innovator, or has no profile', async () => {
      const answer = await matches(funder);
      expect(answer.status).toBe(409);
      expect(answer.body.detail).toMatch(/^Matchmaking is for innovators, and this profile is a funder/);
      const nodeOnly = randomUUID();
      await publishCompletions([{ personId: nodeOnly, moduleKey: 'financing' }]);
      await waitFor('the node', () => sql(db, `SELECT 1 FROM person_nodes WHERE person_id = $1`, [nodeOnly]), (r) => r.length === 1);
      expect((await matches(nodeOnly)).body.detail).toMatch(/has no stakeholder profile yet/);
    });

    it('409 with a sentence for an innovator who withheld consent', async () => {
      const shy = randomUUID();
      await put(shy, profile({ appearsInMatches: false }));
      const answer = await matches(shy);
      expect(answer.status).toBe(409);
      expect(answer.body.detail).toMatch(/does not take part in matchmaking/);
    });

    it('400 for a bad query, 403 for someone else\'s matches, 401 without a token', async () => {
      expect((await matches(innovator, '?kinds=astronaut')).status).toBe(400);
      expect((await matches(innovator, '?limit=0')).status).toBe(400);
      expect((await matches(innovator, '', token(funder))).status).toBe(403);
      expect((await matches(innovator, '', admin.token)).status).toBe(200);
      expect((await call(service.url, 'GET', `/matchmaking/${innovator}/matches`)).status).toBe(401);
      expect((await call(service.url, 'GET', `/matchmaking/not-a-uuid/matches`, { token: token(innovator) })).status).toBe(400);
    });

    it('400 with every bad field of a malformed profile, and nothing written', async () => {
      const someone = randomUUID();
      const answer = await put(someone, {
        kind: 'astronaut',
        displayName: '',
        country: 'Slovenia',
        languages: ['klingon'],
        topics: ['space'],
        seeks: ['money'],
        offers: ['gold'],
        appearsInMatches: 'yes',
        attendanceVisible: true,
        contactEmail: 'not-an-email',
      });
      expect(answer.status).toBe(400);
      const fields = [...new Set((answer.body.errors ?? []).map((e) => e.field))].sort();
      expect(fields).toEqual(['appearsInMatches', 'contactEmail', 'country', 'displayName', 'kind', 'languages', 'offers', 'seeks', 'topics']);
      expect((await call(service.url, 'PUT', `/stakeholders/${someone}`, { token: token(someone), raw: '{"kind":' })).status).toBe(400);
      expect(await sql(db, `SELECT person_id FROM person_nodes WHERE person_id = $1`, [someone])).toEqual([]);
    });

    it('403 for a member writing someone else\'s profile; 422 for an organisation that does not exist', async () => {
      expect((await put(funder, profile(), token(innovator))).status).toBe(403);
      const org = await put(innovator, profile({ organisationId: randomUUID() }));
      expect(org.status).toBe(422);
      expect(org.body.detail).toMatch(/create the organisation's profile first/);
    });

    it('links a member to their partner organisation', async () => {
      const org = randomUUID();
      const organiser = token(randomUUID(), 'organiser');
      expect((await put(org, profile({ kind: 'partner-organisation', displayName: 'Zavod Ypsilon', seeks: [], offers: ['partnership'] }), organiser)).status).toBe(201);
      expect((await put(citizen, profile({ kind: 'citizen', displayName: 'Cene Citizen', organisationId: org }))).status).toBe(200);
      const ties = await call<{ connections: Array<{ personId: string; type: string; weight: number }> }>(service.url, 'GET', `/network/people/${citizen}/connections`, { token: admin.token });
      expect(ties.body.connections).toEqual([expect.objectContaining({ personId: org, type: 'member-of', weight: 2 })]);
    });
  });
});
