import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { assertActsFor, CurrentPrincipal, Role, Roles, type Principal } from '@socialmakers/auth';
import { CompleteModuleDto } from './dto/complete-module.dto';
import { ModuleCompletionView } from './dto/module-completion.view';
import { ProgressService } from './progress.service';

@ApiTags('progress')
@ApiBearerAuth()
@Controller('learners/:personId/module-completions')
export class ProgressController {
  constructor(private readonly progress: ProgressService) {}

  @Post()
  @HttpCode(201)
  @Roles(Role.Member, Role.Admin)
  @ApiOperation({
    summary:
      'Complete a module of a course one is enrolled in (idempotent: completing it again answers 200 with the first completion); the last required module completes the course and issues its certificate',
  })
  @ApiCreatedResponse({ type: ModuleCompletionView })
  @ApiOkResponse({ type: ModuleCompletionView, description: 'The module was already complete; nothing changed' })
  async complete(
    @Param('personId', new ParseUUIDPipe()) personId: string,
    @Body() dto: CompleteModuleDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ModuleCompletionView> {
    assertActsFor(principal, personId, Role.Admin);
    const { completion, created } = await this.progress.completeModule(personId, dto);
    if (!created) response.status(200);
    return ModuleCompletionView.of(completion);
  }

  @Get()
  @Roles(Role.Member, Role.Admin, Role.Analyst)
  @ApiOperation({ summary: "A learner's completed modules" })
  @ApiOkResponse({ type: [ModuleCompletionView] })
  async list(
    @Param('personId', new ParseUUIDPipe()) personId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ModuleCompletionView[]> {
    assertActsFor(principal, personId, Role.Admin, Role.Analyst);
    return (await this.progress.completionsOf(personId)).map(ModuleCompletionView.of);
  }
}
