import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { qualified, Topics } from '@socialmakers/contracts';
import { toKafkaRecord } from '@socialmakers/messaging';
import { metricValue, produceRaw, repoRoot, ServiceProcess, TestDatabase, waitFor } from '@socialmakers/testing';
import { envelope, get, isolateKafka, padding, programme, publish, queryDb, token } from './support';

const run = promisify(execFile);

/**
 * The programme's results from events alone: a hand-counted programme is published onto the topics
 * (with duplicates, an event of an unknown version and a consumer killed part-way), the report must
 * show the hand-counted figures, and rebuilding from offset 0, twice, must give the same report.
 */
describe('analytics: results report, access, bad input and rebuild', () => {
  let db: TestDatabase;
  let analytics: ServiceProcess;
  let data: ReturnType<typeof programme>;
  let distinctEvents = 0;

  const eventLogCount = async () => Number((await queryDb<{ n: string }>(db.url, 'SELECT count(*) AS n FROM event_log'))[0].n);

  beforeAll(async () => {
    db = await TestDatabase.create('analytics_results');
    await isolateKafka('results');
    analytics = await ServiceProcess.start('analytics', { DATABASE_URL: db.url });
    data = programme();
    const busy = padding(3000, data.activities.F);
    distinctEvents = data.events.length + busy.length;
    // The padding first, so the consumer is still busy when it is killed below.
    await publish([...busy, ...data.events]);
    await waitFor('the consumer to be part-way through', eventLogCount, (n) => n > 0 && n < distinctEvents, { intervalMs: 20, timeoutMs: 60_000 });
    await analytics.kill();
    await analytics.restart();
    // The same events delivered again (a relay that retried, a replayed dead letter).
    await publish(data.events.slice(0, 80));
    await waitFor('every event to be projected', eventLogCount, (n) => n === distinctEvents, { timeoutMs: 120_000 });
  });

  afterAll(async () => {
    await analytics?.stop();
    await db?.drop();
  });

  const report2018 = async () => {
    const answer = await get(analytics.url, '/results/report?year=2018', ['analyst']);
    expect(answer.status).toBe(200);
    return answer.body;
  };

  it('counts the hand-counted figures of 2018', async () => {
    await waitFor('the duplicates to be absorbed', () => metricValue(analytics.url, 'events_consumed_total', { outcome: 'duplicate' }), (n) => n >= 80);
    const report = await report2018();
    expect(report.period).toEqual({ from: '2018-01-01', to: '2018-12-31' });
    // 40 enrolled in 2018; one withdrew for good, one withdrew and re-enrolled (the same enrolment: once).
    expect(report.enrolments).toMatchObject({ enrolled: 39, created: 40, withdrawn: 1 });
    expect(report.enrolments.perCountry).toEqual([
      { country: 'SI', count: 14 },
      { country: 'AT', count: 13 },
      { country: 'HR', count: 12 },
    ]);
    expect(report.enrolments.perWeek.reduce((sum: number, w: { count: number }) => sum + w.count, 0)).toBe(39);
    expect(report.funnel).toEqual([
      {
        courseKey: 'social-innovation-academy',
        enrolled: 39,
        modules: [
          { moduleKey: 'active-citizenship', position: 1, title: 'active-citizenship', completed: 30 },
          { moduleKey: 'designing-solutions', position: 2, title: 'designing-solutions', completed: 20 },
          { moduleKey: 'financing', position: 3, title: 'financing', completed: 10 },
        ],
        courseCompleted: 10,
        certificates: 10,
      },
    ]);
    // A: 5 named + 3 walk-ins (the later headcount); B: 4 named, known from attendances only; C: 6 walk-ins; D cancelled.
    expect(report.workshops).toMatchObject({ held: 3, participants: 18, named: 9, walkIns: 9 });
    expect(report.workshops.perCountry).toEqual([
      { country: 'SI', held: 2, participants: 12 },
      { country: 'AT', held: 1, participants: 6 },
    ]);
    expect(report.workshops.perModule).toEqual([
      { courseKey: 'social-innovation-academy', moduleKey: 'active-citizenship', held: 2, participants: 14 },
      { courseKey: 'social-innovation-academy', moduleKey: 'designing-solutions', held: 1, participants: 4 },
    ]);
    expect(report.workshops.perLecturer.map((l: { held: number; participants: number }) => [l.held, l.participants])).toEqual([
      [2, 12],
      [1, 6],
    ]);
    expect(report.festivals).toMatchObject({ held: 1, participants: 13, perCountry: [{ country: 'SI', held: 1, participants: 13 }] });
    expect(report.webinars).toMatchObject({ held: 1, participants: 7, perCountry: [{ country: 'HR', held: 1, participants: 7 }] });
    // 40 learners active in 2018 (the 2019 one is not), the festival's newcomer and seven webinar newcomers.
    expect(report.uniquePeople.total).toBe(48);
    expect(report.uniquePeople.perCountry).toEqual([
      { country: 'HR', count: 19 },
      { country: 'SI', count: 16 },
      { country: 'AT', count: 13 },
    ]);
    const funnel = Object.fromEntries(report.countryFunnel.map((row: { country: string }) => [row.country, row]));
    expect(funnel.ALL).toMatchObject({ enrolled: 39, moduleCompleted: 30, attendedWorkshop: 9, attendedFestivalOrWebinar: 10 });
    expect(funnel.SI).toEqual({
      country: 'SI', enrolled: 14, moduleCompleted: 15, attendedWorkshop: 9, attendedFestivalOrWebinar: 3, introductionRequested: 1, connectedToFunderOrPolicymaker: 1,
    });
    expect(funnel.AT).toMatchObject({ enrolled: 13, moduleCompleted: 13, attendedWorkshop: 0, attendedFestivalOrWebinar: 0, introductionRequested: 1, connectedToFunderOrPolicymaker: 0 });
    expect(funnel.HR).toMatchObject({ enrolled: 12, moduleCompleted: 2, attendedWorkshop: 0, attendedFestivalOrWebinar: 7, introductionRequested: 0 });
    // The third requester has no profile: their country is not known.
    expect(funnel.unknown).toMatchObject({ introductionRequested: 1, connectedToFunderOrPolicymaker: 0 });
    expect(funnel.ALL).toMatchObject({ introductionRequested: 3, connectedToFunderOrPolicymaker: 1 });
    // The latest network indicators community published in 2018.
    expect(report.network).toMatchObject({ nodes: 55, edges: 110, communities: 3, computedAt: '2018-12-31T09:00:00.000Z' });
    expect(report.network.countries).toEqual([
      { country: 'SI', people: 55, innovators: 2, innovatorsTiedToFunderOrPolicymaker: 1, crossSectorTieShare: 0.5, density: 0.1, ties: 4 },
    ]);
  });

  it('takes any period: the 2018 programme year up to January 2019 includes the January enrolment', async () => {
    const answer = await get(analytics.url, '/results/report?from=2018-09-01&to=2019-01-31', ['analyst']);
    expect(answer.status).toBe(200);
    expect(answer.body.enrolments.enrolled).toBe(40);
    expect(answer.body.enrolments.perCountry).toContainEqual({ country: 'HR', count: 13 });
    const empty = await get(analytics.url, '/results/report?year=2017', ['admin']);
    expect(empty.body).toMatchObject({ enrolments: { enrolled: 0 }, workshops: { held: 0, participants: 0 }, uniquePeople: { total: 0 } });
  });

  const publishPeriod = (body: unknown, roles?: Array<'analyst' | 'admin' | 'member'>) =>
    fetch(`${analytics.url}/results/publications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(roles ? { authorization: `Bearer ${token(roles)}` } : {}) },
      body: JSON.stringify(body),
    }).then(async (response) => ({ status: response.status, body: await response.json() }));

  it('shows the public nothing until a period is published, then the latest publication', async () => {
    const nothing = await get(analytics.url, '/results/headline');
    expect(nothing.status).toBe(404);
    expect(nothing.body).toMatchObject({ code: 'NOT_PUBLISHED', detail: 'No results have been published yet; an analyst publishes a period first.' });
    expect((await get(analytics.url, '/results/infographic.html')).status).toBe(404);

    expect((await publishPeriod({ year: '2018' })).status).toBe(401);
    expect((await publishPeriod({ year: '2018' }, ['member'])).status).toBe(403);
    const noPeriod = await publishPeriod({}, ['analyst']);
    expect(noPeriod).toMatchObject({ status: 400, body: { code: 'BAD_PERIOD', detail: 'Give the period to publish: a year such as 2018, or the from and to days.' } });
    const backwards = await publishPeriod({ from: '2018-12-31', to: '2018-01-01' }, ['admin']);
    expect(backwards).toMatchObject({ status: 400, body: { code: 'BAD_PERIOD' } });
    expect((await get(analytics.url, '/results/publications', ['analyst'])).body).toEqual([]);

    const published = await publishPeriod({ year: '2017' }, ['analyst']);
    expect(published).toMatchObject({ status: 201, body: { period: { from: '2017-01-01', to: '2017-12-31' } } });
    expect((await get(analytics.url, '/results/headline')).body).toMatchObject({ period: { from: '2017-01-01', to: '2017-12-31' }, learnersEnrolled: 0 });
    expect((await publishPeriod({ year: '2018' }, ['admin'])).status).toBe(201);
    // The latest publication is what the public sees by default; an earlier one stays readable by name.
    expect((await get(analytics.url, '/results/headline')).body).toMatchObject({ period: { from: '2018-01-01', to: '2018-12-31' }, learnersEnrolled: 39 });
    expect((await get(analytics.url, '/results/headline?year=2017')).status).toBe(200);
    const unpublished = await get(analytics.url, '/results/infographic.svg?year=2016');
    expect(unpublished.status).toBe(404);
    expect(unpublished.body).toMatchObject({ code: 'NOT_PUBLISHED' });
    expect(unpublished.body.detail).toContain('2016-01-01 to 2016-12-31 are not published');
    const list = await get(analytics.url, '/results/publications', ['admin']);
    expect(list.body.map((p: { period: { from: string } }) => p.period.from)).toEqual(['2018-01-01', '2017-01-01']);
    expect(list.body[0].publishedBy).toMatch(/^[0-9a-f-]{36}$/);
    // The public may list what is published, without who published it.
    const open = await get(analytics.url, '/results/published');
    expect(open.status).toBe(200);
    expect(open.body).toEqual(list.body.map(({ period, publishedAt }: { period: unknown; publishedAt: string }) => ({ period, publishedAt })));
  });

  it('gives the report as CSV and as a public infographic and headline figures', async () => {
    const csv = await get(analytics.url, '/results/report.csv?year=2018', ['analyst']);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('section,metric,dimension,key,value');
    expect(lines).toContain('enrolments,enrolled,all,,39');
    expect(lines).toContain('workshops,participants,country,SI,12');
    expect(lines).toContain('festivals,participants,all,,13');

    const headline = await get(analytics.url, '/results/headline?year=2018');
    expect(headline.status).toBe(200);
    expect(headline.body).toMatchObject({
      learnersEnrolled: 39,
      workshops: { held: 3, participants: 18 },
      festivals: { held: 1, visitors: 13 },
      webinars: { held: 1, participants: 7 },
    });
    expect(JSON.stringify(headline.body)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);

    const svg = await get(analytics.url, '/results/infographic.svg');
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toContain('image/svg+xml');
    expect(svg.text).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg.text).toContain('data-figure="field workshops">3<');
    expect(svg.text).toContain('18 participants');
    const html = await get(analytics.url, '/results/infographic.html?year=2018');
    expect(html.status).toBe(200);
    expect(html.text).toContain('<!DOCTYPE html>');
    expect(html.text).toContain('13 visitors');
  });

  it('lets analysts and admins read the report and refuses others', async () => {
    expect((await get(analytics.url, '/results/report?year=2018')).status).toBe(401);
    const member = await get(analytics.url, '/results/report?year=2018', ['member']);
    expect(member.status).toBe(403);
    expect((await get(analytics.url, '/results/report.csv?year=2018', ['organiser'])).status).toBe(403);
    expect((await get(analytics.url, '/results/report?year=2018', ['admin'])).status).toBe(200);
  });

  it('refuses a period that ends before it starts, or is not a date, with a sentence', async () => {
    const backwards = await get(analytics.url, '/results/report?from=2018-12-31&to=2018-01-01', ['analyst']);
    expect(backwards.status).toBe(400);
    expect(backwards.body).toMatchObject({ code: 'BAD_PERIOD', detail: 'The period ends (2018-01-01) before it starts (2018-12-31); give an end on or after the start.' });
    const notADate = await get(analytics.url, '/results/headline?from=2018-02-30');
    expect(notADate.status).toBe(400);
    expect(notADate.body.detail).toBe('from must be a date such as 2018-01-31; "2018-02-30" is not one.');
    expect((await get(analytics.url, '/results/infographic.svg?year=18')).status).toBe(400);
  });

  it('dead-letters an event of an unknown version, counts it and goes on', async () => {
    const before = await metricValue(analytics.url, 'events_dead_lettered_total', { reason: 'unknown-type' });
    const future = { ...envelope('org.socialmakers.learning.enrolment.created.v1', {
      enrolmentId: data.learners[0], personId: data.learners[0], courseKey: 'social-innovation-academy', country: 'SI', enrolledAt: '2018-10-01T00:00:00.000Z',
    }), type: 'org.socialmakers.learning.enrolment.created.v9' } as never;
    const record = toKafkaRecord(future);
    await produceRaw(qualified(Topics.learningEnrolment.name), [{ key: record.key, value: record.value, headers: record.headers }]);
    await waitFor('the unknown version to be dead-lettered', () => metricValue(analytics.url, 'events_dead_lettered_total', { reason: 'unknown-type' }), (n) => n === before + 1);
    // Still consuming: a later event is projected.
    const later = envelope('org.socialmakers.events.registration.created.v1', {
      registrationId: data.learners[1], activityId: data.activities.F, kind: 'festival', personId: data.learners[1], status: 'confirmed', country: 'SI', registeredAt: '2018-11-03T10:00:00.000Z',
    });
    await publish([later]);
    distinctEvents += 1;
    await waitFor('a later event to be projected', eventLogCount, (n) => n === distinctEvents);
    expect((await get(analytics.url, '/health/live')).status).toBe(200);
  });

  it('rebuilds from the streams, any number of times, to exactly the same report', async () => {
    const before = await report2018();
    const rebuild = () =>
      run(process.execPath, ['-r', '@swc-node/register', 'services/analytics/src/rebuild/rebuild.cli.ts', '--json'], {
        cwd: repoRoot,
        env: { ...process.env, DATABASE_URL: db.url },
        maxBuffer: 10 * 1024 * 1024,
      });
    const first = await rebuild();
    const result = JSON.parse(first.stdout.trim().split('\n').pop()!);
    // Every record on the topics was read (duplicates and the unknown version too), each distinct event kept once.
    expect(result.records).toBe(distinctEvents + 80 + 1);
    expect(result.events).toBe(distinctEvents);
    expect(first.stderr).toContain('100%');
    expect(await report2018()).toEqual(before);
    await rebuild();
    expect(await report2018()).toEqual(before);
    expect(await eventLogCount()).toBe(distinctEvents);
    // The replay group leaves no inbox rows behind.
    expect(await queryDb(db.url, "SELECT 1 FROM inbox WHERE consumer_group LIKE '%.replay'")).toHaveLength(0);
  });
});
