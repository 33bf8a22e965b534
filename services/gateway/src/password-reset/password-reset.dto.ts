import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { IsAccountEmail, IsNewPassword } from '../accounts/dto/credentials.dto';

export class RequestPasswordResetDto {
  @ApiProperty({ example: 'ana@example.org' })
  @IsAccountEmail()
  email: string;
}

export class ConfirmPasswordResetDto {
  @ApiProperty({ description: 'The token from the reset link' })
  @IsString({ message: 'token must be a string' })
  @Length(1, 200, { message: 'token must be the one from the reset link' })
  token: string;

  @ApiProperty()
  @IsNewPassword()
  password: string;
}
