import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, ValidateNested } from 'class-validator';
import { LocalizedText } from '@socialmakers/contracts';

export class UpsertCourseDto {
  @ApiProperty({ example: { en: 'Social Innovation Academy', sl: 'Akademija socialnih inovacij' } })
  @IsDefined()
  @ValidateNested()
  @Type(() => LocalizedText)
  title: LocalizedText;

  @ApiProperty({ example: { en: 'A free online course of seven modules across the social-innovation cycle.' } })
  @IsDefined()
  @ValidateNested()
  @Type(() => LocalizedText)
  summary: LocalizedText;
}
