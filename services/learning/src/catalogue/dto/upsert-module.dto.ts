import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { LocalizedText } from '@socialmakers/contracts';

export class UpsertModuleDto {
  @ApiProperty({ example: 1, description: '1-based place of the module in the course' })
  @IsInt()
  @Min(1)
  @Max(1000)
  position: number;

  @ApiProperty({ example: { en: 'Active citizenship', sl: 'Aktivno državljanstvo' } })
  @IsDefined()
  @ValidateNested()
  @Type(() => LocalizedText)
  title: LocalizedText;

  @ApiProperty({ example: { en: 'Why and how citizens take part in changing their community.' } })
  @IsDefined()
  @ValidateNested()
  @Type(() => LocalizedText)
  summary: LocalizedText;

  @ApiPropertyOptional({ default: true, description: 'Whether completing the course needs this module' })
  @IsOptional()
  @IsBoolean()
  required?: boolean;

  @ApiPropertyOptional({ example: 60, nullable: true, description: 'Quiz pass mark in percent; a completion must carry a score at least this high' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  passMark?: number | null;
}
