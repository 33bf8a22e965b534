import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Role, Roles, type Principal } from '@socialmakers/auth';
import { RegisterDto, RegistrationView } from './dto/registration.dto';
import { RegistrationService } from './registration.service';

@ApiTags('registration')
@ApiBearerAuth()
@Controller('activities/:activityId/registrations')
@Roles(Role.Member, Role.Organiser, Role.Admin)
export class RegistrationController {
  constructor(private readonly registrations: RegistrationService) {}

  @Post()
  @ApiOperation({ summary: 'Register (yourself): confirmed while seats are left, else on the waiting list; 200 when already registered' })
  async register(
    @Param('activityId', new ParseUUIDPipe()) activityId: string,
    @Body() dto: RegisterDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RegistrationView> {
    const { registration, created } = await this.registrations.register(principal, activityId, dto.personId ?? principal.personId);
    response.status(created ? 201 : 200);
    return RegistrationView.of(registration);
  }

  @Get()
  @Roles(Role.Organiser, Role.Admin)
  @ApiOperation({ summary: 'Confirmed registrations and the waiting list in the order it moves up (organisers)' })
  async list(@Param('activityId', new ParseUUIDPipe()) activityId: string, @CurrentPrincipal() principal: Principal): Promise<RegistrationView[]> {
    return (await this.registrations.list(principal, activityId)).map((r) => RegistrationView.of(r));
  }

  @Get(':personId')
  async get(
    @Param('activityId', new ParseUUIDPipe()) activityId: string,
    @Param('personId', new ParseUUIDPipe()) personId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RegistrationView> {
    return RegistrationView.of(await this.registrations.get(principal, activityId, personId));
  }

  @Delete(':personId')
  @ApiOperation({ summary: 'Cancel a registration; the first on the waiting list moves up' })
  async cancel(
    @Param('activityId', new ParseUUIDPipe()) activityId: string,
    @Param('personId', new ParseUUIDPipe()) personId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RegistrationView> {
    return RegistrationView.of(await this.registrations.cancel(principal, activityId, personId));
  }
}
