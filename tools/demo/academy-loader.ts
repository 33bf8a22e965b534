import { ACADEMY_COURSE_KEY, ACADEMY_MODULES, COMPLETION_SHARE, LEARNERS_2018 } from './academy-2018';
import { type DemoContext, sendAll } from './demo-context';
import { demoPersonId, seededRandom } from './demo-people';

interface Completion {
  personId: string;
  country: string;
  moduleKey: string;
  score: number;
}

/** Each learner completes the course's modules in order and stops somewhere, as cohorts thin out. */
function academyCompletions(): Completion[] {
  const random = seededRandom(2018);
  const completions: Completion[] = [];
  for (const [country, learners] of Object.entries(LEARNERS_2018)) {
    for (let n = 0; n < learners; n += 1) {
      const personId = demoPersonId(`learner-${country}-${n}`);
      const draw = random();
      ACADEMY_MODULES.forEach((moduleKey, index) => {
        if (draw < COMPLETION_SHARE[index]) completions.push({ personId, country, moduleKey, score: 60 + Math.floor(random() * 41) });
      });
    }
  }
  return completions;
}

/** The Academy's 2018 learners and their module completions, through learning's API. */
export async function loadAcademy(context: DemoContext): Promise<void> {
  const completions = academyCompletions();
  const started = Date.now();
  const statuses = await sendAll(completions, async (completion) => {
    const response = await fetch(`${context.urls.learning}/learners/${completion.personId}/module-completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${context.adminToken}`, 'content-type': 'application/json', 'x-request-id': 'demo-load' },
      body: JSON.stringify({ courseKey: ACADEMY_COURSE_KEY, moduleKey: completion.moduleKey, country: completion.country, score: completion.score }),
    });
    if (response.status >= 400) throw new Error(`learning refused a demo completion (${response.status}): ${await response.text()}`);
    return response.status;
  });
  const learners = Object.values(LEARNERS_2018).reduce((a, b) => a + b, 0);
  console.log(
    `[demo] Academy 2018: ${learners} learners, ${completions.length} module completions ` +
      `(${statuses.get(201) ?? 0} new, ${statuses.get(200) ?? 0} already there) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}
