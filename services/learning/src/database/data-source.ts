import { DataSource, DataSourceOptions } from 'typeorm';
import { MessagingTables1764316800000 } from '@socialmakers/messaging';
import { Course } from '../catalogue/entities/course.entity';
import { CourseModule } from '../catalogue/entities/course-module.entity';
import { Certificate } from '../certificates/entities/certificate.entity';
import { Enrolment } from '../enrolment/entities/enrolment.entity';
import { Attendance } from '../learner-record/entities/attendance.entity';
import { CourseCompletion } from '../progress/entities/course-completion.entity';
import { ModuleCompletion } from '../progress/entities/module-completion.entity';
import { ModuleStart } from '../progress/entities/module-start.entity';
import { AcademyDomain1764489600000 } from './migrations/1764489600000-AcademyDomain';
import { ModuleCompletions1764316800001 } from './migrations/1764316800001-ModuleCompletions';
import { Erasure1764921600000 } from './migrations/1764921600000-Erasure';

/** The one description of learning's database, used by Nest and by the migration command alike. */
export function learningDataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [Course, CourseModule, Enrolment, ModuleStart, ModuleCompletion, CourseCompletion, Certificate, Attendance],
    migrations: [MessagingTables1764316800000, ModuleCompletions1764316800001, AcademyDomain1764489600000, Erasure1764921600000],
    migrationsTableName: 'schema_migrations',
    synchronize: false,
  };
}

/** For `typeorm migration:run -d` and tools/cli/migrate.ts. */
export default new DataSource(learningDataSourceOptions(process.env.DATABASE_URL ?? ''));
