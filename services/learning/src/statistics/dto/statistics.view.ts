import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ModuleStatisticsView {
  @ApiProperty() moduleKey: string;
  @ApiProperty() position: number;
  @ApiProperty() required: boolean;
  @ApiPropertyOptional({ nullable: true }) passMark: number | null;
  @ApiProperty({ description: 'Learners who started the module (completing counts as starting)' }) started: number;
  @ApiProperty() completed: number;
  @ApiProperty({ description: 'Completions per learner ever enrolled, 0 to 1' }) completionRate: number;
  @ApiPropertyOptional({ nullable: true }) averageScore: number | null;
  @ApiProperty({ description: 'Completions per learner country', example: { SI: 391 } }) completedByCountry: Record<string, number>;
}

export class CourseStatisticsView {
  @ApiProperty() courseKey: string;
  @ApiProperty({ description: 'Learners ever enrolled (active plus withdrawn)' }) enrolled: number;
  @ApiProperty() active: number;
  @ApiProperty() withdrawn: number;
  @ApiProperty({ example: { SI: 612, HR: 402 } }) enrolledByCountry: Record<string, number>;
  @ApiProperty() courseCompletions: number;
  @ApiProperty() certificatesIssued: number;
  @ApiProperty({ description: 'Course completions per learner ever enrolled, 0 to 1' }) completionRate: number;
  @ApiProperty({ type: [ModuleStatisticsView] }) modules: ModuleStatisticsView[];
}
