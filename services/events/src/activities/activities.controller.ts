import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Role, Roles, type Principal } from '@socialmakers/auth';
import { ActivitiesService } from './activities.service';
import { ActivityQueryDto } from './dto/activity-query.dto';
import { ActivityView } from './dto/activity.view';
import { CancelActivityDto, RescheduleActivityDto, ScheduleActivityDto } from './dto/schedule-activity.dto';

@ApiTags('activities')
@ApiBearerAuth()
@Controller('activities')
export class ActivitiesController {
  constructor(private readonly activities: ActivitiesService) {}

  @Post()
  @Roles(Role.Organiser, Role.Admin)
  @ApiOperation({ summary: "Schedule a workshop, festival or webinar of your organisation (201; 200 when the id's activity already exists)" })
  async schedule(@Body() dto: ScheduleActivityDto, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: Response): Promise<ActivityView> {
    const { activity, created } = await this.activities.schedule(principal, dto);
    response.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return ActivityView.of(activity);
  }

  @Get()
  @ApiOperation({ summary: 'Activities, filtered by country, kind, status or organiser' })
  @ApiOkResponse({ type: [ActivityView] })
  async list(@Query() query: ActivityQueryDto): Promise<ActivityView[]> {
    return (await this.activities.list(query)).map((activity) => ActivityView.of(activity));
  }

  @Get(':id')
  @ApiOkResponse({ type: ActivityView })
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<ActivityView> {
    const { activity, counts } = await this.activities.get(id);
    return ActivityView.of(activity, counts);
  }

  @Patch(':id/schedule')
  @Roles(Role.Organiser, Role.Admin)
  @ApiOperation({ summary: 'Move the activity to a new start and end' })
  async reschedule(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: RescheduleActivityDto, @CurrentPrincipal() principal: Principal): Promise<ActivityView> {
    return ActivityView.of(await this.activities.reschedule(principal, id, dto));
  }

  @Post(':id/cancellation')
  @HttpCode(HttpStatus.OK)
  @Roles(Role.Organiser, Role.Admin)
  async cancel(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: CancelActivityDto, @CurrentPrincipal() principal: Principal): Promise<ActivityView> {
    return ActivityView.of(await this.activities.cancel(principal, id, dto));
  }

  @Post(':id/held')
  @HttpCode(HttpStatus.OK)
  @Roles(Role.Organiser, Role.Admin)
  @ApiOperation({ summary: 'Record that the activity took place; publishes its final counts' })
  async held(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<ActivityView> {
    const { activity, counts } = await this.activities.markHeld(principal, id);
    return ActivityView.of(activity, counts);
  }
}
