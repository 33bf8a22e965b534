import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role, Roles } from '@socialmakers/auth';
import { ModuleCompletionsQueryDto } from './dto/module-completions-query.dto';
import { ModuleCompletionsView } from './dto/module-completions.view';
import { ResultsService } from './results.service';

@ApiTags('results')
@ApiBearerAuth()
@Controller('results')
export class ResultsController {
  constructor(private readonly results: ResultsService) {}

  @Get('module-completions')
  @Roles(Role.Analyst, Role.Admin)
  @ApiOperation({ summary: 'Academy module completions per module and country, built from the event stream' })
  @ApiOkResponse({ type: ModuleCompletionsView })
  moduleCompletions(@Query() query: ModuleCompletionsQueryDto): Promise<ModuleCompletionsView> {
    return this.results.moduleCompletions(query.courseKey);
  }
}
