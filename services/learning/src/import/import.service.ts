import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { EnrolmentCreatedV1, ModuleCompletedV1 } from '@socialmakers/contracts';
import { EventOutbox, type PendingEvent } from '@socialmakers/messaging';
import { Course, CatalogueStatus } from '../catalogue/entities/course.entity';
import { CourseModule } from '../catalogue/entities/course-module.entity';
import { CourseCompletionService } from '../progress/course-completion.service';
import { checkImportRow, isRejected, type ImportRow, type RawImportRow, type RejectedRow } from './import-row';
import type { ImportReport } from './dto/import-report.view';

const pairKey = (row: { personId: string; courseKey: string }) => `${row.personId}|${row.courseKey}`;
const tripleKey = (row: { personId: string; courseKey: string; moduleKey: string | null }) => `${row.personId}|${row.courseKey}|${row.moduleKey}`;
const earliest = (...dates: Array<Date | null>) =>
  dates.filter((d): d is Date => d !== null).reduce<Date | null>((min, d) => (min === null || d < min ? d : min), null);

/**
 * Bulk import of existing learners (enrolments and module completions) for admins migrating the
 * programme's history. Every row is checked on its own; the good rows are written in one
 * transaction with their events, so a row is written whole or not at all, and natural keys (one
 * enrolment per person and course, one completion per module) make a re-run import nothing twice.
 */
