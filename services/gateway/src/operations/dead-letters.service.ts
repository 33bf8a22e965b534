import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ConsumerGroups, qualified } from '@socialmakers/contracts';
import { createLogger, RequestContext } from '@socialmakers/logging';
import { createEventProducer, DeadLetterStore, headersToStrings, type DeadLetter } from '@socialmakers/messaging';
import { KAFKA_CLIENT, type KafkaClient } from '../backbone/backbone.module';

const log = createLogger('dead-letters');

export type DeadLetterView = Omit<DeadLetter, 'headers'> & { id: string; headers: Record<string, string> };

/** The same DeadLetterStore the dead-letters CLI uses, for the operator page. */
@Injectable()
export class DeadLettersService implements OnApplicationShutdown {
  private producer?: Promise<ReturnType<typeof createEventProducer>>;

  constructor(@Inject(KAFKA_CLIENT) private readonly kafka: KafkaClient) {}

  async list(group: string): Promise<{ group: string; topic: string; deadLetters: DeadLetterView[] }> {
    const store = this.storeOf(group);
    const letters = await store.list();
    return { group: qualifiedGroup(group), topic: store.topic, deadLetters: letters.map(view) };
  }

  /** Re-publishes the letters to their original topics; each group's inbox absorbs what it had applied. */
  async replay(group: string, ids?: string[]): Promise<{ group: string; replayed: DeadLetterView[] }> {
    const replayed = await this.storeOf(group).replay(await this.connectedProducer(), ids);
    log.info({ group, replayed: replayed.map((letter) => letter.offset), personId: RequestContext.current()?.personId }, 'dead letters replayed');
    return { group: qualifiedGroup(group), replayed: replayed.map(view) };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.producer) await (await this.producer).disconnect().catch(() => undefined);
  }

  private storeOf(group: string): DeadLetterStore {
    return new DeadLetterStore(this.kafka, qualifiedGroup(group));
  }

  private connectedProducer(): Promise<ReturnType<typeof createEventProducer>> {
    this.producer ??= (async () => {
      const producer = createEventProducer(this.kafka);
      await producer.connect();
      return producer;
    })();
    // A failed connect is not kept: the next replay tries again.
    this.producer.catch(() => (this.producer = undefined));
    return this.producer;
  }
}

function qualifiedGroup(group: string): string {
  const known = ConsumerGroups[group as keyof typeof ConsumerGroups] ?? group;
  return qualified(known);
}

function view(letter: DeadLetter): DeadLetterView {
  return { ...letter, id: letter.offset, headers: headersToStrings(letter.headers) };
}
