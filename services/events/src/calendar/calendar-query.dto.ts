import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsISO31661Alpha2, IsISO8601, IsOptional, Matches } from 'class-validator';
import { ACTIVITY_KINDS, type ActivityKind } from '@socialmakers/contracts';

const list = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').map((v) => v.trim()).filter(Boolean) : Array.isArray(value) ? value : value;

export class CalendarQueryDto {
  @ApiPropertyOptional({ description: 'Comma-separated ISO 3166-1 alpha-2 codes, e.g. SI,AT' })
  @IsOptional()
  @Transform(({ value }) => (list({ value }) as string[] | undefined)?.map((c) => String(c).toUpperCase()))
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(/^[A-Z]{2}$/, { each: true, message: 'country must hold ISO 3166-1 alpha-2 codes such as SI' })
  @IsISO31661Alpha2({ each: true, message: 'country must hold ISO 3166-1 alpha-2 codes such as SI' })
  country?: string[];

  @ApiPropertyOptional({ description: `Comma-separated kinds: ${ACTIVITY_KINDS.join(', ')}` })
  @IsOptional()
  @Transform(list)
  @IsArray()
  @IsIn(ACTIVITY_KINDS, { each: true })
  kind?: ActivityKind[];

  @ApiPropertyOptional({ description: 'Activities ending after this instant (default: now)' })
  @IsOptional()
  @IsISO8601()
  from?: string;
}

