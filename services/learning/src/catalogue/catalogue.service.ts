import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CoursePublishedV1, ModulePublishedV1 } from '@socialmakers/contracts';
import { EventOutbox, type PendingEvent } from '@socialmakers/messaging';
import { coursePublishedPayload, modulePublishedPayload } from './catalogue-events';
import { courseArchived, courseHasNoModules, courseNotFound, courseNotPublished, moduleNotFound } from './catalogue.errors';
import { Course, CatalogueStatus } from './entities/course.entity';
import { CourseModule } from './entities/course-module.entity';
import { compactText, sameText } from './localize';
import type { UpsertCourseDto } from './dto/upsert-course.dto';
import type { UpsertModuleDto } from './dto/upsert-module.dto';

export interface CourseWithModules {
  course: Course;
  modules: CourseModule[];
}

@Injectable()
export class CatalogueService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
  ) {}

  /** Creates a draft course or changes its texts; a change marks a published course for republishing. */
  async upsertCourse(courseKey: string, dto: UpsertCourseDto): Promise<{ course: CourseWithModules; created: boolean }> {
    const title = compactText(dto.title);
    const summary = compactText(dto.summary);
    const created = await this.dataSource.transaction(async (manager) => {
      const existing = await manager.getRepository(Course).findOne({ where: { courseKey }, lock: { mode: 'pessimistic_write' } });
      if (!existing) {
        await manager.query(`INSERT INTO courses (course_key, title, summary) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [courseKey, title, summary]);
        return true;
      }
      if (!sameText(existing.title, title) || !sameText(existing.summary, summary)) {
        await manager.query(`UPDATE courses SET title = $2, summary = $3, changed_since_published = true, updated_at = now() WHERE course_key = $1`, [
          courseKey,
          title,
          summary,
        ]);
      }
      return false;
    });
    return { course: await this.courseWithModules(this.dataSource.manager, courseKey, true), created };
  }

  /** Creates a draft module or changes it; a change marks it (and its course) for republishing. */
  async upsertModule(courseKey: string, moduleKey: string, dto: UpsertModuleDto): Promise<{ module: CourseModule; created: boolean }> {
    const title = compactText(dto.title);
    const summary = compactText(dto.summary);
    const required = dto.required ?? true;
    const passMark = dto.passMark ?? null;
    return this.dataSource.transaction(async (manager) => {
      const course = await manager.getRepository(Course).findOne({ where: { courseKey }, lock: { mode: 'pessimistic_write' } });
      if (!course) throw courseNotFound(courseKey);
      const repository = manager.getRepository(CourseModule);
      const existing = await repository.findOneBy({ courseKey, moduleKey });
      if (!existing) {
        await manager.query(
          `INSERT INTO course_modules (course_key, module_key, position, title, summary, required, pass_mark) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [courseKey, moduleKey, dto.position, title, summary, required, passMark],
        );
      } else {
        const changed =
          existing.position !== dto.position ||
          existing.required !== required ||
          existing.passMark !== passMark ||
          !sameText(existing.title, title) ||
          !sameText(existing.summary, summary);
        if (changed) {
          await manager.query(
            `UPDATE course_modules SET position = $3, title = $4, summary = $5, required = $6, pass_mark = $7, changed_since_published = true, updated_at = now()
             WHERE course_key = $1 AND module_key = $2`,
            [courseKey, moduleKey, dto.position, title, summary, required, passMark],
          );
        }
      }
      return { module: await repository.findOneByOrFail({ courseKey, moduleKey }), created: !existing };
    });
  }

  /**
   * Publishes the course and its modules that are new or changed. Emits ModulePublishedV1 for each of
   * those modules and CoursePublishedV1 with the whole published course; publishing an unchanged
   * published course changes nothing and emits nothing.
   */
  async publishCourse(courseKey: string): Promise<{ course: CourseWithModules; changed: boolean }> {
    const changed = await this.dataSource.transaction(async (manager) => {
      const course = await this.lockCourse(manager, courseKey);
      if (course.status === CatalogueStatus.Archived) throw courseArchived(courseKey);
      const modules = await this.modulesOf(manager, courseKey);
      const live = modules.filter((module) => module.status !== CatalogueStatus.Archived);
      if (live.length === 0) throw courseHasNoModules(courseKey);
      const now = new Date();
      const toPublish = live.filter((module) => module.status === CatalogueStatus.Draft || module.changedSincePublished);
      const courseChanged = course.status !== CatalogueStatus.Published || course.changedSincePublished;
      if (!courseChanged && toPublish.length === 0) return false;
      const events: PendingEvent[] = [];
      for (const module of toPublish) {
        Object.assign(module, { status: CatalogueStatus.Published, changedSincePublished: false, publishedAt: now });
        events.push({ type: ModulePublishedV1.type, payload: modulePublishedPayload(module, now) });
      }
      if (toPublish.length > 0) {
        await manager.query(
          `UPDATE course_modules SET status = 'published', changed_since_published = false, published_at = $2, updated_at = now()
           WHERE course_key = $1 AND module_key = ANY($3::text[])`,
          [courseKey, now, toPublish.map((module) => module.moduleKey)],
        );
      }
      await manager.query(
        `UPDATE courses SET status = 'published', changed_since_published = false, published_at = $2, updated_at = now() WHERE course_key = $1`,
        [courseKey, now],
      );
      events.push({ type: CoursePublishedV1.type, payload: coursePublishedPayload(course, modules, now) });
      await this.outbox.publishAll(manager, events);
      return true;
    });
    return { course: await this.courseWithModules(this.dataSource.manager, courseKey, true), changed };
  }

  /**
   * Publishes one module of a published course (new or changed): ModulePublishedV1, and
   * CoursePublishedV1 again because the course's published module list changed.
   */
  async publishModule(courseKey: string, moduleKey: string): Promise<{ module: CourseModule; changed: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      const course = await this.lockCourse(manager, courseKey);
      if (course.status === CatalogueStatus.Archived) throw courseArchived(courseKey);
      if (course.status !== CatalogueStatus.Published) throw courseNotPublished(courseKey);
      const modules = await this.modulesOf(manager, courseKey);
      const module = modules.find((candidate) => candidate.moduleKey === moduleKey);
      if (!module || module.status === CatalogueStatus.Archived) throw moduleNotFound(courseKey, moduleKey);
      if (module.status === CatalogueStatus.Published && !module.changedSincePublished) return { module, changed: false };
      const now = new Date();
      Object.assign(module, { status: CatalogueStatus.Published, changedSincePublished: false, publishedAt: now });
      await manager.query(
        `UPDATE course_modules SET status = 'published', changed_since_published = false, published_at = $3, updated_at = now()
         WHERE course_key = $1 AND module_key = $2`,
        [courseKey, moduleKey, now],
      );
      await this.outbox.publishAll(manager, [
        { type: ModulePublishedV1.type, payload: modulePublishedPayload(module, now) },
        { type: CoursePublishedV1.type, payload: coursePublishedPayload(course, modules, now) },
      ]);
      return { module, changed: true };
    });
  }

  /**
   * Archives a course: it keeps its enrolments, completions and certificates but takes no new
   * enrolments or completions. There is no archive event in the catalogue (v1); consumers keep
   * the course as last published.
   */
  async archiveCourse(courseKey: string): Promise<CourseWithModules> {
    await this.dataSource.transaction(async (manager) => {
      await this.lockCourse(manager, courseKey);
      await manager.query(`UPDATE courses SET status = 'archived', updated_at = now() WHERE course_key = $1`, [courseKey]);
    });
    return this.courseWithModules(this.dataSource.manager, courseKey, true);
  }

  async getCourse(courseKey: string, includeUnpublished: boolean): Promise<CourseWithModules> {
    return this.courseWithModules(this.dataSource.manager, courseKey, includeUnpublished);
  }

  async listCourses(includeUnpublished: boolean): Promise<CourseWithModules[]> {
    const courses = await this.dataSource.getRepository(Course).find({ order: { courseKey: 'ASC' } });
    const visible = includeUnpublished ? courses : courses.filter((course) => course.status === CatalogueStatus.Published);
    const modules = await this.dataSource.getRepository(CourseModule).find({ order: { position: 'ASC', moduleKey: 'ASC' } });
    return visible.map((course) => ({
      course,
      modules: modules.filter((module) => module.courseKey === course.courseKey && (includeUnpublished || module.status === CatalogueStatus.Published)),
    }));
  }

  /**
   * The course a learner may enrol in or progress through: unknown and unpublished courses are
   * 404 (a draft is invisible to learners), archived ones 409.
   */
  async requireOpenCourse(manager: EntityManager, courseKey: string): Promise<Course> {
    const course = await manager.getRepository(Course).findOneBy({ courseKey });
    if (!course || course.status === CatalogueStatus.Draft) throw courseNotFound(courseKey);
    if (course.status === CatalogueStatus.Archived) throw courseArchived(courseKey);
    return course;
  }

  async requirePublishedModule(manager: EntityManager, courseKey: string, moduleKey: string): Promise<CourseModule> {
    await this.requireOpenCourse(manager, courseKey);
    const module = await manager.getRepository(CourseModule).findOneBy({ courseKey, moduleKey });
    if (!module || module.status !== CatalogueStatus.Published) throw moduleNotFound(courseKey, moduleKey);
    return module;
  }

  /** The published modules of a course in order (what a learner sees and what completion counts). */
  async publishedModules(manager: EntityManager, courseKey: string): Promise<CourseModule[]> {
    return manager.getRepository(CourseModule).find({ where: { courseKey, status: CatalogueStatus.Published }, order: { position: 'ASC', moduleKey: 'ASC' } });
  }

  private async lockCourse(manager: EntityManager, courseKey: string): Promise<Course> {
    const course = await manager.getRepository(Course).findOne({ where: { courseKey }, lock: { mode: 'pessimistic_write' } });
    if (!course) throw courseNotFound(courseKey);
    return course;
  }

  private modulesOf(manager: EntityManager, courseKey: string): Promise<CourseModule[]> {
    return manager.getRepository(CourseModule).find({ where: { courseKey }, order: { position: 'ASC', moduleKey: 'ASC' } });
  }

  private async courseWithModules(manager: EntityManager, courseKey: string, includeUnpublished: boolean): Promise<CourseWithModules> {
    const course = await manager.getRepository(Course).findOneBy({ courseKey });
    if (!course || (!includeUnpublished && course.status !== CatalogueStatus.Published)) throw courseNotFound(courseKey);
    const modules = await this.modulesOf(manager, courseKey);
    return { course, modules: includeUnpublished ? modules : modules.filter((module) => module.status === CatalogueStatus.Published) };
  }
}
