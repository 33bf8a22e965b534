import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCatalogueKey } from '@socialmakers/contracts';

export class ModuleCompletionsQueryDto {
  @ApiPropertyOptional({ example: 'social-innovation-academy' })
  @IsOptional()
  @IsCatalogueKey()
  courseKey?: string;
}
