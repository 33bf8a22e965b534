import { DataSource, DataSourceOptions } from 'typeorm';
import { MessagingTables1764316800000 } from '@socialmakers/messaging';
import { ModuleCompletion } from '../progress/entities/module-completion.entity';
import { ModuleCompletions1764316800001 } from './migrations/1764316800001-ModuleCompletions';

/** The one description of learning's database, used by Nest and by the migration command alike. */
export function learningDataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [ModuleCompletion],
    migrations: [MessagingTables1764316800000, ModuleCompletions1764316800001],
    migrationsTableName: 'schema_migrations',
    synchronize: false,
  };
}

/** For `typeorm migration:run -d` and tools/cli/migrate.ts. */
export default new DataSource(learningDataSourceOptions(process.env.DATABASE_URL ?? ''));
