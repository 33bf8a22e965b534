import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ModuleCompletedV1Payload } from '@socialmakers/contracts';
import { ModuleCompletionCount } from './entities/module-completion-count.entity';

export interface ModuleCompletionTotals {
  total: number;
  rows: Array<{ courseKey: string; moduleKey: string; country: string | null; completions: number }>;
}

@Injectable()
export class ResultsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Counts one completion; runs in the consumer's transaction, so the inbox makes it count once. */
  async countModuleCompletion(manager: EntityManager, completion: ModuleCompletedV1Payload): Promise<void> {
    await manager.query(
      `INSERT INTO module_completion_counts (course_key, module_key, country, completions) VALUES ($1, $2, $3, 1)
       ON CONFLICT (course_key, module_key, country) DO UPDATE SET completions = module_completion_counts.completions + 1`,
      [completion.courseKey, completion.moduleKey, completion.country ?? ''],
    );
  }

  async moduleCompletions(courseKey?: string): Promise<ModuleCompletionTotals> {
    const rows = await this.dataSource.getRepository(ModuleCompletionCount).find({
      where: courseKey ? { courseKey } : {},
      order: { courseKey: 'ASC', moduleKey: 'ASC', country: 'ASC' },
    });
    return {
      total: rows.reduce((sum, row) => sum + row.completions, 0),
      rows: rows.map((row) => ({ courseKey: row.courseKey, moduleKey: row.moduleKey, country: row.country || null, completions: row.completions })),
    };
  }
}
