import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { AttendanceRecordedV1Payload } from '@socialmakers/contracts';
import { Course } from '../catalogue/entities/course.entity';
import { CourseModule } from '../catalogue/entities/course-module.entity';
import { localize } from '../catalogue/localize';
import { Certificate } from '../certificates/entities/certificate.entity';
import { ISSUER_INFO } from '../certificates/issuer-info.provider';
import { learnerRecordCredential, type IssuerInfo } from '../certificates/open-badges';
import { CourseCompletion } from '../progress/entities/course-completion.entity';
import { ModuleCompletion } from '../progress/entities/module-completion.entity';
import { erasedAtOrAfter } from '../erasure/erasure.service';
import { Attendance } from './entities/attendance.entity';

@Injectable()
export class LearnerRecordService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ISSUER_INFO) private readonly issuer: IssuerInfo,
  ) {}

  /**
   * Keeps one row per attendance; the inbox already dedupes deliveries, the key dedupes replays from
   * another source id. An attendance from before its person's erasure, arriving after it, is not kept.
   */
  async recordAttendance(manager: EntityManager, attendance: AttendanceRecordedV1Payload): Promise<void> {
    await manager.query(
      `INSERT INTO attendances (attendance_id, activity_id, kind, person_id, country, course_key, module_key, attended_at)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8 WHERE NOT ${erasedAtOrAfter('$4::uuid', '$8::timestamptz')}
       ON CONFLICT (attendance_id) DO NOTHING`,
      [
        attendance.attendanceId,
        attendance.activityId,
        attendance.kind,
        attendance.personId,
        attendance.country,
        attendance.courseKey ?? null,
        attendance.moduleKey ?? null,
        attendance.attendedAt,
      ],
    );
  }

  /** The person's portable record as an Open Badges 3.0 credential. */
  async recordOf(personId: string, language = 'en'): Promise<Record<string, unknown>> {
    const manager = this.dataSource.manager;
    const [completions, courseCompletions, certificates, attendances] = await Promise.all([
      manager.getRepository(ModuleCompletion).find({ where: { personId }, order: { completedAt: 'ASC' } }),
      manager.getRepository(CourseCompletion).find({ where: { personId }, order: { completedAt: 'ASC' } }),
      manager.getRepository(Certificate).findBy({ personId }),
      manager.getRepository(Attendance).find({ where: { personId }, order: { attendedAt: 'ASC' } }),
    ]);
    const courseKeys = [...new Set([...completions.map((c) => c.courseKey), ...courseCompletions.map((c) => c.courseKey)])];
    const [courses, modules] = courseKeys.length
      ? await Promise.all([manager.getRepository(Course).findBy({ courseKey: In(courseKeys) }), manager.getRepository(CourseModule).findBy({ courseKey: In(courseKeys) })])
      : [[], []];
    const moduleTitle = (courseKey: string, moduleKey: string) => {
      const module = modules.find((m) => m.courseKey === courseKey && m.moduleKey === moduleKey);
      return module ? localize(module.title, language) : moduleKey;
    };
    const courseTitle = (courseKey: string) => {
      const course = courses.find((c) => c.courseKey === courseKey);
      return course ? localize(course.title, language) : courseKey;
    };
    const latest = [
      ...completions.map((c) => new Date(c.completedAt).getTime()),
      ...courseCompletions.map((c) => new Date(c.completedAt).getTime()),
      ...attendances.map((a) => new Date(a.attendedAt).getTime()),
    ];
    return learnerRecordCredential(
      {
        personId,
        // The record is as of its latest entry, so the same history gives the same document.
        issuedAt: latest.length ? new Date(Math.max(...latest)) : new Date(),
        modules: completions.map((c) => ({
          courseKey: c.courseKey,
          moduleKey: c.moduleKey,
          title: moduleTitle(c.courseKey, c.moduleKey),
          completedAt: new Date(c.completedAt).toISOString(),
          score: c.score,
        })),
        courses: courseCompletions.map((c) => ({
          courseKey: c.courseKey,
          title: courseTitle(c.courseKey),
          completedAt: new Date(c.completedAt).toISOString(),
          verificationCode: certificates.find((cert) => cert.courseKey === c.courseKey)?.verificationCode ?? null,
        })),
        activities: attendances.map((a) => ({
          attendanceId: a.attendanceId,
          activityId: a.activityId,
          kind: a.kind,
          country: a.country,
          moduleKey: a.moduleKey,
          attendedAt: new Date(a.attendedAt).toISOString(),
        })),
      },
      this.issuer,
    );
  }
}
