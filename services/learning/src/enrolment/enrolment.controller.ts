import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { assertActsFor, CurrentPrincipal, Role, Roles, type Principal } from '@socialmakers/auth';
import { CatalogueKeyPipe } from '../common/catalogue-key.pipe';
import { EnrolDto } from './dto/enrol.dto';
import { EnrolmentView } from './dto/enrolment.view';
import { EnrolmentService } from './enrolment.service';

@ApiTags('enrolment')
@ApiBearerAuth()
@Controller('learners/:personId/enrolments')
export class EnrolmentController {
  constructor(private readonly enrolments: EnrolmentService) {}

  @Post()
  @HttpCode(201)
  @Roles(Role.Member, Role.Admin)
  @ApiOperation({ summary: 'Enrol in a course (idempotent: while enrolled, answers 200 with the existing enrolment)' })
  @ApiCreatedResponse({ type: EnrolmentView })
  @ApiOkResponse({ type: EnrolmentView, description: 'Already enrolled; nothing changed' })
  async enrol(
    @Param('personId', new ParseUUIDPipe()) personId: string,
    @Body() dto: EnrolDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<EnrolmentView> {
    assertActsFor(principal, personId, Role.Admin);
    const { enrolment, created } = await this.enrolments.enrol(personId, dto);
    if (!created) response.status(200);
    return EnrolmentView.of(enrolment);
  }

  @Delete(':courseKey')
  @Roles(Role.Member, Role.Admin)
  @ApiOperation({ summary: 'Withdraw from a course (completed modules stay on record; enrolling again re-opens it)' })
  @ApiOkResponse({ type: EnrolmentView })
  async withdraw(
    @Param('personId', new ParseUUIDPipe()) personId: string,
    @Param('courseKey', CatalogueKeyPipe) courseKey: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EnrolmentView> {
    assertActsFor(principal, personId, Role.Admin);
    return EnrolmentView.of(await this.enrolments.withdraw(personId, courseKey));
  }

  @Get()
  @Roles(Role.Member, Role.Admin, Role.Analyst)
  @ApiOperation({ summary: "A person's enrolments" })
  @ApiOkResponse({ type: [EnrolmentView] })
  async list(@Param('personId', new ParseUUIDPipe()) personId: string, @CurrentPrincipal() principal: Principal): Promise<EnrolmentView[]> {
    assertActsFor(principal, personId, Role.Admin, Role.Analyst);
    return (await this.enrolments.enrolmentsOf(personId)).map(EnrolmentView.of);
  }
}
