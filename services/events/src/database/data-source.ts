import { DataSource, DataSourceOptions } from 'typeorm';
import { MessagingTables1764316800000 } from '@socialmakers/messaging';
import { EventsDomain1764403200001 } from './migrations/1764403200001-EventsDomain';
import { Erasure1764921600000 } from './migrations/1764921600000-Erasure';
import { RegistrationsByPerson1765411200000 } from './migrations/1765411200000-RegistrationsByPerson';

/**
 * The one description of the events service's database, used by Nest and by the migration command.
 * The service works in SQL through the EntityManager (row locks, upserts, multi-row inserts), so it
 * declares no entities; the tables are described by the migrations.
 */
export function eventsDataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [],
    migrations: [MessagingTables1764316800000, EventsDomain1764403200001, Erasure1764921600000, RegistrationsByPerson1765411200000],
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    // Check-ins and imports arrive concurrently; the default pool of 10 is the bottleneck before PostgreSQL is.
    extra: { max: 20 },
  };
}

export default new DataSource(eventsDataSourceOptions(process.env.DATABASE_URL ?? ''));
