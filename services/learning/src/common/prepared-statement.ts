import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { Pool } from 'pg';

/**
 * Runs a hot statement as a named prepared statement on the pool TypeORM already holds: PostgreSQL
 * parses and plans it once per connection instead of on every call, and the driver sends only Bind
 * and Execute. For statements whose text never changes (the parameters carry the values), called
 * often enough that the parse shows (enrolment). Outside a transaction: one statement, autocommit.
 */
export async function runPrepared<Row>(dataSource: DataSource, name: string, text: string, values: unknown[]): Promise<Row[]> {
  const pool = (dataSource.driver as PostgresDriver).master as Pool;
  const result = await pool.query({ name, text, values });
  return result.rows as Row[];
}
