// Benchmark of the community service (npm run bench:community): a synthetic graph of --people people
// and --edges ties written straight into its real database (the service's own migrations), then, over
// HTTP against the compiled service, twice on the same data: first with GRAPH_INDEX=sql (PostgreSQL per
// query, the same-run baseline; --skip-baseline leaves it out), then with the in-memory graph index.
// Each time: top-10 matches for random innovators (p50/p99), warm-path searches innovator → funder
// (p50/p99), one full metrics recompute (load, degree, sampled betweenness, Louvain timed on its own,
// indicators, snapshot + event), and the service's peak memory (VmHWM). The two runs must give the same
// path lengths and match lists (counted as path_mismatches / match_mismatches). Own database and Kafka
// namespace, both removed at the end, also on failure.
//
//   node -r @swc-node/register tools/bench/community.bench.ts [--people 100000] [--edges 1000000]
//        [--queries 300] [--sample 32] [--skip-build] [--skip-baseline] [--keep-db]
//
// The graph: people in blocks of 200 (an activity community, one of nine countries by block); 85 % of
// ties inside a block, 15 % anywhere, so Louvain has communities to find and paths cross blocks.
// Everyone has a profile: 10 % innovators, 3 % funders, 2 % policymakers, 10 % entrepreneurs, the rest
// citizens; one in twenty does not appear in matches (nor on warm paths).
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { mintToken } from '@socialmakers/auth';
import { qualified } from '@socialmakers/contracts';
import { ServiceProcess, TestDatabase } from '@socialmakers/testing';
import { buildServices, useBenchNamespace } from './support/bench-setup';
import { CleanUp, machineLoad, pollUntil, printResult, progress, round, summarize } from './support/bench-kit';

const { values: args } = parseArgs({
  options: {
    people: { type: 'string', default: '100000' },
    edges: { type: 'string', default: '1000000' },
    queries: { type: 'string', default: '300' },
    sample: { type: 'string', default: '32' },
    'skip-build': { type: 'boolean', default: false },
    /** Measures only the in-memory index, not PostgreSQL per query (GRAPH_INDEX=sql) first. */
    'skip-baseline': { type: 'boolean', default: false },
    /** Keeps the database (its URL on stderr) for EXPLAIN ANALYZE afterwards. */
    'keep-db': { type: 'boolean', default: false },
  },
});
const PEOPLE = Number(args.people);
const EDGES = Number(args.edges);
const QUERIES = Number(args.queries);

const idOf = (i: number) => `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
const ID_SQL = (expr: string) => `('00000000-0000-4000-8000-' || lpad(to_hex(${expr}), 12, '0'))::uuid`;
const COUNTRIES = ['SI', 'HR', 'AT', 'HU', 'CZ', 'SK', 'PL', 'IT', 'DE'];
const KIND_SQL = `CASE WHEN i % 100 < 10 THEN 'innovator' WHEN i % 100 < 13 THEN 'funder' WHEN i % 100 < 15 THEN 'policymaker' WHEN i % 100 < 25 THEN 'entrepreneur' ELSE 'citizen' END`;

function get(agent: Agent, url: string, bearer: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers: { authorization: `Bearer ${bearer}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function peakRssMb(pid: number): number {
  return memoryMb(pid, 'VmHWM');
}

function memoryMb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return round(kb / 1024);
}

