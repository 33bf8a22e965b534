import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional, IsUUID } from 'class-validator';
import { ALL_ROLES, type Role } from '@socialmakers/auth';

export class SetRolesDto {
  @ApiProperty({ enum: ALL_ROLES, isArray: true, example: ['member', 'organiser'] })
  @IsArray({ message: 'roles must be a list' })
  @ArrayUnique({ message: 'roles must not repeat a role' })
  @ArrayMaxSize(ALL_ROLES.length)
  @IsIn(ALL_ROLES, { each: true, message: `each role must be one of ${ALL_ROLES.join(', ')}` })
  roles: Role[];

  @ApiPropertyOptional({ description: 'The organisation an organiser acts for (their partner organisation\'s person id)' })
  @IsOptional()
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId?: string;
}
