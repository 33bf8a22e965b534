import { DataSource, DataSourceOptions } from 'typeorm';
import { MessagingTables1764316800000 } from '@socialmakers/messaging';
import { PersonNode } from '../network/entities/person-node.entity';
import { NodeModuleProgress } from '../network/entities/node-module-progress.entity';
import { PersonNodes1764316800001 } from './migrations/1764316800001-PersonNodes';
import { StakeholderGraph1764576000000 } from './migrations/1764576000000-StakeholderGraph';
import { GraphChanges1764835200000 } from './migrations/1764835200000-GraphChanges';

/** The one description of community's database, used by Nest and by the migration command alike. */
export function communityDataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [PersonNode, NodeModuleProgress],
    migrations: [MessagingTables1764316800000, PersonNodes1764316800001, StakeholderGraph1764576000000, GraphChanges1764835200000],
    migrationsTableName: 'schema_migrations',
    synchronize: false,
  };
}

export default new DataSource(communityDataSourceOptions(process.env.DATABASE_URL ?? ''));
