import { IsString, IsUUID, Matches } from 'class-validator';
import { defineEvent } from '../../catalogue/event-definition';
import { Topics } from '../../catalogue/topics';
import { IsCatalogueKey, IsPersonId, IsTimestamp, OptionalCountryCode } from '../../validation/validators';

export class CertificateIssuedV1Payload {
  @IsUUID() certificateId: string;
  @IsPersonId() personId: string;
  @IsCatalogueKey() courseKey: string;
  /** The public code anyone can check at the verification endpoint. */
  @IsString() @Matches(/^[A-Z0-9-]{8,40}$/) verificationCode: string;
  @OptionalCountryCode() country?: string;
  @IsTimestamp() issuedAt: string;
}

export const CertificateIssuedV1 = defineEvent({
  type: 'org.socialmakers.learning.certificate.issued.v1',
  version: 1,
  producer: 'learning',
  topic: Topics.learningProgress,
  payload: CertificateIssuedV1Payload,
  key: 'personId',
  subjectKind: 'person',
  description: 'A certificate was issued for a completed course; its verification code is public.',
});
