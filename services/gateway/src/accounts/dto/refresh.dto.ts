import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class RefreshTokenDto {
  @ApiProperty()
  @IsString({ message: 'refreshToken must be a string' })
  @Length(1, 200, { message: 'refreshToken must be the token sign-in gave you' })
  refreshToken: string;
}
