import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { assertActsFor, CurrentPrincipal, Role, Roles, type Principal } from '@socialmakers/auth';
import { PersonNodeView } from './dto/person-node.view';
import { NetworkService } from './network.service';

@ApiTags('network')
@ApiBearerAuth()
@Controller('network/people')
export class NetworkController {
  constructor(private readonly network: NetworkService) {}

  @Get(':personId')
  @Roles(Role.Member, Role.Admin)
  @ApiOperation({ summary: "A person's node: what the network knows of them (the person themself or an admin)" })
  @ApiOkResponse({ type: PersonNodeView })
  async node(@Param('personId', new ParseUUIDPipe()) personId: string, @CurrentPrincipal() principal: Principal): Promise<PersonNodeView> {
    assertActsFor(principal, personId, Role.Admin);
    return PersonNodeView.of(await this.network.node(personId));
  }
}
