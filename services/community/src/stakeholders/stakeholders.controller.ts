import { Body, Controller, Get, Param, ParseUUIDPipe, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { assertActsFor, CurrentPrincipal, Role, Roles, type Principal } from '@socialmakers/auth';
import { StakeholderRole } from '@socialmakers/contracts';
import { UpsertStakeholderDto } from './dto/upsert-stakeholder.dto';
import { StakeholderView } from './dto/stakeholder.view';
import { StakeholdersService } from './stakeholders.service';

@ApiTags('stakeholders')
@ApiBearerAuth()
@Controller('stakeholders')
export class StakeholdersController {
  constructor(private readonly stakeholders: StakeholdersService) {}

  @Put(':personId')
  @Roles(Role.Member, Role.Organiser, Role.Admin)
  @ApiOperation({
    summary: 'Creates or replaces a profile: members their own (their token\'s person id), organisers partner organisations, admins any',
  })
  @ApiOkResponse({ type: StakeholderView })
  async upsert(
    @Param('personId', new ParseUUIDPipe()) personId: string,
    @Body() dto: UpsertStakeholderDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StakeholderView> {
    if (!(dto.kind === StakeholderRole.Partner && principal.roles.includes(Role.Organiser))) assertActsFor(principal, personId, Role.Admin);
    const { created, view } = await this.stakeholders.upsert(personId, dto);
    response.status(created ? 201 : 200);
    return view;
  }

  @Get(':personId')
  @Roles(Role.Member, Role.Organiser, Role.Admin, Role.Analyst)
  @ApiOperation({ summary: 'A profile; contact details only for the person, admins and people with an accepted introduction' })
  @ApiOkResponse({ type: StakeholderView })
  view(@Param('personId', new ParseUUIDPipe()) personId: string, @CurrentPrincipal() principal: Principal): Promise<StakeholderView> {
    return this.stakeholders.view(personId, principal.personId, principal.roles.includes(Role.Admin));
  }
}
