import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ModuleProgressView {
  @ApiProperty() moduleKey: string;
  @ApiProperty() position: number;
  @ApiProperty() title: string;
  @ApiProperty() required: boolean;
  @ApiPropertyOptional({ nullable: true }) passMark: number | null;
  @ApiProperty({ enum: ['not-started', 'started', 'completed'] }) status: 'not-started' | 'started' | 'completed';
  @ApiPropertyOptional({ nullable: true }) startedAt: string | null;
  @ApiPropertyOptional({ nullable: true }) completedAt: string | null;
  @ApiPropertyOptional({ nullable: true }) score: number | null;
}

export class CourseProgressView {
  @ApiProperty() courseKey: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: ['enrolled', 'withdrawn'] }) enrolment: string;
  @ApiProperty() enrolledAt: string;
  @ApiProperty() requiredModules: number;
  @ApiProperty() requiredModulesCompleted: number;
  @ApiProperty({ description: 'Share of required modules completed, 0 to 100' }) percentComplete: number;
  @ApiPropertyOptional({ nullable: true, description: 'When the course was completed' }) completedAt: string | null;
  @ApiPropertyOptional({ nullable: true }) certificateCode: string | null;
  @ApiProperty({ type: [ModuleProgressView] }) modules: ModuleProgressView[];
}
