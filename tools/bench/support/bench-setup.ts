// How a benchmark sets itself up: the compiled services, and a Kafka namespace of its own that its
// clean-up deletes again (topics and consumer groups), so benches never count each other's events.
import { execFileSync } from 'node:child_process';
import type { Kafka } from 'kafkajs';
import { createKafka, parseBrokers } from '@socialmakers/messaging';
import { ensureInfrastructure, repoRoot } from '@socialmakers/testing';
import { type CleanUp, progress } from './bench-kit';

/** Builds dist/ (`npm run build`) as the integration tests do, unless told it is already fresh. */
export function buildServices(skip: boolean): void {
  if (skip) return;
  progress('building the services (npm run build)');
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: repoRoot, stdio: ['ignore', process.stderr, process.stderr] });
}

/**
 * Makes sure the broker and PostgreSQL run, sets KAFKA_NAMESPACE to `bench-<name>-<now>.` for this
 * process and the services it starts, and registers the deletion of that namespace's topics and of
 * the consumer groups `groups()` names when clean-up runs (a function: some are known only later).
 */
export async function useBenchNamespace(name: string, cleanUp: CleanUp, groups: () => string[]): Promise<{ kafka: Kafka; namespace: string; brokers: string }> {
  const namespace = `bench-${name}-${Date.now()}.`;
  process.env.KAFKA_NAMESPACE = namespace;
  const { brokers } = await ensureInfrastructure();
  const kafka = createKafka({ brokers: parseBrokers(brokers), clientId: `socialmakers-bench-${name}` });
  cleanUp.add('delete the Kafka namespace', async () => {
    const admin = kafka.admin();
    await admin.connect();
    try {
      await admin.deleteGroups(groups()).catch(() => undefined);
      const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(namespace));
      if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 15_000 });
      progress(`deleted ${topics.length} topics of ${namespace}`);
    } finally {
      await admin.disconnect();
    }
  });
  return { kafka, namespace, brokers };
}
