import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { ACTIVITY_KINDS, IsCountryCode, type ActivityKind } from '@socialmakers/contracts';
import { ActivityStatus } from '../activity';

export class ActivityQueryDto {
  @ApiPropertyOptional({ example: 'SI' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.toUpperCase() : value))
  @IsCountryCode()
  country?: string;

  @ApiPropertyOptional({ enum: ACTIVITY_KINDS }) @IsOptional() @IsIn(ACTIVITY_KINDS) kind?: ActivityKind;
  @ApiPropertyOptional({ enum: Object.values(ActivityStatus) }) @IsOptional() @IsIn(Object.values(ActivityStatus)) status?: ActivityStatus;
  @ApiPropertyOptional() @IsOptional() @IsUUID() organiserId?: string;
}
