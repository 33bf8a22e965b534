// Learning service benchmark: enrolment writes over HTTP (autocannon, from a second process) with
// the transactional outbox on, and a 10,000-row bulk import end to end, against the compiled service
// on a throwaway database and the real broker.
//   npm run bench:learning [-- --seconds 20 --connections 32 --replicas 1 --skip-build --profile]
// Progress on stderr; the last line of stdout is
//   {"bench":"learning","enrolments_per_s":…,"p99_ms":…,"import_10k_s":…}
import { randomBytes, randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { mintToken } from '@socialmakers/auth';
import { qualified } from '@socialmakers/contracts';
import { metricValue, repoRoot, ServiceProcess, TestDatabase } from '@socialmakers/testing';
import { buildServices, useBenchNamespace } from './support/bench-setup';
import { runLoadProcess, type LoadReport } from './support/load-process';
import { CleanUp, CpuMeter, machineLoad, pollUntil, printResult, progress, round } from './support/bench-kit';

const COURSE = 'bench-academy';
const MODULES = ['active-citizenship', 'social-challenges', 'social-innovation', 'designing-solutions', 'business-models', 'financing', 'implementation'];


async function api(baseUrl: string, token: string, method: string, path: string, body?: string, contentType = 'application/json'): Promise<Response> {
  const response = await fetch(`${baseUrl}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': contentType }, body });
  if (response.status >= 400) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  return response;
}

function runLoad(url: string, token: string, seconds: number, connections: number): Promise<LoadReport> {
  return runLoadProcess(resolve(__dirname, 'learning/enrolment-load.ts'), [url, COURSE, token, String(seconds), String(connections)]);
}

/** Several load processes' reports as one: rates and counts add up, latencies are the worst of them. */
function combine(reports: LoadReport[]): LoadReport {
  const sum = (pick: (r: LoadReport) => number) => reports.reduce((total, r) => total + pick(r), 0);
  const worst = (pick: (r: LoadReport) => number) => Math.max(...reports.map(pick));
  return {
    requestsPerSecond: sum((r) => r.requestsPerSecond),
    total: sum((r) => r.total),
    ok: sum((r) => r.ok),
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    p50: worst((r) => r.p50),
    p99: worst((r) => r.p99),
    max: worst((r) => r.max),
  };
}

/** 10,000 rows: 2,000 learners, each an enrolment and four module completions. */
function importCsv(): string {
  const lines = ['personId,courseKey,country,enrolledAt,moduleKey,completedAt,score'];
  for (let i = 0; i < 2000; i += 1) {
    const personId = randomUUID();
    lines.push(`${personId},${COURSE},HR,2018-10-01T09:00:00Z,,,`);
    for (let m = 0; m < 4; m += 1) lines.push(`${personId},${COURSE},HR,,${MODULES[m]},2018-10-${String(10 + m).padStart(2, '0')}T09:00:00Z,${70 + m}`);
  }
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '20' },
      connections: { type: 'string', default: '32' },
      replicas: { type: 'string', default: '1' },
      'skip-build': { type: 'boolean', default: false },
      /** Writes a V8 CPU profile of the service during the measured load to .cache/bench-profiles/. */
      profile: { type: 'boolean', default: false },
    },
  });
  const seconds = Number(values.seconds);
  const connections = Number(values.connections);
  // Replicas of the service on the same database, as in production behind a load balancer: the load
  // is split evenly across them (one autocannon process each) and their rates are summed.
  const replicas = Math.max(1, Number(values.replicas));
  const cleanUp = new CleanUp();
  try {
    // The compiled learning service, as production runs it.
    buildServices(Boolean(values['skip-build']));
    await useBenchNamespace('learning', cleanUp, () => [qualified('socialmakers.learning')]);
    const secret = randomBytes(32).toString('hex');
    const database = await TestDatabase.create('bench_learning');
    cleanUp.add('drop the database', () => database.drop());
    const profile: Record<string, string> = values.profile
      ? { NODE_OPTIONS: `--require ${repoRoot}/tools/bench/events/cpu-profiler.js`, CPU_PROFILE_DIR: `${repoRoot}/.cache/bench-profiles`, CPU_PROFILE_NAME: 'learning' }
      : {};
    const learning = await ServiceProcess.start('learning', { DATABASE_URL: database.url, JWT_SECRET: secret, LOG_LEVEL: 'warn', ...profile });
    cleanUp.add('stop learning', () => learning.stop());
    const others = await Promise.all(
      Array.from({ length: replicas - 1 }, () => ServiceProcess.start('learning', { DATABASE_URL: database.url, JWT_SECRET: secret, LOG_LEVEL: 'warn' })),
    );
    others.forEach((replica) => cleanUp.add('stop a replica', () => replica.stop()));
    const urls = [learning.url, ...others.map((replica) => replica.url)];
    const admin = mintToken({ personId: randomUUID(), roles: ['admin'], secret, ttlSeconds: 3600 });

    await api(learning.url, admin, 'PUT', `/courses/${COURSE}`, JSON.stringify({ title: { en: 'Bench academy' }, summary: { en: 'For the benchmark.' } }));
    for (const [index, moduleKey] of MODULES.entries()) {
      await api(learning.url, admin, 'PUT', `/courses/${COURSE}/modules/${moduleKey}`, JSON.stringify({ position: index + 1, title: { en: moduleKey }, summary: { en: moduleKey } }));
    }
    await api(learning.url, admin, 'POST', `/courses/${COURSE}/publish`);

    progress(`warming up, then ${seconds} s of enrolments over HTTP with ${connections} connections on ${replicas} replica(s)`);
    const perReplica = Math.max(1, Math.round(connections / replicas));
    await Promise.all(urls.map((url) => runLoad(url, admin, 3, perReplica)));
    // The machine is shared: how busy it was just before, and who used the cores during the load,
    // say how far the figures follow other programs rather than the code.
    const busyBefore = await machineLoad(2000);
    const cpu = new CpuMeter(Object.fromEntries([learning, ...others].map((replica, i) => [`service${i}`, replica.pid!])), { database: database.name });
    if (values.profile) process.kill(learning.pid!, 'SIGUSR2');
    const load = combine(await Promise.all(urls.map((url) => runLoad(url, admin, seconds, perReplica))));
    const cores = cpu.read();
    if (values.profile) process.kill(learning.pid!, 'SIGUSR2');
    const serviceCores = Object.entries(cores).filter(([name]) => name.startsWith('service')).reduce((sum, [, value]) => sum + value, 0);
    const perEnrolmentMs = (cores: number) => round((cores * 1000) / Math.max(1, load.requestsPerSecond), 3);
    progress(`enrolments: ${round(load.requestsPerSecond)}/s, p50 ${load.p50} ms, p99 ${load.p99} ms, ${load.ok} ok, ${load.non2xx} non-2xx, ${load.errors} errors`);
    progress(`cores busy before the load: ${busyBefore}; during it: ${JSON.stringify(cores)}`);
    const loadEnded = Date.now();
    const drainedAt = await pollUntil('the outbox to drain', () => metricValue(learning.url, 'outbox_backlog'), (n) => n === 0, { timeoutMs: 120_000, intervalMs: 100 });
    progress(`the enrolments' events were all on Kafka ${((drainedAt - loadEnded) / 1000).toFixed(1)} s after the load ended`);

    const csv = importCsv();
    progress(`importing 10,000 rows (${(csv.length / 1024).toFixed(0)} kB of CSV)`);
    const started = performance.now();
    const report = (await (await api(learning.url, admin, 'POST', '/imports/learners', csv, 'text/csv')).json()) as { rowsImported: number; rowsRejected: number };
    const importSeconds = (performance.now() - started) / 1000;
    if (report.rowsImported !== 10_000) throw new Error(`the import took ${report.rowsImported} rows, not 10,000: ${JSON.stringify(report)}`);
    progress(`import: ${importSeconds.toFixed(2)} s for 10,000 rows`);
    const importDrainStart = performance.now();
    await pollUntil('the imported events to leave the outbox', () => metricValue(learning.url, 'outbox_backlog'), (n) => n === 0, { timeoutMs: 120_000, intervalMs: 100 });
    const drainSeconds = (performance.now() - importDrainStart) / 1000;
    progress(`the import's 10,000 events reached Kafka ${drainSeconds.toFixed(2)} s after the answer`);

    const client = new Client({ connectionString: database.url });
    await client.connect();
    const enrolments = Number((await client.query(`SELECT count(*) AS n FROM enrolments`)).rows[0].n);
    await client.end();
    progress(`${enrolments} enrolments in the database`);

    printResult({
      bench: 'learning',
      enrolments_per_s: round(load.requestsPerSecond),
      p99_ms: load.p99,
      import_10k_s: round(importSeconds, 2),
      import_outbox_drain_s: round(drainSeconds, 2),
      p50_ms: load.p50,
      service_cpu_ms_per_enrolment: perEnrolmentMs(serviceCores),
      postgres_cpu_ms_per_enrolment: perEnrolmentMs(cores.postgres),
      machine_busy_before: busyBefore,
      other_cores: cores.others,
      http_non2xx: load.non2xx,
      connections,
      replicas,
      seconds,
    });
  } finally {
    await cleanUp.runAll();
  }
}

main().catch((error: unknown) => {
  progress(`failed: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
