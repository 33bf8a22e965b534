import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Period } from '../common/period';
import { summariseActivities, summariseActivityGroups, type ActivityGroup, type HeldActivity, type LecturerLine } from './activity-totals';
import type { CountryCount, CountryFunnel, CourseFunnel, NetworkCountry, ResultsReport } from './report';

const UNKNOWN = 'unknown';

/**
 * The enrolments counted in a period: created in it (first creation there), and whose latest event
 * by the period's end is a creation. A re-enrolment re-opens the same enrolment id, so it counts once.
 */
const ENROLLED = `
  WITH created AS (
    SELECT DISTINCT ON (enrolment_id) enrolment_id, person_id, course_key, country, at
    FROM enrolment_events WHERE action = 'created' AND at >= $1 AND at < $2
    ORDER BY enrolment_id, at, event_source, event_id
  ), state AS (
    SELECT DISTINCT ON (e.enrolment_id) e.enrolment_id, e.action
    FROM enrolment_events e JOIN created c USING (enrolment_id)
    WHERE e.at < $2
    ORDER BY e.enrolment_id, e.at DESC, e.action DESC
  )
  SELECT c.enrolment_id, c.person_id, c.course_key, c.country, c.at, s.action = 'created' AS enrolled
  FROM created c JOIN state s USING (enrolment_id)`;

const DAYS = `day >= ($1::timestamptz AT TIME ZONE 'UTC')::date AND day < ($2::timestamptz AT TIME ZONE 'UTC')::date`;
const MODULES_BY_DAY = `
  SELECT course_key, module_key, sum(n) AS completed FROM daily_counts
  WHERE metric = 'moduleCompleted' AND ${DAYS} GROUP BY 1, 2 HAVING sum(n) <> 0`;
const MODULES_FROM_FACTS = `
  SELECT course_key, module_key, count(*) AS completed FROM module_completions
  WHERE completed_at >= $1 AND completed_at < $2 GROUP BY 1, 2`;
const COURSES_BY_DAY = `
  SELECT course_key, sum(n) FILTER (WHERE metric = 'courseCompleted') AS completed, sum(n) FILTER (WHERE metric = 'certificate') AS certificates
  FROM daily_counts WHERE metric IN ('courseCompleted', 'certificate') AND ${DAYS}
  GROUP BY 1 HAVING sum(n) <> 0`;
const COURSES_FROM_FACTS = `
  SELECT course_key, sum(completed) AS completed, sum(certificates) AS certificates FROM (
    SELECT course_key, count(*) AS completed, 0 AS certificates FROM course_completions WHERE completed_at >= $1 AND completed_at < $2 GROUP BY 1
    UNION ALL
    SELECT course_key, 0, count(*) FROM certificates WHERE issued_at >= $1 AND issued_at < $2 GROUP BY 1
  ) x GROUP BY 1`;

type EnrolmentRow = { course_key: string; country: string | null; week: string; enrolled: string; created: string };
type PeopleRow = { stage: string | null; country: string | null; people: string; all_stages: boolean; all_countries: boolean };

/** The calendar year a period is exactly, if it is one: the buckets the projector keeps counts for. */
function calendarYearOf(period: Period): number | undefined {
  const year = period.from.getUTCFullYear();
  return period.from.getTime() === Date.UTC(year, 0, 1) && period.to.getTime() === Date.UTC(year + 1, 0, 1) ? year : undefined;
}

