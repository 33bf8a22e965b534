import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import validateStatement from 'xapi-validation';
import { repoRoot, ServiceProcess, TestDatabase, waitFor } from '@socialmakers/testing';
import { DataSource } from 'typeorm';
import { analyticsDataSourceOptions } from '../src/database/data-source';
import { EventLogService } from '../src/streams/event-log.service';
import { envelope, get, isolateKafka, programme, publish, queryDb, token, type Body } from './support';

interface SseMessage {
  id: string;
  event: string;
  data: Body;
}

/** Reads a server-sent-events response until `count` messages came (or the time is up), then hangs up. */
async function readSse(url: string, roles: ['analyst'] | ['admin'], count: number, headers: Record<string, string> = {}, onOpen?: () => Promise<void>): Promise<SseMessage[]> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), 20_000);
  const response = await fetch(url, { headers: { authorization: `Bearer ${token(roles)}`, ...headers }, signal: abort.signal });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  await onOpen?.();
  const messages: SseMessage[] = [];
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const fields = Object.fromEntries(
          frame.split('\n').filter((line) => line && !line.startsWith(':')).map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]),
        );
        if (fields.id) messages.push({ id: fields.id, event: fields.event, data: JSON.parse(fields.data) });
      }
      if (messages.length >= count) break;
    }
  } catch (error) {
    if (!abort.signal.aborted) throw error;
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
  return messages;
}

