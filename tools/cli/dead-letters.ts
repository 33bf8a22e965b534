// Lists and replays a consumer group's dead letters:
//   node -r @swc-node/register tools/cli/dead-letters.ts list   --group analytics [--json]
//   node -r @swc-node/register tools/cli/dead-letters.ts replay --group analytics (--offset 3 [--offset 7 ...] | --all)
// Replay re-publishes each original record (key, value, headers) to its original topic; consumers
// that had applied it already absorb it in their inbox, so replaying twice is harmless.
import { parseArgs } from 'node:util';
import { ConsumerGroups, qualified } from '@socialmakers/contracts';
import { createEventProducer, createKafka, DeadLetterStore, parseBrokers, type DeadLetter } from '@socialmakers/messaging';

const GROUPS = Object.keys(ConsumerGroups) as Array<keyof typeof ConsumerGroups>;
const USAGE = `Usage: dead-letters list --group <${GROUPS.join('|')}> [--json]
       dead-letters replay --group <${GROUPS.join('|')}> (--offset <n> ... | --all)
The broker comes from KAFKA_BROKERS (default 127.0.0.1:9092), the namespace from KAFKA_NAMESPACE.`;

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function describe(letter: DeadLetter): string {
  return [
    `#${letter.offset}`,
    `${letter.eventType ?? '(no type)'} ${letter.eventId ?? ''}`.trim(),
    `from ${letter.originalTopic}[${letter.originalPartition}]@${letter.originalOffset}`,
    `${letter.reason} after ${letter.attempts} attempt(s) at ${letter.failedAt}:`,
    `${letter.exceptionClass}: ${letter.exceptionMessage}`,
  ].join('  ');
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      group: { type: 'string' },
      offset: { type: 'string', multiple: true },
      all: { type: 'boolean' },
      json: { type: 'boolean' },
    },
  });
  const [command] = positionals;
  if (command !== 'list' && command !== 'replay') fail('Say list or replay.');
  const groupName = values.group as keyof typeof ConsumerGroups | undefined;
  if (!groupName || !GROUPS.includes(groupName)) fail(`--group must be one of ${GROUPS.join(', ')}.`);

  const kafka = createKafka({ brokers: parseBrokers(process.env.KAFKA_BROKERS ?? '127.0.0.1:9092'), clientId: 'socialmakers-dead-letters' });
  const store = new DeadLetterStore(kafka, qualified(ConsumerGroups[groupName]));

  if (command === 'list') {
    const letters = await store.list();
    if (values.json) {
      for (const letter of letters) process.stdout.write(`${JSON.stringify({ ...letter, headers: undefined })}\n`);
    } else {
      process.stdout.write(`${letters.length} dead letter(s) on ${store.topic}\n`);
      for (const letter of letters) process.stdout.write(`${describe(letter)}\n`);
    }
    return;
  }

  if (!values.all && !values.offset?.length) fail('Name the letters to replay with --offset, or replay them all with --all.');
  const producer = createEventProducer(kafka);
  await producer.connect();
  try {
    const replayed = await store.replay(producer, values.all ? undefined : values.offset);
    process.stdout.write(`replayed ${replayed.length} dead letter(s) from ${store.topic}\n`);
    for (const letter of replayed) process.stdout.write(`${describe(letter)}\n`);
  } finally {
    await producer.disconnect();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
