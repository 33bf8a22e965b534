import { createKafka } from '@socialmakers/messaging';

/** Deletes this run's namespaced topics, so test runs do not pile topics up on the local broker. */
export default async function globalTeardown(): Promise<void> {
  const namespace = process.env.KAFKA_NAMESPACE;
  if (!namespace?.startsWith('it-') || !process.env.KAFKA_BROKERS) return;
  const admin = createKafka({ brokers: process.env.KAFKA_BROKERS.split(','), clientId: 'socialmakers-test-teardown' }).admin();
  await admin.connect();
  try {
    const mine = (await admin.listTopics()).filter((topic) => topic.startsWith(namespace));
    if (mine.length > 0) await admin.deleteTopics({ topics: mine });
  } finally {
    await admin.disconnect();
  }
}
