import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface ModuleCompletionTotals {
  total: number;
  rows: Array<{ courseKey: string; moduleKey: string; country: string | null; completions: number }>;
}

@Injectable()
export class ResultsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Module completions per module and country, counted from the projection (one per person and module). */
  async moduleCompletions(courseKey?: string): Promise<ModuleCompletionTotals> {
    const rows: Array<{ course_key: string; module_key: string; country: string | null; completions: string }> = await this.dataSource.query(
      `SELECT course_key, module_key, country, count(*) AS completions FROM module_completions
       WHERE $1::text IS NULL OR course_key = $1 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3 NULLS FIRST`,
      [courseKey ?? null],
    );
    const mapped = rows.map((row) => ({ courseKey: row.course_key, moduleKey: row.module_key, country: row.country, completions: Number(row.completions) }));
    return { total: mapped.reduce((sum, row) => sum + row.completions, 0), rows: mapped };
  }
}
