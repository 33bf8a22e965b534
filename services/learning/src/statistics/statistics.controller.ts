import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role, Roles } from '@socialmakers/auth';
import { CatalogueKeyPipe } from '../common/catalogue-key.pipe';
import { CourseStatisticsView, ModuleStatisticsView } from './dto/statistics.view';
import { StatisticsService } from './statistics.service';

@ApiTags('statistics')
@ApiBearerAuth()
@Roles(Role.Admin, Role.Analyst)
@Controller('statistics/courses')
export class StatisticsController {
  constructor(private readonly statistics: StatisticsService) {}

  @Get(':courseKey')
  @ApiOperation({ summary: 'Enrolments, completions and certificates of a course, with per-module and per-country figures' })
  @ApiOkResponse({ type: CourseStatisticsView })
  course(@Param('courseKey', CatalogueKeyPipe) courseKey: string): Promise<CourseStatisticsView> {
    return this.statistics.course(courseKey);
  }

  @Get(':courseKey/modules/:moduleKey')
  @ApiOperation({ summary: 'Starts, completions and scores of one module' })
  @ApiOkResponse({ type: ModuleStatisticsView })
  module(@Param('courseKey', CatalogueKeyPipe) courseKey: string, @Param('moduleKey', CatalogueKeyPipe) moduleKey: string): Promise<ModuleStatisticsView> {
    return this.statistics.module(courseKey, moduleKey);
  }
}