async function seed(url: string): Promise<void> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const countryArray = `ARRAY[${COUNTRIES.map((c) => `'${c}'`).join(',')}]`;
    let at = performance.now();
    await db.query(
      `INSERT INTO person_nodes (person_id, country, first_seen_at)
       SELECT ${ID_SQL('i')}, (${countryArray})[(i / 200) % 9 + 1], '2018-09-10' FROM generate_series(0, $1 - 1) AS i`,
      [PEOPLE],
    );
    const topics = `ARRAY['social-finance','inclusion','education','health','ageing','environment','circular-economy','food','housing','mobility','culture','digital']`;
    await db.query(
      `INSERT INTO stakeholder_profiles (person_id, kind, display_name, country, languages, topics, seeks, offers, appears_in_matches, attendance_visible, contact_email)
       SELECT ${ID_SQL('i')}, ${KIND_SQL}, 'Person ' || i, (${countryArray})[(i / 200) % 9 + 1], ARRAY['en'],
              ARRAY[(${topics})[i % 12 + 1], (${topics})[(i / 7) % 12 + 1]],
              CASE WHEN i % 100 < 10 THEN ARRAY['funding','policy-support'] ELSE '{}'::text[] END,
              CASE WHEN i % 100 < 13 AND i % 100 >= 10 THEN ARRAY['grants','loans'] WHEN i % 100 BETWEEN 13 AND 14 THEN ARRAY['regulatory-advice','pilots'] ELSE '{}'::text[] END,
              i % 20 <> 7, true, 'p' || i || '@example.org'
         FROM generate_series(0, $1 - 1) AS i`,
      [PEOPLE],
    );
    await db.query(
      `INSERT INTO node_module_progress (person_id, course_key, module_key, completed_at, event_id, country)
       SELECT ${ID_SQL('i')}, 'social-innovation-academy', m, '2018-10-15', md5(i || m), (${countryArray})[(i / 200) % 9 + 1]
         FROM generate_series(0, $1 - 1) AS i, unnest(ARRAY['active-citizenship','social-challenges','business-models','financing']) WITH ORDINALITY AS x(m, k)
        WHERE i % 100 < 10 AND (i + k) % 3 <> 0`,
      [PEOPLE],
    );
    progress(`nodes and profiles in ${round((performance.now() - at) / 1000, 1)} s`);
    at = performance.now();
    // Draw a few more pairs than asked: duplicates and self-pairs are dropped by the key.
    const chunk = 250_000;
    for (let done = 0; done < EDGES * 1.08; done += chunk) {
      await db.query(
        `INSERT INTO graph_edges (source_id, target_id, type, weight, evidence_count, first_at, last_at)
         SELECT ${ID_SQL('LEAST(a, b)')}, ${ID_SQL('GREATEST(a, b)')}, 'co-attended', 1 + ln(n), n, '2018-10-01', '2018-12-01'
           FROM (SELECT a, CASE WHEN random() < 0.85 THEN (a / 200) * 200 + floor(random() * 200)::int ELSE floor(random() * $1)::int END AS b,
                        1 + floor(random() * random() * 4)::int AS n
                   FROM (SELECT floor(random() * $1)::int AS a FROM generate_series(1, $2)) s) p
          WHERE a <> b AND b < $1
         ON CONFLICT DO NOTHING`,
        [PEOPLE, chunk],
      );
    }
    await db.query(`DELETE FROM graph_edges WHERE ctid IN (SELECT ctid FROM graph_edges OFFSET $1)`, [EDGES]);
    await db.query(`VACUUM ANALYZE`);
    const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM graph_edges`)).rows;
    progress(`${n} edges in ${round((performance.now() - at) / 1000, 1)} s`);
  } finally {
    await db.end();
  }
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
  await useBenchNamespace('community', cleanUp, () => [qualified('socialmakers.community')]);
  process.env.JWT_SECRET ??= randomBytes(32).toString('hex');
  const db = await TestDatabase.create('bench_community');
  if (args['keep-db']) progress(`keeping the database: ${db.url}`);
  else cleanUp.add('drop the database', () => db.drop());

  // First start: migrations create the schema; then the graph goes in while the service is down.
  const first = await ServiceProcess.start('community', { DATABASE_URL: db.url, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  await first.stop();
  progress(`seeding ${PEOPLE} people and ${EDGES} edges`);
  await seed(db.url);

  const bearer = mintToken({ personId: randomUUID(), roles: ['admin'], secret: process.env.JWT_SECRET, ttlSeconds: 7200 });
  // Consenting innovators (i % 100 < 10 and i % 20 != 7) and funders (10 ≤ i % 100 < 13).
  const innovators: number[] = [];
  const funders: number[] = [];
  for (let i = 0; innovators.length < QUERIES + 20; i += 7919) {
    const j = i % PEOPLE;
    if (j % 100 < 10 && j % 20 !== 7) innovators.push(j);
  }
  for (let i = 3; funders.length < QUERIES + 20; i += 104729) {
    const j = i % PEOPLE;
    if (j % 100 >= 10 && j % 100 < 13 && j % 20 !== 7) funders.push(j);
  }

  const busyBefore = await machineLoad(2000);
  progress(`machine busy before measuring: ${busyBefore} of 2 cores`);
  const baseline = args['skip-baseline'] ? undefined : await measure(cleanUp, db.url, 'sql', bearer, innovators, funders);
  const indexed = await measure(cleanUp, db.url, 'memory', bearer, innovators, funders);
  let pathMismatches = 0;
  let matchMismatches = 0;
  if (baseline) {
    // Same data, same queries: the index must give the answers PostgreSQL gives (path lengths, not
    // the path itself: equally short paths may tie; match lists with their scores).
    indexed.pathHops.forEach((hops, q) => (pathMismatches += hops === baseline.pathHops[q] ? 0 : 1));
    indexed.matchLists.forEach((list, q) => (matchMismatches += list === baseline.matchLists[q] ? 0 : 1));
    progress(`same answers as PostgreSQL: ${QUERIES - pathMismatches} of ${QUERIES} path lengths, ${QUERIES - matchMismatches} of ${QUERIES} match lists`);
  }
  const figures = (m: Measured, prefix: string) => ({
    [`${prefix}match_p50_ms`]: round(m.match.p50, 1),
    [`${prefix}match_p99_ms`]: round(m.match.p99, 1),
    [`${prefix}path_p50_ms`]: round(m.path.p50, 1),
    [`${prefix}path_p99_ms`]: round(m.path.p99, 1),
    [`${prefix}path_during_recompute_max_ms`]: round(m.during.max, 1),
    [`${prefix}metrics_s`]: round(m.metricsS, 1),
    [`${prefix}louvain_s`]: round(m.phaseMs.communities / 1000, 2),
    [`${prefix}betweenness_s`]: round(m.phaseMs.betweenness / 1000, 2),
    [`${prefix}peak_rss_mb`]: m.peakRssMb,
    [`${prefix}rss_before_recompute_mb`]: m.rssBeforeRecomputeMb,
  });
  printResult({
    bench: 'community',
    people: PEOPLE,
    edges: indexed.snapshot.edges,
    ...figures(indexed, ''),
    paths_found: indexed.found,
    mean_hops: round(indexed.hops / Math.max(indexed.found, 1), 2),
    communities: indexed.snapshot.communities,
    betweenness_sample: indexed.snapshot.betweennessSample,
    index_load_s: indexed.indexLoadMs === null ? null : round(indexed.indexLoadMs / 1000, 1),
    busy_cores_before: busyBefore,
    ...(baseline ? { ...figures(baseline, 'sql_'), path_mismatches: pathMismatches, match_mismatches: matchMismatches } : {}),
  });
}

interface Measured {
  match: ReturnType<typeof summarize>;
  path: ReturnType<typeof summarize>;
  rssBeforeRecomputeMb: number;
  /** Warm paths asked while the recompute ran. */
  during: ReturnType<typeof summarize>;
  found: number;
  hops: number;
  pathHops: number[];
  matchLists: string[];
  metricsS: number;
  phaseMs: Record<string, number>;
  snapshot: { nodes: number; edges: number; communities: number; betweennessSample: number };
  peakRssMb: number;
  indexLoadMs: number | null;
}

/** One service in the given GRAPH_INDEX mode: warm-up, matches, warm paths, one recompute, peak memory. */
async function measure(cleanUp: CleanUp, url: string, mode: 'sql' | 'memory', bearer: string, innovators: number[], funders: number[]): Promise<Measured> {
  progress(`[${mode}] starting the service`);
  const service = await ServiceProcess.start('community', {
    DATABASE_URL: url,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    BETWEENNESS_SAMPLE: args.sample!,
    GRAPH_INDEX: mode,
  });
  cleanUp.add(`stop the community service (${mode})`, () => service.stop());
  const pid = service.pid!;
  await pollUntil('health', () => fetch(`${service.url}/health`).then((r) => r.status), (s) => s === 200, { timeoutMs: 120_000, intervalMs: 200 });
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const timed = async (path: string, expect: number[]) => {
    const started = performance.now();
    const answer = await get(agent, `${service.url}${path}`, bearer);
    const ms = performance.now() - started;
    if (!expect.includes(answer.status)) throw new Error(`${path} answered ${answer.status}: ${answer.body.slice(0, 300)}`);
    return { ms, answer };
  };
  const status = JSON.parse((await timed('/network/graph-index', [200])).answer.body) as { loadMs: number | null };
  if (status.loadMs !== null) progress(`[${mode}] graph index loaded in ${status.loadMs} ms`);
  progress(`[${mode}] warming up`);
  for (let q = 0; q < 20; q += 1) {
    await timed(`/matchmaking/${idOf(innovators[q])}/matches?limit=10`, [200]);
    await timed(`/matchmaking/${idOf(innovators[q])}/warm-path/${idOf(funders[q])}`, [200, 404]);
  }
  progress(`[${mode}] top-10 matches for ${QUERIES} innovators`);
  const matchMs: number[] = [];
  const matchLists: string[] = [];
  for (let q = 20; q < QUERIES + 20; q += 1) {
    const { ms, answer } = await timed(`/matchmaking/${idOf(innovators[q])}/matches?limit=10`, [200]);
    matchMs.push(ms);
    matchLists.push((JSON.parse(answer.body) as { matches: Array<{ personId: string; score: number }> }).matches.map((m) => `${m.personId}:${m.score}`).join(','));
  }
  progress(`[${mode}] warm paths for ${QUERIES} innovator → funder pairs`);
  const pathMs: number[] = [];
  const pathHops: number[] = [];
  let found = 0;
  let hops = 0;
  for (let q = 20; q < QUERIES + 20; q += 1) {
    const { ms, answer } = await timed(`/matchmaking/${idOf(innovators[q])}/warm-path/${idOf(funders[q])}`, [200, 404]);
    pathMs.push(ms);
    const length = answer.status === 200 ? (JSON.parse(answer.body) as { hops: number }).hops : -1;
    pathHops.push(length);
    if (length >= 0) {
      found += 1;
      hops += length;
    }
  }
  // Resident memory before the recompute: in memory mode, what the index costs besides the service.
  const rssBeforeRecomputeMb = memoryMb(pid, 'VmRSS');
  progress(`[${mode}] full metrics recompute (resident before: ${rssBeforeRecomputeMb} MB)`);
  const started = performance.now();
  const recompute = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(`${service.url}/network/metrics/recompute`, { method: 'POST', headers: { authorization: `Bearer ${bearer}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.setTimeout(600_000);
    req.on('error', reject);
    req.end();
  });
  // Meanwhile, warm paths on a second connection: how long a request waits while the recompute runs
  // (graphology's Louvain and the SQL load hold the event loop; the index's copy and betweenness yield).
  const duringMs: number[] = [];
  let recomputing = true;
  void recompute.finally(() => (recomputing = false)).catch(() => undefined);
  // A new connection per probe: a kept-alive one can be closed by the server's keep-alive timer the
  // moment the event loop comes free, just as the next request goes out (ECONNRESET).
  const other = new Agent({ keepAlive: false, maxSockets: 1 });
  for (let q = 20; recomputing; q = q + 1 >= QUERIES + 20 ? 20 : q + 1) {
    const at = performance.now();
    const answer = await get(other, `${service.url}/matchmaking/${idOf(innovators[q])}/warm-path/${idOf(funders[q])}`, bearer);
    if (answer.status !== 200 && answer.status !== 404) throw new Error(`warm path during the recompute answered ${answer.status}`);
    duringMs.push(performance.now() - at);
    // A pause, so that the probe itself hardly slows the recompute it watches.
    await sleep(50);
  }
  other.destroy();
  const recomputed = await recompute;
  const metricsS = (performance.now() - started) / 1000;
  if (recomputed.status !== 200) throw new Error(`recompute answered ${recomputed.status}: ${recomputed.body.slice(0, 300)}`);
  const snapshot = JSON.parse(recomputed.body) as Measured['snapshot'] & { phaseMs: Record<string, number> };
  const peakMb = peakRssMb(pid);
  agent.destroy();
  await service.stop();
  const match = summarize(matchMs);
  const path = summarize(pathMs);
  const during = summarize(duringMs);
  progress(`[${mode}] ${duringMs.length} warm paths during the recompute: p50 ${round(during.p50, 1)} ms, max ${round(during.max, 1)} ms`);
  progress(`[${mode}] matches p50 ${round(match.p50, 1)} ms p99 ${round(match.p99, 1)} ms; paths p50 ${round(path.p50, 1)} p99 ${round(path.p99, 1)} ms (${found} found, mean ${round(hops / Math.max(found, 1), 2)} hops)`);
  progress(`[${mode}] metrics: ${snapshot.nodes} nodes, ${snapshot.edges} edges, ${snapshot.communities} communities, betweenness from ${snapshot.betweennessSample} pivots, ${round(metricsS, 1)} s (${JSON.stringify(snapshot.phaseMs)}); peak ${peakMb} MB`);
  return { rssBeforeRecomputeMb, match, path, during, found, hops, pathHops, matchLists, metricsS, phaseMs: snapshot.phaseMs, snapshot, peakRssMb: peakMb, indexLoadMs: status.loadMs };
}

main().catch((error: unknown) => {
  progress(`failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exitCode = 1;
});