describe('analytics: streams for analysts (AsyncAPI, live stream, exports)', () => {
  let db: TestDatabase;
  let analytics: ServiceProcess;
  let data: ReturnType<typeof programme>;
  const ATTENDANCE = 'org.socialmakers.events.attendance.recorded.v1';

  beforeAll(async () => {
    db = await TestDatabase.create('analytics_streams');
    await isolateKafka('streams');
    analytics = await ServiceProcess.start('analytics', { DATABASE_URL: db.url });
    data = programme();
    await publish(data.events);
    await waitFor(
      'every event to be logged',
      async () => Number((await queryDb<{ n: string }>(db.url, 'SELECT count(*) AS n FROM event_log'))[0].n),
      (n) => n === data.events.length,
      { timeoutMs: 60_000 },
    );
  });

  afterAll(async () => {
    await analytics?.stop();
    await db?.drop();
  });

  it('serves the AsyncAPI document that is committed in docs/, to analysts and admins', async () => {
    const answer = await get(analytics.url, '/streams/asyncapi.json', ['analyst']);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(JSON.parse(readFileSync(resolve(repoRoot, 'docs/asyncapi.json'), 'utf8')));
    expect((await get(analytics.url, '/streams/asyncapi.json')).status).toBe(401);
    expect((await get(analytics.url, '/streams/asyncapi.json', ['member'])).status).toBe(403);
  });

  it('streams events filtered by type and country, resumes after Last-Event-ID and goes on live', async () => {
    const url = `${analytics.url}/streams/events?type=${ATTENDANCE}&country=HR&after=0`;
    const first = await readSse(url, ['analyst'], 7);
    expect(first).toHaveLength(7);
    expect(first.every((m) => m.event === ATTENDANCE && m.data.country === 'HR' && m.data.type === ATTENDANCE)).toBe(true);
    const ids = first.map((m) => Number(m.id));
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    // Analysts get pseudonyms, never a person id.
    for (const person of data.newcomers.slice(1)) expect(JSON.stringify(first)).not.toContain(person);
    expect(first[0].data.data.personId).toMatch(/^anon-[0-9a-f]{24}$/);

    // Reconnecting with the id of the fourth: the fifth to seventh, then a new one as it is consumed.
    const newcomer = randomUUID();
    const resumed = await readSse(url, ['analyst'], 4, { 'last-event-id': first[3].id }, () =>
      publish([
        envelope(ATTENDANCE, {
          attendanceId: randomUUID(), activityId: data.activities.W, kind: 'webinar', personId: newcomer, country: 'HR', organiserId: randomUUID(),
          lecturerIds: [], source: 'check-in', attendedAt: '2018-11-14T17:00:00.000Z',
        }),
        // Not HR: filtered out.
        envelope(ATTENDANCE, {
          attendanceId: randomUUID(), activityId: data.activities.F, kind: 'festival', personId: randomUUID(), country: 'SI', organiserId: randomUUID(),
          lecturerIds: [], source: 'check-in', attendedAt: '2018-11-17T09:00:00.000Z',
        }),
      ]),
    );
    expect(resumed.map((m) => m.id).slice(0, 3)).toEqual(first.slice(4).map((m) => m.id));
    expect(resumed).toHaveLength(4);
    expect(resumed[3].data.country).toBe('HR');

    // Admins see the person ids themselves.
    const admin = await readSse(`${analytics.url}/streams/events?type=${ATTENDANCE}&country=HR&after=0`, ['admin'], 8);
    expect(admin.map((m) => m.data.data.personId)).toEqual(expect.arrayContaining([...data.newcomers.slice(1), newcomer]));
  });

  it('pages through the whole log in the order of its sequence, across 9 to 10 and 99 to 100', async () => {
    const dataSource = await new DataSource(analyticsDataSourceOptions(db.url)).initialize();
    try {
      const log = new EventLogService(dataSource);
      const paged: number[] = [];
      for (let after = '0'; ; ) {
        const page = await log.page({ afterSeq: after, limit: 4 });
        if (page.length === 0) break;
        paged.push(...page.map((event) => Number(event.seq)));
        after = page[page.length - 1].seq;
      }
      const all = (await dataSource.query(`SELECT seq::int AS seq FROM event_log ORDER BY seq`)) as Array<{ seq: number }>;
      expect(all.length).toBeGreaterThan(100);
      expect(paged).toEqual(all.map((row) => row.seq));
    } finally {
      await dataSource.destroy();
    }
  });

  it('refuses an unknown type, country or cursor with a sentence, and callers without the role', async () => {
    const type = await get(analytics.url, '/streams/events?type=org.socialmakers.learning.enrolment.created.v9', ['analyst']);
    expect(type.status).toBe(400);
    expect(type.body.code).toBe('UNKNOWN_EVENT_TYPE');
    expect(type.body.detail).toMatch(/^Unknown event type "org.socialmakers.learning.enrolment.created.v9"; the event catalogue has: /);
    const country = await get(analytics.url, '/exports/events.ndjson?country=XX', ['analyst']);
    expect(country.status).toBe(400);
    expect(country.body.detail).toBe('Unknown country "XX"; give ISO 3166-1 alpha-2 codes in capitals, such as SI or AT.');
    const response = await fetch(`${analytics.url}/streams/events`, { headers: { authorization: `Bearer ${token(['analyst'])}`, 'last-event-id': 'yesterday' } });
    expect(response.status).toBe(400);
    expect(((await response.json()) as Body).code).toBe('BAD_CURSOR');
    expect((await get(analytics.url, '/exports/events.csv?from=2019-01-01&to=2018-01-01', ['analyst'])).status).toBe(400);
    expect((await get(analytics.url, '/streams/events')).status).toBe(401);
    expect((await get(analytics.url, '/exports/xapi?year=2018', ['member'])).status).toBe(403);
    expect((await get(analytics.url, '/exports/events.ndjson?year=2018')).status).toBe(401);
  });

  it('exports events of a type and period as NDJSON and CSV, with person ids for admins only', async () => {
    const type = 'org.socialmakers.learning.module.completed.v1';
    const ndjson = await get(analytics.url, `/exports/events.ndjson?type=${type}&year=2018`, ['analyst']);
    expect(ndjson.status).toBe(200);
    expect(ndjson.headers.get('content-type')).toContain('application/x-ndjson');
    const lines = ndjson.text.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(60);
    expect(lines.every((line) => line.type === type && line.occurredAt.startsWith('2018-'))).toBe(true);
    for (const person of data.learners.slice(0, 30)) expect(ndjson.text).not.toContain(person);

    const asAdmin = await get(analytics.url, `/exports/events.ndjson?type=${type}&year=2018&country=SI`, ['admin']);
    const adminLines = asAdmin.text.trim().split('\n').map((line) => JSON.parse(line));
    expect(adminLines).toHaveLength(15 + 15 + 10);
    expect(new Set(adminLines.map((line) => line.data.personId))).toEqual(new Set(data.learners.slice(0, 15)));

    const csv = await get(analytics.url, `/exports/events.csv?type=${type}&year=2018`, ['analyst']);
    expect(csv.status).toBe(200);
    const rows = csv.text.trim().split('\r\n');
    expect(rows[0]).toBe('seq,id,source,type,subject,occurredAt,recordedAt,country,personId,courseKey,moduleKey,country,score,completedAt');
    expect(rows).toHaveLength(61);
    expect(csv.text).not.toContain(data.learners[0]);
    // Nothing of 2019 in a 2018 export; the 2019 enrolment is in 2019's.
    const enrolments2019 = await get(analytics.url, '/exports/events.ndjson?type=org.socialmakers.learning.enrolment.created.v1&year=2019', ['admin']);
    expect(enrolments2019.text.trim().split('\n').map((line) => JSON.parse(line).data.personId)).toEqual([data.learners[40]]);
  });

  it('exports the learning and attendance history as xAPI statements a learning record store accepts', async () => {
    const answer = await get(analytics.url, '/exports/xapi?year=2018', ['analyst']);
    expect(answer.status).toBe(200);
    const statements = answer.body as Array<Record<string, Body>>;
    // 41 enrolments (one is a re-enrolment), 60 module and 10 course completions, 19 attendances (+2 from the stream test).
    expect(statements).toHaveLength(41 + 60 + 10 + 19 + 2);
    for (const statement of statements) expect(validateStatement(statement)).toEqual([]);
    expect(new Set(statements.map((s) => s.verb.id))).toEqual(
      new Set(['http://adlnet.gov/expapi/verbs/registered', 'http://adlnet.gov/expapi/verbs/completed', 'http://adlnet.gov/expapi/verbs/attended']),
    );
    expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);
    for (const person of data.learners) expect(answer.text).not.toContain(person);

    const admin = await get(analytics.url, '/exports/xapi?year=2018&country=HR', ['admin']);
    const names = new Set((admin.body as Array<Record<string, Body>>).map((s) => s.actor.account.name));
    expect(names).toEqual(expect.objectContaining({ size: expect.any(Number) }));
    expect([...names]).toEqual(expect.arrayContaining([data.learners[28], data.newcomers[1]]));
  });
});