@Injectable()
export class ReportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The report for a period. `source` 'facts' counts everything from the facts, as the counters are
   * meant to (the benchmark compares the two on a million events); the default reads the counters.
   */
  async report(period: Period, source: 'counters' | 'facts' = 'counters'): Promise<ResultsReport> {
    const range = [period.from.toISOString(), period.to.toISOString()];
    const q = <T>(sql: string, params: unknown[] = range) => this.dataSource.query(sql, params) as Promise<T[]>;
    const counters = source === 'counters';
    // A calendar year (the default and what is published) reads the counts the projector keeps per
    // year; any other period counts distinct enrolments and people from the facts, more slowly.
    const year = counters ? calendarYearOf(period) : undefined;
    // Independent queries on separate pool connections, so the report takes as long as the slowest.
    const [enrolments, moduleRows, courseRows, activities, peopleRows, snapshots] = await Promise.all([
      year !== undefined
        ? q<EnrolmentRow>(`SELECT course_key, nullif(country, '') AS country, week, enrolled, created FROM enrolment_counts WHERE year = $1 AND created <> 0`, [year])
        : q<EnrolmentRow>(
            `SELECT course_key, country, to_char(date_trunc('week', at), 'YYYY-MM-DD') AS week,
                    count(*) FILTER (WHERE enrolled) AS enrolled, count(*) AS created
             FROM (${ENROLLED}) x GROUP BY 1, 2, 3`,
          ),
      q<{ course_key: string; module_key: string; position: number | null; title: string | null; completed: string }>(
        `SELECT m.course_key, m.module_key, c.position, c.title, m.completed
         FROM (${counters ? MODULES_BY_DAY : MODULES_FROM_FACTS}) m
         LEFT JOIN catalogue_modules c USING (course_key, module_key)
         ORDER BY m.course_key, c.position NULLS LAST, m.module_key`,
      ),
      q<{ course_key: string; completed: string; certificates: string }>(counters ? COURSES_BY_DAY : COURSES_FROM_FACTS),
      counters ? this.activityTotals(range) : this.activityTotalsFromFacts(range),
      year !== undefined ? this.peopleInYear(year, range) : this.peopleInPeriod(range),
      q<{ snapshot_id: string; computed_at: Date; nodes: number; edges: number; communities: number; countries: NetworkCountry[] }>(
        `SELECT snapshot_id, computed_at, nodes, edges, communities, countries FROM network_snapshots
         WHERE computed_at >= $1 AND computed_at < $2 ORDER BY computed_at DESC, snapshot_id DESC LIMIT 1`,
      ),
    ]);
    // Per stage (per country and for all countries); and, over the activity stages, unique people.
    const stageRows = peopleRows.filter((row) => !row.all_stages).map((row) => ({ stage: row.stage!, country: row.country, people: row.people, total: row.all_countries }));
    const uniqueRows = peopleRows.filter((row) => row.all_stages && Number(row.people) > 0).map((row) => ({ country: row.country, people: row.people, total: row.all_countries }));
    const weekly = new Map<string, number>();
    for (const row of enrolments) {
      if (Number(row.enrolled) > 0) weekly.set(row.week, (weekly.get(row.week) ?? 0) + Number(row.enrolled));
    }
    const weeks = [...weekly.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([week, count]) => ({ week, count }));

    const perCountry = new Map<string, number>();
    let enrolled = 0;
    let created = 0;
    const enrolledByCourse = new Map<string, number>();
    for (const row of enrolments) {
      const country = row.country ?? UNKNOWN;
      perCountry.set(country, (perCountry.get(country) ?? 0) + Number(row.enrolled));
      enrolledByCourse.set(row.course_key, (enrolledByCourse.get(row.course_key) ?? 0) + Number(row.enrolled));
      enrolled += Number(row.enrolled);
      created += Number(row.created);
    }

    const courses = new Map<string, CourseFunnel>();
    const course = (courseKey: string) =>
      courses.get(courseKey) ??
      courses.set(courseKey, { courseKey, enrolled: enrolledByCourse.get(courseKey) ?? 0, modules: [], courseCompleted: 0, certificates: 0 }).get(courseKey)!;
    for (const courseKey of enrolledByCourse.keys()) course(courseKey);
    for (const row of moduleRows) {
      course(row.course_key).modules.push({ moduleKey: row.module_key, position: row.position, title: row.title, completed: Number(row.completed) });
    }
    for (const row of courseRows) {
      course(row.course_key).courseCompleted = Number(row.completed);
      course(row.course_key).certificates = Number(row.certificates);
    }

    const funnelByCountry = new Map<string, CountryFunnel>();
    const countryFunnel = (country: string) =>
      funnelByCountry.get(country) ??
      funnelByCountry
        .set(country, { country, enrolled: 0, moduleCompleted: 0, attendedWorkshop: 0, attendedFestivalOrWebinar: 0, introductionRequested: 0, connectedToFunderOrPolicymaker: 0 })
        .get(country)!;
    for (const row of stageRows) {
      // The grouping set (stage) alone gives the all-countries line.
      const funnel = countryFunnel(row.total ? 'ALL' : (row.country ?? UNKNOWN));
      (funnel as unknown as Record<string, number>)[row.stage] = Number(row.people);
    }

    const sortCounts = (entries: Iterable<[string, number]>): CountryCount[] =>
      [...entries].map(([country, count]) => ({ country, count })).sort((a, b) => b.count - a.count || a.country.localeCompare(b.country));
    const activityTotals = activities;
    const totalPeople = uniqueRows.find((row) => row.total);

    return {
      period: period.label,
      enrolments: {
        enrolled,
        created,
        withdrawn: created - enrolled,
        perCountry: sortCounts(perCountry.entries()),
        perWeek: weeks,
      },
      funnel: [...courses.values()].sort((a, b) => a.courseKey.localeCompare(b.courseKey)),
      ...activityTotals,
      uniquePeople: {
        total: Number(totalPeople?.people ?? 0),
        perCountry: sortCounts(uniqueRows.filter((row) => !row.total).map((row) => [row.country ?? UNKNOWN, Number(row.people)])),
      },
      countryFunnel: [...funnelByCountry.values()].sort((a, b) => (a.country === 'ALL' ? -1 : b.country === 'ALL' ? 1 : a.country.localeCompare(b.country))),
      network: snapshots[0]
        ? {
            snapshotId: snapshots[0].snapshot_id,
            computedAt: new Date(snapshots[0].computed_at).toISOString(),
            nodes: snapshots[0].nodes,
            edges: snapshots[0].edges,
            communities: snapshots[0].communities,
            countries: [...snapshots[0].countries].sort((a, b) => a.country.localeCompare(b.country)),
          }
        : null,
    };
  }

  /**
   * The activities that took place in the period and their participants, grouped in SQL: by kind,
   * country and module in one query and per lecturer in another, side by side on the pool (a
   * programme has thousands of workshops, each with its lecturers).
   */
  private async activityTotals(range: string[]): Promise<ReturnType<typeof summariseActivities>> {
    const held = `
      SELECT activity_id, kind, country, course_key, module_key, lecturer_ids, named, coalesce(walk_ins, held_walk_ins, 0) AS walk_ins
      FROM activities
      WHERE coalesce(starts_at, held_at, first_attended_at) >= $1 AND coalesce(starts_at, held_at, first_attended_at) < $2
        AND (held_at IS NOT NULL OR named > 0 OR coalesce(walk_ins, 0) > 0)`;
    const [grouped, perLecturer]: [ActivityGroup[], LecturerLine[]] = await Promise.all([
      this.dataSource.query(
        `SELECT kind, CASE WHEN grouping(country) = 0 THEN 'country' WHEN grouping(course_key) = 0 THEN 'module' ELSE 'kind' END AS by,
                country, course_key AS "courseKey", module_key AS "moduleKey",
                count(*)::int AS held, sum(named)::int AS named, sum(walk_ins)::int AS "walkIns"
         FROM (${held}) h GROUP BY GROUPING SETS ((kind), (kind, country), (kind, course_key, module_key))`,
        range,
      ),
      this.dataSource.query(
        // Only what a lecturer's line needs: a programme has thousands of them. A lecturer named twice
        // on one workshop counts it once (their first place in its list).
        `SELECT l::text AS "lecturerId", count(*)::int AS held, sum(named + walk_ins)::int AS participants
         FROM (${held}) h, unnest(h.lecturer_ids) WITH ORDINALITY AS lecturers(l, place)
         WHERE h.kind = 'workshop' AND place = array_position(h.lecturer_ids, l) GROUP BY l`,
        range,
      ),
    ]);
    return summariseActivityGroups(grouped, perLecturer);
  }

  /** The same, from each activity's row and its attendances counted (the reference for the counters). */
  private async activityTotalsFromFacts(range: string[]): Promise<ReturnType<typeof summariseActivities>> {
    const activities: HeldActivity[] = await this.dataSource.query(
      `SELECT a.activity_id AS "activityId", a.kind, a.country, a.course_key AS "courseKey", a.module_key AS "moduleKey",
              a.lecturer_ids::text[] AS "lecturerIds", coalesce(n.named, 0)::int AS named, coalesce(a.walk_ins, a.held_walk_ins, 0) AS "walkIns"
       FROM activities a
       LEFT JOIN (SELECT activity_id, count(*) AS named FROM attendances GROUP BY 1) n USING (activity_id)
       WHERE coalesce(a.starts_at, a.held_at, a.first_attended_at) >= $1 AND coalesce(a.starts_at, a.held_at, a.first_attended_at) < $2
         AND (a.held_at IS NOT NULL OR n.named > 0 OR coalesce(a.walk_ins, 0) > 0)`,
      range,
    );
    return summariseActivities(activities);
  }

  /** Distinct people per stage from the facts (any period). */
  private peopleInPeriod(range: string[]): Promise<PeopleRow[]> {
    // Distinct people by hashing (SELECT DISTINCT), then counting: count(DISTINCT) sorts, and spills at this size.
    return this.dataSource.query(
      `WITH people AS MATERIALIZED (${this.peopleByStage()}),
       active AS MATERIALIZED (SELECT person_id, country FROM people WHERE stage IN ('enrolled', 'moduleCompleted', 'attendedWorkshop', 'attendedFestivalOrWebinar'))
       SELECT stage, country, count(*) AS people, false AS all_stages, false AS all_countries FROM (SELECT DISTINCT stage, country, person_id FROM people) x GROUP BY 1, 2
       UNION ALL SELECT stage, NULL, count(*), false, true FROM (SELECT DISTINCT stage, person_id FROM people) x GROUP BY 1
       UNION ALL SELECT NULL, country, count(*), true, false FROM (SELECT DISTINCT country, person_id FROM active) x GROUP BY 2
       UNION ALL SELECT NULL, NULL, count(*), true, true FROM (SELECT DISTINCT person_id FROM active) x`,
      range,
    ) as Promise<PeopleRow[]>;
  }

  /**
   * Distinct people per stage in a calendar year: the activity stages from the projector's counts,
   * the community stages (few rows: introductions, connections) from their facts.
   */
  private async peopleInYear(year: number, range: string[]): Promise<PeopleRow[]> {
    const [counted, community] = await Promise.all([
      this.dataSource.query(
        `SELECT nullif(stage, '*') AS stage, CASE WHEN country IN ('*', '') THEN NULL ELSE country END AS country, people,
                stage = '*' AS all_stages, country = '*' AS all_countries
         FROM reach_counts WHERE year = $1 AND people <> 0`,
        [year],
      ) as Promise<PeopleRow[]>,
      this.dataSource.query(
        `WITH people AS MATERIALIZED (${this.communityStages()})
         SELECT stage, country, count(*) AS people, false AS all_stages, false AS all_countries FROM (SELECT DISTINCT stage, country, person_id FROM people) x GROUP BY 1, 2
         UNION ALL SELECT stage, NULL, count(*), false, true FROM (SELECT DISTINCT stage, person_id FROM people) x GROUP BY 1`,
        range,
      ) as Promise<PeopleRow[]>,
    ]);
    return [...counted, ...community];
  }

  /** People who asked for an introduction, or got connected to a funder or policymaker, in the period. */
  private communityStages(): string {
    return `
      SELECT 'introductionRequested' AS stage, s.country, i.requester_id AS person_id FROM introductions i LEFT JOIN stakeholders s ON s.person_id = i.requester_id
        WHERE i.requested_at >= $1 AND i.requested_at < $2
      UNION ALL SELECT 'connectedToFunderOrPolicymaker', s.country, c.p FROM (
          SELECT person_id AS p, other_person_id AS q, formed_at FROM connections
          UNION ALL SELECT other_person_id, person_id, formed_at FROM connections
        ) c
        JOIN stakeholders k ON k.person_id = c.q AND k.kind IN ('funder', 'policymaker')
        LEFT JOIN stakeholders s ON s.person_id = c.p
        WHERE c.formed_at >= $1 AND c.formed_at < $2`;
  }

  /**
   * Who reached each stage of the channels' funnel in the period, with the country of that stage
   * (for introductions and connections: the person's stakeholder profile, else 'unknown'). The
   * community stages are left out of "unique people across all activities" (`active`).
   */
  private peopleByStage(): string {
    return `
      SELECT 'enrolled' AS stage, country, person_id FROM (${ENROLLED}) e WHERE enrolled
      UNION ALL SELECT 'moduleCompleted', country, person_id FROM module_completions WHERE completed_at >= $1 AND completed_at < $2
      UNION ALL SELECT 'attendedWorkshop', country, person_id FROM attendances WHERE kind = 'workshop' AND attended_at >= $1 AND attended_at < $2
      UNION ALL SELECT 'attendedFestivalOrWebinar', country, person_id FROM attendances WHERE kind IN ('festival', 'webinar') AND attended_at >= $1 AND attended_at < $2
      UNION ALL ${this.communityStages()}`;
  }
}
