import { DataSource, DataSourceOptions } from 'typeorm';
import { MessagingTables1764316800000 } from '@socialmakers/messaging';

/**
 * The one description of the events service's database. Activities, registrations and attendance
 * arrive with the events service issue; until then it holds the outbox and inbox.
 */
export function eventsDataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [],
    migrations: [MessagingTables1764316800000],
    migrationsTableName: 'schema_migrations',
    synchronize: false,
  };
}

export default new DataSource(eventsDataSourceOptions(process.env.DATABASE_URL ?? ''));
