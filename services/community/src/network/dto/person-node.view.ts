import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { PersonNode } from '../entities/person-node.entity';
import type { NodeModuleProgress } from '../entities/node-module-progress.entity';

export class ModuleProgressView {
  @ApiProperty() courseKey: string;
  @ApiProperty() moduleKey: string;
  @ApiProperty() completedAt: string;
}

export class PersonNodeView {
  @ApiProperty() personId: string;
  @ApiPropertyOptional({ nullable: true }) country: string | null;
  @ApiProperty() firstSeenAt: string;
  @ApiProperty({ type: [ModuleProgressView] }) modulesCompleted: ModuleProgressView[];

  static of({ node, modules }: { node: PersonNode; modules: NodeModuleProgress[] }): PersonNodeView {
    return {
      personId: node.personId,
      country: node.country,
      firstSeenAt: new Date(node.firstSeenAt).toISOString(),
      modulesCompleted: modules.map((m) => ({
        courseKey: m.courseKey,
        moduleKey: m.moduleKey,
        completedAt: new Date(m.completedAt).toISOString(),
      })),
    };
  }
}
