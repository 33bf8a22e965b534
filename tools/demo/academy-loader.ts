import { ACADEMY_COURSE, ACADEMY_COURSE_KEY, ACADEMY_MODULES, ACADEMY_MODULE_TEXTS, COMPLETION_SHARE, LEARNERS_2018 } from './academy-2018';
import type { DemoContext } from './demo-context';
import { demoPerson, seededRandom } from './demo-people';

interface ImportRow {
  personId: string;
  courseKey: string;
  country: string;
  enrolledAt?: string;
  moduleKey?: string;
  completedAt?: string;
  score?: number;
}

interface ImportReport {
  rowsReceived: number;
  rowsImported: number;
  rowsAlreadyOnRecord: number;
  rowsRejected: number;
  created: { enrolments: number; moduleCompletions: number; courseCompletions: number };
  rejected: Array<{ line: number; reason: string }>;
}

const DAY = 24 * 60 * 60 * 1000;
const OPENED = Date.parse('2018-09-10T08:00:00Z');
/** Enrolments came in from the opening until mid-January 2019 (BRIEF.md: "by January 2019"). */
const ENROLMENT_WINDOW_DAYS = 125;

/**
 * The Academy's 2018 learners: one enrolment each (with their country), then the modules in order
 * until each learner stops, as cohorts thin out. Completions use the same draws as always (7,228 of
 * them); dates come from a second generator, so they are stable too.
 */
function academyRows(): ImportRow[] {
  const random = seededRandom(2018);
  const dates = seededRandom(2019);
  const rows: ImportRow[] = [];
  for (const [country, learners] of Object.entries(LEARNERS_2018)) {
    for (let n = 0; n < learners; n += 1) {
      const { personId } = demoPerson(`learner-${country}-${n}`);
      let at = OPENED + Math.floor(dates() * ENROLMENT_WINDOW_DAYS * DAY);
      rows.push({ personId, courseKey: ACADEMY_COURSE_KEY, country, enrolledAt: new Date(at).toISOString() });
      const draw = random();
      ACADEMY_MODULES.forEach((moduleKey, index) => {
        if (draw < COMPLETION_SHARE[index]) {
          at += Math.floor((1 + dates() * 9) * DAY);
          // Nothing lies in the future of the demo's own past: late learners finish by the end of March 2019.
          const completedAt = new Date(Math.min(at, Date.parse('2019-03-31T18:00:00Z') - (6 - index) * 3600_000)).toISOString();
          rows.push({ personId, courseKey: ACADEMY_COURSE_KEY, country, moduleKey, completedAt, score: 60 + Math.floor(random() * 41) });
        }
      });
    }
  }
  return rows;
}

async function send(context: DemoContext, method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<Response> {
  const response = await fetch(`${context.urls.learning}${path}`, {
    method,
    headers: { authorization: `Bearer ${context.adminToken}`, 'content-type': contentType, 'x-request-id': 'demo-load' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  if (response.status >= 400) throw new Error(`learning refused ${method} ${path} (${response.status}): ${await response.text()}`);
  return response;
}

/** The Academy's catalogue (seven modules, English and Slovenian), published; unchanged, publishing again emits nothing. */
async function publishAcademy(context: DemoContext): Promise<void> {
  await send(context, 'PUT', `/courses/${ACADEMY_COURSE_KEY}`, ACADEMY_COURSE);
  for (const [index, moduleKey] of ACADEMY_MODULES.entries()) {
    await send(context, 'PUT', `/courses/${ACADEMY_COURSE_KEY}/modules/${moduleKey}`, { position: index + 1, required: true, passMark: 60, ...ACADEMY_MODULE_TEXTS[moduleKey] });
  }
  await send(context, 'POST', `/courses/${ACADEMY_COURSE_KEY}/publish`);
}

/** The Academy's 2018 learners through learning's bulk import (NDJSON, in chunks), so every event flows through the outbox. */
export async function loadAcademy(context: DemoContext): Promise<void> {
  const started = Date.now();
  await publishAcademy(context);
  const rows = academyRows();
  const totals = { enrolments: 0, moduleCompletions: 0, courseCompletions: 0, alreadyOnRecord: 0 };
  const CHUNK = 2500;
  for (let i = 0; i < rows.length; i += CHUNK) {
    // A learner's rows may straddle two chunks: their enrolment row always comes first, so it is on
    // record (or in the same chunk) when their completions arrive.
    const body = rows
      .slice(i, i + CHUNK)
      .map((row) => JSON.stringify(row))
      .join('\n');
    const report = (await (await send(context, 'POST', '/imports/learners', body, 'application/x-ndjson')).json()) as ImportReport;
    if (report.rowsRejected > 0) throw new Error(`learning rejected demo rows: ${JSON.stringify(report.rejected.slice(0, 5))}`);
    totals.enrolments += report.created.enrolments;
    totals.moduleCompletions += report.created.moduleCompletions;
    totals.courseCompletions += report.created.courseCompletions;
    totals.alreadyOnRecord += report.rowsAlreadyOnRecord;
  }
  const learners = Object.values(LEARNERS_2018).reduce((a, b) => a + b, 0);
  const completions = rows.filter((row) => row.moduleKey).length;
  console.log(
    `[demo] Academy 2018: ${learners} learners, ${completions} module completions; new: ${totals.enrolments} enrolments, ` +
      `${totals.moduleCompletions} completions, ${totals.courseCompletions} courses completed (with certificates); ` +
      `${totals.alreadyOnRecord} rows already on record; ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}
