import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Role, assertActsFor, type Principal } from '@socialmakers/auth';
import { NotFoundError } from '@socialmakers/service-kit';
import type { Activity } from '../activities/activity';
import { assertNotCancelled, findActivity } from '../activities/activity-store';
import { localDate } from '../activities/activity-rules';
import { newVerificationCode, normaliseVerificationCode } from './verification-code';

export const CertificateErrorCode = { NotAttended: 'NOT_AN_ATTENDEE', UnknownCode: 'UNKNOWN_VERIFICATION_CODE' } as const;

export interface Certificate {
  id: string;
  activityId: string;
  personId: string;
  verificationCode: string;
  issuedAt: Date;
  name: string | null;
}

export interface CertificateVerification {
  valid: true;
  verificationCode: string;
  /** Null once the holder was erased (then holderErased is true): the certificate was issued, to whom is no longer kept. */
  participant: string | null;
  holderErased: boolean;
  activity: { id: string; kind: string; title: string; country: string; city: string | null; date: string };
  issuedAt: string;
}

/** Certificates of attendance: one per person and activity, issued on first download, verifiable by code. */
@Injectable()
export class CertificatesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async issue(principal: Principal, activityId: string, personId: string): Promise<{ certificate: Certificate; activity: Activity }> {
    const activity = await findActivity(this.dataSource.manager, activityId);
    if (!(principal.roles.includes(Role.Organiser) && principal.organisationId === activity.organiserId)) assertActsFor(principal, personId, Role.Admin);
    assertNotCancelled(activity, 'get a certificate for it');
    const [attendance] = await this.dataSource.query(`SELECT name FROM attendances WHERE activity_id = $1 AND person_id = $2`, [activityId, personId]);
    if (!attendance) {
      throw new NotFoundError(CertificateErrorCode.NotAttended, `No attendance of ${personId} is recorded for "${activity.title}"; a certificate needs a check-in or a sign-in sheet row.`);
    }
    // Two downloads at once must not make two certificates: the unique key keeps the first.
    await this.dataSource.query(
      `INSERT INTO certificates (id, activity_id, person_id, verification_code, issued_at) VALUES ($1, $2, $3, $4, now()) ON CONFLICT (activity_id, person_id) DO NOTHING`,
      [randomUUID(), activityId, personId, newVerificationCode()],
    );
    const [certificate]: Certificate[] = await this.dataSource.query(
      `SELECT c.id, c.activity_id AS "activityId", c.person_id AS "personId", c.verification_code AS "verificationCode", c.issued_at AS "issuedAt", a.name
         FROM certificates c JOIN attendances a ON a.activity_id = c.activity_id AND a.person_id = c.person_id
        WHERE c.activity_id = $1 AND c.person_id = $2`,
      [activityId, personId],
    );
    return { certificate, activity };
  }

  async verify(code: string): Promise<CertificateVerification> {
    const [row] = await this.dataSource.query(
      `SELECT c.verification_code AS "verificationCode", c.issued_at AS "issuedAt", c.activity_id AS "activityId", c.holder_erased_at AS "holderErasedAt", t.name
         FROM certificates c JOIN attendances t ON t.activity_id = c.activity_id AND t.person_id = c.person_id
        WHERE c.verification_code = $1`,
      [normaliseVerificationCode(code)],
    );
    if (!row) throw new NotFoundError(CertificateErrorCode.UnknownCode, `No certificate has the verification code ${code}; check it against the printed certificate.`);
    const activity = await findActivity(this.dataSource.manager, row.activityId);
    return {
      valid: true,
      verificationCode: row.verificationCode,
      participant: row.name,
      holderErased: row.holderErasedAt !== null,
      activity: { id: activity.id, kind: activity.kind, title: activity.title, country: activity.country, city: activity.city, date: localDate(new Date(activity.startsAt), activity.timeZone) },
      issuedAt: new Date(row.issuedAt).toISOString(),
    };
  }
}
