import type { EntityManager } from 'typeorm';

/**
 * Rows of an UPDATE … RETURNING. TypeORM answers UPDATE and DELETE with [rows, rowCount] but
 * INSERT and SELECT with the rows alone; this gives the rows either way.
 */
export async function updateReturning<T>(manager: EntityManager, sql: string, parameters: unknown[]): Promise<T[]> {
  const result: unknown[] = await manager.query(sql, parameters);
  return (Array.isArray(result[0]) ? result[0] : result) as T[];
}
