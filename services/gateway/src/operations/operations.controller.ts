import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role, Roles } from '@socialmakers/auth';
import { DeadLetterQueryDto, ReplayDeadLettersDto } from './dead-letters.dto';
import { DeadLettersService } from './dead-letters.service';
import { PlatformOverviewService } from './platform-overview.service';

@ApiTags('operations')
@ApiBearerAuth()
@Roles(Role.Admin)
@Controller('api/operations')
export class OperationsController {
  constructor(
    private readonly overview: PlatformOverviewService,
    private readonly deadLetters: DeadLettersService,
  ) {}

  @Get('overview')
  @ApiOperation({ summary: "Each service's health, consumer lag per group and partition, and outbox backlog (administrators)" })
  @ApiOkResponse()
  platform() {
    return this.overview.overview();
  }

  @Get('dead-letters')
  @ApiOperation({ summary: "A consumer group's dead letters with their dlt.* error headers (administrators)" })
  list(@Query() query: DeadLetterQueryDto) {
    return this.deadLetters.list(query.group);
  }

  @Post('dead-letters/replay')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Replays dead letters to their original topics, all of them or those with the given ids (offsets)' })
  replay(@Body() dto: ReplayDeadLettersDto) {
    return this.deadLetters.replay(dto.group, dto.ids);
  }
}
