import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ModuleCompletionRowView {
  @ApiProperty() courseKey: string;
  @ApiProperty() moduleKey: string;
  @ApiPropertyOptional({ nullable: true, description: 'ISO 3166-1 alpha-2; null where unknown' }) country: string | null;
  @ApiProperty() completions: number;
}

export class ModuleCompletionsView {
  @ApiProperty() total: number;
  @ApiProperty({ type: [ModuleCompletionRowView] }) rows: ModuleCompletionRowView[];
}
