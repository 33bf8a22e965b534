import { Client } from 'pg';
import { adminDatabaseUrl, randomSuffix } from './infrastructure';

/** A database of its own for one test suite, dropped at the end; names say which suite made it. */
export class TestDatabase {
  private constructor(readonly name: string, readonly url: string) {}

  static async create(label: string): Promise<TestDatabase> {
    const name = `it_${label.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${randomSuffix()}`;
    await withAdmin((client) => client.query(`CREATE DATABASE "${name}"`));
    const url = new URL(adminDatabaseUrl());
    url.pathname = `/${name}`;
    return new TestDatabase(name, url.toString());
  }

  async drop(): Promise<void> {
    await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${this.name}" WITH (FORCE)`));
  }
}

async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminDatabaseUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
