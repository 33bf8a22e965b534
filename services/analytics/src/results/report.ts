/** The programme's results for a period: what the JSON, CSV and infographic are made of. */
export interface CountryCount {
  country: string;
  count: number;
}

export interface ActivityTotals {
  held: number;
  participants: number;
  /** Named participants (check-ins, sign-in sheets); walk-ins are the rest. */
  named: number;
  walkIns: number;
  perCountry: Array<{ country: string; held: number; participants: number }>;
}

export interface WorkshopTotals extends ActivityTotals {
  perModule: Array<{ courseKey: string | null; moduleKey: string | null; held: number; participants: number }>;
  perLecturer: Array<{ lecturerId: string; held: number; participants: number }>;
}

export interface CourseFunnel {
  courseKey: string;
  enrolled: number;
  modules: Array<{ moduleKey: string; position: number | null; title: string | null; completed: number }>;
  courseCompleted: number;
  certificates: number;
}

export interface CountryFunnel {
  country: string;
  enrolled: number;
  moduleCompleted: number;
  attendedWorkshop: number;
  attendedFestivalOrWebinar: number;
  /** From community's events: people who asked for an introduction; people connected to a funder or policymaker. */
  introductionRequested: number;
  connectedToFunderOrPolicymaker: number;
}

export interface NetworkCountry {
  country: string;
  people: number;
  innovators: number;
  innovatorsTiedToFunderOrPolicymaker: number;
  crossSectorTieShare: number;
  density: number;
  ties: number;
}

/** The latest network indicators community published within the period. */
export interface NetworkIndicators {
  snapshotId: string;
  computedAt: string;
  nodes: number;
  edges: number;
  communities: number;
  countries: NetworkCountry[];
}

export interface ResultsReport {
  period: { from: string; to: string };
  enrolments: {
    /** Enrolments created in the period that are not withdrawn by its end (a re-enrolment is the same enrolment). */
    enrolled: number;
    created: number;
    withdrawn: number;
    perCountry: CountryCount[];
    perWeek: Array<{ week: string; count: number }>;
  };
  funnel: CourseFunnel[];
  workshops: WorkshopTotals;
  festivals: ActivityTotals;
  webinars: ActivityTotals;
  uniquePeople: { total: number; perCountry: CountryCount[] };
  countryFunnel: CountryFunnel[];
  network: NetworkIndicators | null;
}

/** What the public may see: counts only, nothing about a person. */
export interface HeadlineFigures {
  period: { from: string; to: string };
  learnersEnrolled: number;
  workshops: { held: number; participants: number };
  festivals: { held: number; visitors: number };
  webinars: { held: number; participants: number };
  perCountry: Array<{ country: string; learners: number; participants: number }>;
}

export function headlineOf(report: ResultsReport): HeadlineFigures {
  const countries = new Map<string, { learners: number; participants: number }>();
  const at = (country: string) => countries.get(country) ?? countries.set(country, { learners: 0, participants: 0 }).get(country)!;
  for (const row of report.enrolments.perCountry) at(row.country).learners += row.count;
  for (const kind of [report.workshops, report.festivals, report.webinars]) {
    for (const row of kind.perCountry) at(row.country).participants += row.participants;
  }
  return {
    period: report.period,
    learnersEnrolled: report.enrolments.enrolled,
    workshops: { held: report.workshops.held, participants: report.workshops.participants },
    festivals: { held: report.festivals.held, visitors: report.festivals.participants },
    webinars: { held: report.webinars.held, participants: report.webinars.participants },
    perCountry: [...countries.entries()]
      .map(([country, counts]) => ({ country, ...counts }))
      .sort((a, b) => b.learners + b.participants - (a.learners + a.participants) || a.country.localeCompare(b.country)),
  };
}
