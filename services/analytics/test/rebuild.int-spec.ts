import { DataSource } from 'typeorm';
import { parseBrokers } from '@socialmakers/messaging';
import { TestDatabase } from '@socialmakers/testing';
import { analyticsDataSourceOptions } from '../src/database/data-source';
import { rebuildProjections } from '../src/rebuild/rebuild-projections';
import { isolateKafka, programme, publish, queryDb } from './support';

/**
 * The replay commits without waiting for the flush to disk, so a restart of PostgreSQL during it can
 * lose its last chunks. The rebuild must then fail and say to run it again, not finish on them.
 */
describe('analytics rebuild: its database session', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  const kafka = { brokers: parseBrokers(process.env.KAFKA_BROKERS!), clientId: 'socialmakers-test-analytics-rebuild' };
  const { events } = programme();

  beforeAll(async () => {
    await isolateKafka('rebuild-session');
    db = await TestDatabase.create('analytics_rebuild_session');
    dataSource = await new DataSource(analyticsDataSourceOptions(db.url)).initialize();
    await dataSource.runMigrations();
    await publish(events);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('fails, saying to run it again, when its session ended during the replay (as a restart of the database ends it), and completes when run again', async () => {
    // The rebuild's session is the one holding its advisory lock (7340611).
    const endRebuildSession = () =>
      queryDb(db.url, `SELECT pg_terminate_backend(pid) AS ended FROM pg_locks WHERE locktype = 'advisory' AND classid = 0 AND objid = 7340611 AND granted`);
    let ending: Promise<Array<Record<string, unknown>>> | undefined;
    const cut = rebuildProjections({ dataSource, kafka, onProgress: () => void (ending ??= endRebuildSession()) });

    await expect(cut).rejects.toThrow(/lost its database session during the replay.*Run the rebuild again/);
    expect(await ending).toEqual([{ ended: true }]);
    const again = await rebuildProjections({ dataSource, kafka });
    expect(again.events).toBe(events.length);
    expect(again.rows['event_log']).toBe(events.length);
  });
});
