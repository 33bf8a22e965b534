// Loads the 2018 programme into a running platform through the services' own HTTP APIs (never into
// their tables), so every event flows through outbox, Kafka and the consumers as in production.
//   node -r @swc-node/register tools/demo/load-demo.ts     (npm start runs it)
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { mintToken } from '@socialmakers/auth';
import { ACADEMY_COURSE_KEY, ACADEMY_MODULES, COMPLETION_SHARE, LEARNERS_2018 } from './academy-2018';
import { demoPersonId, seededRandom } from './demo-people';

const LEARNING_URL = process.env.LEARNING_URL ?? 'http://127.0.0.1:3001';
const CONCURRENCY = 16;

function signingSecret(): string {
  if (process.env.JWT_SECRET) return process.env.JWT_SECRET;
  const file = resolve(__dirname, '../../.cache/local/jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  throw new Error('No JWT_SECRET and no .cache/local/jwt-secret: start the platform with npm start.');
}

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

async function postAll<T>(items: T[], send: (item: T) => Promise<number>): Promise<Map<number, number>> {
  const statuses = new Map<number, number>();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < items.length) {
        const status = await send(items[next++]);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  return statuses;
}

async function main(): Promise<void> {
  const admin = mintToken({ personId: demoPersonId('admin'), roles: ['admin'], secret: signingSecret(), ttlSeconds: 3600 });
  const completions = academyCompletions();
  const started = Date.now();
  const statuses = await postAll(completions, async (completion) => {
    const response = await fetch(`${LEARNING_URL}/learners/${completion.personId}/module-completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json', 'x-request-id': 'demo-load' },
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

main().catch((error: unknown) => {
  console.error(`[demo] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
