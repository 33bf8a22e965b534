import { Controller, Get, Header, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiGoneResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { assertActsFor, CurrentPrincipal, Public, Role, Roles, type Principal } from '@socialmakers/auth';
import { CertificatesService } from './certificates.service';
import { CertificateView, VerificationView } from './dto/certificate.view';

@ApiTags('certificates')
@Controller()
export class CertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  @Get('learners/:personId/certificates')
  @ApiBearerAuth()
  @Roles(Role.Member, Role.Admin, Role.Analyst)
  @ApiOperation({ summary: "A learner's certificates" })
  @ApiOkResponse({ type: [CertificateView] })
  async list(@Param('personId', new ParseUUIDPipe()) personId: string, @CurrentPrincipal() principal: Principal): Promise<CertificateView[]> {
    assertActsFor(principal, personId, Role.Admin, Role.Analyst);
    return (await this.certificates.certificatesOf(personId)).map(CertificateView.of);
  }

  @Get('certificates/:code/verification')
  @Public()
  @ApiOperation({ summary: 'Verify a certificate by its public code (no sign-in needed)' })
  @ApiOkResponse({ type: VerificationView })
  verify(@Param('code') code: string): Promise<VerificationView> {
    return this.certificates.verify(code);
  }

  @Get('certificates/:code/credential')
  @Public()
  @Header('content-type', 'application/ld+json; charset=utf-8')
  @ApiOperation({ summary: 'The certificate as an Open Badges 3.0 credential (W3C Verifiable Credential shape, JSON-LD)' })
  @ApiOkResponse({ description: 'An OpenBadgeCredential' })
  @ApiGoneResponse({ description: 'The holder was erased at their request; the verification still confirms the certificate was issued' })
  credential(@Param('code') code: string): Promise<Record<string, unknown>> {
    return this.certificates.credential(code);
  }
}
