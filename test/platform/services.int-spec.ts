import { spawnSync } from 'node:child_process';
import SwaggerParser from '@apidevtools/swagger-parser';
import { metricValue, repoRoot, ServiceProcess, TestDatabase, type ServiceName } from '@socialmakers/testing';

const SERVICES: ServiceName[] = ['learning', 'events', 'community', 'analytics'];
const SOMEONE = '3f1c1a52-7a47-4f54-9a57-8b4c1f0e2a11';
/** A route of each service that needs a token (the events service has none until its domain arrives). */
const GUARDED_ROUTES: Record<ServiceName, string | undefined> = {
  learning: `/learners/${SOMEONE}/module-completions`,
  events: undefined,
  community: `/network/people/${SOMEONE}`,
  analytics: '/results/module-completions',
};

/**
 * Every service boots the platform way: validated configuration, a health endpoint that checks the
 * real database and broker, an OpenAPI document that passes a standard validator, deny-by-default
 * access, the one error shape, and Prometheus metrics.
 */
describe.each(SERVICES)('the %s service', (name) => {
  let database: TestDatabase;
  let service: ServiceProcess;

  beforeAll(async () => {
    database = await TestDatabase.create(`boot_${name}`);
    service = await ServiceProcess.start(name, { DATABASE_URL: database.url });
  });

  afterAll(async () => {
    expect(await service?.stop()).toBe(0);
    await database?.drop();
  });

  it('reports its database and broker up on /health', async () => {
    const response = await fetch(`${service.url}/health`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; details: Record<string, { status: string }> };
    expect(body.status).toBe('ok');
    expect(body.details.database.status).toBe('up');
    expect(body.details.broker.status).toBe('up');
  });

  it('serves an OpenAPI document that the OpenAPI validator accepts', async () => {
    const document = (await (await fetch(`${service.url}/docs-json`)).json()) as { openapi: string; info: { title: string } };
    await expect(SwaggerParser.validate(document as never)).resolves.toBeDefined();
    expect(document.info.title).toContain(name);
  });

  it('answers an unknown route with 404 in the problem-details shape, echoing the request id, and counts it', async () => {
    const response = await fetch(`${service.url}/no-such-route`, { headers: { 'x-request-id': 'boot-check-1' } });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 404, requestId: 'boot-check-1' });
    expect(await metricValue(service.url, 'http_request_duration_seconds_count', { status: '404' })).toBeGreaterThanOrEqual(1);
  });

  const guarded = GUARDED_ROUTES[name];
  if (guarded) {
    it(`refuses ${guarded} without a valid token (401, problem details)`, async () => {
      for (const authorization of [undefined, 'Bearer not-a-token']) {
        const response = await fetch(`${service.url}${guarded}`, { headers: authorization ? { authorization } : {} });
        expect(response.status).toBe(401);
        expect(response.headers.get('content-type')).toContain('application/problem+json');
      }
    });
  }

  it('migrated its own database at start-up, outbox and inbox included', async () => {
    const { Client } = await import('pg');
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`);
      const tables = rows.map((row: { table_name: string }) => row.table_name);
      expect(tables).toEqual(expect.arrayContaining(['outbox', 'inbox', 'schema_migrations']));
    } finally {
      await client.end();
    }
  });
});

describe('configuration', () => {
  it.each(SERVICES)('stops %s at start-up with one line naming each missing or malformed setting', (name) => {
    const env = { ...process.env, DATABASE_URL: 'mysql://nowhere/x', PORT: 'not-a-port' } as Record<string, string>;
    delete env.KAFKA_BROKERS;
    const result = spawnSync(process.execPath, [`dist/services/${name}/src/main.js`], { cwd: repoRoot, env, encoding: 'utf8', timeout: 30_000 });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Configuration error: /);
    expect(lines[0]).toContain('KAFKA_BROKERS');
    expect(lines[0]).toContain('DATABASE_URL');
    expect(lines[0]).toContain('PORT');
  });
});
