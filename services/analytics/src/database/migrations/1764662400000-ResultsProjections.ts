import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The projections of the programme's results. Each table is keyed by the natural key of what it
 * records (an enrolment event, a person's module completion, an activity, a person's attendance),
 * and every write is an upsert whose outcome does not depend on the order or number of deliveries,
 * so a replay from offset 0, duplicates included, converges on the same rows. Counts are taken at
 * report time from these facts, never kept as running increments.
 */
export class ResultsProjections1764662400000 implements MigrationInterface {
  name = 'ResultsProjections1764662400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The first slice's running counter is replaced by the module_completions facts below.
    await queryRunner.query(`DROP TABLE IF EXISTS module_completion_counts`);
    await queryRunner.query(`
      CREATE TABLE event_log (
        seq bigserial PRIMARY KEY,
        event_source text NOT NULL,
        event_id text NOT NULL,
        type text NOT NULL,
        subject text,
        -- When it happened (the payload's own time); recorded_at is the CloudEvents time (when published).
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL,
        country char(2),
        data jsonb NOT NULL,
        UNIQUE (event_source, event_id)
      )`);
    await queryRunner.query(`CREATE INDEX event_log_type_time ON event_log (type, occurred_at)`);
    await queryRunner.query(`
      CREATE TABLE catalogue_modules (
        course_key text NOT NULL,
        module_key text NOT NULL,
        position integer NOT NULL,
        title text NOT NULL,
        published_at timestamptz NOT NULL,
        PRIMARY KEY (course_key, module_key)
      )`);
    await queryRunner.query(`
      CREATE TABLE enrolment_events (
        event_source text NOT NULL,
        event_id text NOT NULL,
        enrolment_id uuid NOT NULL,
        person_id uuid NOT NULL,
        course_key text NOT NULL,
        country char(2),
        action text NOT NULL CHECK (action IN ('created', 'withdrawn')),
        at timestamptz NOT NULL,
        PRIMARY KEY (event_source, event_id)
      )`);
    await queryRunner.query(`CREATE INDEX enrolment_events_enrolment ON enrolment_events (enrolment_id, at)`);
    await queryRunner.query(`
      CREATE TABLE module_completions (
        person_id uuid NOT NULL,
        course_key text NOT NULL,
        module_key text NOT NULL,
        country char(2),
        completed_at timestamptz NOT NULL,
        PRIMARY KEY (person_id, course_key, module_key)
      )`);
    await queryRunner.query(`CREATE INDEX module_completions_time ON module_completions (completed_at)`);
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
        certificate_id uuid PRIMARY KEY,
        person_id uuid NOT NULL,
        course_key text NOT NULL,
        country char(2),
        issued_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE activities (
        activity_id uuid PRIMARY KEY,
        kind text NOT NULL,
        title text,
        country char(2) NOT NULL,
        course_key text,
        module_key text,
        lecturer_ids uuid[] NOT NULL DEFAULT '{}',
        starts_at timestamptz,
        starts_version timestamptz,
        cancelled_at timestamptz,
        held_at timestamptz,
        held_participants integer,
        held_walk_ins integer,
        walk_ins integer,
        walk_ins_at timestamptz,
        first_attended_at timestamptz
      )`);
    await queryRunner.query(`
      CREATE TABLE attendances (
        activity_id uuid NOT NULL,
        person_id uuid NOT NULL,
        kind text NOT NULL,
        country char(2) NOT NULL,
        attended_at timestamptz NOT NULL,
        PRIMARY KEY (activity_id, person_id)
      )`);
    // From community: profiles (kind and country only; they carry no name or contact), introductions,
    // connections and the network indicators it publishes.
    await queryRunner.query(`
      CREATE TABLE stakeholders (
        person_id uuid PRIMARY KEY,
        kind text NOT NULL,
        country char(2) NOT NULL,
        occurred_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE introductions (
        introduction_id uuid PRIMARY KEY,
        requester_id uuid NOT NULL,
        recipient_id uuid NOT NULL,
        requested_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE connections (
        connection_id uuid PRIMARY KEY,
        person_id uuid NOT NULL,
        other_person_id uuid NOT NULL,
        formed_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE network_snapshots (
        snapshot_id uuid PRIMARY KEY,
        computed_at timestamptz NOT NULL,
        nodes integer NOT NULL,
        edges integer NOT NULL,
        communities integer NOT NULL,
        countries jsonb NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX network_snapshots_time ON network_snapshots (computed_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['network_snapshots', 'connections', 'introductions', 'stakeholders', 'attendances', 'activities', 'certificates', 'course_completions', 'module_completions', 'enrolment_events', 'catalogue_modules', 'event_log']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    await queryRunner.query(`
      CREATE TABLE module_completion_counts (
        course_key text NOT NULL, module_key text NOT NULL, country text NOT NULL,
        completions integer NOT NULL CHECK (completions >= 0), PRIMARY KEY (course_key, module_key, country)
      )`);
  }
}
