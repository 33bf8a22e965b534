import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { EntityManager } from 'typeorm';

export type CopyValue = string | number | boolean | null | undefined;

const BACKSLASH = 0x5c;
const TAB = 0x09;
const NEWLINE = 0x0a;
const RETURN = 0x0d;
const ESCAPED: Record<number, number> = { [BACKSLASH]: BACKSLASH, [TAB]: 0x74, [NEWLINE]: 0x6e, [RETURN]: 0x72 };
const NEEDS_ESCAPE = /[\\\t\n\r]/;

/**
 * Rows in COPY's text format, written straight into bytes: values separated by tabs, rows ended by
 * newlines, \N for null, and backslash, tab, newline and return escaped. A JSON value the caller
 * already holds as UTF-8 bytes (a consumed record's value) is copied in as it is, instead of being
 * decoded, serialised again and encoded again.
 */
export class CopyRows {
  private bytes: Buffer;
  private length = 0;
  private first = true;
  private rows = 0;

  constructor(expectedBytes = 64 * 1024) {
    this.bytes = Buffer.allocUnsafe(expectedBytes);
  }

  /** A value of the current row. */
  value(value: CopyValue): this {
    this.separate();
    if (value === null || value === undefined) {
      this.reserve(2);
      this.length += this.bytes.write('\\N', this.length, 'latin1');
      return this;
    }
    const text = String(value);
    if (NEEDS_ESCAPE.test(text)) return this.escapedBytes(Buffer.from(text, 'utf8'));
    this.reserve(text.length * 3);
    this.length += this.bytes.write(text, this.length, 'utf8');
    return this;
  }

  /** A value of the current row given as UTF-8 bytes (JSON, say). */
  utf8(bytes: Buffer): this {
    this.separate();
    const plain = bytes.indexOf(BACKSLASH) < 0 && bytes.indexOf(TAB) < 0 && bytes.indexOf(NEWLINE) < 0 && bytes.indexOf(RETURN) < 0;
    if (!plain) return this.escapedBytes(bytes);
    this.reserve(bytes.length);
    this.length += bytes.copy(this.bytes, this.length);
    return this;
  }

  /** Ends the current row. */
  endRow(): this {
    this.reserve(1);
    this.bytes[this.length++] = NEWLINE;
    this.first = true;
    this.rows += 1;
    return this;
  }

  /** How many rows were ended. */
  get count(): number {
    return this.rows;
  }

  /** The rows written so far. */
  toBuffer(): Buffer {
    return this.bytes.subarray(0, this.length);
  }

  private separate(): void {
    if (this.first) {
      this.first = false;
      return;
    }
    this.reserve(1);
    this.bytes[this.length++] = TAB;
  }

  private escapedBytes(bytes: Buffer): this {
    this.reserve(bytes.length * 2);
    for (const byte of bytes) {
      const escaped = ESCAPED[byte];
      if (escaped === undefined) {
        this.bytes[this.length++] = byte;
      } else {
        this.bytes[this.length++] = BACKSLASH;
        this.bytes[this.length++] = escaped;
      }
    }
    return this;
  }

  private reserve(more: number): void {
    if (this.length + more <= this.bytes.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.length + more));
    this.bytes.copy(grown, 0, 0, this.length);
    this.bytes = grown;
  }
}

/**
 * Appends rows to a table with COPY, in the manager's transaction: for bulk loads, where COPY costs
 * PostgreSQL a fraction of an INSERT of the same rows sent as one JSON document (which it parses
 * whole before the first row is written). COPY has no ON CONFLICT: only for tables without a key
 * that the rows could collide on.
 */
export async function copyRows(manager: EntityManager, table: string, columns: readonly string[], rows: CopyRows): Promise<void> {
  if (rows.count === 0) return;
  const runner = manager.queryRunner;
  if (!runner) throw new Error('copyRows needs a transaction (a manager with its query runner)');
  // TypeORM's Postgres runner hands out the pg client it holds for the transaction.
  const client = (await runner.connect()) as PoolClient;
  await pipeline(Readable.from([rows.toBuffer()]), client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)));
}
