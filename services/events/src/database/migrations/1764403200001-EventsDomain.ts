import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Activities, registrations with their waiting list, attendance, certificates, and the Academy read model. */
export class EventsDomain1764403200001 implements MigrationInterface {
  name = 'EventsDomain1764403200001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE catalogue_modules (
        course_key text NOT NULL,
        module_key text NOT NULL,
        position int NOT NULL,
        title text NOT NULL,
        required boolean NOT NULL,
        published_at timestamptz NOT NULL,
        PRIMARY KEY (course_key, module_key)
      )`);
    await queryRunner.query(`
      CREATE TABLE module_completions (
        person_id uuid NOT NULL,
        course_key text NOT NULL,
        module_key text NOT NULL,
        completed_at timestamptz NOT NULL,
        PRIMARY KEY (person_id, course_key, module_key)
      )`);
    await queryRunner.query(`
      CREATE TABLE activities (
        id uuid PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('workshop', 'festival', 'webinar')),
        title text NOT NULL,
        organiser_id uuid NOT NULL,
        country char(2) NOT NULL,
        city text,
        venue text,
        time_zone text NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled', 'held')),
        course_key text,
        module_key text,
        lecturer_ids uuid[] NOT NULL DEFAULT '{}',
        programme jsonb NOT NULL DEFAULT '[]',
        topic text,
        join_link text,
        capacity int CHECK (capacity > 0),
        waitlist_priority text NOT NULL DEFAULT 'first-come' CHECK (waitlist_priority IN ('first-come', 'module-completers-first')),
        walk_ins int NOT NULL DEFAULT 0 CHECK (walk_ins >= 0),
        cancel_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        cancelled_at timestamptz,
        held_at timestamptz,
        CHECK (ends_at > starts_at)
      )`);
    await queryRunner.query(`CREATE INDEX activities_calendar ON activities (ends_at, country, kind)`);
    await queryRunner.query(`CREATE INDEX activities_organiser ON activities (organiser_id)`);
    await queryRunner.query(`
      CREATE TABLE registrations (
        id uuid PRIMARY KEY,
        activity_id uuid NOT NULL REFERENCES activities (id),
        person_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')),
        -- Order of arrival on the list; renewed when a cancelled registration is taken up again.
        queued_seq bigserial NOT NULL,
        registered_at timestamptz NOT NULL,
        promoted_at timestamptz,
        cancelled_at timestamptz,
        UNIQUE (activity_id, person_id)
      )`);
    await queryRunner.query(`CREATE INDEX registrations_waitlist ON registrations (activity_id, queued_seq) WHERE status = 'waitlisted'`);
    await queryRunner.query(`
      CREATE TABLE attendances (
        id uuid PRIMARY KEY,
        activity_id uuid NOT NULL REFERENCES activities (id),
        person_id uuid NOT NULL,
        source text NOT NULL CHECK (source IN ('check-in', 'sign-in-sheet')),
        name text,
        organisation text,
        person_country char(2),
        role text,
        recorded_at timestamptz NOT NULL,
        UNIQUE (activity_id, person_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE certificates (
        id uuid PRIMARY KEY,
        activity_id uuid NOT NULL REFERENCES activities (id),
        person_id uuid NOT NULL,
        verification_code text NOT NULL UNIQUE,
        issued_at timestamptz NOT NULL,
        UNIQUE (activity_id, person_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['certificates', 'attendances', 'registrations', 'activities', 'module_completions', 'catalogue_modules']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
