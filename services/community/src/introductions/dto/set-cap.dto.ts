import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

export class SetIntroductionCapDto {
  @ApiProperty({ description: 'How many open (unanswered) requests the person may have', minimum: 0, maximum: 100 })
  @IsInt()
  @Min(0)
  @Max(100)
  maxOpen: number;
}
