import type { Kafka } from 'kafkajs';
import { allTopics, type TopicSpec } from '@socialmakers/contracts';
import { createLogger } from '@socialmakers/logging';

const log = createLogger('topic-provisioner');

/**
 * Creates the catalogue's topics (and grows their partition count) so that no one makes topics by
 * hand and the broker's auto-creation can stay off. Safe to run from every service at once.
 */
export async function provisionTopics(kafka: Kafka, topics: TopicSpec[] = allTopics()): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((topic) => !existing.has(topic.name));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({
          topic: topic.name,
          numPartitions: topic.partitions,
          replicationFactor: -1,
          configEntries: [
            { name: 'retention.ms', value: String(topic.retentionMs) },
            { name: 'cleanup.policy', value: 'delete' },
          ],
        })),
      }).catch((error: { type?: string }) => {
        // Another service created them between our list and our create.
        if (error?.type !== 'TOPIC_ALREADY_EXISTS') throw error;
      });
      log.info({ topics: missing.map((t) => t.name) }, 'topics created');
    }
    const present = topics.filter((topic) => existing.has(topic.name));
    if (present.length > 0) {
      const metadata = await admin.fetchTopicMetadata({ topics: present.map((t) => t.name) });
      const grow = metadata.topics
        .map((t) => ({ topic: t.name, count: present.find((p) => p.name === t.name)!.partitions, now: t.partitions.length }))
        .filter((t) => t.count > t.now);
      if (grow.length > 0) {
        await admin.createPartitions({ topicPartitions: grow.map(({ topic, count }) => ({ topic, count })) });
        log.info({ topics: grow.map((t) => t.topic) }, 'partitions added');
      }
    }
    return missing.map((t) => t.name);
  } finally {
    await admin.disconnect();
  }
}
