import { randomUUID } from 'node:crypto';
import type { IHeaders, Kafka, Producer } from 'kafkajs';
import { deadLetterTopicFor } from '@socialmakers/contracts';
import { headersToStrings } from '../envelope/kafka-codec';
import { DeadLetterHeader, withoutDeadLetterHeaders } from './dead-letter-headers';

export interface DeadLetter {
  /** Offset on the dead-letter topic; the handle an operator uses to replay one record. */
  offset: string;
  key: string | null;
  value: string | null;
  headers: IHeaders;
  originalTopic: string;
  originalPartition: number;
  originalOffset: string;
  group: string;
  reason: string;
  exceptionClass: string;
  exceptionMessage: string;
  attempts: number;
  failedAt: string;
  eventId?: string;
  eventType?: string;
}

/**
 * Reads and replays a consumer group's dead letters. Reading uses a throwaway consumer group so it
 * never moves anyone's offsets. Replay re-publishes the original record (key, value, headers) to its
 * original topic: every group sees it again and each group's inbox absorbs it where it was applied.
 */
export class DeadLetterStore {
  constructor(private readonly kafka: Kafka, private readonly group: string) {}

  get topic(): string {
    return deadLetterTopicFor(this.group).name;
  }

  async list(): Promise<DeadLetter[]> {
    const admin = this.kafka.admin();
    await admin.connect();
    const ends = await (async () => {
      if (!(await admin.listTopics()).includes(this.topic)) {
        throw new Error(`There is no dead-letter topic ${this.topic}: check the group name and KAFKA_NAMESPACE, or start a service once so it provisions its topics.`);
      }
      return admin.fetchTopicOffsets(this.topic);
    })().finally(() => admin.disconnect());
    const pending = ends.filter((p) => Number(p.high) > Number(p.low));
    if (pending.length === 0) return [];

    const readerGroup = `socialmakers.dead-letter-reader.${randomUUID()}`;
    const consumer = this.kafka.consumer({ groupId: readerGroup, allowAutoTopicCreation: false });
    const letters: DeadLetter[] = [];
    const remaining = new Map(pending.map((p) => [p.partition, Number(p.high)]));
    await consumer.connect();
    try {
      await consumer.subscribe({ topic: this.topic, fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        const timeout = setTimeout(() => reject(new Error('timed out reading the dead-letter topic')), 30_000);
        consumer
          .run({
            autoCommit: false,
            eachMessage: async ({ partition, message }) => {
              letters.push(toDeadLetter(message.offset, message.key, message.value, message.headers));
              if (Number(message.offset) + 1 >= (remaining.get(partition) ?? 0)) remaining.delete(partition);
              if (remaining.size === 0) {
                clearTimeout(timeout);
                resolve();
              }
            },
          })
          .catch(reject);
      });
    } finally {
      await consumer.disconnect();
      const cleanup = this.kafka.admin();
      await cleanup.connect();
      await cleanup.deleteGroups([readerGroup]).catch(() => undefined);
      await cleanup.disconnect();
    }
    return letters.sort((a, b) => Number(a.offset) - Number(b.offset));
  }

  /** Replays the given dead letters (all when no offsets are given); returns how many went out. */
  async replay(producer: Producer, offsets?: string[]): Promise<DeadLetter[]> {
    const letters = (await this.list()).filter((letter) => !offsets || offsets.includes(letter.offset));
    for (const letter of letters) {
      await producer.send({
        topic: letter.originalTopic,
        acks: -1,
        messages: [{ key: letter.key, value: letter.value, headers: withoutDeadLetterHeaders(letter.headers) }],
      });
    }
    return letters;
  }
}

function toDeadLetter(offset: string, key: Buffer | null, value: Buffer | null, headers: IHeaders | undefined): DeadLetter {
  const text = headersToStrings(headers);
  return {
    offset,
    key: key?.toString() ?? null,
    value: value?.toString() ?? null,
    headers: headers ?? {},
    originalTopic: text[DeadLetterHeader.originalTopic],
    originalPartition: Number(text[DeadLetterHeader.originalPartition]),
    originalOffset: text[DeadLetterHeader.originalOffset],
    group: text[DeadLetterHeader.consumerGroup],
    reason: text[DeadLetterHeader.reason],
    exceptionClass: text[DeadLetterHeader.exceptionClass],
    exceptionMessage: text[DeadLetterHeader.exceptionMessage],
    attempts: Number(text[DeadLetterHeader.attempts]),
    failedAt: text[DeadLetterHeader.failedAt],
    eventId: text['ce_id'],
    eventType: text['ce_type'],
  };
}
