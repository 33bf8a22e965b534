import { Controller, Delete, HttpCode, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { assertActsFor, CurrentPrincipal, Role, Roles, type Principal } from '@socialmakers/auth';
import { ErasureService } from './erasure.service';

@ApiTags('privacy')
@ApiBearerAuth()
@Controller('privacy/people')
export class PrivacyController {
  constructor(private readonly erasure: ErasureService) {}

  @Delete(':personId')
  @HttpCode(200)
  @Roles(Role.Member, Role.Admin)
  @ApiOperation({ summary: 'Erases a person here and publishes the erasure for every service (the person or an admin)' })
  erase(@Param('personId', new ParseUUIDPipe()) personId: string, @CurrentPrincipal() principal: Principal) {
    assertActsFor(principal, personId, Role.Admin);
    return this.erasure.erase(personId);
  }
}
