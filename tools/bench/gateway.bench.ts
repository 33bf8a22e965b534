// Gateway benchmark: what the gateway adds to a request. The same authenticated read of the learning
// service (GET /courses/<key>: guard, database read, JSON), straight to the compiled service and
// through the compiled gateway in front of it (GET /api/learning/courses/<key>), in one run.
//   npm run bench:gateway [-- --seconds 10 --connections 32 --rounds 2 --samples 2000]
// 1. Throughput: autocannon from a second process, direct and through the gateway in alternating
//    rounds (so drifts of a shared machine hit both alike): requests/s and p99 under load.
// 2. Added latency: one keep-alive connection, requests one after another, direct and through the
//    gateway interleaved, timed in microseconds: the p50 difference is what the gateway adds.
// Progress on stderr; the last line of stdout is
//   {"bench":"gateway","direct_rps":…,"gateway_rps":…,"ratio":…,"added_p50_ms":…}
import { randomBytes, randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { mintToken } from '@socialmakers/auth';
import { qualified } from '@socialmakers/contracts';
import { ServiceProcess, TestDatabase } from '@socialmakers/testing';
import { buildServices, useBenchNamespace } from './support/bench-setup';
import { runLoadProcess, type LoadReport } from './support/load-process';
import { CleanUp, printResult, processCpuMs, progress, round, summarize } from './support/bench-kit';

const COURSE = 'bench-gateway-academy';


function runLoad(url: string, token: string, seconds: number, connections: number): Promise<LoadReport> {
  return runLoadProcess(resolve(__dirname, 'gateway/read-load.ts'), [url, token, String(seconds), String(connections)]);
}

/** One GET on a kept-alive connection; resolves with its duration in ms (sub-millisecond resolution). */
function timedGet(url: URL, token: string, agent: Agent): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const started = process.hrtime.bigint();
    const req = request(url, { agent, headers: { authorization: `Bearer ${token}` } }, (response) => {
      response.resume();
      response.once('end', () => {
        if (response.statusCode !== 200) reject(new Error(`${url.pathname} answered ${response.statusCode}`));
        else resolvePromise(Number(process.hrtime.bigint() - started) / 1e6);
      });
    });
    req.once('error', reject);
    req.end();
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '10' },
      connections: { type: 'string', default: '32' },
      rounds: { type: 'string', default: '2' },
      samples: { type: 'string', default: '2000' },
    },
  });
  const seconds = Number(values.seconds);
  const connections = Number(values.connections);
  const rounds = Math.max(1, Number(values.rounds));
  const samples = Math.max(100, Number(values.samples));
  const cleanUp = new CleanUp();
  try {
    // The compiled learning service and gateway, as production runs them.
    buildServices(false);
    await useBenchNamespace('gateway', cleanUp, () => [qualified('socialmakers.learning')]);
    const secret = randomBytes(32).toString('hex');
    const [learningDb, gatewayDb] = await Promise.all([TestDatabase.create('bench_gateway_learning'), TestDatabase.create('bench_gateway')]);
    cleanUp.add('drop the databases', () => Promise.all([learningDb.drop(), gatewayDb.drop()]));
    const common = { JWT_SECRET: secret, LOG_LEVEL: 'warn' };
    const learning = await ServiceProcess.start('learning', { DATABASE_URL: learningDb.url, ...common });
    cleanUp.add('stop learning', () => learning.stop());
    // The rate limit stays on (it is part of the path) but high enough not to refuse the benchmark's single address.
    const gateway = await ServiceProcess.start('gateway', { DATABASE_URL: gatewayDb.url, LEARNING_URL: learning.url, RATE_LIMIT_PER_MINUTE: '100000000', ...common });
    cleanUp.add('stop the gateway', () => gateway.stop());

    const admin = mintToken({ personId: randomUUID(), roles: ['admin'], secret, ttlSeconds: 3600 });
    const member = mintToken({ personId: randomUUID(), roles: ['member'], secret, ttlSeconds: 3600 });
    const put = async (path: string, body?: unknown, method = 'PUT') => {
      const response = await fetch(`${learning.url}${path}`, { method, headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      if (response.status >= 300) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
    };
    await put(`/courses/${COURSE}`, { title: { en: 'Bench academy' }, summary: { en: 'For the gateway benchmark.' } });
    await put(`/courses/${COURSE}/modules/first-steps`, { position: 1, title: { en: 'First steps' }, summary: { en: 'The first module.' } });
    await put(`/courses/${COURSE}/publish`, undefined, 'POST');

    const directUrl = `${learning.url}/courses/${COURSE}`;
    const gatewayUrl = `${gateway.url}/api/learning/courses/${COURSE}`;
    const [directBody, gatewayBody] = await Promise.all([directUrl, gatewayUrl].map(async (url) => (await fetch(url, { headers: { authorization: `Bearer ${member}` } })).text()));
    if (directBody !== gatewayBody) throw new Error('the gateway answered differently from the service');

    const loadBefore = loadavg()[0];
    progress(`load average before: ${loadBefore.toFixed(2)}; warming up both paths`);
    await runLoad(directUrl, member, 3, connections);
    await runLoad(gatewayUrl, member, 3, connections);

    const direct: LoadReport[] = [];
    const routed: LoadReport[] = [];
    // CPU time per request of each process, from /proc: what the gateway costs whatever else the machine runs.
    const cpu = { gateway: 0, serviceDirect: 0, serviceRouted: 0 };
    const cpuOf = (service: ServiceProcess) => processCpuMs(service.pid!) ?? Number.NaN;
    for (let r = 1; r <= rounds; r += 1) {
      for (const [name, url, reports] of [['direct', directUrl, direct], ['gateway', gatewayUrl, routed]] as const) {
        const [gatewayBefore, serviceBefore] = [cpuOf(gateway), cpuOf(learning)];
        const report = await runLoad(url, member, seconds, connections);
        if (name === 'gateway') {
          cpu.gateway += cpuOf(gateway) - gatewayBefore;
          cpu.serviceRouted += cpuOf(learning) - serviceBefore;
        } else {
          cpu.serviceDirect += cpuOf(learning) - serviceBefore;
        }
        if (report.non2xx > 0 || report.errors > 0) throw new Error(`${name}: ${report.non2xx} non-2xx and ${report.errors} errors`);
        reports.push(report);
        progress(`round ${r} ${name}: ${round(report.requestsPerSecond)}/s, p50 ${report.p50} ms, p99 ${report.p99} ms`);
      }
    }
    const mean = (reports: LoadReport[], pick: (r: LoadReport) => number) => reports.reduce((sum, r) => sum + pick(r), 0) / reports.length;
    const directRps = mean(direct, (r) => r.requestsPerSecond);
    const gatewayRps = mean(routed, (r) => r.requestsPerSecond);
    const total = (reports: LoadReport[]) => reports.reduce((sum, r) => sum + r.total, 0);
    const cpuPerRequestUs = {
      gateway: round((cpu.gateway * 1000) / total(routed)),
      service_direct: round((cpu.serviceDirect * 1000) / total(direct)),
      service_through_gateway: round((cpu.serviceRouted * 1000) / total(routed)),
    };
    progress(`CPU per request: gateway ${cpuPerRequestUs.gateway} µs, learning ${cpuPerRequestUs.service_direct} µs direct / ${cpuPerRequestUs.service_through_gateway} µs behind the gateway`);

    progress(`added latency: ${samples} sequential requests on each path, interleaved, one keep-alive connection each`);
    const directAgent = new Agent({ keepAlive: true, maxSockets: 1 });
    const gatewayAgent = new Agent({ keepAlive: true, maxSockets: 1 });
    const directTimes: number[] = [];
    const gatewayTimes: number[] = [];
    for (let i = 0; i < 200; i += 1) {
      await timedGet(new URL(directUrl), member, directAgent);
      await timedGet(new URL(gatewayUrl), member, gatewayAgent);
    }
    for (let i = 0; i < samples; i += 1) {
      directTimes.push(await timedGet(new URL(directUrl), member, directAgent));
      gatewayTimes.push(await timedGet(new URL(gatewayUrl), member, gatewayAgent));
    }
    directAgent.destroy();
    gatewayAgent.destroy();
    const directLatency = summarize(directTimes);
    const gatewayLatency = summarize(gatewayTimes);
    progress(`sequential p50: direct ${directLatency.p50.toFixed(3)} ms, gateway ${gatewayLatency.p50.toFixed(3)} ms; p99: ${directLatency.p99.toFixed(3)} / ${gatewayLatency.p99.toFixed(3)} ms`);
    const loadAfter = loadavg()[0];

    printResult({
      bench: 'gateway',
      direct_rps: round(directRps),
      gateway_rps: round(gatewayRps),
      ratio: round(gatewayRps / directRps, 3),
      added_p50_ms: round(gatewayLatency.p50 - directLatency.p50, 3),
      direct_p99_ms: Math.max(...direct.map((r) => r.p99)),
      gateway_p99_ms: Math.max(...routed.map((r) => r.p99)),
      sequential_p50_ms: { direct: round(directLatency.p50, 3), gateway: round(gatewayLatency.p50, 3) },
      sequential_p99_ms: { direct: round(directLatency.p99, 3), gateway: round(gatewayLatency.p99, 3) },
      cpu_per_request_us: cpuPerRequestUs,
      connections,
      seconds,
      rounds,
      load_average: { before: round(loadBefore, 2), after: round(loadAfter, 2) },
    });
  } finally {
    await cleanUp.runAll();
  }
}

main().catch((error: unknown) => {
  progress(`failed: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
