import { randomUUID } from 'node:crypto';
import { Kafka, KafkaMessage, logLevel } from 'kafkajs';

export interface ReadRecord {
  partition: number;
  message: KafkaMessage;
}

function testKafka(): Kafka {
  return new Kafka({ brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','), clientId: 'socialmakers-test-reader', logLevel: logLevel.NOTHING });
}

/**
 * Reads a topic from its beginning up to the high watermarks of the moment of the call, with a
 * throwaway consumer group, so a test sees exactly what is on the topic and moves nobody's offsets.
 */
export async function readTopic(topic: string, timeoutMs = 30_000): Promise<ReadRecord[]> {
  const kafka = testKafka();
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic);
  const remaining = new Map(ends.filter((p) => Number(p.high) > Number(p.low)).map((p) => [p.partition, Number(p.high)]));
  const records: ReadRecord[] = [];
  if (remaining.size === 0) {
    await admin.disconnect();
    return records;
  }
  const groupId = `socialmakers.test-reader.${randomUUID()}`;
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out reading ${topic}`)), timeoutMs);
      consumer
        .run({
          autoCommit: false,
          eachMessage: async ({ partition, message }) => {
            const end = remaining.get(partition);
            if (end === undefined) return;
            records.push({ partition, message });
            if (Number(message.offset) + 1 >= end) remaining.delete(partition);
            if (remaining.size === 0) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
  }
  return records;
}

/** Puts raw records on a topic, exactly as given (for duplicates, malformed records, replays). */
export async function produceRaw(
  topic: string,
  messages: Array<{ key?: string | Buffer | null; value: string | Buffer | null; headers?: KafkaMessage['headers'] }>,
): Promise<void> {
  const producer = testKafka().producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    await producer.send({ topic, acks: -1, messages });
  } finally {
    await producer.disconnect();
  }
}
