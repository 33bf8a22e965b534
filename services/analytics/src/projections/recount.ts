import type { EntityManager } from 'typeorm';
import { standingStatement } from './enrolment-standing';

/**
 * The tables the projector keeps by moving them with each fact change, and `recountFromFacts` writes
 * whole (and, beside them, each activity's number of named participants).
 */
export const COUNTER_TABLES = ['enrolment_years', 'enrolment_counts', 'daily_counts', 'reach_people', 'reach_counts'] as const;

/**
 * Facts that support a person's funnel stage in a calendar year and country ('' unknown): the same
 * facts the projector turns into reach changes (reach.ts), read from the tables instead.
 */
const REACH_FACTS = `
  SELECT year, 'enrolled' AS stage, coalesce(country, '') AS country, person_id FROM enrolment_years WHERE enrolled
  UNION ALL
  SELECT extract(year FROM completed_at AT TIME ZONE 'UTC')::int, 'moduleCompleted', coalesce(country, ''), person_id FROM module_completions
  UNION ALL
  SELECT extract(year FROM attended_at AT TIME ZONE 'UTC')::int,
         CASE WHEN kind = 'workshop' THEN 'attendedWorkshop' ELSE 'attendedFestivalOrWebinar' END, country, person_id
  FROM attendances`;

/**
 * Writes the report's counters from the facts in one pass each, instead of moving them fact by fact:
 * what a rebuild does once after replaying the facts (ProjectorService's 'replay' writer),
 * which costs a fraction of moving them per chunk. It gives the counters the projector's moves give,
 * except for rows whose count came back to 0, which it leaves out (the report skips them). Call it
 * while no live writer can move a counter (the rebuild holds them off: holdLiveWriters).
 */
export async function recountFromFacts(manager: EntityManager): Promise<void> {
  await recountEnrolmentsAndReach(manager);
  await recountActivitiesAndDays(manager);
}

/** The tables `recountEnrolmentsAndReach` writes (the rest of COUNTER_TABLES: `recountActivitiesAndDays`). */
export const ENROLMENT_AND_REACH_TABLES = ['enrolment_years', 'enrolment_counts', 'reach_people', 'reach_counts'] as const;

/**
 * The yearly standing of each enrolment and the counts from it, and the people reached: one part of
 * `recountFromFacts`, which a rebuild runs beside the other on a connection of its own (different
 * tables).
 */
export async function recountEnrolmentsAndReach(manager: EntityManager): Promise<void> {
  await manager.query(`TRUNCATE ${ENROLMENT_AND_REACH_TABLES.join(', ')}`);
  await manager.query(standingStatement('true'));
  await manager.query(
    `INSERT INTO enrolment_counts (year, course_key, country, week, enrolled, created)
     SELECT year, course_key, coalesce(country, ''), week, count(*) FILTER (WHERE enrolled), count(*)
     FROM enrolment_years GROUP BY 1, 2, 3, 4`,
  );
  // A person's rows per year, stage and country, with the facts supporting each (as applyReach keeps
  // them); the people per key, on the four keys applyReach moves, counted from those rows. The
  // table's key is built after its rows (one sort).
  await manager.query(`ALTER TABLE reach_people DROP CONSTRAINT reach_people_pkey`);
  await manager.query(
    `INSERT INTO reach_people (person_id, year, stage, country, refs)
     SELECT person_id, year, stage, country, count(*) FROM (${REACH_FACTS}) f GROUP BY 1, 2, 3, 4`,
  );
  await manager.query(`ALTER TABLE reach_people ADD CONSTRAINT reach_people_pkey PRIMARY KEY (person_id, year, stage, country)`);
  await manager.query(
    `INSERT INTO reach_counts (year, stage, country, people)
     SELECT year, CASE WHEN grouping(stage) = 1 THEN '*' ELSE stage END, CASE WHEN grouping(country) = 1 THEN '*' ELSE country END, count(DISTINCT person_id)
     FROM reach_people GROUP BY year, GROUPING SETS ((stage, country), (stage), (country), ())`,
  );
}

/** Each activity's named participants and the daily counts: the other part of `recountFromFacts`. */
export async function recountActivitiesAndDays(manager: EntityManager): Promise<void> {
  await manager.query(`TRUNCATE daily_counts`);
  await manager.query(
    `UPDATE activities a SET named = coalesce(n.named, 0)
     FROM activities b LEFT JOIN (SELECT activity_id, count(*)::int AS named FROM attendances GROUP BY 1) n USING (activity_id)
     WHERE a.activity_id = b.activity_id AND a.named IS DISTINCT FROM coalesce(n.named, 0)`,
  );
  await manager.query(
    `INSERT INTO daily_counts (day, metric, course_key, module_key, n)
     SELECT (completed_at AT TIME ZONE 'UTC')::date, 'moduleCompleted', course_key, module_key, count(*) FROM module_completions GROUP BY 1, 3, 4
     UNION ALL
     SELECT (completed_at AT TIME ZONE 'UTC')::date, 'courseCompleted', course_key, '', count(*) FROM course_completions GROUP BY 1, 3
     UNION ALL
     SELECT (issued_at AT TIME ZONE 'UTC')::date, 'certificate', course_key, '', count(*) FROM certificates GROUP BY 1, 3`,
  );
}
