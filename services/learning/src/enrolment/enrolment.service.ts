import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { EnrolmentCreatedV1, EnrolmentWithdrawnV1, type EnrolmentCreatedV1Payload } from '@socialmakers/contracts';
import { EventOutbox } from '@socialmakers/messaging';
import { CatalogueService } from '../catalogue/catalogue.service';
import { runPrepared } from '../common/prepared-statement';
import { Enrolment, EnrolmentStatus } from './entities/enrolment.entity';
import { enrolmentNotFound, notEnrolled } from './enrolment.errors';
import type { EnrolDto } from './dto/enrol.dto';

export interface EnrolmentResult {
  enrolment: Enrolment;
  /** False when the person was already enrolled: nothing changed and nothing was published. */
  created: boolean;
}

@Injectable()
export class EnrolmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
    private readonly catalogue: CatalogueService,
  ) {}

  /**
   * Enrols a person, free and open at any time. Enrolling while enrolled answers the existing
   * enrolment and emits nothing; enrolling after a withdrawal re-opens the same enrolment.
   */
  async enrol(personId: string, dto: EnrolDto): Promise<EnrolmentResult> {
    const enrolment = await this.enrolForTheFirstTime(personId, dto);
    if (enrolment) return { enrolment, created: true };
    return this.dataSource.transaction(async (manager) => {
      // One statement checks the course is open and decides, so two concurrent enrolments of the same
      // person cannot both "create", and the common case (a new enrolment) costs one round trip.
      const rows: EnrolmentRow[] = await manager.query(
        `WITH course AS (SELECT status FROM courses WHERE course_key = $2)
         INSERT INTO enrolments (person_id, course_key, country, status, enrolled_at)
         SELECT $1, $2, $3, 'enrolled', now() FROM course WHERE course.status = 'published'
         ON CONFLICT (person_id, course_key) DO UPDATE
           SET status = 'enrolled', enrolled_at = now(), withdrawn_at = NULL, country = COALESCE(EXCLUDED.country, enrolments.country)
           WHERE enrolments.status = 'withdrawn'
         RETURNING id, person_id, course_key, country, status, enrolled_at, withdrawn_at`,
        [personId, dto.courseKey, dto.country ?? null],
      );
      if (rows.length === 0) {
        // Nothing written: an unknown, draft or archived course (404/409), or already enrolled.
        await this.catalogue.requireOpenCourse(manager, dto.courseKey);
        const existing = await manager.getRepository(Enrolment).findOneByOrFail({ personId, courseKey: dto.courseKey });
        return { enrolment: existing, created: false };
      }
      const enrolment = toEnrolment(rows[0]);
      await this.outbox.publish(manager, EnrolmentCreatedV1.type, enrolmentCreated(enrolment));
      return { enrolment, created: true };
    });
  }

  /**
   * The common case, a person's first enrolment in a published course, in one statement: the
   * enrolment row and its EnrolmentCreatedV1 outbox row in one data-modifying CTE, which commits
   * atomically without BEGIN/COMMIT (one round trip instead of four), as a prepared statement. Every value of the event is
   * known beforehand (the id and time are made here), so the outbox checks it against its contract as
   * usual. Answers undefined when it wrote nothing (the person has an enrolment, withdrawn or not, or
   * the course is not open): the transaction in enrol() decides those cases as before.
   */
  private async enrolForTheFirstTime(personId: string, dto: EnrolDto): Promise<Enrolment | undefined> {
    const enrolment = Object.assign(new Enrolment(), {
      id: randomUUID(),
      personId,
      courseKey: dto.courseKey,
      country: dto.country ?? null,
      status: EnrolmentStatus.Enrolled,
      enrolledAt: new Date(),
      withdrawnAt: null,
    });
    const event = this.outbox.insertStatement([{ type: EnrolmentCreatedV1.type, payload: enrolmentCreated(enrolment) }], {
      firstParameter: 6,
      when: 'EXISTS (SELECT 1 FROM created)',
    });
    const created = await runPrepared<{ id: string }>(
      this.dataSource,
      'learning-enrol-first-time',
      `WITH created AS (
         INSERT INTO enrolments (id, person_id, course_key, country, status, enrolled_at)
         SELECT $1, $2, course_key, $4, 'enrolled', $5 FROM courses WHERE course_key = $3 AND status = 'published'
         ON CONFLICT (person_id, course_key) DO NOTHING
         RETURNING id
       ), published AS (${event.sql})
       SELECT id FROM created`,
      [enrolment.id, personId, dto.courseKey, enrolment.country, enrolment.enrolledAt, ...event.parameters],
    );
    return created.length > 0 ? enrolment : undefined;
  }

  /** Withdraws; completed modules stay on record. Withdrawing again answers the withdrawn enrolment. */
  async withdraw(personId: string, courseKey: string): Promise<Enrolment> {
    return this.dataSource.transaction(async (manager) => {
      const rows: Array<{ id: string }> = await manager.query(
        // Through a CTE so the driver answers the changed rows (a bare UPDATE answers [rows, count]).
        `WITH changed AS (
           UPDATE enrolments SET status = 'withdrawn', withdrawn_at = now() WHERE person_id = $1 AND course_key = $2 AND status = 'enrolled' RETURNING id
         ) SELECT id FROM changed`,
        [personId, courseKey],
      );
      const enrolment = await manager.getRepository(Enrolment).findOneBy({ personId, courseKey });
      if (!enrolment) throw enrolmentNotFound(personId, courseKey);
      if (rows.length > 0) {
        await this.outbox.publish(manager, EnrolmentWithdrawnV1.type, {
          enrolmentId: enrolment.id,
          personId,
          courseKey,
          ...(enrolment.country ? { country: enrolment.country } : {}),
          withdrawnAt: new Date(enrolment.withdrawnAt!).toISOString(),
        });
      }
      return enrolment;
    });
  }

  async enrolmentsOf(personId: string): Promise<Enrolment[]> {
    return this.dataSource.getRepository(Enrolment).find({ where: { personId }, order: { enrolledAt: 'ASC' } });
  }

  /** The active enrolment a start or completion needs, locked for the rest of the transaction. */
  async requireActiveEnrolment(manager: EntityManager, personId: string, courseKey: string): Promise<Enrolment> {
    const enrolment = await manager.getRepository(Enrolment).findOne({ where: { personId, courseKey }, lock: { mode: 'pessimistic_write' } });
    if (!enrolment || enrolment.status !== EnrolmentStatus.Enrolled) throw notEnrolled(personId, courseKey, enrolment?.status === EnrolmentStatus.Withdrawn);
    return enrolment;
  }
}

interface EnrolmentRow {
  id: string;
  person_id: string;
  course_key: string;
  country: string | null;
  status: EnrolmentStatus;
  enrolled_at: Date;
  withdrawn_at: Date | null;
}

function enrolmentCreated(enrolment: Enrolment): EnrolmentCreatedV1Payload {
  return {
    enrolmentId: enrolment.id,
    personId: enrolment.personId,
    courseKey: enrolment.courseKey,
    ...(enrolment.country ? { country: enrolment.country } : {}),
    enrolledAt: enrolment.enrolledAt.toISOString(),
  };
}

function toEnrolment(row: EnrolmentRow): Enrolment {
  return Object.assign(new Enrolment(), {
    id: row.id,
    personId: row.person_id,
    courseKey: row.course_key,
    country: row.country?.trim() ?? null,
    status: row.status,
    enrolledAt: new Date(row.enrolled_at),
    withdrawnAt: row.withdrawn_at ? new Date(row.withdrawn_at) : null,
  });
}
