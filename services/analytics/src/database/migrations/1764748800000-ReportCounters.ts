import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the report reads instead of scanning the facts, kept by the projector in the same transaction
 * as the facts and derived only from changes to them (a fact inserted, or moved to an earlier time),
 * so duplicates and replays change nothing:
 * - per-day counts of module and course completions and certificates (any period is a range of days);
 * - each enrolment's standing per calendar year (its first creation in the year and whether it is
 *   still enrolled at the year's end) and counts of those per year, course, country and week;
 * - who reached each stage of the funnel per year and country, with how many facts support it
 *   (`refs`), and the number of such people: stage '*' is any activity stage, country '*' any country,
 *   country '' unknown;
 * - the named participants of each activity.
 * Plus the people erased (by a hash of their id, for events of theirs that arrive later) and the
 * periods published to the public.
 */
export class ReportCounters1764748800000 implements MigrationInterface {
  name = 'ReportCounters1764748800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE daily_counts (
        day date NOT NULL,
        metric text NOT NULL CHECK (metric IN ('moduleCompleted', 'courseCompleted', 'certificate')),
        course_key text NOT NULL,
        module_key text NOT NULL DEFAULT '',
        n integer NOT NULL,
        PRIMARY KEY (day, metric, course_key, module_key)
      )`);
    await queryRunner.query(`
      CREATE TABLE enrolment_years (
        enrolment_id uuid NOT NULL,
        year integer NOT NULL,
        person_id uuid NOT NULL,
        course_key text NOT NULL,
        country char(2),
        week text NOT NULL,
        enrolled boolean NOT NULL,
        PRIMARY KEY (enrolment_id, year)
      )`);
    await queryRunner.query(`
      CREATE TABLE enrolment_counts (
        year integer NOT NULL,
        course_key text NOT NULL,
        country text NOT NULL,
        week text NOT NULL,
        enrolled integer NOT NULL,
        created integer NOT NULL,
        PRIMARY KEY (year, course_key, country, week)
      )`);
    await queryRunner.query(`
      CREATE TABLE reach_people (
        year integer NOT NULL,
        stage text NOT NULL,
        country text NOT NULL,
        person_id uuid NOT NULL,
        refs integer NOT NULL,
        -- Person first: a chunk touches a person's rows (several stages, '*') together, on one page.
        PRIMARY KEY (person_id, year, stage, country)
      )`);
    await queryRunner.query(`
      CREATE TABLE reach_counts (
        year integer NOT NULL,
        stage text NOT NULL,
        country text NOT NULL,
        people integer NOT NULL,
        PRIMARY KEY (year, stage, country)
      )`);
    await queryRunner.query(`ALTER TABLE activities ADD COLUMN named integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`
      CREATE TABLE erased_people (
        person_key bytea PRIMARY KEY,
        anonymous_id uuid NOT NULL UNIQUE,
        erased_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE report_publications (
        publication_id uuid PRIMARY KEY,
        period_from date NOT NULL,
        period_to date NOT NULL,
        published_at timestamptz NOT NULL,
        published_by text NOT NULL,
        CHECK (period_to >= period_from),
        UNIQUE (period_from, period_to)
      )`);
    await queryRunner.query(`CREATE INDEX report_publications_latest ON report_publications (published_at DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['report_publications', 'erased_people', 'reach_counts', 'reach_people', 'enrolment_counts', 'enrolment_years', 'daily_counts']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    await queryRunner.query(`ALTER TABLE activities DROP COLUMN named`);
  }
}
