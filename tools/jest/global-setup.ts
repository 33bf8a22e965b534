import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createKafka, provisionTopics } from '@socialmakers/messaging';
import { ensureInfrastructure, randomSuffix, repoRoot } from '@socialmakers/testing';

/**
 * Jest global setup of the integration project: real broker and database, a fresh Kafka namespace
 * for this run (so earlier runs' records and offsets cannot leak into its assertions), its topics,
 * and a signing secret made for this run only.
 */
export default async function globalSetup(): Promise<void> {
  // Services under test run from the compiled build, as in production; build it fresh.
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  const { brokers } = await ensureInfrastructure();
  process.env.KAFKA_NAMESPACE ??= `it-${Date.now()}-${randomSuffix()}.`;
  process.env.JWT_SECRET ??= randomBytes(32).toString('hex');
  process.env.LOG_LEVEL ??= 'warn';
  await provisionTopics(createKafka({ brokers: brokers.split(','), clientId: 'socialmakers-test-setup' }));
}
