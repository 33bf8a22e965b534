import type { Admin } from 'kafkajs';

export interface PartitionLag {
  group: string;
  topic: string;
  partition: number;
  lag: number;
}

/** Records on each partition that the group has not committed yet (high watermark − committed). */
export async function readConsumerLag(admin: Admin, group: string, topics: string[]): Promise<PartitionLag[]> {
  const committed = await admin.fetchOffsets({ groupId: group, topics });
  const result: PartitionLag[] = [];
  for (const { topic, partitions } of committed) {
    const ends = await admin.fetchTopicOffsets(topic);
    for (const end of ends) {
      const mine = partitions.find((p) => p.partition === end.partition);
      const position = mine && Number(mine.offset) >= 0 ? Number(mine.offset) : Number(end.low);
      result.push({ group, topic, partition: end.partition, lag: Math.max(0, Number(end.high) - position) });
    }
  }
  return result;
}
