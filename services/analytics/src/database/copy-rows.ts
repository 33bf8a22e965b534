import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { EntityManager } from 'typeorm';

export type CopyValue = string | number | boolean | null | undefined;

/** One value in COPY's text format: \N for null, and backslash, tab, newline and return escaped. */
function copyText(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  const text = String(value);
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!) : text;
}

/**
 * Appends rows to a table with COPY, in the manager's transaction: for bulk loads, where COPY costs
 * PostgreSQL a fraction of an INSERT of the same rows sent as one JSON document (which it parses
 * whole before the first row is written). COPY has no ON CONFLICT: only for tables without a key
 * that the rows could collide on.
 */
export async function copyRows(manager: EntityManager, table: string, columns: readonly string[], rows: ReadonlyArray<readonly CopyValue[]>): Promise<void> {
  if (rows.length === 0) return;
  const runner = manager.queryRunner;
  if (!runner) throw new Error('copyRows needs a transaction (a manager with its query runner)');
  // TypeORM's Postgres runner hands out the pg client it holds for the transaction.
  const client = (await runner.connect()) as PoolClient;
  let text = '';
  for (const row of rows) text += `${row.map(copyText).join('\t')}\n`;
  await pipeline(Readable.from([text]), client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)));
}
