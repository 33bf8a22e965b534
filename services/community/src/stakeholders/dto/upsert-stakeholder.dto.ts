import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { IsCountryCode, STAKEHOLDER_KINDS, type StakeholderRole } from '@socialmakers/contracts';
import { LANGUAGES, OFFERS, SEEKS, TOPICS } from '../vocabulary';

export class UpsertStakeholderDto {
  @ApiProperty({ enum: STAKEHOLDER_KINDS })
  @IsIn(STAKEHOLDER_KINDS, { message: `kind must be one of ${STAKEHOLDER_KINDS.join(', ')}` })
  kind: StakeholderRole;

  @ApiProperty({ example: 'Maja Kranjc' })
  @IsString()
  @Length(1, 120)
  displayName: string;

  @ApiProperty({ example: 'SI' })
  @IsCountryCode()
  country: string;

  @ApiProperty({ example: ['sl', 'en'] })
  @IsArray()
  @ArrayMaxSize(10)
  @IsIn(LANGUAGES, { each: true, message: `languages must be ISO 639-1 codes among ${LANGUAGES.join(', ')}` })
  languages: string[];

  @ApiProperty({ example: ['social-finance', 'inclusion'], description: 'From the shared vocabulary' })
  @IsArray()
  @ArrayMaxSize(10)
  @IsIn(TOPICS, { each: true, message: `topics must come from the vocabulary: ${TOPICS.join(', ')}` })
  topics: string[];

  @ApiPropertyOptional({ example: ['microcredit'], description: 'Free tags' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(/^[\p{L}\p{N}][\p{L}\p{N} -]{0,39}$/u, { each: true, message: 'tags must be short words (letters, digits, spaces, dashes; at most 40)' })
  tags?: string[];

  @ApiPropertyOptional({ example: ['funding'] })
  @IsOptional()
  @IsArray()
  @IsIn(SEEKS, { each: true, message: `seeks must be among ${SEEKS.join(', ')}` })
  seeks?: string[];

  @ApiPropertyOptional({ example: ['grants'] })
  @IsOptional()
  @IsArray()
  @IsIn(OFFERS, { each: true, message: `offers must be among ${OFFERS.join(', ')}` })
  offers?: string[];

  @ApiPropertyOptional({ example: 'We fund social-finance projects in Štajerska.' })
  @IsOptional()
  @IsString()
  @MaxLength(600)
  summary?: string;

  @ApiPropertyOptional({ description: 'The partner organisation the person belongs to (its profile id)' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiProperty({ description: 'Whether the profile may appear in matches at all' })
  @IsBoolean()
  appearsInMatches: boolean;

  @ApiProperty({ description: 'Whether others may see which activities and cohorts the person shared with them' })
  @IsBoolean()
  attendanceVisible: boolean;

  @ApiPropertyOptional({ description: 'Shown to another person only after both agreed to an introduction' })
  @IsOptional()
  @IsEmail()
  contactEmail?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{6,20}$/, { message: 'contactPhone must be a phone number such as +386 1 234 5678' })
  contactPhone?: string;
}
