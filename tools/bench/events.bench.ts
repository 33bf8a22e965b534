// Benchmark of the events service (npm run bench:events): a 5,000-row sign-in sheet import and
// concurrent check-ins over HTTP, against the compiled service with its outbox relay publishing to
// the real broker, on its own database and Kafka namespace (both removed at the end, also on failure).
//
//   node -r @swc-node/register tools/bench/events.bench.ts [--rows 5000] [--imports 3]
//        [--checkins 10000] [--concurrency 64] [--skip-build] [--profile]
//
// import_5k_s: one POST of the CSV, from the first byte sent to the answer (parse, validate, one
// transaction with the attendances and their 5,000 outbox rows); the median of --imports runs, each
// on a fresh festival. checkins_per_s: --checkins distinct people checked in to one activity by
// --concurrency keep-alive connections, after a warm-up; p99_ms is their latency. The outbox is on:
// every check-in writes its event in the same transaction, and the relay publishes meanwhile.
import { randomBytes, randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { mintToken } from '@socialmakers/auth';
import { qualified } from '@socialmakers/contracts';
import { metricValue, repoRoot, ServiceProcess, TestDatabase } from '@socialmakers/testing';
import { buildServices, useBenchNamespace } from './support/bench-setup';
import { CleanUp, CpuMeter, machineLoad, pollUntil, printResult, progress, round, summarize } from './support/bench-kit';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '5000' },
    imports: { type: 'string', default: '3' },
    checkins: { type: 'string', default: '10000' },
    concurrency: { type: 'string', default: '64' },
    'skip-build': { type: 'boolean', default: false },
    /** Writes a V8 CPU profile of the service during the measured check-ins to .cache/bench-profiles/. */
    profile: { type: 'boolean', default: false },
  },
});
const ROWS = Number(args.rows);
const IMPORTS = Number(args.imports);
const CHECKINS = Number(args.checkins);
const CONCURRENCY = Number(args.concurrency);
const WARMUP = 1000;

interface Answer {
  status: number;
  body: string;
}

