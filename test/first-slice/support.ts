import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { mintToken, type Role } from '@socialmakers/auth';
import { localKafkaBrokers, repoRoot } from '@socialmakers/testing';

export function tokenFor(personId: string, ...roles: Role[]): string {
  return mintToken({ personId, roles, secret: process.env.JWT_SECRET! });
}

export const analyst = randomUUID();

export async function completeModule(
  learningUrl: string,
  personId: string,
  body: { courseKey: string; moduleKey: string; country?: string; score?: number },
  requestId?: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${learningUrl}/learners/${personId}/module-completions`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${tokenFor(personId, 'member')}`,
      'content-type': 'application/json',
      ...(requestId ? { 'x-request-id': requestId } : {}),
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The module no first-slice test completes, so no course is ever complete and only module completions reach the progress topic. */
const NEVER_COMPLETED = 'final-reflection';

/**
 * Learning takes completions only of published modules in courses the learner is enrolled in: this
 * publishes a course with the given modules (plus one required module the tests never complete)
 * and enrols the people, each step through learning's own API.
 */
export async function prepareCourse(learningUrl: string, courseKey: string, moduleKeys: string[], people: string[] = []): Promise<void> {
  const admin = tokenFor(randomUUID(), 'admin');
  const send = async (method: string, path: string, body?: unknown, token = admin) => {
    const response = await fetch(`${learningUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status >= 300) throw new Error(`learning answered ${response.status} to ${method} ${path}: ${await response.text()}`);
  };
  await send('PUT', `/courses/${courseKey}`, { title: { en: `Course ${courseKey}` }, summary: { en: 'A course for a first-slice test.' } });
  for (const [index, moduleKey] of [...moduleKeys, NEVER_COMPLETED].entries()) {
    await send('PUT', `/courses/${courseKey}/modules/${moduleKey}`, { position: index + 1, title: { en: moduleKey }, summary: { en: `The module ${moduleKey}.` } });
  }
  await send('POST', `/courses/${courseKey}/publish`);
  for (let i = 0; i < people.length; i += 20) {
    await Promise.all(
      people.slice(i, i + 20).map((personId) => send('POST', `/learners/${personId}/enrolments`, { courseKey }, tokenFor(personId, 'member'))),
    );
  }
}

export async function completionsCounted(analyticsUrl: string, courseKey: string): Promise<number> {
  const response = await fetch(`${analyticsUrl}/results/module-completions?courseKey=${courseKey}`, {
    headers: { authorization: `Bearer ${tokenFor(analyst, 'analyst')}` },
  });
  if (!response.ok) throw new Error(`analytics answered ${response.status}`);
  return ((await response.json()) as { total: number }).total;
}

export async function networkNode(communityUrl: string, personId: string): Promise<{ modulesCompleted: Array<{ moduleKey: string }> } | null> {
  const response = await fetch(`${communityUrl}/network/people/${personId}`, {
    headers: { authorization: `Bearer ${tokenFor(personId, 'member')}` },
  });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`community answered ${response.status}`);
  return (await response.json()) as { modulesCompleted: Array<{ moduleKey: string }> };
}

/**
 * Stops or starts the local broker through the project's own script. The outage test needs a broker
 * it may stop, so it refuses to run against a broker given from outside.
 */
export function localBroker(action: 'down' | 'up'): void {
  if (process.env.KAFKA_BROKERS !== localKafkaBrokers() || !process.env.KAFKA_NAMESPACE) {
    throw new Error('The broker-outage test stops and restarts the local broker; run it against the one deploy/local/kafka.sh starts.');
  }
  execFileSync('bash', [resolve(repoRoot, 'deploy/local/kafka.sh'), action], { stdio: 'inherit' });
}
