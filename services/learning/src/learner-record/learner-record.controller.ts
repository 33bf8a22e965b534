import { Controller, Get, Header, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { assertActsFor, CurrentPrincipal, Role, Roles, type Principal } from '@socialmakers/auth';
import { DisplayLanguage } from '../common/language';
import { LearnerRecordService } from './learner-record.service';

@ApiTags('learner record')
@ApiBearerAuth()
@Controller('learners/:personId/record')
export class LearnerRecordController {
  constructor(private readonly records: LearnerRecordService) {}

  @Get()
  @Roles(Role.Member, Role.Admin, Role.Analyst)
  @Header('content-type', 'application/ld+json; charset=utf-8')
  @ApiOperation({ summary: "The learner's portable record (Open Badges 3.0 credential): modules and courses completed, workshops, festivals and webinars attended" })
  @ApiQuery({ name: 'lang', required: false })
  @ApiOkResponse({ description: 'An OpenBadgeCredential whose evidence lists every completion and attendance' })
  async record(
    @Param('personId', new ParseUUIDPipe()) personId: string,
    @CurrentPrincipal() principal: Principal,
    @DisplayLanguage() language: string,
  ): Promise<Record<string, unknown>> {
    assertActsFor(principal, personId, Role.Admin, Role.Analyst);
    return this.records.recordOf(personId, language);
  }
}
