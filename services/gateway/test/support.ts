import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { mintToken, type Role } from '@socialmakers/auth';
import { freePort, logEntries, repoRoot, ServiceProcess, TestDatabase } from '@socialmakers/testing';

export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
}

/** One HTTP call; the body is parsed as JSON when the answer says it is JSON. */
export async function call<T = Record<string, unknown>>(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string | null; body?: unknown; rawBody?: string; contentType?: string; headers?: Record<string, string> } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined || options.rawBody !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  const text = await response.text();
  const json = (response.headers.get('content-type') ?? '').includes('json');
  return { status: response.status, body: (json && text ? JSON.parse(text) : undefined) as T, headers: response.headers, text };
}

export function tokenFor(personId: string, ...roles: Role[]): string {
  return mintToken({ personId, roles, secret: process.env.JWT_SECRET! });
}

export const uniqueEmail = (label: string) => `${label}-${randomBytes(4).toString('hex')}@example.org`;
export const PASSWORD = 'a long enough passphrase';

export interface SessionBody {
  account: { personId: string; email: string; displayName: string; roles: string[]; organisationId?: string };
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresIn: number;
}

export async function signUp(gateway: string, email = uniqueEmail('member'), password = PASSWORD): Promise<SessionBody> {
  const answer = await call<SessionBody>(gateway, 'POST', '/api/accounts/sign-up', { body: { email, password, displayName: 'Test Person' } });
  if (answer.status !== 201) throw new Error(`sign-up answered ${answer.status}: ${answer.text}`);
  return answer.body;
}

/** A console build stand-in: index.html and one hashed asset. */
export function consoleDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gateway-console-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html><body><div id="app">console</div></body></html>');
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'assets', 'index-3f2a1b.js'), 'console.log("console");');
  return dir;
}

/** A port nothing listens on: a service that is down. */
export async function deadServiceUrl(): Promise<string> {
  return `http://127.0.0.1:${await freePort()}`;
}

/** Starts the compiled gateway on its own database in front of the given services (absent ones are down). */
export async function startGateway(
  database: TestDatabase,
  services: Partial<Record<'LEARNING_URL' | 'EVENTS_URL' | 'COMMUNITY_URL' | 'ANALYTICS_URL', string>>,
  env: Record<string, string> = {},
): Promise<ServiceProcess> {
  const down = await deadServiceUrl();
  return ServiceProcess.start('gateway', {
    DATABASE_URL: database.url,
    LEARNING_URL: down,
    EVENTS_URL: down,
    COMMUNITY_URL: down,
    ANALYTICS_URL: down,
    CONSOLE_DIR: consoleDir(),
    ...services,
    ...env,
  });
}

/** What the gateway process has logged so far (ServiceProcess writes it to .cache/test-logs). */
/** The reset link the gateway logged for an email in local mode (no SMTP_URL). */
export function loggedResetLinks(gateway: ServiceProcess, email: string): string[] {
  return logEntries<{ to?: string; resetLink?: string }>(gateway.logFile)
    .filter((entry) => entry.to === email && entry.resetLink)
    .map((entry) => entry.resetLink!);
}

/** Grants roles with the accounts CLI, compiled, against the gateway's database. */
export async function grantWithCli(databaseUrl: string, email: string, ...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['dist/services/gateway/src/accounts/grant-role.cli.js', '--email', email, ...args], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
  }
}

/** A published course in learning (through its own API), so enrolments can go through the gateway. */
export async function publishCourse(learningUrl: string, courseKey: string): Promise<void> {
  const token = tokenFor(randomUUID(), 'admin');
  const steps: Array<[string, string, unknown?]> = [
    ['PUT', `/courses/${courseKey}`, { title: { en: 'Gateway test course' }, summary: { en: 'For the gateway tests.' } }],
    ['PUT', `/courses/${courseKey}/modules/first-steps`, { position: 1, title: { en: 'First steps' }, summary: { en: 'The first module.' } }],
    ['POST', `/courses/${courseKey}/publish`],
  ];
  for (const [method, path, body] of steps) {
    const answer = await call(learningUrl, method, path, { token, body });
    if (answer.status >= 300) throw new Error(`learning answered ${answer.status} to ${method} ${path}: ${answer.text}`);
  }
}
