// Rebuilds the analytics projections from the event streams:
//   npm run analytics:rebuild [-- --json]
// Drops the projections, replays every topic of the catalogue from offset 0 to its current end with
// a progress bar (on stderr), and prints the final count. DATABASE_URL is analytics' database
// (default: the local socialmakers_analytics), KAFKA_BROKERS the broker, KAFKA_NAMESPACE the namespace.
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { DataSource } from 'typeorm';
import { parseBrokers } from '@socialmakers/messaging/plain';
import { analyticsDataSourceOptions } from '../database/data-source';
import { RebuildAlreadyRunningError, rebuildProjections } from './rebuild-projections';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { json: { type: 'boolean' } } });
  const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/socialmakers_analytics';
  const dataSource = new DataSource(analyticsDataSourceOptions(url));
  await dataSource.initialize();
  await dataSource.runMigrations();
  const kafka = { brokers: parseBrokers(process.env.KAFKA_BROKERS ?? '127.0.0.1:9092'), clientId: 'socialmakers-analytics-rebuild' };
  const bar = new SingleBar(
    { format: 'replaying {bar} {percentage}% | {value}/{total} records | {eta_formatted} left', stream: process.stderr, noTTYOutput: true, notTTYSchedule: 2000 },
    Presets.shades_classic,
  );
  let barStarted = false;
  try {
    const result = await rebuildProjections({
      dataSource,
      kafka,
      onProgress: ({ done, total }) => {
        if (!barStarted) {
          bar.start(total, 0);
          barStarted = true;
        }
        bar.update(done);
      },
    });
    bar.stop();
    if (values.json) {
      process.stdout.write(`${JSON.stringify(result)}\n`);
    } else {
      const rows = Object.entries(result.rows).map(([table, count]) => `${table} ${count}`).join(', ');
      process.stdout.write(
        `Rebuilt the analytics projections from ${result.records} records (${result.events} distinct events) in ${(result.millis / 1000).toFixed(1)} s; ` +
          `${result.deadLettered} dead-lettered. Replay ${(result.phases.replay / 1000).toFixed(1)} s, finish ${(result.phases.finish / 1000).toFixed(1)} s ` +
          `(${Object.entries(result.phases.steps).map(([step, ms]) => `${step} ${ms} ms`).join(', ')}). Rows: ${rows}.\n`,
      );
    }
  } catch (error) {
    bar.stop();
    if (error instanceof RebuildAlreadyRunningError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 1;
      return;
    }
    throw error;
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`rebuild failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
