import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Certificate } from '../entities/certificate.entity';

export class CertificateView {
  @ApiProperty() id: string;
  @ApiProperty() personId: string;
  @ApiProperty() courseKey: string;
  @ApiProperty({ example: 'SIA-7K3M-Q9TX-2PBD' }) verificationCode: string;
  @ApiProperty({ description: 'Where anyone can verify it without signing in' }) verificationUrl: string;
  @ApiProperty({ description: 'The Open Badges 3.0 credential' }) credentialUrl: string;
  @ApiPropertyOptional({ nullable: true }) country: string | null;
  @ApiProperty() issuedAt: string;

  static of(certificate: Certificate): CertificateView {
    return {
      id: certificate.id,
      personId: certificate.personId,
      courseKey: certificate.courseKey,
      verificationCode: certificate.verificationCode,
      verificationUrl: `/certificates/${certificate.verificationCode}/verification`,
      credentialUrl: `/certificates/${certificate.verificationCode}/credential`,
      country: certificate.country,
      issuedAt: new Date(certificate.issuedAt).toISOString(),
    };
  }
}

export class VerificationView {
  @ApiProperty() valid: boolean;
  @ApiProperty() verificationCode: string;
  @ApiProperty() courseKey: string;
  @ApiProperty() courseTitle: string;
  @ApiProperty({ nullable: true, description: "The holder's platform person id (pseudonymous; no name or contact is shown); null once the holder was erased" })
  personId: string | null;
  @ApiProperty({ description: 'True when the holder was erased at their request: the certificate was issued, but to whom is no longer kept' })
  holderErased: boolean;
  @ApiProperty() issuedAt: string;
  @ApiProperty() issuer: string;
}
