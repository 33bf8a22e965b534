// The HTTP load of the learning benchmark, in a process of its own so the load generator does not
// share an event loop with the measuring parent. Every request enrols a new person (a fresh UUID in
// the path), so each one is a real write: an enrolment row and its outbox event.
//   node -r @swc-node/register tools/bench/learning/enrolment-load.ts <url> <courseKey> <token> <seconds> <connections>
import { randomUUID } from 'node:crypto';

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number; max: number };
  '2xx': number;
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;

// eslint-disable-next-line @typescript-eslint/no-require-imports -- autocannon ships no types
const autocannon = require('autocannon') as Autocannon;

async function main(): Promise<void> {
  const [url, courseKey, token, seconds, connections] = process.argv.slice(2);
  const body = JSON.stringify({ courseKey, country: 'SI' });
  const result = await autocannon({
    url,
    connections: Number(connections),
    duration: Number(seconds),
    requests: [
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body,
        setupRequest: (request: Record<string, unknown>) => ({ ...request, path: `/learners/${randomUUID()}/enrolments` }),
      },
    ],
  });
  process.stdout.write(
    `${JSON.stringify({
      requestsPerSecond: result.requests.average,
      total: result.requests.total,
      ok: result['2xx'],
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      p50: result.latency.p50,
      p99: result.latency.p99,
      max: result.latency.max,
      seconds: result.duration,
    })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
