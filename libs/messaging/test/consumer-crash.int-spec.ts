import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { repoRoot, waitFor } from '@socialmakers/testing';
import {
  appliedCounts,
  completion,
  completionEvent,
  freshGroup,
  freshTopic,
  MessagingDatabase,
  produceEvents,
  testKafka,
  waitUntilCaughtUp,
  type Completion,
} from './support';

const CONSUMER_SCRIPT = 'libs/messaging/test/fixtures/projecting-consumer.ts';
const EVENTS = 600;

describe('consumer processes killed mid-batch (real Kafka and PostgreSQL)', () => {
  const kafka = testKafka('consumer-crash-it');
  const running = new Set<ChildProcess>();
  let db: MessagingDatabase;

  beforeAll(async () => {
    db = await MessagingDatabase.create('consumer_crash');
  });

  afterEach(async () => {
    await Promise.all([...running].map(kill));
  });

  afterAll(async () => {
    await db?.close();
  });

  /** Starts the consumer script in a process of its own; resolves once it has joined the group. */
  function startConsumer(group: string, topic: string): Promise<ChildProcess> {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', CONSUMER_SCRIPT], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: db.url, GROUP: group, TOPIC: topic, LOG_LEVEL: 'error' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    running.add(child);
    child.once('exit', () => running.delete(child));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the consumer process did not join its group within 30 s')), 30_000);
      child.stdout!.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('ready')) {
          clearTimeout(timer);
          resolve(child);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the consumer process exited with ${code} before joining its group`));
      });
    });
  }

  function kill(child: ChildProcess): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  async function projected(events: Completion[]): Promise<number> {
    return (await appliedCounts(db.dataSource, events.map((event) => event.id))).size;
  }

  async function committedTotal(group: string, topic: string): Promise<number> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const [{ partitions }] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
      return partitions.reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
    } finally {
      await admin.disconnect();
    }
  }

  async function expectEachAppliedOnce(events: Completion[]): Promise<void> {
    const counts = await appliedCounts(db.dataSource, events.map((event) => event.id));
    const notOnce = events.filter((event) => counts.get(event.id) !== 1).map((event) => `${event.id}: ${counts.get(event.id) ?? 0}`);
    expect(notOnce).toEqual([]);
    expect([...counts.values()].reduce((sum, n) => sum + n, 0)).toBe(EVENTS);
  }

  function manyEvents(): Completion[] {
    const persons = Array.from({ length: 40 }, () => randomUUID());
    return Array.from({ length: EVENTS }, (_, index) => completionEvent(completion(persons[index % persons.length], index + 1)));
  }

  it('counts nothing twice when its only consumer is killed mid-batch and started again', async () => {
    // Two partitions of 300: the first batch of each holds all of them, so ~200 projected is mid-batch.
    const [topic, group] = await Promise.all([freshTopic(kafka, 2), freshGroup(kafka)]);
    const events = manyEvents();
    await produceEvents(topic, events);

    const first = await startConsumer(group, topic);
    await waitFor('about 200 events to be projected', () => projected(events), (n) => n >= 200, { intervalMs: 20 });
    await kill(first);

    const appliedAtKill = await projected(events);
    const committedAtKill = await committedTotal(group, topic);
    expect(appliedAtKill).toBeLessThan(EVENTS);
    // Offsets never run ahead of the database, and some applied records were not committed yet:
    // they come again after the restart, and the inbox has to absorb them.
    expect(committedAtKill).toBeLessThan(appliedAtKill);

    await startConsumer(group, topic);
    await waitUntilCaughtUp(kafka, group, topic, 60_000);
    await expectEachAppliedOnce(events);
  });

  it('loses nothing and counts nothing twice when one of two consumers is killed mid-batch', async () => {
    const [topic, group] = await Promise.all([freshTopic(kafka, 2), freshGroup(kafka)]);
    const events = manyEvents();
    const doomed = await startConsumer(group, topic);
    await startConsumer(group, topic);
    await waitForStableGroup(group, 2);
    await produceEvents(topic, events);

    await waitFor('about 200 events to be projected', () => projected(events), (n) => n >= 200, { intervalMs: 20 });
    await kill(doomed);
    expect(await projected(events)).toBeLessThan(EVENTS);

    // The survivor takes the dead member's partition over once its session (6 s) expires.
    await waitUntilCaughtUp(kafka, group, topic, 60_000);
    await expectEachAppliedOnce(events);
  });

  async function waitForStableGroup(group: string, members: number): Promise<void> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      await waitFor(
        `${group} to be stable with ${members} members`,
        async () => (await admin.describeGroups([group])).groups[0],
        (description) => description.state === 'Stable' && description.members.length === members,
        { timeoutMs: 30_000, intervalMs: 200 },
      );
    } finally {
      await admin.disconnect();
    }
  }
});
