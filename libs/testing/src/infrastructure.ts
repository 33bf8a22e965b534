import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';

export const repoRoot = resolve(__dirname, '../../..');

/** The broker deploy/local/kafka.sh starts (KAFKA_PORT moves it, e.g. to run two checkouts side by side). */
export const localKafkaBrokers = (): string => `127.0.0.1:${process.env.KAFKA_PORT ?? '9092'}`;
export const DEFAULT_ADMIN_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export function adminDatabaseUrl(): string {
  return process.env.DATABASE_ADMIN_URL ?? DEFAULT_ADMIN_DATABASE_URL;
}

/**
 * Makes sure a real broker and a real PostgreSQL answer. Where KAFKA_BROKERS is not given, the
 * project's own scripts start the local ones (deploy/local/infra.sh is idempotent). Never skips:
 * a broker that cannot be reached fails with the way to start one.
 */
export async function ensureInfrastructure(): Promise<{ brokers: string; adminDatabaseUrl: string }> {
  if (!process.env.KAFKA_BROKERS) {
    execFileSync('bash', [resolve(repoRoot, 'deploy/local/infra.sh'), 'up'], { stdio: 'inherit', cwd: repoRoot });
    process.env.KAFKA_BROKERS = localKafkaBrokers();
  }
  const brokers = process.env.KAFKA_BROKERS;
  await assertBrokerAnswers(brokers);
  await assertDatabaseAnswers(adminDatabaseUrl());
  return { brokers, adminDatabaseUrl: adminDatabaseUrl() };
}

export async function assertBrokerAnswers(brokers: string): Promise<void> {
  const kafka = new Kafka({ brokers: brokers.split(','), clientId: 'socialmakers-test-probe', logLevel: logLevel.NOTHING, retry: { retries: 2 } });
  const admin = kafka.admin();
  try {
    await admin.connect();
    await admin.describeCluster();
  } catch (error) {
    throw new Error(
      `Kafka broker at ${brokers} is not reachable (${(error as Error).message}). ` +
        'Start the local one with `npm run infra:up`, or point KAFKA_BROKERS at a running broker.',
    );
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

export async function assertDatabaseAnswers(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new Error(`PostgreSQL at ${url.replace(/:[^:@/]*@/, ':***@')} is not reachable (${(error as Error).message}). Start it, or set DATABASE_ADMIN_URL.`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function randomSuffix(): string {
  return randomBytes(4).toString('hex');
}
