import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { mintToken } from '@socialmakers/auth';
import { demoPersonId } from './demo-people';

export interface DemoContext {
  urls: { learning: string; events: string; community: string; analytics: string };
  /** An admin token for loading on behalf of the partners. */
  adminToken: string;
  /** A token for one person (members act only on themselves). */
  tokenFor(personId: string, roles?: Array<'member' | 'organiser' | 'admin' | 'analyst'>, organisationId?: string): string;
}

function signingSecret(): string {
  if (process.env.JWT_SECRET) return process.env.JWT_SECRET;
  const file = resolve(__dirname, '../../.cache/local/jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  throw new Error('No JWT_SECRET and no .cache/local/jwt-secret: start the platform with npm start.');
}

export function demoContext(): DemoContext {
  const secret = signingSecret();
  const tokenFor: DemoContext['tokenFor'] = (personId, roles = ['member'], organisationId) =>
    mintToken({ personId, roles, organisationId, secret, ttlSeconds: 3600 });
  return {
    urls: {
      learning: process.env.LEARNING_URL ?? 'http://127.0.0.1:3001',
      events: process.env.EVENTS_URL ?? 'http://127.0.0.1:3002',
      community: process.env.COMMUNITY_URL ?? 'http://127.0.0.1:3003',
      analytics: process.env.ANALYTICS_URL ?? 'http://127.0.0.1:3004',
    },
    adminToken: tokenFor(demoPersonId('admin'), ['admin']),
    tokenFor,
  };
}

/** Runs `send` over the items with bounded concurrency and tallies the HTTP statuses. */
export async function sendAll<T>(items: T[], send: (item: T) => Promise<number>, concurrency = 16): Promise<Map<number, number>> {
  const statuses = new Map<number, number>();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const status = await send(items[next++]);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  return statuses;
}
