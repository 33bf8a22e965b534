import { Controller, Get, Header, Param, ParseUUIDPipe, Req, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentPrincipal, Public, type Principal } from '@socialmakers/auth';
import { localDate } from '../activities/activity-rules';
import { renderCertificatePdf } from './certificate-pdf';
import { CertificatesService, type CertificateVerification } from './certificates.service';

const KIND_NAMES: Record<string, string> = { workshop: 'Field workshop', festival: 'Festival', webinar: 'Webinar' };

@ApiTags('certificates')
@Controller()
export class CertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  @Get('activities/:activityId/certificates/:personId')
  @ApiBearerAuth()
  @ApiProduces('application/pdf')
  @Header('content-type', 'application/pdf')
  @ApiOperation({ summary: 'Download a certificate of attendance (the participant, their organiser or an admin)' })
  async download(
    @Param('activityId', new ParseUUIDPipe()) activityId: string,
    @Param('personId', new ParseUUIDPipe()) personId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
  ): Promise<StreamableFile> {
    const { certificate, activity } = await this.certificates.issue(principal, activityId, personId);
    const place = [activity.city, activity.country].filter(Boolean).join(', ');
    const pdf = await renderCertificatePdf({
      heading: 'Certificate of attendance',
      participant: certificate.name ?? `Participant ${personId}`,
      activity: activity.title,
      details: [
        `${KIND_NAMES[activity.kind]}${activity.moduleKey ? ` deepening the Academy module "${activity.moduleKey}"` : ''}`,
        `${localDate(new Date(activity.startsAt), activity.timeZone)}${place ? `, ${place}` : ''}`,
        'Social(i)Makers programme',
      ],
      verificationCode: certificate.verificationCode,
      verifyAt: `${request.protocol}://${request.get('host')}/certificates/${certificate.verificationCode}`,
    });
    return new StreamableFile(pdf, { disposition: `attachment; filename="certificate-${certificate.verificationCode}.pdf"` });
  }

  @Get('certificates/:code')
  @Public()
  @ApiOperation({ summary: 'Verify a certificate by its code (public)' })
  async verify(@Param('code') code: string): Promise<CertificateVerification> {
    return this.certificates.verify(code);
  }
}
