import { DataSource, DataSourceOptions } from 'typeorm';
import { Account } from '../accounts/entities/account.entity';
import { PasswordReset } from '../password-reset/entities/password-reset.entity';
import { RefreshToken } from '../sessions/entities/refresh-token.entity';
import { Accounts1764835200000 } from './migrations/1764835200000-Accounts';

/** The one description of the gateway's database, used by Nest, the accounts CLI and the migration command alike. */
export function gatewayDataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [Account, RefreshToken, PasswordReset],
    migrations: [Accounts1764835200000],
    migrationsTableName: 'schema_migrations',
    synchronize: false,
  };
}

/** For `typeorm migration:run -d`. */
export default new DataSource(gatewayDataSourceOptions(process.env.DATABASE_URL ?? ''));
