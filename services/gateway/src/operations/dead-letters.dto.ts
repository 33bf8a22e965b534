import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, Matches } from 'class-validator';
import { ConsumerGroups } from '@socialmakers/contracts';

/** A consumer group by its short name (analytics) or its full one (socialmakers.analytics). */
export const GROUP_NAMES = [...Object.keys(ConsumerGroups), ...Object.values(ConsumerGroups)];
const groupMessage = `group must be one of the consumer groups: ${Object.keys(ConsumerGroups).join(', ')}`;

export class DeadLetterQueryDto {
  @ApiProperty({ example: 'analytics' })
  @IsIn(GROUP_NAMES, { message: groupMessage })
  group: string;
}

export class ReplayDeadLettersDto {
  @ApiProperty({ example: 'analytics' })
  @IsIn(GROUP_NAMES, { message: groupMessage })
  group: string;

  @ApiPropertyOptional({ description: 'Offsets on the dead-letter topic to replay; all of them when omitted', example: ['0', '3'] })
  @IsOptional()
  @IsArray({ message: 'ids must be a list of offsets' })
  @ArrayMaxSize(10_000)
  @Matches(/^\d{1,19}$/, { each: true, message: 'each id must be an offset on the dead-letter topic (digits)' })
  ids?: string[];
}
