import type { EntityManager } from 'typeorm';
import { standingStatement } from './enrolment-standing';
import { REACH_STAGES } from './reach';

/**
 * The tables the projector keeps by moving them with each fact change, and `recountFromFacts` writes
 * whole (and, beside them, each activity's number of named participants).
 */
export const COUNTER_TABLES = ['enrolment_years', 'enrolment_counts', 'daily_counts', 'reach_people', 'reach_counts'] as const;

/**
 * One step of a rebuild's finish (a statement or a few, such as counting one counter from the facts)
 * and the steps it must follow. A rebuild runs its steps on two connections, each as soon as the
 * steps it follows are done (rebuild/replay-tables.ts); `recountFromFacts` runs the counters' steps
 * one after another.
 */
export interface FinishStep {
  name: string;
  after: readonly string[];
  run: (manager: EntityManager) => Promise<void>;
}

/**
 * Facts that support a person's funnel stage in a calendar year and country ('' unknown): the same
 * facts the projector turns into reach changes (reach.ts), read from the tables instead. Each stage
 * comes from one table only, so a person's rows from one table are counted apart from the others'.
 */
const REACH_FACTS = {
  enrolments: `SELECT year, 'enrolled' AS stage, coalesce(country, '') AS country, person_id FROM enrolment_years WHERE enrolled`,
  'module completions': `SELECT extract(year FROM completed_at AT TIME ZONE 'UTC')::int AS year, 'moduleCompleted' AS stage, coalesce(country, '') AS country, person_id
    FROM module_completions`,
  attendances: `SELECT extract(year FROM attended_at AT TIME ZONE 'UTC')::int AS year,
         CASE WHEN kind = 'workshop' THEN 'attendedWorkshop' ELSE 'attendedFestivalOrWebinar' END AS stage, country, person_id
    FROM attendances`,
} as const;

/** A person's rows per year, stage and country from one table of facts, with the facts supporting each (as applyReach keeps them). */
function reachFrom(facts: keyof typeof REACH_FACTS, after: readonly string[]): FinishStep {
  return {
    name: `reach: ${facts}`,
    after: ['reach emptied', ...after],
    run: async (manager) => {
      await manager.query(
        `INSERT INTO reach_people (person_id, year, stage, country, refs)
         SELECT person_id, year, stage, country, count(*) FROM (${REACH_FACTS[facts]}) f GROUP BY 1, 2, 3, 4`,
      );
    },
  };
}

const REACH_ROWS = Object.keys(REACH_FACTS).map((facts) => `reach: ${facts}`);

/**
 * The counters counted from the facts, step by step: what a rebuild does once after writing the
 * facts from the replayed event log (rebuild/replay-tables.ts), which costs a fraction of moving them per chunk. It
 * gives the counters the projector's moves give, except for rows whose count came back to 0, which
 * it leaves out (the report skips them). In an order that `recountFromFacts` can follow as it is.
 */
export const RECOUNT_STEPS: readonly FinishStep[] = [
  {
    // The yearly standing of each enrolment and the counts from it.
    name: 'enrolments',
    after: [],
    run: async (manager) => {
      await manager.query('TRUNCATE enrolment_years, enrolment_counts');
      await manager.query(standingStatement('true'));
      await manager.query(
        `INSERT INTO enrolment_counts (year, course_key, country, week, enrolled, created)
         SELECT year, course_key, coalesce(country, ''), week, count(*) FILTER (WHERE enrolled), count(*)
         FROM enrolment_years GROUP BY 1, 2, 3, 4`,
      );
    },
  },
  {
    // The people's rows are written without their key, which is built after them (one sort).
    name: 'reach emptied',
    after: [],
    run: async (manager) => {
      await manager.query('TRUNCATE reach_people, reach_counts');
      await manager.query('ALTER TABLE reach_people DROP CONSTRAINT IF EXISTS reach_people_pkey');
    },
  },
  reachFrom('module completions', []),
  reachFrom('attendances', []),
  reachFrom('enrolments', ['enrolments']),
  {
    // The people per key, on the four keys applyReach moves, counted from the people's rows: per
    // stage and country, their rows; per country (any stage), the distinct people of each year and
    // country; per stage (any country) and in all ('*', '*'), each person's year once, with a flag
    // per stage (the stages are few and fixed). A third faster than count(DISTINCT) over grouping
    // sets, which sorts the people of every key.
    name: 'reach counts',
    after: REACH_ROWS,
    run: async (manager) => {
      await manager.query(
        `WITH person_years AS (
           SELECT year, ${REACH_STAGES.map((stage, i) => `bool_or(stage = '${stage}') AS s${i}`).join(', ')}
           FROM reach_people GROUP BY year, person_id
         ), stages AS (
           SELECT year, count(*) AS anyone, ${REACH_STAGES.map((_, i) => `count(*) FILTER (WHERE s${i}) AS s${i}`).join(', ')}
           FROM person_years GROUP BY year
         )
         INSERT INTO reach_counts (year, stage, country, people)
         SELECT year, stage, country, count(*) FROM reach_people GROUP BY 1, 2, 3
         UNION ALL
         SELECT year, '*', country, count(*) FROM (SELECT DISTINCT year, person_id, country FROM reach_people) people GROUP BY 1, 3
         UNION ALL
         SELECT year, counted.stage, '*', counted.people
         FROM stages, LATERAL (VALUES ('*', anyone), ${REACH_STAGES.map((stage, i) => `('${stage}', s${i})`).join(', ')}) AS counted(stage, people)
         WHERE counted.people > 0`,
      );
    },
  },
  {
    // After the counts: building the key locks the table against their reading it.
    name: 'reach key',
    after: ['reach counts'],
    run: async (manager) => {
      await manager.query('ALTER TABLE reach_people ADD CONSTRAINT reach_people_pkey PRIMARY KEY (person_id, year, stage, country)');
    },
  },
  {
    // Each activity's named participants.
    name: 'activities',
    after: [],
    run: async (manager) => {
      await manager.query(
        `UPDATE activities a SET named = coalesce(n.named, 0)
         FROM activities b LEFT JOIN (SELECT activity_id, count(*)::int AS named FROM attendances GROUP BY 1) n USING (activity_id)
         WHERE a.activity_id = b.activity_id AND a.named IS DISTINCT FROM coalesce(n.named, 0)`,
      );
    },
  },
  {
    name: 'daily counts',
    after: [],
    run: async (manager) => {
      await manager.query('TRUNCATE daily_counts');
      await manager.query(
        `INSERT INTO daily_counts (day, metric, course_key, module_key, n)
         SELECT (completed_at AT TIME ZONE 'UTC')::date, 'moduleCompleted', course_key, module_key, count(*) FROM module_completions GROUP BY 1, 3, 4
         UNION ALL
         SELECT (completed_at AT TIME ZONE 'UTC')::date, 'courseCompleted', course_key, '', count(*) FROM course_completions GROUP BY 1, 3
         UNION ALL
         SELECT (issued_at AT TIME ZONE 'UTC')::date, 'certificate', course_key, '', count(*) FROM certificates GROUP BY 1, 3`,
      );
    },
  },
];

/**
 * Writes the report's counters from the facts (RECOUNT_STEPS, one after another). Call it while no
 * live writer can move a counter (the rebuild holds them off: holdLiveWriters).
 */
export async function recountFromFacts(manager: EntityManager): Promise<void> {
  for (const step of RECOUNT_STEPS) await step.run(manager);
}
