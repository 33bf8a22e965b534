import { spawnSync } from 'node:child_process';
import SwaggerParser from '@apidevtools/swagger-parser';
import { Client } from 'pg';
import { metricValue, repoRoot, ServiceProcess, TestDatabase } from '@socialmakers/testing';
import { startGateway } from './support';

/**
 * The gateway boots the platform way: migrations on its own database, health of database and broker,
 * an OpenAPI document of its own API, metrics (its proxy's too), a graceful stop, and one line naming
 * each bad setting when it cannot start.
 */
describe('gateway: boot', () => {
  let database: TestDatabase;
  let gateway: ServiceProcess;

  beforeAll(async () => {
    database = await TestDatabase.create('gateway_boot');
    gateway = await startGateway(database, {});
  });

  afterAll(async () => {
    expect(await gateway?.stop()).toBe(0);
    await database?.drop();
  });

  it('migrated its own database at start-up: accounts, sessions and reset links, and no outbox', async () => {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`);
      expect(rows.map((row: { table_name: string }) => row.table_name)).toEqual(['accounts', 'password_resets', 'refresh_tokens', 'schema_migrations']);
    } finally {
      await client.end();
    }
  });

  it('reports its database and broker up on /health', async () => {
    const response = await fetch(`${gateway.url}/health`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; details: Record<string, { status: string }> };
    expect(body).toMatchObject({ status: 'ok', details: { database: { status: 'up' }, broker: { status: 'up' } } });
  });

  it('documents its own API in an OpenAPI document that the validator accepts', async () => {
    const document = (await (await fetch(`${gateway.url}/docs-json`)).json()) as { info: { title: string }; paths: Record<string, unknown> };
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
    expect(document.info.title).toBe('gateway service');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/accounts/sign-up',
        '/api/accounts/sign-in',
        '/api/accounts/refresh',
        '/api/accounts/password-reset',
        '/api/accounts/{personId}/roles',
        '/api/accounts/me/export',
        '/api/accounts/me/erasure',
        '/api/operations/overview',
        '/api/operations/dead-letters/replay',
      ]),
    );
  });

  it('counts proxied requests by service and status in its metrics', async () => {
    await fetch(`${gateway.url}/api/analytics/results/headline`);
    expect(await metricValue(gateway.url, 'gateway_proxy_duration_seconds_count', { service: 'analytics', status: '502' })).toBe(1);
  });

  it('refuses to start with bad settings, naming each in one line', () => {
    const run = spawnSync(process.execPath, ['dist/services/gateway/src/main.js'], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: database.url, PORT: '0', LEARNING_URL: 'ftp://learning', SMTP_URL: 'mail.example.org', LOCKOUT_MAX_FAILURES: 'many' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Configuration error: /);
    expect(lines[0]).toContain('LEARNING_URL must be an http:// URL');
    expect(lines[0]).toContain('SMTP_URL must be an smtp:// or smtps:// URL');
    expect(lines[0]).toContain('LOCKOUT_MAX_FAILURES');
  });
});
