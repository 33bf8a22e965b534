import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { assertActsFor, CurrentPrincipal, Role, Roles, type Principal } from '@socialmakers/auth';
import { MatchQueryDto } from './dto/match-query.dto';
import { MatchesView } from './dto/match.view';
import { MatchmakingService } from './matchmaking.service';
import { WarmPathService } from './warm-path.service';

@ApiTags('matchmaking')
@ApiBearerAuth()
@Controller('matchmaking')
export class MatchmakingController {
  constructor(
    private readonly matchmaking: MatchmakingService,
    private readonly warmPath: WarmPathService,
  ) {}

  @Get(':personId/matches')
  @Roles(Role.Member, Role.Admin)
  @ApiOperation({ summary: 'Ranked funders and policymakers (or other kinds) for an innovator, with score parts and a sentence (the innovator or an admin)' })
  @ApiOkResponse({ type: MatchesView })
  matches(@Param('personId', new ParseUUIDPipe()) personId: string, @Query() query: MatchQueryDto, @CurrentPrincipal() principal: Principal): Promise<MatchesView> {
    assertActsFor(principal, personId, Role.Admin);
    return this.matchmaking.matches(personId, query.kinds, query.limit);
  }

  @Get(':personId/warm-path/:targetId')
  @Roles(Role.Member, Role.Admin)
  @ApiOperation({ summary: 'Who can introduce me: the shortest path to a stakeholder through people who appear in matches' })
  warm(@Param('personId', new ParseUUIDPipe()) personId: string, @Param('targetId', new ParseUUIDPipe()) targetId: string, @CurrentPrincipal() principal: Principal) {
    assertActsFor(principal, personId, Role.Admin);
    return this.warmPath.find(personId, targetId);
  }
}
