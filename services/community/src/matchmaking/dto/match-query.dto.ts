import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { STAKEHOLDER_KINDS, StakeholderRole } from '@socialmakers/contracts';

export class MatchQueryDto {
  @ApiPropertyOptional({ description: 'Comma-separated kinds; funders and policymakers by default', example: 'funder,policymaker' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').map((v) => v.trim()).filter(Boolean) : value))
  @IsArray()
  @IsIn(STAKEHOLDER_KINDS, { each: true, message: `kinds must be among ${STAKEHOLDER_KINDS.join(', ')}` })
  kinds: StakeholderRole[] = [StakeholderRole.Funder, StakeholderRole.Policymaker];

  @ApiPropertyOptional({ default: 10, minimum: 1, maximum: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit: number = 10;
}
