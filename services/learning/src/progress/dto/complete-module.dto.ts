import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsCatalogueKey, OptionalCountryCode } from '@socialmakers/contracts';

export class CompleteModuleDto {
  @ApiProperty({ example: 'social-innovation-academy' })
  @IsCatalogueKey()
  courseKey: string;

  @ApiProperty({ example: 'financing' })
  @IsCatalogueKey()
  moduleKey: string;

  @ApiPropertyOptional({ example: 'SI', description: 'ISO 3166-1 alpha-2 country of the learner' })
  @OptionalCountryCode()
  country?: string;

  @ApiPropertyOptional({ example: 85, description: 'Quiz score in percent' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  score?: number;
}
