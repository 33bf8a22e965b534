import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Role, Roles, type Principal } from '@socialmakers/auth';
import { AttendanceService } from './attendance.service';
import { AttendanceView, CheckInDto, HeadcountDto } from './dto/attendance.dto';

@ApiTags('attendance')
@ApiBearerAuth()
@Controller('activities/:activityId')
@Roles(Role.Organiser, Role.Admin)
export class AttendanceController {
  constructor(private readonly attendance: AttendanceService) {}

  @Post('check-ins')
  @ApiOperation({ summary: 'Check a person in (201; 200 when already recorded)' })
  async checkIn(
    @Param('activityId', new ParseUUIDPipe()) activityId: string,
    @Body() dto: CheckInDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AttendanceView> {
    const { attendance, created } = await this.attendance.checkIn(principal, activityId, dto.personId);
    response.status(created ? 201 : 200);
    return AttendanceView.of(attendance);
  }

  @Put('headcount')
  @ApiOperation({ summary: 'Set the walk-ins who gave no name: counted in totals, added to no one\'s network' })
  async headcount(@Param('activityId', new ParseUUIDPipe()) activityId: string, @Body() dto: HeadcountDto, @CurrentPrincipal() principal: Principal) {
    const counts = await this.attendance.setHeadcount(principal, activityId, dto.walkIns);
    return { ...counts, total: counts.participants + counts.walkIns };
  }

  @Get('attendances')
  @ApiOperation({ summary: 'Who took part, and the walk-in headcount' })
  async list(@Param('activityId', new ParseUUIDPipe()) activityId: string, @CurrentPrincipal() principal: Principal) {
    const { participants, walkIns, total } = await this.attendance.list(principal, activityId);
    return { participants: participants.map((p) => AttendanceView.of(p)), participantCount: participants.length, walkIns, total };
  }
}
