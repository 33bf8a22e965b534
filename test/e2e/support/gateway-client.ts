import { randomBytes } from 'node:crypto';
import type { Person } from './platform-file';

/** Calls the platform's public entry the way the console does (JSON, bearer token), for setting scenes up. */
export async function call<T>(gatewayUrl: string, method: string, path: string, options: { token?: string; body?: unknown; expect?: number[] } = {}): Promise<T> {
  const response = await fetch(`${gatewayUrl}${path}`, {
    method,
    headers: {
      accept: 'application/json',
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
  });
  const text = await response.text();
  const expected = options.expect ?? [200, 201, 204];
  if (!expected.includes(response.status)) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

export function newPassword(): string {
  return `e2e-${randomBytes(12).toString('base64url')}`;
}

export function uniqueEmail(label: string): string {
  return `${label}-${randomBytes(4).toString('hex')}@e2e.socialmakers.test`;
}

/** Signs a person up through the accounts API and returns who they are with a fresh access token. */
export async function signUp(gatewayUrl: string, label: string, displayName: string): Promise<Person & { accessToken: string }> {
  const email = uniqueEmail(label);
  const password = newPassword();
  const session = await call<{ account: { personId: string }; accessToken: string }>(gatewayUrl, 'POST', '/api/accounts/sign-up', {
    body: { email, password, displayName },
    expect: [201],
  });
  return { email, password, displayName, personId: session.account.personId, accessToken: session.accessToken };
}

export async function signIn(gatewayUrl: string, person: Person): Promise<string> {
  const session = await call<{ accessToken: string }>(gatewayUrl, 'POST', '/api/accounts/sign-in', { body: { email: person.email, password: person.password }, expect: [200] });
  return session.accessToken;
}
