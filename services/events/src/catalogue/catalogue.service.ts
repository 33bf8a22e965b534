import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { CoursePublishedV1Payload, ModuleCompletedV1Payload, ModulePublishedV1Payload } from '@socialmakers/contracts';
import { UnprocessableError } from '@socialmakers/service-kit';
import { ActivityErrorCode } from '../activities/activity';
import { erasedAtOrAfter } from '../erasure/erasure.service';

export interface CatalogueModule {
  courseKey: string;
  moduleKey: string;
  position: number;
  title: string;
  required: boolean;
}

/**
 * The events service's own read model of the Academy catalogue, built only from learning's
 * published events (no calls to learning): a workshop must deepen a module that exists.
 */
@Injectable()
export class CatalogueService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A republished course replaces its module list: modules no longer in it are gone from the catalogue. */
  async applyCoursePublished(manager: EntityManager, course: CoursePublishedV1Payload): Promise<void> {
    await manager.query(`DELETE FROM catalogue_modules WHERE course_key = $1 AND NOT (module_key = ANY($2::text[]))`, [
      course.courseKey,
      course.modules.map((m) => m.moduleKey),
    ]);
    for (const module of course.modules) {
      await this.upsert(manager, { courseKey: course.courseKey, moduleKey: module.moduleKey, position: module.position, title: module.title.en, required: module.required }, course.publishedAt);
    }
  }

  async applyModulePublished(manager: EntityManager, module: ModulePublishedV1Payload): Promise<void> {
    await this.upsert(manager, { courseKey: module.courseKey, moduleKey: module.moduleKey, position: module.position, title: module.title.en, required: module.required }, module.publishedAt);
  }

  /** What learners completed, for the waiting-list priority of workshops that deepen the module. */
  /** A completion from before its person's erasure, arriving after it, is not kept (see erasure/). */
  async applyModuleCompleted(manager: EntityManager, completion: ModuleCompletedV1Payload): Promise<void> {
    await manager.query(
      `INSERT INTO module_completions (person_id, course_key, module_key, completed_at)
       SELECT $1, $2, $3, $4 WHERE NOT ${erasedAtOrAfter('$1::uuid', '$4::timestamptz')} ON CONFLICT DO NOTHING`,
      [completion.personId, completion.courseKey, completion.moduleKey, completion.completedAt],
    );
  }

  private async upsert(manager: EntityManager, module: CatalogueModule, publishedAt: string): Promise<void> {
    // Events of one course arrive in order (keyed by course), so the last one wins.
    await manager.query(
      `INSERT INTO catalogue_modules (course_key, module_key, position, title, required, published_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (course_key, module_key) DO UPDATE SET position = EXCLUDED.position, title = EXCLUDED.title, required = EXCLUDED.required, published_at = EXCLUDED.published_at`,
      [module.courseKey, module.moduleKey, module.position, module.title, module.required, publishedAt],
    );
  }

  async modules(courseKey?: string): Promise<CatalogueModule[]> {
    return this.dataSource.query(
      `SELECT course_key AS "courseKey", module_key AS "moduleKey", position, title, required FROM catalogue_modules
        WHERE ($1::text IS NULL OR course_key = $1) ORDER BY course_key, position`,
      [courseKey ?? null],
    );
  }

  /** The module a workshop deepens; refuses one the Academy has not published, naming what it knows. */
  async resolveModule(manager: EntityManager, moduleKey: string, courseKey?: string): Promise<CatalogueModule> {
    const found: CatalogueModule[] = await manager.query(
      `SELECT course_key AS "courseKey", module_key AS "moduleKey", position, title, required FROM catalogue_modules
        WHERE module_key = $1 AND ($2::text IS NULL OR course_key = $2)`,
      [moduleKey, courseKey ?? null],
    );
    if (found.length === 1) return found[0];
    if (found.length > 1) {
      throw new UnprocessableError(
        ActivityErrorCode.AmbiguousModule,
        `Several Academy courses have a module "${moduleKey}" (${found.map((m) => m.courseKey).join(', ')}); say which with courseKey.`,
      );
    }
    const known: Array<{ module_key: string }> = await manager.query(
      `SELECT module_key FROM catalogue_modules WHERE ($1::text IS NULL OR course_key = $1) ORDER BY course_key, position LIMIT 20`,
      [courseKey ?? null],
    );
    const where = courseKey ? `the Academy course "${courseKey}"` : 'the Academy catalogue';
    const hint = known.length > 0 ? ` Known modules: ${known.map((m) => m.module_key).join(', ')}.` : ' No module has been published yet.';
    throw new UnprocessableError(ActivityErrorCode.UnknownModule, `The module "${moduleKey}" is not in ${where}, so no workshop can deepen it.${hint}`, {
      field: 'moduleKey',
    });
  }
}
