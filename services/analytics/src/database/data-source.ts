import { DataSource, DataSourceOptions } from 'typeorm';
import { MessagingTables1764316800000 } from '@socialmakers/messaging/plain';
import { ModuleCompletionCounts1764316800001 } from './migrations/1764316800001-ModuleCompletionCounts';
import { ResultsProjections1764662400000 } from './migrations/1764662400000-ResultsProjections';
import { ReportCounters1764748800000 } from './migrations/1764748800000-ReportCounters';
import { ReachPeopleBaseRows1764921600000 } from './migrations/1764921600000-ReachPeopleBaseRows';
import { EventLogKeyById1765008000000 } from './migrations/1765008000000-EventLogKeyById';
import { EventLogTypeBytewise1765094400000 } from './migrations/1765094400000-EventLogTypeBytewise';

/** The one description of analytics' database, used by Nest and by the migration command alike. */
export function analyticsDataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [],
    migrations: [MessagingTables1764316800000, ModuleCompletionCounts1764316800001, ResultsProjections1764662400000, ReportCounters1764748800000, ReachPeopleBaseRows1764921600000, EventLogKeyById1765008000000, EventLogTypeBytewise1765094400000],
    migrationsTableName: 'schema_migrations',
    synchronize: false,
  };
}

export default new DataSource(analyticsDataSourceOptions(process.env.DATABASE_URL ?? ''));
