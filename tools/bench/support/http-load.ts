// The HTTP load generators of the benches run in a process of their own, so autocannon does not share
// an event loop with the measuring parent. This is what they share: the autocannon call and the one
// JSON line the parent reads back.

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

/** Runs autocannon with these options and prints its summary as one JSON line on stdout. */
export function runHttpLoad(options: Record<string, unknown>): void {
  autocannon(options)
    .then((result) =>
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
      ),
    )
    .catch((error: unknown) => {
      process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
      process.exit(1);
    });
}
