import type { ResultsReport } from './report';

/** RFC 4180 field: quoted when it holds a comma, quote or line break; formula-leading text defused. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  // A spreadsheet runs a cell starting with = + - @ as a formula; numbers are left alone.
  if (/^[=+\-@]/.test(text) && Number.isNaN(Number(text))) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: unknown[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/**
 * The report as one long table (section, metric, dimension, value), so a spreadsheet can pivot it
 * without knowing the JSON's shape.
 */
export function reportToCsv(report: ResultsReport): string {
  const lines: unknown[][] = [['section', 'metric', 'dimension', 'key', 'value']];
  const add = (section: string, metric: string, dimension: string, key: string, value: number | null) => lines.push([section, metric, dimension, key, value]);
  const { enrolments: e } = report;
  add('enrolments', 'enrolled', 'all', '', e.enrolled);
  add('enrolments', 'created', 'all', '', e.created);
  add('enrolments', 'withdrawn', 'all', '', e.withdrawn);
  for (const row of e.perCountry) add('enrolments', 'enrolled', 'country', row.country, row.count);
  for (const row of e.perWeek) add('enrolments', 'enrolled', 'week', row.week, row.count);
  for (const course of report.funnel) {
    add('funnel', 'enrolled', 'course', course.courseKey, course.enrolled);
    for (const module of course.modules) add('funnel', 'module completed', 'module', `${course.courseKey}/${module.moduleKey}`, module.completed);
    add('funnel', 'course completed', 'course', course.courseKey, course.courseCompleted);
    add('funnel', 'certificates', 'course', course.courseKey, course.certificates);
  }
  for (const [section, totals] of [['workshops', report.workshops], ['festivals', report.festivals], ['webinars', report.webinars]] as const) {
    add(section, 'held', 'all', '', totals.held);
    add(section, 'participants', 'all', '', totals.participants);
    add(section, 'named participants', 'all', '', totals.named);
    add(section, 'walk-ins', 'all', '', totals.walkIns);
    for (const row of totals.perCountry) {
      add(section, 'held', 'country', row.country, row.held);
      add(section, 'participants', 'country', row.country, row.participants);
    }
  }
  for (const row of report.workshops.perModule) {
    add('workshops', 'held', 'module', `${row.courseKey ?? ''}/${row.moduleKey ?? ''}`, row.held);
    add('workshops', 'participants', 'module', `${row.courseKey ?? ''}/${row.moduleKey ?? ''}`, row.participants);
  }
  for (const row of report.workshops.perLecturer) {
    add('workshops', 'held', 'lecturer', row.lecturerId, row.held);
    add('workshops', 'participants', 'lecturer', row.lecturerId, row.participants);
  }
  add('unique people', 'people', 'all', '', report.uniquePeople.total);
  for (const row of report.uniquePeople.perCountry) add('unique people', 'people', 'country', row.country, row.count);
  for (const row of report.countryFunnel) {
    add('country funnel', 'enrolled', 'country', row.country, row.enrolled);
    add('country funnel', 'module completed', 'country', row.country, row.moduleCompleted);
    add('country funnel', 'attended a workshop', 'country', row.country, row.attendedWorkshop);
    add('country funnel', 'attended a festival or webinar', 'country', row.country, row.attendedFestivalOrWebinar);
    add('country funnel', 'introduction requested', 'country', row.country, row.introductionRequested);
    add('country funnel', 'connected to a funder or policymaker', 'country', row.country, row.connectedToFunderOrPolicymaker);
  }
  if (report.network) {
    const n = report.network;
    add('network', 'nodes', 'all', n.computedAt, n.nodes);
    add('network', 'edges', 'all', n.computedAt, n.edges);
    add('network', 'communities', 'all', n.computedAt, n.communities);
    for (const c of n.countries) {
      for (const metric of ['people', 'innovators', 'innovatorsTiedToFunderOrPolicymaker', 'ties', 'density', 'crossSectorTieShare'] as const) {
        add('network', metric, 'country', c.country, c[metric]);
      }
    }
  }
  return lines.map(csvLine).join('');
}
