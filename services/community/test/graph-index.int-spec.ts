import { randomUUID } from 'node:crypto';
import { ServiceProcess, waitFor, type TestDatabase } from '@socialmakers/testing';
import { admin, call, profile, publishAttendance, sql, startCommunity, token } from './support';

interface WarmPath {
  hops: number;
  path: Array<{ personId: string; displayName: string | null }>;
  code?: string;
}
interface IndexStatus {
  mode: string;
  nodes: number | null;
  pairs: number | null;
  verification?: { matchesDatabase: boolean };
}

/**
 * The in-memory graph index against PostgreSQL per query, on the same database: one replica answers
 * from memory (GRAPH_INDEX=memory, the default), another from SQL (GRAPH_INDEX=sql). Writes go through
 * the SQL replica, so the memory replica only learns of them from the change log, and every read
 * right after a write checks that it honours the write at once.
 */
describe('community: the in-memory graph index gives the answers PostgreSQL gives', () => {
  let memory: ServiceProcess;
  let reference: ServiceProcess;
  let db: TestDatabase;
  // A chain of workshops p0–p2–p4–p6–p8–{p11}, a side link p3–p7, and a second innovator at p4's workshop.
  const p = Array.from({ length: 13 }, () => randomUUID());
  const activities = Array.from({ length: 8 }, () => randomUUID());
  const innovators = [p[0], p[12]];
  const consenting = new Set<string>();

  const at = (activityId: string, people: string[]) => people.map((personId) => ({ activityId, personId, attendedAt: '2018-10-12T07:00:00.000Z' }));
  const put = (id: string, body: Record<string, unknown>) => call(reference.url, 'PUT', `/stakeholders/${id}`, { token: token(id), body });
  const path = (service: ServiceProcess, from: string, to: string) => call<WarmPath>(service.url, 'GET', `/matchmaking/${from}/warm-path/${to}`, { token: token(from) });
  const matches = (service: ServiceProcess, personId: string) => call(service.url, 'GET', `/matchmaking/${personId}/matches?kinds=funder,policymaker,entrepreneur,citizen&limit=20`, { token: token(personId) });
  const indexStatus = async () => (await call<IndexStatus>(memory.url, 'GET', '/network/graph-index?verify=true', { token: admin.token })).body;
  const edges = async () => (await sql<{ n: number }>(db, `SELECT count(DISTINCT (source_id, target_id))::int AS n FROM graph_edges`))[0].n;

  /** Every innovator to every other person, and the innovators' matches: memory and SQL agree. */
  async function expectSameAnswers(): Promise<{ found: number }> {
    let found = 0;
    for (const from of innovators) {
      for (const to of p) {
        const [fromMemory, fromSql] = [await path(memory, from, to), await path(reference, from, to)];
        expect({ to, status: fromMemory.status }).toEqual({ to, status: fromSql.status });
        if (fromMemory.status !== 200) {
          expect(fromMemory.body.code).toBe(fromSql.body.code);
          continue;
        }
        found += 1;
        // Equally short paths may tie; the length must agree, and the path must be a warm one.
        expect({ to, hops: fromMemory.body.hops }).toEqual({ to, hops: fromSql.body.hops });
        const ids = fromMemory.body.path.map((step) => step.personId);
        expect([ids[0], ids[ids.length - 1]]).toEqual([from, to]);
        for (const between of ids.slice(1, -1)) expect({ between, consenting: consenting.has(between) }).toEqual({ between, consenting: true });
        for (let i = 1; i < ids.length; i++) {
          const [a, b] = ids[i - 1] < ids[i] ? [ids[i - 1], ids[i]] : [ids[i], ids[i - 1]];
          expect(await sql(db, `SELECT 1 FROM graph_edges WHERE source_id = $1 AND target_id = $2 LIMIT 1`, [a, b])).toHaveLength(1);
        }
      }
      const [mine, theirs] = [await matches(memory, from), await matches(reference, from)];
      expect(mine.status).toBe(200);
      expect(mine.body).toEqual(theirs.body);
    }
    return { found };
  }

  beforeAll(async () => {
    // The index's timer practically off: only the read-before-answer can bring it up to date.
    ({ service: memory, db } = await startCommunity('graph_index', { GRAPH_INDEX: 'memory', GRAPH_INDEX_REFRESH_MS: '3600000' }));
    const { PORT: _port, ...settings } = memory.env;
    reference = await ServiceProcess.start('community', { ...settings, DATABASE_URL: db.url, GRAPH_INDEX: 'sql' });
    await publishAttendance([
      ...at(activities[0], [p[0], p[1], p[2]]),
      ...at(activities[1], [p[2], p[3], p[4]]),
      ...at(activities[2], [p[4], p[5], p[6], p[12]]),
      ...at(activities[3], [p[6], p[7], p[8]]),
      ...at(activities[4], [p[8], p[9], p[10], p[11]]),
      ...at(activities[5], [p[3], p[7]]),
    ]);
    await waitFor('the six workshops', () => sql(db, `SELECT count(*)::int AS n FROM participations`), (r) => r[0].n === 19);
    const kinds: Record<number, string> = { 0: 'innovator', 12: 'innovator', 5: 'funder', 11: 'funder', 6: 'policymaker', 10: 'funder' };
    // p1 and p9 stay bare nodes (no profile); p10 does not appear in matches.
    for (const [i, id] of p.entries()) {
      if (i === 1 || i === 9) continue;
      const kind = kinds[i] ?? (i % 2 ? 'entrepreneur' : 'citizen');
      const appears = i !== 10;
      const offers = kind === 'funder' ? ['grants'] : kind === 'policymaker' ? ['regulatory-advice'] : [];
      expect((await put(id, profile({ kind, displayName: `Person ${i}`, appearsInMatches: appears, seeks: kind === 'innovator' ? ['funding'] : [], offers }))).status).toBe(201);
      if (appears) consenting.add(id);
    }
  });

  afterAll(async () => {
    await reference?.stop();
    await memory?.stop();
    await db?.drop();
  });

  it('loads the graph and equals a fresh read of PostgreSQL', async () => {
    const status = await indexStatus();
    expect(status).toMatchObject({ mode: 'memory', nodes: 13, verification: { matchesDatabase: true } });
    expect(status.pairs).toBe(await edges());
    expect((await call<IndexStatus>(reference.url, 'GET', '/network/graph-index', { token: admin.token })).body).toMatchObject({ mode: 'sql', nodes: null });
  });

  it('finds the same warm paths and matches as PostgreSQL, never through someone who does not consent', async () => {
    const { found } = await expectSameAnswers();
    expect(found).toBeGreaterThan(10);
    const answer = await path(memory, p[0], p[11]);
    expect(answer.body.hops).toBe(5);
    // p10 is on no path: a funder who does not appear in matches cannot be reached either.
    expect((await path(memory, p[0], p[10])).body.code).toBe('TARGET_NOT_FOUND');
  });

  it('uses a new edge at once', async () => {
    const before = await edges();
    await publishAttendance(at(activities[6], [p[2], p[8]]));
    await waitFor('the new tie', edges, (n) => n > before);
    expect((await path(memory, p[0], p[11])).body.hops).toBe(3);
    await expectSameAnswers();
    expect((await indexStatus()).verification).toEqual(expect.objectContaining({ matchesDatabase: true }));
  });

  it('leaves out at once a person who withdraws consent', async () => {
    const onPath = (await path(memory, p[0], p[11])).body.path.map((s) => s.personId);
    expect(onPath).toEqual([p[0], p[2], p[8], p[11]]);
    expect((await put(p[2], profile({ kind: 'citizen', displayName: 'Person 2', appearsInMatches: false }))).status).toBe(200);
    consenting.delete(p[2]);
    // Read right after the write, from the other replica: no wait for the index's timer.
    const answer = await path(memory, p[0], p[11]);
    expect(answer.status).toBe(404);
    expect(answer.body.code).toBe('NO_WARM_PATH');
    expect((await indexStatus()).verification).toEqual(expect.objectContaining({ matchesDatabase: true }));
    await expectSameAnswers();
  });

  it('leaves out at once a person who is erased, in paths and in matches', async () => {
    expect((await put(p[2], profile({ kind: 'citizen', displayName: 'Person 2', appearsInMatches: true }))).status).toBe(200);
    consenting.add(p[2]);
    expect((await path(memory, p[0], p[11])).body.hops).toBe(3);
    expect(JSON.stringify((await matches(memory, p[12])).body)).toContain(p[5]);
    expect((await call(reference.url, 'DELETE', `/privacy/people/${p[8]}`, { token: admin.token })).status).toBe(200);
    expect((await call(reference.url, 'DELETE', `/privacy/people/${p[5]}`, { token: admin.token })).status).toBe(200);
    consenting.delete(p[8]);
    consenting.delete(p[5]);
    const answer = await path(memory, p[0], p[11]);
    expect(answer.status).toBe(404);
    expect(JSON.stringify((await matches(memory, p[12])).body)).not.toContain(p[5]);
    // p6's only ways on go through p8 (erased) and p7 (through p3): the side link still works.
    expect((await path(memory, p[0], p[7])).body.path.map((s) => s.personId)).toEqual([p[0], p[2], p[3], p[7]]);
    expect((await indexStatus()).verification).toEqual(expect.objectContaining({ matchesDatabase: true }));
    await expectSameAnswers();
  });

  it('follows a rebuild of the graph from the stored facts and stays equal to PostgreSQL', async () => {
    const rebuilt = await call<{ edges: number }>(reference.url, 'POST', '/network/rebuild', { token: admin.token });
    expect(rebuilt.status).toBe(200);
    expect((await indexStatus()).verification).toEqual(expect.objectContaining({ matchesDatabase: true }));
    await expectSameAnswers();
  });

  it('computes the metrics on the same graph as PostgreSQL holds', async () => {
    type Snapshot = { nodes: number; edges: number; countries: unknown[]; phaseMs: Record<string, number> };
    const [fromMemory, fromSql] = [
      await call<Snapshot>(memory.url, 'POST', '/network/metrics/recompute', { token: admin.token }),
      await call<Snapshot>(reference.url, 'POST', '/network/metrics/recompute', { token: admin.token }),
    ];
    expect(fromMemory.status).toBe(200);
    expect({ nodes: fromMemory.body.nodes, edges: fromMemory.body.edges, countries: fromMemory.body.countries }).toEqual({
      nodes: fromSql.body.nodes,
      edges: fromSql.body.edges,
      countries: fromSql.body.countries,
    });
    expect(fromMemory.body.edges).toBe(await edges());
    expect(Object.keys(fromMemory.body.phaseMs).sort()).toEqual(['betweenness', 'communities', 'indicators', 'load', 'store']);
  });
});
