import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, Length } from 'class-validator';

export class RequestIntroductionDto {
  @ApiProperty({ description: 'The person to be introduced to' })
  @IsUUID('all', { message: 'recipientId must be a person id (a UUID)' })
  recipientId: string;

  @ApiProperty({ example: 'We pilot a meal-sharing service for older people in Maribor and look for a first grant.' })
  @IsString()
  @Length(10, 1000, { message: 'message must say in 10 to 1,000 characters why you ask' })
  message: string;
}
