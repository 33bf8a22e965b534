import type { Admin, Kafka } from 'kafkajs';

/** Answers "is the broker reachable right now" for health checks, within a bounded time. */
export class KafkaBrokerProbe {
  private admin?: Admin;

  constructor(private readonly kafka: Kafka, private readonly timeoutMs = 3000) {}

  async ping(): Promise<void> {
    this.admin ??= this.kafka.admin();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`broker did not answer within ${this.timeoutMs} ms`)), this.timeoutMs);
    });
    try {
      await Promise.race([this.admin.connect().then(() => this.admin!.describeCluster()), timeout]);
    } catch (error) {
      // A fresh admin next time: kafkajs keeps a broken connection otherwise.
      await this.admin.disconnect().catch(() => undefined);
      this.admin = undefined;
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    await this.admin?.disconnect();
  }
}
