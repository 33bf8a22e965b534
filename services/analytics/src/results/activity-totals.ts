import type { ActivityTotals, WorkshopTotals } from './report';

/** One activity that took place in the period, with its counts (participants = named + walk-ins). */
export interface HeldActivity {
  activityId: string;
  kind: 'workshop' | 'festival' | 'webinar';
  country: string;
  courseKey: string | null;
  moduleKey: string | null;
  lecturerIds: string[];
  named: number;
  walkIns: number;
}

type Kind = HeldActivity['kind'];

/** Counts of activities of one kind grouped in SQL: in all, per country, per module. */
export interface ActivityGroup {
  kind: Kind;
  by: 'kind' | 'country' | 'module';
  country: string | null;
  courseKey: string | null;
  moduleKey: string | null;
  held: number;
  named: number;
  walkIns: number;
}

/** A lecturer's workshops and their participants, counted in SQL. */
export type LecturerLine = WorkshopTotals['perLecturer'][number];

const byParticipants = <T extends { participants: number }>(key: (row: T) => string) => (a: T, b: T) =>
  b.participants - a.participants || key(a).localeCompare(key(b));
/**
 * Lecturers' lines (thousands) by participants, then id: ids are lowercase UUIDs, whose order by
 * code unit is the one localeCompare gives, at a fraction of its cost.
 */
const lecturersByParticipants = (a: LecturerLine, b: LecturerLine) =>
  b.participants - a.participants || (a.lecturerId < b.lecturerId ? -1 : a.lecturerId > b.lecturerId ? 1 : 0);
const byModule = (a: { courseKey: string | null; moduleKey: string | null }, b: { courseKey: string | null; moduleKey: string | null }) =>
  `${a.courseKey}/${a.moduleKey}`.localeCompare(`${b.courseKey}/${b.moduleKey}`);

/** The same figures as summariseActivities, from groups and lecturers' lines counted by the database. */
export function summariseActivityGroups(groups: ActivityGroup[], lecturers: LecturerLine[]): { workshops: WorkshopTotals; festivals: ActivityTotals; webinars: ActivityTotals } {
  const of = (kind: Kind, by: ActivityGroup['by']) => groups.filter((g) => g.kind === kind && g.by === by);
  const kindTotals = (kind: Kind): ActivityTotals => {
    const [all] = of(kind, 'kind');
    return {
      held: all?.held ?? 0,
      participants: (all?.named ?? 0) + (all?.walkIns ?? 0),
      named: all?.named ?? 0,
      walkIns: all?.walkIns ?? 0,
      perCountry: of(kind, 'country')
        .map((g) => ({ country: g.country!, held: g.held, participants: g.named + g.walkIns }))
        .sort(byParticipants((row) => row.country)),
    };
  };
  return {
    workshops: {
      ...kindTotals('workshop'),
      perModule: of('workshop', 'module')
        .map((g) => ({ courseKey: g.courseKey, moduleKey: g.moduleKey, held: g.held, participants: g.named + g.walkIns }))
        .sort(byModule),
      perLecturer: [...lecturers].sort(lecturersByParticipants),
    },
    festivals: kindTotals('festival'),
    webinars: kindTotals('webinar'),
  };
}

function totals(activities: HeldActivity[]): ActivityTotals {
  const perCountry = new Map<string, { held: number; participants: number }>();
  let named = 0;
  let walkIns = 0;
  for (const activity of activities) {
    const row = perCountry.get(activity.country) ?? perCountry.set(activity.country, { held: 0, participants: 0 }).get(activity.country)!;
    row.held += 1;
    row.participants += activity.named + activity.walkIns;
    named += activity.named;
    walkIns += activity.walkIns;
  }
  return {
    held: activities.length,
    participants: named + walkIns,
    named,
    walkIns,
    perCountry: [...perCountry.entries()]
      .map(([country, row]) => ({ country, ...row }))
      .sort(byParticipants((row) => row.country)),
  };
}

/**
 * Workshops, festivals and webinars held, and their participants: in total, per country of the
 * activity, and for workshops per module and per lecturer (a workshop led by two lecturers counts
 * for each of them, so the per-lecturer lines add up to more than the total).
 */
export function summariseActivities(activities: HeldActivity[]): { workshops: WorkshopTotals; festivals: ActivityTotals; webinars: ActivityTotals } {
  const workshops = activities.filter((a) => a.kind === 'workshop');
  const perModule = new Map<string, { courseKey: string | null; moduleKey: string | null; held: number; participants: number }>();
  const perLecturer = new Map<string, { lecturerId: string; held: number; participants: number }>();
  for (const workshop of workshops) {
    const key = `${workshop.courseKey ?? ''}/${workshop.moduleKey ?? ''}`;
    const module = perModule.get(key) ?? perModule.set(key, { courseKey: workshop.courseKey, moduleKey: workshop.moduleKey, held: 0, participants: 0 }).get(key)!;
    module.held += 1;
    module.participants += workshop.named + workshop.walkIns;
    for (const lecturerId of new Set(workshop.lecturerIds)) {
      const lecturer = perLecturer.get(lecturerId) ?? perLecturer.set(lecturerId, { lecturerId, held: 0, participants: 0 }).get(lecturerId)!;
      lecturer.held += 1;
      lecturer.participants += workshop.named + workshop.walkIns;
    }
  }
  return {
    workshops: {
      ...totals(workshops),
      perModule: [...perModule.values()].sort(byModule),
      perLecturer: [...perLecturer.values()].sort(lecturersByParticipants),
    },
    festivals: totals(activities.filter((a) => a.kind === 'festival')),
    webinars: totals(activities.filter((a) => a.kind === 'webinar')),
  };
}
