import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CatalogueService } from '../catalogue/catalogue.service';
import { moduleNotFound } from '../catalogue/catalogue.errors';
import type { CourseStatisticsView, ModuleStatisticsView } from './dto/statistics.view';

const rate = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000);

/** Per-course and per-module figures for admins, computed from learning's own tables (aggregates, never per-person data). */
@Injectable()
export class StatisticsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalogue: CatalogueService,
  ) {}

  async course(courseKey: string): Promise<CourseStatisticsView> {
    const { modules } = await this.catalogue.getCourse(courseKey, true);
    const query = this.dataSource.query.bind(this.dataSource);
    const [byCountry, [completions], [certificates], starts, completed] = await Promise.all([
      query(`SELECT COALESCE(country, '--') AS country, status, count(*)::int AS n FROM enrolments WHERE course_key = $1 GROUP BY 1, 2`, [courseKey]) as Promise<
        Array<{ country: string; status: string; n: number }>
      >,
      query(`SELECT count(*)::int AS n FROM course_completions WHERE course_key = $1`, [courseKey]) as Promise<Array<{ n: number }>>,
      query(`SELECT count(*)::int AS n FROM certificates WHERE course_key = $1`, [courseKey]) as Promise<Array<{ n: number }>>,
      query(`SELECT module_key, count(*)::int AS n FROM module_starts WHERE course_key = $1 GROUP BY 1`, [courseKey]) as Promise<Array<{ module_key: string; n: number }>>,
      query(
        `SELECT module_key, COALESCE(country, '--') AS country, count(*)::int AS n, sum(score)::float AS score_sum, count(score)::int AS scored
         FROM module_completions WHERE course_key = $1 GROUP BY 1, 2`,
        [courseKey],
      ) as Promise<Array<{ module_key: string; country: string; n: number; score_sum: number | null; scored: number }>>,
    ]);
    const active = byCountry.filter((row) => row.status === 'enrolled').reduce((sum, row) => sum + row.n, 0);
    const withdrawn = byCountry.filter((row) => row.status === 'withdrawn').reduce((sum, row) => sum + row.n, 0);
    const enrolled = active + withdrawn;
    const enrolledByCountry: Record<string, number> = {};
    for (const row of byCountry) enrolledByCountry[row.country] = (enrolledByCountry[row.country] ?? 0) + row.n;

    return {
      courseKey,
      enrolled,
      active,
      withdrawn,
      enrolledByCountry,
      courseCompletions: completions.n,
      certificatesIssued: certificates.n,
      completionRate: rate(completions.n, enrolled),
      modules: modules.map((module): ModuleStatisticsView => {
        const rows = completed.filter((row) => row.module_key === module.moduleKey);
        const count = rows.reduce((sum, row) => sum + row.n, 0);
        const scored = rows.reduce((sum, row) => sum + row.scored, 0);
        const scoreSum = rows.reduce((sum, row) => sum + (row.score_sum ?? 0), 0);
        return {
          moduleKey: module.moduleKey,
          position: module.position,
          required: module.required,
          passMark: module.passMark,
          started: starts.find((row) => row.module_key === module.moduleKey)?.n ?? 0,
          completed: count,
          completionRate: rate(count, enrolled),
          averageScore: scored === 0 ? null : Math.round((scoreSum / scored) * 10) / 10,
          completedByCountry: Object.fromEntries(rows.map((row) => [row.country, row.n])),
        };
      }),
    };
  }

  async module(courseKey: string, moduleKey: string): Promise<ModuleStatisticsView> {
    const statistics = await this.course(courseKey);
    const module = statistics.modules.find((candidate) => candidate.moduleKey === moduleKey);
    if (!module) throw moduleNotFound(courseKey, moduleKey);
    return module;
  }
}
