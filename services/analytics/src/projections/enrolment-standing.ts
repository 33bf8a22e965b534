import type { EntityManager } from 'typeorm';
import type { ReachChange } from './reach';

/** How much a year's enrolled and created counts move for a course, country and week. */
export interface EnrolmentCount {
  year: number;
  course: string;
  country: string;
  week: string;
  enrolled: number;
  created: number;
}

export interface EnrolmentChanges {
  reach: ReachChange[];
  counts: EnrolmentCount[];
}

interface Standing {
  enrolment_id: string;
  year: number;
  person_id: string;
  course_key: string;
  country: string | null;
  week: string;
  enrolled: boolean;
}

/**
 * Writes the yearly standing of the enrolments whose events match `which` (a condition on
 * enrolment_events e), from all their events: for each calendar year with a creation, the first
 * creation in it (person, course, country, week) and whether the enrolment is still enrolled at the
 * year's end (its latest event by then is a creation). This is the report's rule for a year.
 */
export function standingStatement(which: string): string {
  return `WITH ev AS (
       SELECT e.*, extract(year FROM e.at AT TIME ZONE 'UTC')::int AS year FROM enrolment_events e WHERE ${which}
     ), created AS (
       SELECT DISTINCT ON (enrolment_id, year) enrolment_id, year, person_id, course_key, country, at
       FROM ev WHERE action = 'created'
       ORDER BY enrolment_id, year, at, event_source, event_id
     ), state AS (
       SELECT DISTINCT ON (c.enrolment_id, c.year) c.enrolment_id, c.year, e.action
       FROM created c JOIN ev e ON e.enrolment_id = c.enrolment_id AND e.at < make_timestamptz(c.year + 1, 1, 1, 0, 0, 0, 'UTC')
       ORDER BY c.enrolment_id, c.year, e.at DESC, e.action DESC
     )
     INSERT INTO enrolment_years (enrolment_id, year, person_id, course_key, country, week, enrolled)
     SELECT c.enrolment_id, c.year, c.person_id, c.course_key, c.country, to_char(date_trunc('week', c.at), 'YYYY-MM-DD'), s.action = 'created'
     FROM created c JOIN state s USING (enrolment_id, year)`;
}

/**
 * Recomputes the yearly standing (`standingStatement`) of the enrolments a chunk touched, kept up to
 * date; the year's counts move by the difference between the old and the new standings, so the
 * outcome does not depend on the order the events came in.
 * Returns the changes to "enrolled" reach and to the counts, for the projector to apply last.
 */
export async function refreshEnrolmentStanding(manager: EntityManager, enrolmentIds: string[]): Promise<EnrolmentChanges> {
  if (enrolmentIds.length === 0) return { reach: [], counts: [] };
  const ids = [...new Set(enrolmentIds)];
  // TypeORM answers a DELETE with [rows, count].
  const [old] = (await manager.query(
    `DELETE FROM enrolment_years WHERE enrolment_id = ANY($1::uuid[])
     RETURNING enrolment_id, year, person_id, course_key, country, week, enrolled`,
    [ids],
  )) as [Standing[], number];
  const fresh: Standing[] = await manager.query(`${standingStatement('e.enrolment_id = ANY($1::uuid[])')} RETURNING enrolment_id, year, person_id, course_key, country, week, enrolled`, [ids]);
  const counts = new Map<string, EnrolmentCount>();
  const reach: ReachChange[] = [];
  const count = (row: Standing, sign: 1 | -1) => {
    const country = row.country ?? '';
    const key = `${row.year}|${row.course_key}|${country}|${row.week}`;
    const entry = counts.get(key) ?? counts.set(key, { year: row.year, course: row.course_key, country, week: row.week, enrolled: 0, created: 0 }).get(key)!;
    entry.created += sign;
    if (row.enrolled) {
      entry.enrolled += sign;
      reach.push({ year: row.year, stage: 'enrolled', country: row.country, personId: row.person_id, delta: sign });
    }
  };
  for (const row of old) count(row, -1);
  for (const row of fresh) count(row, 1);
  return { reach, counts: [...counts.values()].filter((c) => c.enrolled !== 0 || c.created !== 0) };
}

/**
 * Moves the year's enrolment counts. Hot rows every writer touches: the projector moves them last,
 * in key order, so concurrent writers wait for each other only at the end and never deadlock.
 */
export async function applyEnrolmentCounts(manager: EntityManager, moved: EnrolmentCount[]): Promise<void> {
  if (moved.length > 0) {
    await manager.query(
      `INSERT INTO enrolment_counts AS t (year, course_key, country, week, enrolled, created)
       SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::int[], $6::int[]) ORDER BY 1, 2, 3, 4
       ON CONFLICT (year, course_key, country, week) DO UPDATE SET enrolled = t.enrolled + excluded.enrolled, created = t.created + excluded.created`,
      [moved.map((c) => c.year), moved.map((c) => c.course), moved.map((c) => c.country), moved.map((c) => c.week), moved.map((c) => c.enrolled), moved.map((c) => c.created)],
    );
  }
}
