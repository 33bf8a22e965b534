import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Role, Roles, type Principal } from '@socialmakers/auth';
import { IntroductionView } from './dto/introduction.view';
import { RequestIntroductionDto } from './dto/request-introduction.dto';
import { SetIntroductionCapDto } from './dto/set-cap.dto';
import { IntroductionsService } from './introductions.service';

@ApiTags('introductions')
@ApiBearerAuth()
@Controller('introductions')
export class IntroductionsController {
  constructor(private readonly introductions: IntroductionsService) {}

  @Post()
  @Roles(Role.Member)
  @ApiOperation({ summary: 'Asks to be introduced to a stakeholder, with a message (rate-limited per person, capped open requests)' })
  @ApiCreatedResponse({ type: IntroductionView })
  request(@Body() dto: RequestIntroductionDto, @CurrentPrincipal() principal: Principal): Promise<IntroductionView> {
    return this.introductions.request(principal.personId, dto);
  }

  @Get()
  @Roles(Role.Member)
  @ApiOperation({ summary: 'The introductions I asked for or was asked for, newest first' })
  @ApiOkResponse({ type: [IntroductionView] })
  async mine(@CurrentPrincipal() principal: Principal): Promise<{ introductions: IntroductionView[] }> {
    return { introductions: await this.introductions.list(principal.personId) };
  }

  @Get(':id')
  @Roles(Role.Member, Role.Admin)
  @ApiOperation({ summary: 'One introduction; once accepted it carries both contacts' })
  @ApiOkResponse({ type: IntroductionView })
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<IntroductionView> {
    return this.introductions.get(principal.personId, id, principal.roles.includes(Role.Admin));
  }

  @Post(':id/accept')
  @HttpCode(200)
  @Roles(Role.Member)
  @ApiOperation({ summary: 'The recipient accepts: both see each other\'s contact details, and a connection forms' })
  @ApiOkResponse({ type: IntroductionView })
  accept(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<IntroductionView> {
    return this.introductions.answer(principal.personId, id, true);
  }

  @Post(':id/decline')
  @HttpCode(200)
  @Roles(Role.Member)
  @ApiOperation({ summary: 'The recipient declines; nothing is revealed' })
  @ApiOkResponse({ type: IntroductionView })
  decline(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<IntroductionView> {
    return this.introductions.answer(principal.personId, id, false);
  }

  @Put('caps/:personId')
  @Roles(Role.Organiser, Role.Admin)
  @ApiOperation({ summary: 'Organisers cap how many open requests a person may have' })
  setCap(@Param('personId', new ParseUUIDPipe()) personId: string, @Body() dto: SetIntroductionCapDto, @CurrentPrincipal() principal: Principal) {
    return this.introductions.setCap(personId, dto.maxOpen, principal.personId);
  }
}
