import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ModuleCompletion } from '../entities/module-completion.entity';

export class ModuleCompletionView {
  @ApiProperty() id: string;
  @ApiProperty() personId: string;
  @ApiProperty() courseKey: string;
  @ApiProperty() moduleKey: string;
  @ApiPropertyOptional({ nullable: true }) country: string | null;
  @ApiPropertyOptional({ nullable: true }) score: number | null;
  @ApiProperty() completedAt: string;

  static of(completion: ModuleCompletion): ModuleCompletionView {
    return {
      id: completion.id,
      personId: completion.personId,
      courseKey: completion.courseKey,
      moduleKey: completion.moduleKey,
      country: completion.country,
      score: completion.score,
      completedAt: new Date(completion.completedAt).toISOString(),
    };
  }
}
