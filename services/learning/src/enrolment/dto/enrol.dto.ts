import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCatalogueKey, OptionalCountryCode } from '@socialmakers/contracts';

export class EnrolDto {
  @ApiProperty({ example: 'social-innovation-academy' })
  @IsCatalogueKey()
  courseKey: string;

  @ApiPropertyOptional({ example: 'SI', description: 'ISO 3166-1 alpha-2 country where the learner lives' })
  @OptionalCountryCode()
  country?: string;
}
