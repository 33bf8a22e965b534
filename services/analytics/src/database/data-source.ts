import { DataSource, DataSourceOptions } from 'typeorm';
import { MessagingTables1764316800000 } from '@socialmakers/messaging';
import { ModuleCompletionCount } from '../results/entities/module-completion-count.entity';
import { ModuleCompletionCounts1764316800001 } from './migrations/1764316800001-ModuleCompletionCounts';

/** The one description of analytics' database, used by Nest and by the migration command alike. */
export function analyticsDataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [ModuleCompletionCount],
    migrations: [MessagingTables1764316800000, ModuleCompletionCounts1764316800001],
    migrationsTableName: 'schema_migrations',
    synchronize: false,
  };
}

export default new DataSource(analyticsDataSourceOptions(process.env.DATABASE_URL ?? ''));
