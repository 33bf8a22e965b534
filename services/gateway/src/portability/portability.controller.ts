import { Controller, Get, Header, HttpCode, HttpStatus, Post, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ALL_ROLES, CurrentPrincipal, Roles, type Principal } from '@socialmakers/auth';
import { ErasureService, type ErasureReceipt } from './erasure.service';
import { MemberDataExportService, type MemberDataExport } from './member-data-export.service';

@ApiTags('accounts')
@ApiBearerAuth()
@Roles(...ALL_ROLES)
@Controller('api/accounts/me')
export class PortabilityController {
  constructor(
    private readonly exports: MemberDataExportService,
    private readonly erasure: ErasureService,
  ) {}

  @Get('export')
  @Header('content-disposition', 'attachment; filename="my-socialmakers-data.json"')
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'All of my data across the services, as one JSON document (portability)' })
  @ApiOkResponse({ description: 'The account, learning, events and community data of the caller' })
  exportMine(@CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<MemberDataExport> {
    return this.exports.exportFor(principal, request.headers.authorization!);
  }

  @Post('erasure')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Erases me everywhere: community now (it tells the other services), then my account' })
  @ApiAcceptedResponse()
  eraseMe(@CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<ErasureReceipt> {
    return this.erasure.erase(principal, request.headers.authorization!);
  }
}
