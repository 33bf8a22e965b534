import { Controller, DefaultValuePipe, Get, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { assertActsFor, CurrentPrincipal, Role, Roles, type Principal } from '@socialmakers/auth';
import { MetricsService } from './metrics.service';

@ApiTags('network metrics')
@ApiBearerAuth()
@Controller('network/metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  @Roles(Role.Analyst, Role.Organiser, Role.Admin)
  @ApiOperation({ summary: 'The latest snapshot: sizes, communities and the per-country ecosystem indicators' })
  latest() {
    return this.metrics.latest();
  }

  @Post('recompute')
  @HttpCode(200)
  @Roles(Role.Analyst, Role.Admin)
  @ApiOperation({ summary: 'Recomputes degree, betweenness, Louvain communities and the indicators; stores and publishes a snapshot' })
  recompute() {
    return this.metrics.recompute();
  }

  @Get('bridges')
  @Roles(Role.Analyst, Role.Organiser, Role.Admin)
  @ApiOperation({ summary: 'Who bridges the network most (betweenness); people who appear nowhere stay anonymous' })
  async bridges(@Query('limit', new DefaultValuePipe(10), ParseIntPipe) limit: number) {
    return { bridges: await this.metrics.bridges(Math.min(Math.max(limit, 1), 100)) };
  }

  @Get('people/:personId')
  @Roles(Role.Member, Role.Analyst, Role.Admin)
  @ApiOperation({ summary: "A person's degree, betweenness and community (the person, analysts, admins)" })
  person(@Param('personId', new ParseUUIDPipe()) personId: string, @CurrentPrincipal() principal: Principal) {
    assertActsFor(principal, personId, Role.Analyst, Role.Admin);
    return this.metrics.person(personId);
  }
}
