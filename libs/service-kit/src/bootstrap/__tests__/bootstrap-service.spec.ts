import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

// Runs a real service process (no database or broker needed) to see exactly what bootstrapService
// prints and how it exits, which an in-process test cannot show.
const ROOT = resolve(__dirname, '../../../../..');
const FIXTURE = join(__dirname, '__fixtures__/fixture-main.ts');

function startFixture(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['-r', '@swc-node/register', FIXTURE], {
    // Not the repository root: a developer's .env there must not leak into the test.
    cwd: tmpdir(),
    env: { PATH: process.env.PATH ?? '', NODE_PATH: join(ROOT, 'node_modules'), TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function collect(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += String(chunk);
  return text;
}

describe('bootstrapService', () => {
  jest.setTimeout(60_000);

  it('prints one line naming every bad setting and exits with code 1', async () => {
    const child = startFixture({ PORT: 'eighty', JWT_SECRET: 'too-short' });
    const [stdout, stderr, [code]] = await Promise.all([collect(child.stdout!), collect(child.stderr!), once(child, 'close')]);

    expect(code).toBe(1);
    expect(stderr).toBe(
      'Configuration error: PORT must be a port number; DATABASE_URL is required; KAFKA_BROKERS is required; ' +
        'JWT_SECRET must be at least 32 characters long; FIXTURE_GREETING is required\n',
    );
    expect(stdout).toBe('');
  });

  it('starts, logs "listening" with the URL, serves the platform routes and stops cleanly on SIGTERM', async () => {
    const child = startFixture({
      PORT: '0',
      DATABASE_URL: 'postgres://u:p@localhost:5432/fixture',
      KAFKA_BROKERS: 'localhost:9092',
      JWT_SECRET: 'x'.repeat(32),
      FIXTURE_GREETING: 'hello',
      LOG_LEVEL: 'info',
    });
    const stderr = collect(child.stderr!);
    const lines: Array<Record<string, unknown>> = [];
    const listening = new Promise<Record<string, unknown>>((resolveLine, reject) => {
      createInterface({ input: child.stdout! }).on('line', (text) => {
        const line = JSON.parse(text) as Record<string, unknown>;
        lines.push(line);
        if (line.msg === 'listening') resolveLine(line);
      });
      child.once('exit', (code) => reject(new Error(`exited with ${code} before listening`)));
    });

    try {
      const line = await listening;
      expect(line).toMatchObject({ level: 'info', service: 'fixture', component: 'bootstrap', url: expect.stringMatching(/^http:\/\//) });
      const port = new URL(String(line.url)).port;
      const base = `http://127.0.0.1:${port}`;

      const ping = await fetch(`${base}/ping`);
      expect(ping.status).toBe(200);
      expect(ping.headers.get('x-request-id')).toEqual(expect.any(String));

      const docs = await fetch(`${base}/docs-json`);
      expect(docs.status).toBe(200);
      expect(await docs.json()).toMatchObject({ info: { title: 'fixture service' }, paths: { '/ping': expect.any(Object) } });

      expect((await fetch(`${base}/docs`)).status).toBe(200);
      expect((await fetch(`${base}/metrics`)).status).toBe(200);

      const refused = await fetch(`${base}/ping/private`);
      expect(refused.status).toBe(401);
      expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    } finally {
      child.kill('SIGTERM');
    }
    // 'close' rather than 'exit': it waits until the last log lines have been read.
    const [code, signal] = await once(child, 'close');
    // The service drains HTTP, closes the app (lifecycle hooks, pool) and exits cleanly.
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'shutdown hooks ran', signal: 'SIGTERM' }));
    expect(await stderr).toBe('');
    // Nest's own startup lines come through the platform logger, as JSON.
    expect(lines).toContainEqual(expect.objectContaining({ component: 'NestApplication', msg: 'Nest application successfully started' }));
  });
});
