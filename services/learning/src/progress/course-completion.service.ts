import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CourseCompletedV1 } from '@socialmakers/contracts';
import { EventOutbox, type PendingEvent } from '@socialmakers/messaging';
import { CertificatesService } from '../certificates/certificates.service';

export interface LearnerCourse {
  personId: string;
  courseKey: string;
}

/**
 * Completes courses whose required modules are all complete, once: a course completion row,
 * CourseCompletedV1 and the certificate (CertificateIssuedV1), in the caller's transaction.
 */
@Injectable()
export class CourseCompletionService {
  constructor(
    private readonly outbox: EventOutbox,
    private readonly certificates: CertificatesService,
  ) {}

  async completeWhereDone(manager: EntityManager, candidates: LearnerCourse[]): Promise<number> {
    const unique = [...new Map(candidates.map((c) => [`${c.personId}|${c.courseKey}`, c])).values()];
    if (unique.length === 0) return 0;
    // A course is complete when every published required module has a completion; the moment is the
    // last of those completions (so imported history keeps its dates). ON CONFLICT makes it once.
    const completed: Array<{ person_id: string; course_key: string; country: string | null; completed_at: Date }> = await manager.query(
      `INSERT INTO course_completions (person_id, course_key, country, completed_at)
       SELECT e.person_id, e.course_key, e.country, max(mc.completed_at)
       FROM unnest($1::uuid[], $2::text[]) AS p(person_id, course_key)
       JOIN enrolments e ON e.person_id = p.person_id AND e.course_key = p.course_key
       JOIN course_modules cm ON cm.course_key = p.course_key AND cm.status = 'published' AND cm.required
       LEFT JOIN module_completions mc ON mc.person_id = p.person_id AND mc.course_key = p.course_key AND mc.module_key = cm.module_key
       GROUP BY e.person_id, e.course_key, e.country
       HAVING count(*) = count(mc.module_key)
       ON CONFLICT (person_id, course_key) DO NOTHING
       RETURNING person_id, course_key, country, completed_at`,
      [unique.map((c) => c.personId), unique.map((c) => c.courseKey)],
    );
    if (completed.length === 0) return 0;
    const events: PendingEvent[] = completed.map((row) => ({
      type: CourseCompletedV1.type,
      payload: {
        personId: row.person_id,
        courseKey: row.course_key,
        ...(row.country ? { country: row.country.trim() } : {}),
        completedAt: new Date(row.completed_at).toISOString(),
      },
    }));
    await this.outbox.publishAll(manager, events);
    await this.certificates.issueAll(
      manager,
      completed.map((row) => ({ personId: row.person_id, courseKey: row.course_key, country: row.country?.trim() ?? null, issuedAt: new Date(row.completed_at) })),
    );
    return completed.length;
  }
}
