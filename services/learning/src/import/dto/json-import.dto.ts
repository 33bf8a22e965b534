import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsObject } from 'class-validator';

export class JsonImportDto {
  @ApiProperty({
    description:
      'Rows of personId or email, courseKey, country, enrolledAt, and for a module completion moduleKey, completedAt, score. Large files: send text/csv or application/x-ndjson instead (no 100 kB JSON body limit).',
    example: [{ email: 'ana@example.org', courseKey: 'social-innovation-academy', country: 'SI', moduleKey: 'active-citizenship', completedAt: '2018-10-01T10:00:00Z', score: 80 }],
  })
  @IsArray()
  @ArrayMaxSize(50_000)
  @IsObject({ each: true })
  rows: Array<Record<string, unknown>>;
}