@Injectable()
export class ImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
    private readonly courseCompletion: CourseCompletionService,
  ) {}

  async importRows(raw: RawImportRow[], rejectedBefore: RejectedRow[] = []): Promise<ImportReport> {
    const now = new Date();
    const rejected: RejectedRow[] = [...rejectedBefore];
    const checked: ImportRow[] = [];
    for (const row of raw) {
      const result = checkImportRow(row, now);
      if (isRejected(result)) rejected.push(result);
      else checked.push(result);
    }

    const outcome = await this.dataSource.transaction(async (manager) => {
      const courseKeys = [...new Set(checked.map((row) => row.courseKey))];
      const [courses, modules] = courseKeys.length
        ? await Promise.all([
            manager.getRepository(Course).findBy({ courseKey: In(courseKeys) }),
            manager.getRepository(CourseModule).findBy({ courseKey: In(courseKeys), status: CatalogueStatus.Published }),
          ])
        : [[], []];
      const courseByKey = new Map(courses.map((course) => [course.courseKey, course]));
      const moduleByKey = new Map(modules.map((module) => [`${module.courseKey}|${module.moduleKey}`, module]));

      const pairs = [...new Map(checked.map((row) => [pairKey(row), row])).values()];
      const existing: Array<{ person_id: string; course_key: string; status: string; country: string | null }> = pairs.length
        ? await manager.query(
            `SELECT e.person_id, e.course_key, e.status, e.country FROM enrolments e
             JOIN unnest($1::uuid[], $2::text[]) AS p(person_id, course_key) ON e.person_id = p.person_id AND e.course_key = p.course_key`,
            [pairs.map((p) => p.personId), pairs.map((p) => p.courseKey)],
          )
        : [];
      const existingByPair = new Map(existing.map((e) => [pairKey({ personId: e.person_id, courseKey: e.course_key }), e]));
      // A migration file made before someone's erasure must not bring their records back.
      const people = [...new Set(checked.map((row) => row.personId))];
      const erased: Array<{ person_id: string; erased_at: Date }> = people.length
        ? await manager.query(`SELECT person_id, erased_at FROM erased_people WHERE person_id = ANY($1::uuid[])`, [people])
        : [];
      const erasedAt = new Map(erased.map((e) => [e.person_id, new Date(e.erased_at)]));

      const good: ImportRow[] = [];
      for (const row of checked) {
        const course = courseByKey.get(row.courseKey);
        const module = row.moduleKey ? moduleByKey.get(`${row.courseKey}|${row.moduleKey}`) : undefined;
        const enrolment = existingByPair.get(pairKey(row));
        const erasure = erasedAt.get(row.personId);
        let reason: string | undefined;
        if (erasure && (earliest(row.enrolledAt, row.completedAt) ?? now) <= erasure) {
          reason = `This learner asked to be erased on ${erasure.toISOString().slice(0, 10)}; records from before then are not imported again.`;
        } else if (!course || course.status === CatalogueStatus.Draft) reason = `There is no published course "${row.courseKey}".`;
        else if (course.status === CatalogueStatus.Archived) reason = `The course "${row.courseKey}" is archived.`;
        else if (row.moduleKey && !module) reason = `The course "${row.courseKey}" has no published module "${row.moduleKey}".`;
        else if (row.moduleKey && enrolment?.status === 'withdrawn') reason = `The learner withdrew from "${row.courseKey}"; a completion needs an active enrolment.`;
        else if (module?.passMark != null && row.score !== null && row.score < module.passMark) {
          reason = `A score of ${row.score}% is below the pass mark of ${module.passMark}% for "${row.moduleKey}".`;
        }
        if (reason) rejected.push({ line: row.line, reason });
        else good.push(row);
      }

      // Enrolments: one per person and course, dated by the earliest date the file gives for it.
      const enrolmentRows = new Map<string, { personId: string; courseKey: string; country: string | null; enrolledAt: Date }>();
      for (const row of good) {
        const key = pairKey(row);
        const seen = enrolmentRows.get(key);
        const date = earliest(row.enrolledAt, row.completedAt) ?? now;
        if (!seen) enrolmentRows.set(key, { personId: row.personId, courseKey: row.courseKey, country: row.country, enrolledAt: date });
        else {
          seen.enrolledAt = earliest(seen.enrolledAt, date)!;
          seen.country ??= row.country;
        }
      }
      const enrolments = [...enrolmentRows.values()];
      const createdEnrolments: Array<{ id: string; person_id: string; course_key: string; country: string | null; enrolled_at: Date }> = enrolments.length
        ? await manager.query(
            `INSERT INTO enrolments (person_id, course_key, country, status, enrolled_at)
             SELECT person_id, course_key, country, 'enrolled', enrolled_at
             FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[]) AS r(person_id, course_key, country, enrolled_at)
             ON CONFLICT (person_id, course_key) DO NOTHING
             RETURNING id, person_id, course_key, country, enrolled_at`,
            [enrolments.map((e) => e.personId), enrolments.map((e) => e.courseKey), enrolments.map((e) => e.country), enrolments.map((e) => e.enrolledAt)],
          )
        : [];

      // Module completions: the first row for a module counts; the country falls back to the enrolment's.
      const seenTriples = new Set<string>();
      const firstCompletionRows = good.filter((row) => row.moduleKey !== null && !seenTriples.has(tripleKey(row)) && seenTriples.add(tripleKey(row)));
      const createdCompletions: Array<{ person_id: string; course_key: string; module_key: string; country: string | null; score: number | null; completed_at: Date }> =
        firstCompletionRows.length
          ? await manager.query(
              `INSERT INTO module_completions (person_id, course_key, module_key, country, score, completed_at)
               SELECT r.person_id, r.course_key, r.module_key, COALESCE(r.country, e.country), r.score, r.completed_at
               FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::smallint[], $6::timestamptz[]) AS r(person_id, course_key, module_key, country, score, completed_at)
               JOIN enrolments e ON e.person_id = r.person_id AND e.course_key = r.course_key
               ON CONFLICT (person_id, course_key, module_key) DO NOTHING
               RETURNING person_id, course_key, module_key, country, score, completed_at`,
              [
                firstCompletionRows.map((r) => r.personId),
                firstCompletionRows.map((r) => r.courseKey),
                firstCompletionRows.map((r) => r.moduleKey),
                firstCompletionRows.map((r) => r.country),
                firstCompletionRows.map((r) => r.score),
                firstCompletionRows.map((r) => r.completedAt ?? now),
              ],
            )
          : [];
      // RETURNING promises no order: events follow the file's order, so each person's stream reads as their history.
      const completionOrder = new Map(firstCompletionRows.map((row, index) => [tripleKey(row), index]));
      createdCompletions.sort(
        (a, b) =>
          completionOrder.get(tripleKey({ personId: a.person_id, courseKey: a.course_key, moduleKey: a.module_key }))! -
          completionOrder.get(tripleKey({ personId: b.person_id, courseKey: b.course_key, moduleKey: b.module_key }))!,
      );
      const enrolmentOrder = new Map([...enrolmentRows.keys()].map((key, index) => [key, index]));
      createdEnrolments.sort(
        (a, b) => enrolmentOrder.get(pairKey({ personId: a.person_id, courseKey: a.course_key }))! - enrolmentOrder.get(pairKey({ personId: b.person_id, courseKey: b.course_key }))!,
      );
      if (createdCompletions.length > 0) {
        await manager.query(
          `INSERT INTO module_starts (person_id, course_key, module_key, started_at)
           SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[]) ON CONFLICT DO NOTHING`,
          [
            createdCompletions.map((c) => c.person_id),
            createdCompletions.map((c) => c.course_key),
            createdCompletions.map((c) => c.module_key),
            createdCompletions.map((c) => c.completed_at),
          ],
        );
      }

      const events: PendingEvent[] = [
        ...createdEnrolments.map(
          (e): PendingEvent => ({
            type: EnrolmentCreatedV1.type,
            payload: {
              enrolmentId: e.id,
              personId: e.person_id,
              courseKey: e.course_key,
              ...(e.country ? { country: e.country.trim() } : {}),
              enrolledAt: new Date(e.enrolled_at).toISOString(),
            },
          }),
        ),
        ...createdCompletions.map(
          (c): PendingEvent => ({
            type: ModuleCompletedV1.type,
            payload: {
              personId: c.person_id,
              courseKey: c.course_key,
              moduleKey: c.module_key,
              ...(c.country ? { country: c.country.trim() } : {}),
              ...(c.score !== null ? { score: c.score } : {}),
              completedAt: new Date(c.completed_at).toISOString(),
            },
          }),
        ),
      ];
      await this.outbox.publishAll(manager, events);
      const coursesCompleted = await this.courseCompletion.completeWhereDone(
        manager,
        createdCompletions.map((c) => ({ personId: c.person_id, courseKey: c.course_key })),
      );

      // A row counts as imported when it wrote something: its enrolment (first row of that pair) or its completion.
      const newPairs = new Set(createdEnrolments.map((e) => pairKey({ personId: e.person_id, courseKey: e.course_key })));
      const newTriples = new Set(createdCompletions.map((c) => tripleKey({ personId: c.person_id, courseKey: c.course_key, moduleKey: c.module_key })));
      let rowsImported = 0;
      for (const row of good) {
        const wroteCompletion = row.moduleKey !== null && newTriples.delete(tripleKey(row));
        const wroteEnrolment = newPairs.delete(pairKey(row));
        if (wroteCompletion || wroteEnrolment) rowsImported += 1;
      }
      return { good: good.length, rowsImported, enrolments: createdEnrolments.length, moduleCompletions: createdCompletions.length, coursesCompleted };
    });

    return {
      rowsReceived: raw.length + rejectedBefore.length,
      rowsImported: outcome.rowsImported,
      rowsAlreadyOnRecord: outcome.good - outcome.rowsImported,
      rowsRejected: rejected.length,
      created: { enrolments: outcome.enrolments, moduleCompletions: outcome.moduleCompletions, courseCompletions: outcome.coursesCompleted },
      rejected: rejected.sort((a, b) => a.line - b.line),
    };
  }
}
