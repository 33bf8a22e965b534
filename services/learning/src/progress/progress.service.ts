import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { ModuleCompletedV1 } from '@socialmakers/contracts';
import { EventOutbox } from '@socialmakers/messaging';
import { CatalogueService } from '../catalogue/catalogue.service';
import { Course } from '../catalogue/entities/course.entity';
import { CourseModule } from '../catalogue/entities/course-module.entity';
import { localize } from '../catalogue/localize';
import { Certificate } from '../certificates/entities/certificate.entity';
import { EnrolmentService } from '../enrolment/enrolment.service';
import { Enrolment } from '../enrolment/entities/enrolment.entity';
import { CourseCompletionService } from './course-completion.service';
import { CourseCompletion } from './entities/course-completion.entity';
import { ModuleCompletion } from './entities/module-completion.entity';
import { ModuleStart } from './entities/module-start.entity';
import { quizProblem } from './progress.errors';
import type { CompleteModuleDto } from './dto/complete-module.dto';
import type { CourseProgressView } from './dto/progress.view';
import type { StartModuleDto } from './dto/start-module.dto';

export interface CompletionResult {
  completion: ModuleCompletion;
  /** False when the module was already complete: nothing changed and nothing was published. */
  created: boolean;
}

const iso = (date: Date | null | undefined) => (date ? new Date(date).toISOString() : null);

@Injectable()
export class ProgressService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
    private readonly catalogue: CatalogueService,
    private readonly enrolments: EnrolmentService,
    private readonly courseCompletion: CourseCompletionService,
  ) {}

  /** Marks a module started (no event: the catalogue has none; starts feed the statistics). */
  async startModule(personId: string, dto: StartModuleDto): Promise<{ start: ModuleStart; created: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      await this.catalogue.requirePublishedModule(manager, dto.courseKey, dto.moduleKey);
      await this.enrolments.requireActiveEnrolment(manager, personId, dto.courseKey);
      const inserted: unknown[] = await manager.query(
        `INSERT INTO module_starts (person_id, course_key, module_key, started_at) VALUES ($1, $2, $3, now()) ON CONFLICT DO NOTHING RETURNING person_id`,
        [personId, dto.courseKey, dto.moduleKey],
      );
      const start = await manager.getRepository(ModuleStart).findOneByOrFail({ personId, courseKey: dto.courseKey, moduleKey: dto.moduleKey });
      return { start, created: inserted.length > 0 };
    });
  }

  /**
   * Records a module completion and its event in one transaction, then completes the course (and
   * issues its certificate) when this was the last required module. Completing the same module
   * again is answered with the first completion and publishes nothing.
   */
  async completeModule(personId: string, dto: CompleteModuleDto): Promise<CompletionResult> {
    return this.dataSource.transaction(async (manager) => {
      const module = await this.catalogue.requirePublishedModule(manager, dto.courseKey, dto.moduleKey);
      // Locks the enrolment: completions of one learner in one course are serialised, so two
      // concurrent last modules cannot both miss (or both make) the course completion.
      const enrolment = await this.enrolments.requireActiveEnrolment(manager, personId, dto.courseKey);
      const repository = manager.getRepository(ModuleCompletion);
      const existing = await repository.findOneBy({ personId, courseKey: dto.courseKey, moduleKey: dto.moduleKey });
      if (existing) return { completion: existing, created: false };
      const problem = quizProblem(module.moduleKey, module.passMark, dto.score);
      if (problem) throw problem;

      const country = dto.country ?? enrolment.country?.trim() ?? null;
      await manager
        .createQueryBuilder()
        .insert()
        .into(ModuleCompletion)
        .values({ personId, courseKey: dto.courseKey, moduleKey: dto.moduleKey, country, score: dto.score ?? null, completedAt: new Date() })
        .execute();
      await manager.query(
        `INSERT INTO module_starts (person_id, course_key, module_key, started_at) VALUES ($1, $2, $3, now()) ON CONFLICT DO NOTHING`,
        [personId, dto.courseKey, dto.moduleKey],
      );
      const completion = await repository.findOneByOrFail({ personId, courseKey: dto.courseKey, moduleKey: dto.moduleKey });
      await this.outbox.publish(manager, ModuleCompletedV1.type, {
        personId,
        courseKey: completion.courseKey,
        moduleKey: completion.moduleKey,
        ...(completion.country ? { country: completion.country.trim() } : {}),
        ...(completion.score !== null ? { score: completion.score } : {}),
        completedAt: new Date(completion.completedAt).toISOString(),
      });
      await this.courseCompletion.completeWhereDone(manager, [{ personId, courseKey: dto.courseKey }]);
      return { completion, created: true };
    });
  }

  async completionsOf(personId: string): Promise<ModuleCompletion[]> {
    return this.dataSource.getRepository(ModuleCompletion).find({ where: { personId }, order: { completedAt: 'ASC' } });
  }

  /** A learner's own progress in each course they enrolled in, module by module. */
  async progressOf(personId: string, language: string): Promise<CourseProgressView[]> {
    const manager = this.dataSource.manager;
    const enrolments = await manager.getRepository(Enrolment).find({ where: { personId }, order: { enrolledAt: 'ASC' } });
    if (enrolments.length === 0) return [];
    const courseKeys = enrolments.map((e) => e.courseKey);
    const [courses, modules, starts, completions, courseCompletions, certificates] = await Promise.all([
      manager.getRepository(Course).findBy({ courseKey: In(courseKeys) }),
      manager.getRepository(CourseModule).find({ where: { courseKey: In(courseKeys), status: 'published' }, order: { position: 'ASC' } }),
      manager.getRepository(ModuleStart).findBy({ personId }),
      manager.getRepository(ModuleCompletion).findBy({ personId }),
      manager.getRepository(CourseCompletion).findBy({ personId }),
      manager.getRepository(Certificate).findBy({ personId }),
    ]);
    return enrolments.map((enrolment) => {
      const course = courses.find((c) => c.courseKey === enrolment.courseKey)!;
      const moduleViews = modules
        .filter((m) => m.courseKey === enrolment.courseKey)
        .map((m) => {
          const start = starts.find((s) => s.courseKey === m.courseKey && s.moduleKey === m.moduleKey);
          const completion = completions.find((c) => c.courseKey === m.courseKey && c.moduleKey === m.moduleKey);
          return {
            moduleKey: m.moduleKey,
            position: m.position,
            title: localize(m.title, language),
            required: m.required,
            passMark: m.passMark,
            status: completion ? ('completed' as const) : start ? ('started' as const) : ('not-started' as const),
            startedAt: iso(start?.startedAt ?? completion?.completedAt),
            completedAt: iso(completion?.completedAt),
            score: completion?.score ?? null,
          };
        });
      const required = moduleViews.filter((m) => m.required);
      const requiredDone = required.filter((m) => m.status === 'completed').length;
      return {
        courseKey: enrolment.courseKey,
        title: localize(course.title, language),
        enrolment: enrolment.status,
        enrolledAt: new Date(enrolment.enrolledAt).toISOString(),
        requiredModules: required.length,
        requiredModulesCompleted: requiredDone,
        percentComplete: required.length === 0 ? 0 : Math.round((100 * requiredDone) / required.length),
        completedAt: iso(courseCompletions.find((c) => c.courseKey === enrolment.courseKey)?.completedAt),
        certificateCode: certificates.find((c) => c.courseKey === enrolment.courseKey)?.verificationCode ?? null,
        modules: moduleViews,
      };
    });
  }
}
