import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Academy beyond the first slice: the catalogue (courses and their ordered modules), enrolments,
 * module starts, course completions, certificates and the attendance learning hears about from the
 * events service (for the learner record).
 */
export class AcademyDomain1764489600000 implements MigrationInterface {
  name = 'AcademyDomain1764489600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE courses (
        course_key text PRIMARY KEY,
        title jsonb NOT NULL,
        summary jsonb NOT NULL,
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'archived')),
        -- true when something changed since the last publication, so republishing an unchanged course emits nothing
        changed_since_published boolean NOT NULL DEFAULT true,
        published_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE course_modules (
        course_key text NOT NULL REFERENCES courses (course_key),
        module_key text NOT NULL,
        position integer NOT NULL CHECK (position >= 1),
        title jsonb NOT NULL,
        summary jsonb NOT NULL,
        required boolean NOT NULL DEFAULT true,
        pass_mark smallint CHECK (pass_mark BETWEEN 0 AND 100),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'archived')),
        changed_since_published boolean NOT NULL DEFAULT true,
        published_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (course_key, module_key)
      )`);
    await queryRunner.query(`
      CREATE TABLE enrolments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL,
        course_key text NOT NULL REFERENCES courses (course_key),
        country char(2),
        status text NOT NULL CHECK (status IN ('enrolled', 'withdrawn')),
        enrolled_at timestamptz NOT NULL,
        withdrawn_at timestamptz,
        UNIQUE (person_id, course_key)
      )`);
    await queryRunner.query(`CREATE INDEX enrolments_course_idx ON enrolments (course_key, status)`);
    await queryRunner.query(`
      CREATE TABLE module_starts (
        person_id uuid NOT NULL,
        course_key text NOT NULL,
        module_key text NOT NULL,
        started_at timestamptz NOT NULL,
        PRIMARY KEY (person_id, course_key, module_key)
      )`);
    await queryRunner.query(`CREATE INDEX module_completions_course_idx ON module_completions (course_key, module_key)`);
    await queryRunner.query(`
      CREATE TABLE course_completions (
        person_id uuid NOT NULL,
        course_key text NOT NULL,
        country char(2),
        completed_at timestamptz NOT NULL,
        PRIMARY KEY (person_id, course_key)
      )`);
    await queryRunner.query(`
      CREATE TABLE certificates (
        id uuid PRIMARY KEY,
        person_id uuid NOT NULL,
        course_key text NOT NULL,
        verification_code text NOT NULL UNIQUE,
        country char(2),
        issued_at timestamptz NOT NULL,
        UNIQUE (person_id, course_key)
      )`);
    await queryRunner.query(`
      CREATE TABLE attendances (
        attendance_id uuid PRIMARY KEY,
        activity_id uuid NOT NULL,
        kind text NOT NULL,
        person_id uuid NOT NULL,
        country char(2) NOT NULL,
        course_key text,
        module_key text,
        attended_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX attendances_person_idx ON attendances (person_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['attendances', 'certificates', 'course_completions', 'module_starts', 'enrolments', 'course_modules', 'courses']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    await queryRunner.query(`DROP INDEX module_completions_course_idx`);
  }
}
