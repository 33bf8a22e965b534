import { qualified, Topics } from '@socialmakers/contracts';
import { parseBrokers } from '@socialmakers/messaging';
import { TestDatabase } from '@socialmakers/testing';
import { DataSource } from 'typeorm';
import { analyticsDataSourceOptions } from '../src/database/data-source';
import { ReplayConsumers } from '../src/rebuild/replay-consumers';
import { isolateKafka } from './support';

/**
 * A rebuild's replay consumers are processes of their own: one that cannot start, or that dies
 * during the replay, must fail the rebuild at once instead of leaving it waiting for its records.
 */
describe('analytics rebuild: replay consumer processes', () => {
  let db: TestDatabase;
  const kafka = () => ({ brokers: parseBrokers(process.env.KAFKA_BROKERS!), clientId: 'socialmakers-test-analytics-replay' });
  // A group per test: a killed member stays in its group until its session times out.
  const settings = (databaseUrl: string, test: string) => ({
    databaseUrl,
    kafka: kafka(),
    group: qualified(`analytics.replay-consumers-test.${test}`),
    topics: Object.values(Topics).map((topic) => qualified(topic.name)),
    chunkSize: 100,
  });
  /** Forked and joined, as a rebuild has them. */
  const joined = async (count: number, consumerSettings: ReturnType<typeof settings>) => {
    const consumers = ReplayConsumers.fork(count, consumerSettings);
    await consumers.join();
    return consumers;
  };
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };

  beforeAll(async () => {
    await isolateKafka('replay-consumers');
    db = await TestDatabase.create('analytics_replay_consumers');
    const dataSource = await new DataSource(analyticsDataSourceOptions(db.url)).initialize();
    await dataSource.runMigrations();
    await dataSource.destroy();
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('refuses to start when a consumer cannot reach its database', async () => {
    await expect(joined(2, settings('postgres://postgres@127.0.0.1:1/nowhere', 'unreachable'))).rejects.toThrow(/a replay consumer (failed|exited)/);
  });

  it('fails as soon as a consumer dies during the replay, and stops the others', async () => {
    const consumers = await joined(2, settings(db.url, 'killed'));
    const [first, second] = consumers.pids;
    expect(alive(first) && alive(second)).toBe(true);
    process.kill(first, 'SIGKILL');
    await expect(consumers.failure).rejects.toThrow(/a replay consumer exited \(SIGKILL\) before the replay ended/);
    consumers.kill();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(alive(second)).toBe(false);
  });

  it('stops its consumers when asked, without counting that as a failure', async () => {
    const consumers = await joined(1, settings(db.url, 'stopped'));
    const [pid] = consumers.pids;
    let failed = false;
    consumers.failure.catch(() => (failed = true));
    await consumers.stop();
    await new Promise((resolve) => setImmediate(resolve));
    expect(alive(pid)).toBe(false);
    expect(failed).toBe(false);
  });

  it('stops consumers forked but not joined yet (a rebuild with nothing to replay), still loading when asked', async () => {
    const consumers = ReplayConsumers.fork(2, settings(db.url, 'never-joined'));
    const pids = consumers.pids;
    let failed = false;
    consumers.failure.catch(() => (failed = true));
    // At once: the processes are still loading, and hear the request once they are ready.
    await consumers.stop();
    await new Promise((resolve) => setImmediate(resolve));
    expect(pids.map(alive)).toEqual([false, false]);
    expect(failed).toBe(false);
  });
});
