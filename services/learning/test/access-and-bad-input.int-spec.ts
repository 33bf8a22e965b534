import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ServiceProcess, TestDatabase } from '@socialmakers/testing';
import { adminToken, call, publishCourse, tokenFor, uniqueKey } from './support';

/**
 * Who may do what, and what a wrong request gets: 401 without a token, 403 for a wrong role or
 * someone else's data, 404 for unknown courses and modules, 409 for a module of a course one is not
 * enrolled in, 400 naming every bad field; and a failed request writes nothing.
 */
describe('learning: access and bad input', () => {
  let database: TestDatabase;
  let learning: ServiceProcess;
  let db: Client;
  let courseKey: string;
  const url = () => learning.url;

  beforeAll(async () => {
    database = await TestDatabase.create('learning_access');
    learning = await ServiceProcess.start('learning', { DATABASE_URL: database.url });
    db = new Client({ connectionString: database.url });
    await db.connect();
    courseKey = uniqueKey('course');
    await publishCourse(url(), courseKey);
  });

  afterAll(async () => {
    await db?.end();
    await learning?.stop();
    await database?.drop();
  });

  /** Rows in every table a request could write, so a test can prove a failed request wrote nothing. */
  const footprint = async () =>
    (
      await db.query(
        `SELECT (SELECT count(*) FROM outbox) + (SELECT count(*) FROM enrolments) + (SELECT count(*) FROM module_completions)
              + (SELECT count(*) FROM module_starts) + (SELECT count(*) FROM courses) + (SELECT count(*) FROM course_modules) AS n`,
      )
    ).rows[0].n as string;

  it('answers 401 without a valid token on every learner and admin route', async () => {
    const someone = randomUUID();
    const routes: Array<[string, string, unknown?]> = [
      ['GET', '/courses'],
      ['PUT', `/courses/${courseKey}`, { title: { en: 'x' }, summary: { en: 'x' } }],
      ['POST', `/learners/${someone}/enrolments`, { courseKey }],
      ['POST', `/learners/${someone}/module-completions`, { courseKey, moduleKey: 'financing' }],
      ['GET', `/learners/${someone}/progress`],
      ['GET', `/learners/${someone}/record`],
      ['POST', '/imports/learners', { rows: [] }],
      ['GET', `/statistics/courses/${courseKey}`],
    ];
    for (const [method, path, body] of routes) {
      for (const token of [null, 'not-a-token']) {
        const answer = await call(url(), method, path, { token, body });
        expect({ method, path, status: answer.status }).toEqual({ method, path, status: 401 });
        expect(answer.headers.get('content-type')).toContain('application/problem+json');
      }
    }
  });

  it("answers 403 to a learner acting on someone else's data or on admin routes, and to an analyst enrolling", async () => {
    const me = randomUUID();
    const other = randomUUID();
    const mine = tokenFor(me, 'member');
    const before = await footprint();
    const forbidden: Array<[string, string, string, unknown?]> = [
      [mine, 'POST', `/learners/${other}/enrolments`, { courseKey }],
      [mine, 'DELETE', `/learners/${other}/enrolments/${courseKey}`],
      [mine, 'POST', `/learners/${other}/module-completions`, { courseKey, moduleKey: 'financing', score: 80 }],
      [mine, 'POST', `/learners/${other}/module-starts`, { courseKey, moduleKey: 'financing' }],
      [mine, 'GET', `/learners/${other}/progress`],
      [mine, 'GET', `/learners/${other}/enrolments`],
      [mine, 'GET', `/learners/${other}/certificates`],
      [mine, 'GET', `/learners/${other}/record`],
      [mine, 'PUT', `/courses/${courseKey}`, { title: { en: 'Mine now' }, summary: { en: 'x' } }],
      [mine, 'PUT', `/courses/${courseKey}/modules/new-one`, { position: 9, title: { en: 'x' }, summary: { en: 'x' } }],
      [mine, 'POST', `/courses/${courseKey}/publish`],
      [mine, 'POST', `/courses/${courseKey}/archive`],
      [mine, 'POST', '/imports/learners', { rows: [{ personId: me, courseKey }] }],
      [mine, 'GET', `/statistics/courses/${courseKey}`],
      [tokenFor(me, 'analyst'), 'POST', `/learners/${me}/enrolments`, { courseKey }],
      [tokenFor(me, 'organiser'), 'POST', `/learners/${other}/enrolments`, { courseKey }],
    ];
    for (const [token, method, path, body] of forbidden) {
      const answer = await call(url(), method, path, { token, body });
      expect({ method, path, status: answer.status }).toEqual({ method, path, status: 403 });
      expect(typeof answer.body.detail).toBe('string');
    }
    expect(await footprint()).toBe(before);

    // An admin acts for anyone; an analyst reads.
    expect((await call(url(), 'POST', `/learners/${other}/enrolments`, { token: adminToken(), body: { courseKey } })).status).toBe(201);
    expect((await call(url(), 'GET', `/learners/${other}/progress`, { token: tokenFor(me, 'analyst') })).status).toBe(200);
    expect((await call(url(), 'GET', `/statistics/courses/${courseKey}`, { token: tokenFor(me, 'analyst') })).status).toBe(200);
  });

  it('answers 404 for an unknown course or module, and writes nothing', async () => {
    const me = randomUUID();
    const token = tokenFor(me, 'member');
    await call(url(), 'POST', `/learners/${me}/enrolments`, { token, body: { courseKey } });
    const before = await footprint();
    const cases: Array<[string, string, unknown?]> = [
      ['POST', `/learners/${me}/enrolments`, { courseKey: 'no-such-course' }],
      ['POST', `/learners/${me}/module-completions`, { courseKey: 'no-such-course', moduleKey: 'financing' }],
      ['POST', `/learners/${me}/module-completions`, { courseKey, moduleKey: 'no-such-module' }],
      ['POST', `/learners/${me}/module-starts`, { courseKey, moduleKey: 'no-such-module' }],
      ['GET', '/courses/no-such-course'],
      ['DELETE', `/learners/${me}/enrolments/no-such-course`],
    ];
    for (const [method, path, body] of cases) {
      const answer = await call(url(), method, path, { token, body });
      expect({ method, path, status: answer.status }).toEqual({ method, path, status: 404 });
      expect(answer.body.detail).toMatch(/no (published )?(course|module)|no enrolment/i);
    }
    for (const [method, path, body] of [
      ['PUT', '/courses/no-such-course/modules/m', { position: 1, title: { en: 'x' }, summary: { en: 'x' } }],
      ['POST', '/courses/no-such-course/publish', undefined],
      ['GET', '/statistics/courses/no-such-course', undefined],
      ['GET', `/statistics/courses/${courseKey}/modules/no-such-module`, undefined],
    ] as Array<[string, string, unknown]>) {
      expect((await call(url(), method, path, { token: adminToken(), body })).status).toBe(404);
    }
    expect(await footprint()).toBe(before);
  });

  it('answers 409 with a sentence when completing a module of a course one is not enrolled in (or withdrew from)', async () => {
    const me = randomUUID();
    const token = tokenFor(me, 'member');
    const before = await footprint();
    const notEnrolled = await call(url(), 'POST', `/learners/${me}/module-completions`, { token, body: { courseKey, moduleKey: 'active-citizenship' } });
    expect(notEnrolled.status).toBe(409);
    expect(notEnrolled.headers.get('content-type')).toContain('application/problem+json');
    expect(notEnrolled.body.detail).toBe(`You are not enrolled in the course "${courseKey}"; enrol in it before starting or completing its modules.`);
    expect(notEnrolled.body.code ?? notEnrolled.body.type).toBeDefined();
    expect(await footprint()).toBe(before);

    await call(url(), 'POST', `/learners/${me}/enrolments`, { token, body: { courseKey } });
    await call(url(), 'DELETE', `/learners/${me}/enrolments/${courseKey}`, { token });
    const withdrawn = await call(url(), 'POST', `/learners/${me}/module-completions`, { token, body: { courseKey, moduleKey: 'active-citizenship' } });
    expect(withdrawn.status).toBe(409);
    expect(withdrawn.body.detail).toMatch(/withdrew/);
    expect((await db.query(`SELECT count(*)::int AS n FROM module_completions WHERE person_id = $1`, [me])).rows[0].n).toBe(0);

    // An archived course takes no enrolments.
    const archived = uniqueKey('archived');
    await publishCourse(url(), archived);
    expect((await call(url(), 'POST', `/courses/${archived}/archive`, { token: adminToken() })).status).toBe(200);
    expect((await call(url(), 'POST', `/learners/${me}/enrolments`, { token, body: { courseKey: archived } })).status).toBe(409);
  });

  it('answers 400 listing every bad field of a malformed body, and writes nothing', async () => {
    const me = randomUUID();
    const token = tokenFor(me, 'member');
    const before = await footprint();

    const completion = await call<{ errors: Array<{ field: string }> }>(url(), 'POST', `/learners/${me}/module-completions`, {
      token,
      body: { courseKey: 'Not A Key', moduleKey: 7, country: 'si', score: 101, extra: true },
    });
    expect(completion.status).toBe(400);
    expect(completion.headers.get('content-type')).toContain('application/problem+json');
    expect([...new Set(completion.body.errors.map((e) => e.field))].sort()).toEqual(['country', 'courseKey', 'extra', 'moduleKey', 'score']);

    const enrolment = await call<{ errors: Array<{ field: string }> }>(url(), 'POST', `/learners/${me}/enrolments`, { token, body: { country: 'XX' } });
    expect(enrolment.status).toBe(400);
    expect([...new Set(enrolment.body.errors.map((e) => e.field))].sort()).toEqual(['country', 'courseKey']);

    const module = await call<{ errors: Array<{ field: string }> }>(url(), 'PUT', `/courses/${courseKey}/modules/bad`, {
      token: adminToken(),
      body: { position: 0, title: { sl: 'brez angleščine' }, passMark: 'high' },
    });
    expect(module.status).toBe(400);
    expect([...new Set(module.body.errors.map((e) => e.field))].sort()).toEqual(['passMark', 'position', 'summary', 'title.en']);

    const badKey = await call(url(), 'PUT', '/courses/Bad_Key', { token: adminToken(), body: { title: { en: 'x' }, summary: { en: 'x' } } });
    expect(badKey.status).toBe(400);
    expect((await call(url(), 'GET', `/learners/not-a-uuid/progress`, { token })).status).toBe(400);
    const importBody = await call<{ errors: Array<{ field: string }> }>(url(), 'POST', '/imports/learners', { token: adminToken(), body: { rows: 'nope', other: 1 } });
    expect(importBody.status).toBe(400);
    expect([...new Set(importBody.body.errors.map((e) => e.field))].sort()).toEqual(['other', 'rows']);
    expect(await footprint()).toBe(before);
  });
});
