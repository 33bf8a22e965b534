import { ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import { ReportQueryDto } from '../../results/dto/report-query.dto';

/** A period plus filters; the filters are checked against the catalogue in common/filters.ts, which names what is wrong. */
export class ExportQueryDto extends ReportQueryDto {
  @ApiPropertyOptional({ description: 'event types, comma-separated or repeated (default: all)', example: 'org.socialmakers.events.attendance.recorded.v1' })
  @Allow()
  type?: string | string[];

  @ApiPropertyOptional({ description: 'ISO 3166-1 alpha-2 codes of the country the event is about, comma-separated or repeated', example: 'SI,AT' })
  @Allow()
  country?: string | string[];
}