/** node:http with keep-alive: fetch (undici) costs the client more CPU per request, which this machine shares with the service. */
function httpCall(agent: Agent, url: string, method: string, bearer: string, body?: string, contentType = 'application/json'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent, headers: { authorization: `Bearer ${bearer}`, ...(body !== undefined ? { 'content-type': contentType, 'content-length': Buffer.byteLength(body) } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

function sheet(rows: number, run: number): string {
  const countries = ['SI', 'HR', 'AT', 'HU', 'CZ', 'SK', 'PL', 'IT', 'DE'];
  const roles = ['innovator', 'citizen', 'entrepreneur', 'funder', 'policymaker'];
  const lines = ['name,email,organisation,country,role'];
  for (let i = 0; i < rows; i += 1) {
    lines.push(`Participant ${i},bench-${run}-${i}@example.org,"Organisation ${i % 97}, Ltd",${countries[i % countries.length]},${roles[i % roles.length]}`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const cleanUp = new CleanUp();
  try {
    await run(cleanUp);
  } finally {
    await cleanUp.runAll();
  }
}

async function run(cleanUp: CleanUp): Promise<void> {
  buildServices(Boolean(args['skip-build']));
  await useBenchNamespace('events', cleanUp, () => [qualified('socialmakers.events')]);
  process.env.JWT_SECRET ??= randomBytes(32).toString('hex');
  const secret = process.env.JWT_SECRET;
  const db = await TestDatabase.create('bench_events');
  cleanUp.add('drop the database', () => db.drop());
  progress(`machine load before starting: ${await machineLoad()} cores busy`);
  const profile: Record<string, string> = args.profile
    ? { NODE_OPTIONS: `--require ${repoRoot}/tools/bench/events/cpu-profiler.js`, CPU_PROFILE_DIR: `${repoRoot}/.cache/bench-profiles` }
    : {};
  const service = await ServiceProcess.start('events', { DATABASE_URL: db.url, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', ...profile });
  cleanUp.add('stop the events service', () => service.stop());
  const pid = service.pid!;
  await pollUntil('the event backbone', () => fetch(`${service.url}/health`).then((r) => r.status), (status) => status === 200, { timeoutMs: 60_000, intervalMs: 200 });

  const organisationId = randomUUID();
  const bearer = mintToken({ personId: randomUUID(), roles: ['organiser'], organisationId, secret, ttlSeconds: 7200 });
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const schedule = async (title: string): Promise<string> => {
    const answer = await httpCall(agent, `${service.url}/activities`, 'POST', bearer, JSON.stringify({
      kind: 'festival',
      title,
      organiserId: organisationId,
      country: 'SI',
      city: 'Ljubljana',
      timeZone: 'Europe/Ljubljana',
      startsAt: '2018-11-17T10:00:00+01:00',
      endsAt: '2018-11-17T22:00:00+01:00',
      programme: [{ kind: 'panel-discussion', title: 'Panel', startsAt: '2018-11-17T14:00:00+01:00' }],
    }));
    if (answer.status !== 201) throw new Error(`scheduling answered ${answer.status}: ${answer.body}`);
    return (JSON.parse(answer.body) as { id: string }).id;
  };

  // a. sign-in sheet imports
  const importSeconds: number[] = [];
  let relaySeconds = 0;
  const importCpu = new CpuMeter({ service: pid });
  for (let i = 0; i < IMPORTS; i += 1) {
    const activityId = await schedule(`Import ${i}`);
    const csv = sheet(ROWS, i);
    const started = performance.now();
    const answer = await httpCall(agent, `${service.url}/activities/${activityId}/sign-in-sheets`, 'POST', bearer, csv, 'text/csv');
    const seconds = (performance.now() - started) / 1000;
    const report = JSON.parse(answer.body) as { imported: number };
    if (answer.status !== 200 || report.imported !== ROWS) throw new Error(`import answered ${answer.status}: ${answer.body.slice(0, 300)}`);
    importSeconds.push(seconds);
    const relayedAt = await pollUntil('the imported events to leave the outbox', () => metricValue(service.url, 'outbox_backlog'), (n) => n === 0, { timeoutMs: 120_000, intervalMs: 50 });
    relaySeconds = Math.max(relaySeconds, (relayedAt - (started + performance.timeOrigin)) / 1000);
    progress(`import ${i + 1}: ${ROWS} rows in ${seconds.toFixed(2)} s (CSV ${(Buffer.byteLength(csv) / 1024).toFixed(0)} KiB); events on Kafka after ${relaySeconds.toFixed(2)} s`);
  }
  const importCores = importCpu.read();

  // b. concurrent check-ins
  const activityId = await schedule('Check-ins');
  const people = Array.from({ length: WARMUP + CHECKINS }, () => randomUUID());
  const latencies: number[] = [];
  const checkIns = async (from: number, to: number, record: boolean) => {
    let next = from;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < to) {
          const personId = people[next++];
          const started = performance.now();
          const answer = await httpCall(agent, `${service.url}/activities/${activityId}/check-ins`, 'POST', bearer, JSON.stringify({ personId }));
          if (answer.status !== 201) throw new Error(`check-in answered ${answer.status}: ${answer.body}`);
          if (record) latencies.push(performance.now() - started);
        }
      }),
    );
  };
  await checkIns(0, WARMUP, false);
  if (args.profile) process.kill(pid, 'SIGUSR2');
  const checkInCpu = new CpuMeter({ service: pid });
  const started = performance.now();
  await checkIns(WARMUP, WARMUP + CHECKINS, true);
  const seconds = (performance.now() - started) / 1000;
  const cores = checkInCpu.read();
  if (args.profile) process.kill(pid, 'SIGUSR2');
  const drainedAt = await pollUntil('the check-in events to leave the outbox', () => metricValue(service.url, 'outbox_backlog'), (n) => n === 0, { timeoutMs: 120_000, intervalMs: 50 });
  const latency = summarize(latencies);
  const rate = CHECKINS / seconds;
  progress(`check-ins: ${CHECKINS} in ${seconds.toFixed(2)} s = ${rate.toFixed(0)}/s at ${CONCURRENCY} connections; p50 ${latency.p50.toFixed(1)} ms, p99 ${latency.p99.toFixed(1)} ms`);
  progress(`outbox drained ${((drainedAt - (started + performance.timeOrigin)) / 1000 - seconds).toFixed(2)} s after the last check-in answered`);
  progress(`CPU during imports (cores): ${JSON.stringify(importCores)}; during check-ins: ${JSON.stringify(cores)}`);
  agent.destroy();

  const sorted = [...importSeconds].sort((a, b) => a - b);
  printResult({
    bench: 'events',
    import_5k_s: round(sorted[Math.floor(sorted.length / 2)], 2),
    checkins_per_s: round(rate),
    p99_ms: round(latency.p99, 1),
    rows: ROWS,
    import_runs_s: importSeconds.map((s) => round(s, 2)),
    import_events_on_kafka_s: round(relaySeconds, 2),
    checkins: CHECKINS,
    concurrency: CONCURRENCY,
    p50_ms: round(latency.p50, 1),
    cpu_cores_checkins: cores,
    // CPU per check-in (ms), which depends less than the rate on what else the machine is doing.
    cpu_ms_per_checkin: Object.fromEntries(
      Object.entries(cores)
        .filter(([name]) => ['bench', 'service', 'kafka', 'postgres'].includes(name))
        .map(([name, value]) => [name, round((Number(value) * 1000) / rate, 2)]),
    ),
  });
}

main().catch((error: unknown) => {
  progress(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
