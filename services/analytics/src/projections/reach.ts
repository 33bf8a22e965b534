import type { EntityManager } from 'typeorm';

/** The funnel stages kept per person and year; all four are "activities" for unique people ('*'). */
export const REACH_STAGES = ['enrolled', 'moduleCompleted', 'attendedWorkshop', 'attendedFestivalOrWebinar'] as const;
export type ReachStage = (typeof REACH_STAGES)[number];

/** One fact that starts (+1) or stops (-1) supporting a person's stage in a year and country. */
export interface ReachChange {
  year: number;
  stage: ReachStage;
  country: string | null;
  personId: string;
  delta: 1 | -1;
}

/** The UTC calendar year of a timestamp: the report's buckets are calendar years. */
export function yearOf(at: string | Date): number {
  return new Date(at).getUTCFullYear();
}

/** How many people a year's stage and country gained (or lost). */
export interface ReachCount {
  year: number;
  stage: string;
  country: string;
  people: number;
}

/**
 * Applies fact changes to who reached which stage. A person's row per year, stage and country keeps
 * how many facts support it; the number of people moves on four keys (the stage in its country and
 * in any country '*', any stage '*' in its country and in any), each only when the person's support
 * for that key goes from none to some or back: read from the person's rows of the year as they were
 * before this statement (its snapshot) and as they are after the changes. One statement for the
 * whole chunk; returns the moves for `applyReachCounts`.
 */
export async function applyReach(manager: EntityManager, changes: ReachChange[]): Promise<ReachCount[]> {
  if (changes.length === 0) return [];
  return (await manager.query(
    `WITH d AS (
       SELECT y, s, c, p, sum(n)::int AS n
       FROM unnest($1::int[], $2::text[], $3::text[], $4::uuid[], $5::int[]) AS u(y, s, c, p, n)
       GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0
     ), stored AS (
       SELECT r.person_id AS p, r.year AS y, r.stage AS s, r.country AS c, r.refs
       FROM reach_people r JOIN (SELECT DISTINCT p, y FROM d) t ON r.person_id = t.p AND r.year = t.y
     ), rows AS (
       SELECT coalesce(stored.p, d.p) AS p, coalesce(stored.y, d.y) AS y, coalesce(stored.s, d.s) AS s, coalesce(stored.c, d.c) AS c,
              coalesce(stored.refs, 0) > 0 AS before, coalesce(stored.refs, 0) + coalesce(d.n, 0) > 0 AS after
       FROM stored FULL JOIN d USING (p, y, s, c)
     ), keys AS (
       SELECT y, CASE WHEN grouping(s) = 1 THEN '*' ELSE s END AS s, CASE WHEN grouping(c) = 1 THEN '*' ELSE c END AS c,
              bool_or(before) AS before, bool_or(after) AS after
       FROM rows GROUP BY p, y, GROUPING SETS ((s, c), (s), (c), ())
     ), up AS (
       INSERT INTO reach_people AS r (person_id, year, stage, country, refs)
       SELECT p, y, s, c, n FROM d ORDER BY p, y, s, c
       ON CONFLICT (person_id, year, stage, country) DO UPDATE SET refs = r.refs + excluded.refs
     )
     SELECT y AS year, s AS stage, c AS country, sum(CASE WHEN after AND NOT before THEN 1 WHEN before AND NOT after THEN -1 ELSE 0 END)::int AS people
     FROM keys GROUP BY 1, 2, 3
     HAVING sum(CASE WHEN after AND NOT before THEN 1 WHEN before AND NOT after THEN -1 ELSE 0 END) <> 0`,
    [
      changes.map((c) => c.year),
      changes.map((c) => c.stage),
      changes.map((c) => c.country ?? ''),
      changes.map((c) => c.personId),
      changes.map((c) => c.delta),
    ],
  )) as ReachCount[];
}

/** Moves the people counts (hot rows: the projector moves them last, in key order). */
export async function applyReachCounts(manager: EntityManager, counts: ReachCount[]): Promise<void> {
  if (counts.length === 0) return;
  await manager.query(
    `INSERT INTO reach_counts AS t (year, stage, country, people)
     SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::int[]) ORDER BY 1, 2, 3
     ON CONFLICT (year, stage, country) DO UPDATE SET people = t.people + excluded.people`,
    [counts.map((c) => c.year), counts.map((c) => c.stage), counts.map((c) => c.country), counts.map((c) => c.people)],
  );
}

/** A count that moves by `delta` on one day (UTC) of a metric, course and module. */
export interface DayChange {
  day: string;
  metric: 'moduleCompleted' | 'courseCompleted' | 'certificate';
  courseKey: string;
  moduleKey?: string;
  delta: number;
}

export function dayOf(at: string | Date): string {
  return new Date(at).toISOString().slice(0, 10);
}

export async function applyDayCounts(manager: EntityManager, changes: DayChange[]): Promise<void> {
  if (changes.length === 0) return;
  await manager.query(
    `INSERT INTO daily_counts AS t (day, metric, course_key, module_key, n)
     SELECT d, m, c, k, sum(n)::int FROM unnest($1::date[], $2::text[], $3::text[], $4::text[], $5::int[]) AS u(d, m, c, k, n)
     GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4
     ON CONFLICT (day, metric, course_key, module_key) DO UPDATE SET n = t.n + excluded.n`,
    [changes.map((c) => c.day), changes.map((c) => c.metric), changes.map((c) => c.courseKey), changes.map((c) => c.moduleKey ?? ''), changes.map((c) => c.delta)],
  );
}
