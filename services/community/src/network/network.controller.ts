import { Controller, DefaultValuePipe, Get, HttpCode, Param, ParseBoolPipe, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { assertActsFor, CurrentPrincipal, Role, Roles, type Principal } from '@socialmakers/auth';
import { GraphIndexService } from '../graph/graph-index.service';
import { ConnectionsView } from './dto/connections.view';
import { PersonNodeView } from './dto/person-node.view';
import { NetworkService } from './network.service';

@ApiTags('network')
@ApiBearerAuth()
@Controller('network')
export class NetworkController {
  constructor(
    private readonly network: NetworkService,
    private readonly graphIndex: GraphIndexService,
  ) {}

  @Get('people/:personId')
  @Roles(Role.Member, Role.Admin)
  @ApiOperation({ summary: "A person's node: what the network knows of them (the person themself or an admin)" })
  @ApiOkResponse({ type: PersonNodeView })
  async node(@Param('personId', new ParseUUIDPipe()) personId: string, @CurrentPrincipal() principal: Principal): Promise<PersonNodeView> {
    assertActsFor(principal, personId, Role.Admin);
    return PersonNodeView.of(await this.network.node(personId));
  }

  @Get('people/:personId/connections')
  @Roles(Role.Member, Role.Organiser, Role.Admin, Role.Analyst)
  @ApiOperation({ summary: "A person's ties with type, weight and evidence count; what privacy hides is only counted" })
  @ApiOkResponse({ type: ConnectionsView })
  connections(@Param('personId', new ParseUUIDPipe()) personId: string, @CurrentPrincipal() principal: Principal): Promise<ConnectionsView> {
    return this.network.connections(personId, principal.roles.includes(Role.Admin));
  }

  @Get('edges/:personId/:otherId/evidence')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'The evidence (event ids) behind the ties between two people (admins)' })
  async evidence(@Param('personId', new ParseUUIDPipe()) a: string, @Param('otherId', new ParseUUIDPipe()) b: string) {
    return { evidence: await this.network.evidence(a, b) };
  }

  @Post('rebuild')
  @HttpCode(200)
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Drops the derived graph and derives it again from the stored facts (admins)' })
  async rebuild() {
    const result = await this.network.rebuild();
    return { ...result, fingerprint: await this.network.fingerprint() };
  }

  @Get('fingerprint')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Edge and evidence counts and a digest of the whole graph, to compare builds (admins)' })
  fingerprint() {
    return this.network.fingerprint();
  }

  @Get('graph-index')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'The in-memory graph index: mode, size, last load and refresh; with verify=true, whether it equals PostgreSQL (admins)' })
  async graphIndexStatus(@Query('verify', new DefaultValuePipe(false), ParseBoolPipe) verify: boolean) {
    // Verify first: it reads the change log, and the status should describe the index it verified.
    const verification = verify ? { verification: await this.graphIndex.verify() } : {};
    return { ...this.graphIndex.status(), ...verification };
  }
}
