import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CertificateIssuedV1 } from '@socialmakers/contracts';
import { EventOutbox, type PendingEvent } from '@socialmakers/messaging';
import { GoneError, NotFoundError } from '@socialmakers/service-kit';
import { Course } from '../catalogue/entities/course.entity';
import { CourseModule } from '../catalogue/entities/course-module.entity';
import { Certificate } from './entities/certificate.entity';
import { ISSUER_INFO } from './issuer-info.provider';
import { certificateCredential, ISSUER_NAME, type IssuerInfo } from './open-badges';
import { newVerificationCode, normaliseVerificationCode, VERIFICATION_CODE } from './verification-code';
import type { VerificationView } from './dto/certificate.view';

export interface CertificateToIssue {
  personId: string;
  courseKey: string;
  country: string | null;
  issuedAt: Date;
}

export const CertificateErrorCode = { NotFound: 'CERTIFICATE_NOT_FOUND', HolderErased: 'CERTIFICATE_HOLDER_ERASED' } as const;

const holderErased = (certificate: Certificate) =>
  new GoneError(
    CertificateErrorCode.HolderErased,
    `The holder of certificate ${certificate.verificationCode} was erased at their request, so its credential is no longer served; ` +
      `its verification (/certificates/${certificate.verificationCode}/verification) still confirms it was issued on ${new Date(certificate.issuedAt).toISOString().slice(0, 10)}.`,
  );

const unknownCode = (code: string) =>
  new NotFoundError(CertificateErrorCode.NotFound, `No certificate has the verification code "${code}"; check the code as printed on the certificate.`);

@Injectable()
export class CertificatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
    @Inject(ISSUER_INFO) private readonly issuer: IssuerInfo,
  ) {}

  /**
   * Issues the certificates of completed courses in the caller's transaction, at most one per
   * person and course, with CertificateIssuedV1 for each one actually issued.
   */
  async issueAll(manager: EntityManager, items: CertificateToIssue[]): Promise<void> {
    if (items.length === 0) return;
    const rows = items.map((item) => ({ ...item, id: randomUUID(), code: newVerificationCode() }));
    const issued: Array<{ id: string }> = await manager.query(
      `INSERT INTO certificates (id, person_id, course_key, verification_code, country, issued_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::timestamptz[])
       ON CONFLICT (person_id, course_key) DO NOTHING
       RETURNING id`,
      [rows.map((r) => r.id), rows.map((r) => r.personId), rows.map((r) => r.courseKey), rows.map((r) => r.code), rows.map((r) => r.country), rows.map((r) => r.issuedAt)],
    );
    const issuedIds = new Set(issued.map((row) => row.id));
    const events: PendingEvent[] = rows
      .filter((row) => issuedIds.has(row.id))
      .map((row) => ({
        type: CertificateIssuedV1.type,
        payload: {
          certificateId: row.id,
          personId: row.personId,
          courseKey: row.courseKey,
          verificationCode: row.code,
          ...(row.country ? { country: row.country } : {}),
          issuedAt: row.issuedAt.toISOString(),
        },
      }));
    await this.outbox.publishAll(manager, events);
  }

  async certificatesOf(personId: string): Promise<Certificate[]> {
    return this.dataSource.getRepository(Certificate).find({ where: { personId }, order: { issuedAt: 'ASC' } });
  }

  async verify(code: string): Promise<VerificationView> {
    const { certificate, course } = await this.byCode(code);
    return {
      valid: true,
      verificationCode: certificate.verificationCode,
      courseKey: certificate.courseKey,
      courseTitle: course.title.en,
      personId: certificate.holderErasedAt ? null : certificate.personId,
      holderErased: certificate.holderErasedAt !== null,
      issuedAt: new Date(certificate.issuedAt).toISOString(),
      issuer: ISSUER_NAME,
    };
  }

  async credential(code: string): Promise<Record<string, unknown>> {
    const { certificate, course } = await this.byCode(code);
    if (certificate.holderErasedAt) throw holderErased(certificate);
    const modules = await this.dataSource
      .getRepository(CourseModule)
      .find({ where: { courseKey: course.courseKey, status: 'published', required: true }, order: { position: 'ASC' } });
    return certificateCredential(
      {
        certificateId: certificate.id,
        personId: certificate.personId,
        courseKey: certificate.courseKey,
        courseTitle: course.title,
        courseSummary: course.summary,
        requiredModules: modules.map((module) => ({ moduleKey: module.moduleKey, title: module.title })),
        verificationCode: certificate.verificationCode,
        issuedAt: new Date(certificate.issuedAt),
      },
      this.issuer,
    );
  }

  private async byCode(code: string): Promise<{ certificate: Certificate; course: Course }> {
    const normalised = normaliseVerificationCode(code);
    if (!VERIFICATION_CODE.test(normalised)) throw unknownCode(code);
    const certificate = await this.dataSource.getRepository(Certificate).findOneBy({ verificationCode: normalised });
    if (!certificate) throw unknownCode(code);
    const course = await this.dataSource.getRepository(Course).findOneByOrFail({ courseKey: certificate.courseKey });
    return { certificate, course };
  }
}
