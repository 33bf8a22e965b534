import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';

/** The period of a report: a year, or from/to days (both included); by default the current calendar year. */
export class ReportQueryDto {
  @ApiPropertyOptional({ example: '2018', description: 'a calendar year (not with from/to)' })
  @IsOptional()
  @IsString()
  year?: string;

  @ApiPropertyOptional({ example: '2018-01-01', description: 'first day included (YYYY-MM-DD)' })
  @IsOptional()
  @IsString()
  from?: string;

  @ApiPropertyOptional({ example: '2019-01-31', description: 'last day included (YYYY-MM-DD)' })
  @IsOptional()
  @IsString()
  to?: string;
}
