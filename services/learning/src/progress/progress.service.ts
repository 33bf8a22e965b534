import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ModuleCompletedV1 } from '@socialmakers/contracts';
import { EventOutbox } from '@socialmakers/messaging';
import { ModuleCompletion } from './entities/module-completion.entity';
import type { CompleteModuleDto } from './dto/complete-module.dto';

export interface CompletionResult {
  completion: ModuleCompletion;
  /** False when the module was already complete: nothing changed and nothing was published. */
  created: boolean;
}

@Injectable()
export class ProgressService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
  ) {}

  /**
   * Records a module completion and its event in one transaction. Completing the same module again
   * is answered with the first completion and publishes nothing.
   */
  async completeModule(personId: string, dto: CompleteModuleDto): Promise<CompletionResult> {
    return this.dataSource.transaction(async (manager) => {
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(ModuleCompletion)
        .values({
          personId,
          courseKey: dto.courseKey,
          moduleKey: dto.moduleKey,
          country: dto.country ?? null,
          score: dto.score ?? null,
          completedAt: new Date(),
        })
        .orIgnore()
        .returning(['id'])
        .execute();
      const created = inserted.raw.length > 0;
      const completion = await manager
        .getRepository(ModuleCompletion)
        .findOneByOrFail({ personId, courseKey: dto.courseKey, moduleKey: dto.moduleKey });
      if (created) {
        await this.outbox.publish(manager, ModuleCompletedV1.type, {
          personId,
          courseKey: completion.courseKey,
          moduleKey: completion.moduleKey,
          ...(completion.country ? { country: completion.country } : {}),
          ...(completion.score !== null ? { score: completion.score } : {}),
          completedAt: new Date(completion.completedAt).toISOString(),
        });
      }
      return { completion, created };
    });
  }

  async completionsOf(personId: string): Promise<ModuleCompletion[]> {
    return this.dataSource.getRepository(ModuleCompletion).find({ where: { personId }, order: { completedAt: 'ASC' } });
  }
}
