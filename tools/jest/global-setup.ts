import { randomBytes } from 'node:crypto';
import { createKafka, provisionTopics } from '@socialmakers/messaging';
import { ensureInfrastructure, randomSuffix } from '@socialmakers/testing';

/**
 * Jest global setup of the integration project: real broker and database, a fresh Kafka namespace
 * for this run (so earlier runs' records and offsets cannot leak into its assertions), its topics,
 * and a signing secret made for this run only.
 */
export default async function globalSetup(): Promise<void> {
  const { brokers } = await ensureInfrastructure();
  process.env.KAFKA_NAMESPACE ??= `it-${Date.now()}-${randomSuffix()}.`;
  process.env.JWT_SECRET ??= randomBytes(32).toString('hex');
  process.env.LOG_LEVEL ??= 'warn';
  await provisionTopics(createKafka({ brokers: brokers.split(','), clientId: 'socialmakers-test-setup' }));
}
