import { ApiProperty } from '@nestjs/swagger';
import { IsCatalogueKey } from '@socialmakers/contracts';

export class StartModuleDto {
  @ApiProperty({ example: 'social-innovation-academy' })
  @IsCatalogueKey()
  courseKey: string;

  @ApiProperty({ example: 'financing' })
  @IsCatalogueKey()
  moduleKey: string;
}
