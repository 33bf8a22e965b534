import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, Length, MaxLength, MinLength } from 'class-validator';

/** Ten characters at least (NIST SP 800-63B asks for 8; a passphrase is easy to reach); long ones are cut off before hashing costs. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** An email address as people type it; compared in its normalised form. */
export function IsAccountEmail(): PropertyDecorator {
  return (target, key) => {
    Transform(trimmed)(target, key);
    IsEmail({}, { message: 'email must be an email address such as ana@example.org' })(target, key);
    MaxLength(254, { message: 'email must be at most 254 characters long' })(target, key);
  };
}

/** A new password: long enough to resist guessing, short enough to hash cheaply. */
export function IsNewPassword(): PropertyDecorator {
  return (target, key) => {
    IsString({ message: 'password must be a string' })(target, key);
    MinLength(PASSWORD_MIN_LENGTH, { message: `password is too weak: use at least ${PASSWORD_MIN_LENGTH} characters (a few words make a good one)` })(target, key);
    MaxLength(PASSWORD_MAX_LENGTH, { message: `password must be at most ${PASSWORD_MAX_LENGTH} characters long` })(target, key);
  };
}

export class SignUpDto {
  @ApiProperty({ example: 'ana@example.org' })
  @IsAccountEmail()
  email: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsNewPassword()
  password: string;

  @ApiProperty({ example: 'Ana Novak' })
  @Transform(trimmed)
  @IsString({ message: 'displayName must be a string' })
  @Length(1, 120, { message: 'displayName must be 1 to 120 characters long' })
  displayName: string;
}

export class SignInDto {
  @ApiProperty({ example: 'ana@example.org' })
  @IsAccountEmail()
  email: string;

  @ApiProperty()
  @IsString({ message: 'password must be a string' })
  @MaxLength(PASSWORD_MAX_LENGTH, { message: `password must be at most ${PASSWORD_MAX_LENGTH} characters long` })
  password: string;
}
