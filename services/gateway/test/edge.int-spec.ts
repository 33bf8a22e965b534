import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ServiceProcess, TestDatabase } from '@socialmakers/testing';
import { call, PASSWORD, publishCourse, signUp, startGateway, tokenFor, uniqueEmail, type Answer } from './support';

/**
 * The public edge on the compiled gateway in front of a real learning service: routing with the prefix
 * stripped, the Authorization header and the request id passed on, a service that is down, security
 * headers, body size limits, rate limits, an expired access token refused by the service, and the
 * console's files with the index.html fallback.
 */
describe('gateway: the public edge', () => {
  let learningDb: TestDatabase;
  let gatewayDb: TestDatabase;
  let learning: ServiceProcess;
  let gateway: ServiceProcess;
  let learningClient: Client;
  const courseKey = `gateway-${randomBytes(3).toString('hex')}`;
  const url = () => gateway.url;

  beforeAll(async () => {
    [learningDb, gatewayDb] = await Promise.all([TestDatabase.create('gateway_edge_learning'), TestDatabase.create('gateway_edge')]);
    learning = await ServiceProcess.start('learning', { DATABASE_URL: learningDb.url });
    gateway = await startGateway(gatewayDb, { LEARNING_URL: learning.url }, { PROXY_BODY_LIMIT_BYTES: String(64 * 1024) });
    learningClient = new Client({ connectionString: learningDb.url });
    await learningClient.connect();
    await publishCourse(learning.url, courseKey);
  });

  afterAll(async () => {
    await learningClient?.end();
    await gateway?.stop();
    await learning?.stop();
    await Promise.all([learningDb?.drop(), gatewayDb?.drop()]);
  });

  const enrolments = async () => Number((await learningClient.query(`SELECT count(*) AS n FROM enrolments`)).rows[0].n);

  it('routes /api/learning/* to learning with the prefix stripped: the same answer as learning gives directly', async () => {
    const token = tokenFor(randomUUID(), 'member');
    const direct = await call(learning.url, 'GET', `/courses/${courseKey}?lang=sl`, { token });
    const routed = await call(url(), 'GET', `/api/learning/courses/${courseKey}?lang=sl`, { token });
    expect(direct.status).toBe(200);
    expect(routed.status).toBe(200);
    expect(routed.body).toEqual(direct.body);
    expect(routed.body.key ?? routed.body.courseKey).toBe(courseKey);
  });

  it('passes the Authorization header on: learning itself refuses a missing token and accepts the member acting for themself', async () => {
    const member = await signUp(url());
    const path = `/api/learning/learners/${member.account.personId}/enrolments`;
    const anonymous = await call(url(), 'POST', path, { body: { courseKey } });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer realm="socialmakers"');
    expect(anonymous.body.instance).toBe(`/learners/${member.account.personId}/enrolments`);

    const before = await enrolments();
    const enrolled = await call(url(), 'POST', path, { token: member.accessToken, body: { courseKey, country: 'SI' } });
    expect(enrolled.status).toBe(201);
    expect(enrolled.body).toMatchObject({ personId: member.account.personId, courseKey });
    expect(await enrolments()).toBe(before + 1);
  });

  it("passes the caller's request id to the service, and makes one up when the caller sent none", async () => {
    const requestId = `it-gateway-${randomBytes(4).toString('hex')}`;
    const token = tokenFor(randomUUID(), 'member');
    // learning's 404 body carries the request id learning itself saw.
    const given = await call(url(), 'GET', '/api/learning/courses/no-such-course', { token, headers: { 'x-request-id': requestId } });
    expect(given.status).toBe(404);
    expect(given.body.requestId).toBe(requestId);
    expect(given.headers.get('x-request-id')).toBe(requestId);

    const made = await call(url(), 'GET', '/api/learning/courses/no-such-course', { token });
    expect(made.status).toBe(404);
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(made.body.requestId).toBe(made.headers.get('x-request-id'));
  });

  it('answers 502 with a problem naming the service when the service is down', async () => {
    const answer = await call(url(), 'GET', '/api/events/activities');
    expect(answer.status).toBe(502);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(answer.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', service: 'events', instance: '/api/events/activities' });
    expect(answer.body.detail).toMatch(/The events service did not answer/);
  });

  it('refuses an export with 502 naming the service that is down, rather than hand over part of it', async () => {
    const member = await signUp(url());
    const answer = await call(url(), 'GET', '/api/accounts/me/export', { token: member.accessToken });
    expect(answer.status).toBe(502);
    expect(answer.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', service: 'events' });
    expect(answer.body.detail).toMatch(/^The events service did not answer/);
  });

  it('keeps the account when erasure cannot reach community, so the member can ask again', async () => {
    const member = await signUp(url());
    const answer = await call(url(), 'POST', '/api/accounts/me/erasure', { token: member.accessToken });
    expect(answer.status).toBe(502);
    expect(answer.body).toMatchObject({ service: 'community' });
    expect((await call(url(), 'GET', '/api/accounts/me', { token: member.accessToken })).status).toBe(200);
  });

  it('puts security headers on proxied answers and on its own', async () => {
    for (const path of ['/api/learning/courses', '/api/accounts/me', '/health']) {
      const answer = await call(url(), 'GET', path);
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(answer.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(answer.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
      expect(answer.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('answers 413 to a body over the limit, for the accounts API and for a proxied request, and the service sees nothing', async () => {
    const huge = await call(url(), 'POST', '/api/accounts/sign-up', { body: { email: uniqueEmail('huge'), password: PASSWORD, displayName: 'x'.repeat(20_000) } });
    expect(huge.status).toBe(413);
    expect(huge.headers.get('content-type')).toContain('application/problem+json');

    const member = await signUp(url());
    const before = await enrolments();
    const path = `/api/learning/learners/${member.account.personId}/enrolments`;
    const declared = await call(url(), 'POST', path, { token: member.accessToken, body: { courseKey, padding: 'x'.repeat(70 * 1024) } });
    expect(declared.status).toBe(413);
    expect(declared.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(declared.body.detail).toMatch(/larger than the 64 kB the gateway accepts/);

    // Without Content-Length (chunked), the gateway counts as the body streams: a CSV import of learners
    // that learning would take whole is cut off at the limit.
    const row = (i: number) => `${randomUUID()},${courseKey},SI,2018-10-01T09:00:00Z,,,\n`.replace(/^/, i === 0 ? 'personId,courseKey,country,enrolledAt,moduleKey,completedAt,score\n' : '');
    const chunks = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 1200; i += 1) controller.enqueue(new TextEncoder().encode(row(i)));
        controller.close();
      },
    });
    const streamed = await fetch(`${url()}/api/learning/imports/learners`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokenFor(randomUUID(), 'admin')}`, 'content-type': 'text/csv' },
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await enrolments()).toBe(before);
  });

  it("serves the console's files, index.html for client-side routes, and 404 for missing files and unknown API routes", async () => {
    const html = { headers: { accept: 'text/html' } };
    const root = await call(url(), 'GET', '/', html);
    expect(root.status).toBe(200);
    expect(root.text).toContain('<div id="app">console</div>');
    const clientRoute = await call(url(), 'GET', '/me/progress', html);
    expect(clientRoute.status).toBe(200);
    expect(clientRoute.text).toBe(root.text);
    expect(clientRoute.headers.get('cache-control')).toBe('no-cache');

    const asset = await call(url(), 'GET', '/assets/index-3f2a1b.js');
    expect(asset.status).toBe(200);
    expect(asset.text).toBe('console.log("console");');
    expect(asset.headers.get('cache-control')).toContain('immutable');

    expect((await call(url(), 'GET', '/assets/missing-000000.js')).status).toBe(404);
    for (const path of ['/api/nothing-here', '/api/learningcourses']) {
      const api = await call(url(), 'GET', path, html);
      expect({ path, status: api.status }).toEqual({ path, status: 404 });
      expect(api.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  describe('with a strict gateway (30 API requests and five credential attempts a minute, one-second access tokens)', () => {
    let strict: ServiceProcess;

    beforeAll(async () => {
      strict = await startGateway(gatewayDb, { LEARNING_URL: learning.url }, { RATE_LIMIT_PER_MINUTE: '30', AUTH_RATE_LIMIT_PER_MINUTE: '5', ACCESS_TOKEN_TTL_SECONDS: '1' });
    });

    afterAll(async () => {
      await strict?.stop();
    });

    it('lets the service refuse an expired access token with 401 through the gateway', async () => {
      const member = await signUp(strict.url);
      const path = `/api/learning/learners/${member.account.personId}/enrolments`;
      expect(member.accessTokenExpiresIn).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 2100));
      const expired = await call(strict.url, 'GET', path, { token: member.accessToken });
      expect(expired.status).toBe(401);
      expect(expired.body.detail).toMatch(/^The access token expired at .*sign in again/);
      // A refresh gives a working token again.
      const renewed = await call<{ accessToken: string }>(strict.url, 'POST', '/api/accounts/refresh', { body: { refreshToken: member.refreshToken } });
      expect((await call(strict.url, 'GET', path, { token: renewed.body.accessToken })).status).toBe(200);
    });

    it('answers 429 with Retry-After once an address has used up its credential attempts', async () => {
      const statuses: number[] = [];
      let refused: Answer | undefined;
      for (let attempt = 0; attempt < 7; attempt += 1) {
        const answer = await call(strict.url, 'POST', '/api/accounts/sign-in', { body: { email: uniqueEmail('guess'), password: `guess number ${attempt}` } });
        statuses.push(answer.status);
        if (answer.status === 429) refused ??= answer;
      }
      const first429 = statuses.indexOf(429);
      expect(first429).toBeGreaterThan(-1);
      expect(first429).toBeLessThanOrEqual(5);
      expect(statuses.slice(0, first429).every((status) => status === 401)).toBe(true);
      expect(statuses.slice(first429).every((status) => status === 429)).toBe(true);
      expect(refused!.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(refused!.headers.get('content-type')).toContain('application/problem+json');
      expect(refused!.body).toMatchObject({ code: 'RATE_LIMITED', instance: '/api/accounts/sign-in' });
      expect(refused!.body.detail).toMatch(/^Too many sign-in, sign-up or reset attempts from your address; wait \d+ seconds/);
      // Other routes keep their own, wider limit.
      expect((await call(strict.url, 'GET', '/api/learning/courses', { token: tokenFor(randomUUID(), 'member') })).status).toBe(200);
    });

    it('answers 429 on the proxied routes too once an address has used up its API requests', async () => {
      const token = tokenFor(randomUUID(), 'member');
      const requestId = `it-limited-${randomBytes(4).toString('hex')}`;
      let refused: Answer | undefined;
      let served = 0;
      for (let attempt = 0; attempt < 40 && !refused; attempt += 1) {
        const answer = await call(strict.url, 'GET', '/api/learning/courses', { token, headers: { 'x-request-id': `${requestId}-${attempt}` } });
        if (answer.status === 429) refused = answer;
        else if (answer.status === 200) served += 1;
        else throw new Error(`unexpected ${answer.status}: ${answer.text}`);
      }
      expect(refused).toBeDefined();
      expect(served).toBeLessThanOrEqual(30);
      expect(refused!.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(refused!.headers.get('content-type')).toContain('application/problem+json');
      expect(refused!.headers.get('x-content-type-options')).toBe('nosniff');
      expect(refused!.body).toMatchObject({ status: 429, code: 'RATE_LIMITED', instance: '/api/learning/courses' });
      expect(refused!.body.requestId).toBe(refused!.headers.get('x-request-id'));
      expect(refused!.body.detail).toMatch(/^Too many requests from your address; wait \d+ seconds/);
    });
  });
});
