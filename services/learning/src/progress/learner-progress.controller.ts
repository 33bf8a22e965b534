import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { assertActsFor, CurrentPrincipal, Role, Roles, type Principal } from '@socialmakers/auth';
import { DisplayLanguage } from '../common/language';
import { CourseProgressView } from './dto/progress.view';
import { ModuleStartView } from './dto/module-start.view';
import { StartModuleDto } from './dto/start-module.dto';
import { ProgressService } from './progress.service';

@ApiTags('progress')
@ApiBearerAuth()
@Controller('learners/:personId')
export class LearnerProgressController {
  constructor(private readonly progress: ProgressService) {}

  @Post('module-starts')
  @HttpCode(201)
  @Roles(Role.Member, Role.Admin)
  @ApiOperation({ summary: 'Start a module (idempotent: starting it again answers 200)' })
  @ApiCreatedResponse({ type: ModuleStartView })
  async start(
    @Param('personId', new ParseUUIDPipe()) personId: string,
    @Body() dto: StartModuleDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ModuleStartView> {
    assertActsFor(principal, personId, Role.Admin);
    const { start, created } = await this.progress.startModule(personId, dto);
    if (!created) response.status(200);
    return { personId, courseKey: start.courseKey, moduleKey: start.moduleKey, startedAt: new Date(start.startedAt).toISOString() };
  }

  @Get('progress')
  @Roles(Role.Member, Role.Admin, Role.Analyst)
  @ApiOperation({ summary: "A learner's progress in each course they enrolled in, module by module" })
  @ApiQuery({ name: 'lang', required: false })
  @ApiOkResponse({ type: [CourseProgressView] })
  async progressOf(
    @Param('personId', new ParseUUIDPipe()) personId: string,
    @CurrentPrincipal() principal: Principal,
    @DisplayLanguage() language: string,
  ): Promise<CourseProgressView[]> {
    assertActsFor(principal, personId, Role.Admin, Role.Analyst);
    return this.progress.progressOf(personId, language);
  }
}
