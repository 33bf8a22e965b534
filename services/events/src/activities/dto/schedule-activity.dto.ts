import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsTimeZone,
  IsUrl,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ACTIVITY_KINDS, IsCatalogueKey, IsCountryCode, IsPersonId, type ActivityKind } from '@socialmakers/contracts';
import { ProgrammeItemKind, WaitlistPriority } from '../activity';

const IsInstant = () => IsISO8601({ strict: true }, { message: '$property must be an ISO 8601 timestamp with a time zone offset, such as 2018-10-12T09:00:00+02:00' });

export class ProgrammeItemDto {
  @ApiProperty({ enum: Object.values(ProgrammeItemKind) })
  @IsIn(Object.values(ProgrammeItemKind), { message: `kind must be one of ${Object.values(ProgrammeItemKind).join(', ')}` })
  kind: ProgrammeItemKind;

  @ApiProperty() @IsString() @MinLength(1) @MaxLength(300) title: string;
  @ApiProperty({ example: '2018-10-12T10:00:00+02:00' }) @IsInstant() startsAt: string;
  @ApiPropertyOptional() @IsOptional() @IsInstant() endsAt?: string;
}

/**
 * One body for the three kinds; which fields each kind needs (a workshop's module, a webinar's link,
 * a festival's programme) is checked by the domain rules, so the answer names the kind's rule.
 */
export class ScheduleActivityDto {
  @ApiPropertyOptional({ description: 'Client-chosen id: scheduling the same activity again with it changes nothing.' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ enum: ACTIVITY_KINDS }) @IsIn(ACTIVITY_KINDS, { message: `kind must be one of ${ACTIVITY_KINDS.join(', ')}` }) kind: ActivityKind;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(300) title: string;
  @ApiProperty({ description: 'The partner organisation running it.' }) @IsUUID() organiserId: string;
  @ApiProperty({ example: 'SI' }) @IsCountryCode() country: string;
  @ApiProperty({ example: 'Europe/Ljubljana' }) @IsTimeZone({ message: 'timeZone must be an IANA time zone such as Europe/Ljubljana' }) timeZone: string;
  @ApiProperty() @IsInstant() startsAt: string;
  @ApiProperty() @IsInstant() endsAt: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200) city?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(300) venue?: string;

  @ApiPropertyOptional({ description: 'Workshops: the course of the module (default: the only course that has moduleKey).' })
  @IsOptional()
  @IsCatalogueKey()
  courseKey?: string;

  @ApiPropertyOptional({ description: 'Workshops: the Academy module the workshop deepens.' }) @IsOptional() @IsCatalogueKey() moduleKey?: string;

  @ApiPropertyOptional({ type: [String], description: "Workshops: the lecturers' person ids." })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsPersonId({ each: true })
  lecturerIds?: string[];

  @ApiPropertyOptional({ type: [ProgrammeItemDto], description: 'Festivals: the programme.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ProgrammeItemDto)
  programme?: ProgrammeItemDto[];

  @ApiPropertyOptional({ description: 'Webinars: the topic.' }) @IsOptional() @IsString() @MinLength(1) @MaxLength(300) topic?: string;

  @ApiPropertyOptional({ description: 'Webinars: where to join.' })
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true }, { message: 'joinLink must be an http(s) URL' })
  @MaxLength(2000)
  joinLink?: string;

  @ApiPropertyOptional({ description: 'Seats; without it registrations are not limited.' }) @IsOptional() @IsInt() @Min(1) @Max(100_000) capacity?: number;

  @ApiPropertyOptional({ enum: Object.values(WaitlistPriority), description: 'Workshops: who moves up from the waiting list first.' })
  @IsOptional()
  @IsIn(Object.values(WaitlistPriority))
  waitlistPriority?: WaitlistPriority;
}

export class RescheduleActivityDto {
  @ApiProperty() @IsInstant() startsAt: string;
  @ApiProperty() @IsInstant() endsAt: string;
  @ApiPropertyOptional() @IsOptional() @IsTimeZone() timeZone?: string;
}

export class CancelActivityDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) reason?: string;
}
