import { DataSource } from 'typeorm';
import { keepRecordData, recordDataOf, type EventEnvelope } from '@socialmakers/messaging';
import { TestDatabase } from '@socialmakers/testing';
import { analyticsDataSourceOptions } from '../src/database/data-source';
import { parsePeriod } from '../src/common/period';
import { holdLiveWriters, PROJECTION_TABLES, ProjectorService, type ProjectionWriter } from '../src/projections/projector.service';
import { COUNTER_TABLES, recountFromFacts } from '../src/projections/recount';
import { finishReplay, prepareForReplay } from '../src/rebuild/replay-tables';
import { ReportService } from '../src/results/report.service';
import type { ResultsReport } from '../src/results/report';
import { envelope, programme } from './support';

/**
 * The projector and the report's counters on a real database, without the broker, so that delivery
 * order, chunking and duplicates can be chosen: the counters must always give what counting the
 * facts gives, and an erased person must leave no trace while every count stays as it was.
 */
describe('analytics projections: counters and erasure', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  const projector = new ProjectorService();
  let reports: ReportService;
  const year2018 = parsePeriod({ year: '2018' }, 2018);

  beforeAll(async () => {
    db = await TestDatabase.create('analytics_projections');
    dataSource = await new DataSource(analyticsDataSourceOptions(db.url)).initialize();
    await dataSource.runMigrations();
    reports = new ReportService(dataSource);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  const reset = () => dataSource.query(`TRUNCATE ${PROJECTION_TABLES.join(', ')}`);
  const apply = async (events: EventEnvelope[], chunk: number, writer: ProjectionWriter = 'live') => {
    for (let i = 0; i < events.length; i += chunk) {
      await dataSource.transaction((manager) => projector.apply(events.slice(i, i + chunk), manager, writer));
    }
  };
  const recount = () => dataSource.transaction(recountFromFacts);
  /** Random anonymous ids of the erased, written as ERASED, so that two runs compare. */
  const withoutAnonymousIds = async (rows: Array<Record<string, unknown>>) => {
    const anonymous: Array<{ id: string }> = await dataSource.query(`SELECT anonymous_id AS id FROM erased_people`);
    return rows.map((row) => anonymous.reduce((text, { id }) => text.split(id).join('ERASED'), JSON.stringify(row))).sort();
  };
  const eventLog = async () =>
    withoutAnonymousIds(await dataSource.query(`SELECT event_source, event_id, type, subject, occurred_at, recorded_at, country, data FROM event_log`));
  /** Every counter row, less those whose count came back to 0 (moved counters keep them; a recount writes none). */
  const counterRows = async () => {
    const rows: Record<string, string[]> = {};
    for (const table of COUNTER_TABLES) {
      const all: Array<Record<string, unknown>> = await dataSource.query(`SELECT * FROM ${table}`);
      rows[table] = await withoutAnonymousIds(all.filter((row) => !['n', 'refs', 'people'].some((count) => row[count] === 0) && !(row['enrolled'] === 0 && row['created'] === 0)));
    }
    return rows;
  };
  /** A deterministic shuffle, so a failure can be rerun. */
  const shuffled = <T>(items: T[], seed: number): T[] => {
    const copy = [...items];
    let state = seed;
    for (let i = copy.length - 1; i > 0; i -= 1) {
      state = (state * 1664525 + 1013904223) >>> 0;
      const j = state % (i + 1);
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  };
  const report = () => reports.report(year2018);
  /** Rows of any projection table (the event log included) that mention the id anywhere. */
  const rowsNaming = async (id: string) => {
    let rows = 0;
    for (const table of PROJECTION_TABLES) {
      const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM ${table} t WHERE t::text LIKE '%' || $1 || '%'`, [id]);
      rows += n;
    }
    return rows;
  };

  it('keeps counters that give what counting the facts gives, whatever the order, chunking and duplicates', async () => {
    const { events } = programme();
    await reset();
    await apply(events, 50);
    const inOrder = await report();
    expect(inOrder.enrolments).toMatchObject({ enrolled: 39, created: 40 });
    expect(inOrder.uniquePeople.total).toBe(48);
    expect(await reports.report(year2018, 'facts')).toEqual(inOrder);

    for (const seed of [1, 2, 3]) {
      await reset();
      // Every event twice, in a random order, in chunks of random-ish sizes (a duplicate may share a chunk).
      const mixed = shuffled([...events, ...shuffled(events, seed + 10)], seed);
      await apply(mixed, [1, 7, 120][seed - 1]);
      expect([seed, await report()]).toEqual([seed, inOrder]);
    }
  });

  it('replays as a rebuild does (the event log by COPY, then the facts written from it, the counters counted and the log keyed) to exactly what the live projector keeps', async () => {
    const { events, learners } = programme();
    const erasure = envelope('org.socialmakers.community.person.erased.v1', { personId: learners[1], erasedAt: '2019-03-01T00:00:00.000Z' });
    // Text that COPY's format has to escape (tab, newline, return, backslash), quotes and letters beyond ASCII.
    const awkward = envelope('org.socialmakers.learning.module.published.v1', {
      courseKey: 'social-innovation-academy', moduleKey: 'escaping', position: 9, required: false, publishedAt: '2018-01-02T00:00:00.000Z',
      summary: { en: 'A summary' },
      title: { en: 'Tab\there, "quoted", back\\slash \\N, line\nbreak\r', sl: 'Čšž — Łódź, Ősz' },
    });
    events.push(awkward);
    const mixed = shuffled([...events, ...shuffled(events, 31), erasure], 32);
    await reset();
    await apply(mixed, 9);
    const moved = await counterRows();
    const movedReport = await report();
    const movedLog = await eventLog();
    expect(movedLog).toHaveLength(events.length + 1);
    // Enough people's rows to compare (one per person, year, stage and country: none under '*'), and
    // people counted under every kind of key, '*' included.
    expect(moved['reach_people'].length).toBeGreaterThan(50);
    expect(moved['reach_people'].filter((row) => row.includes('"*"'))).toEqual([]);
    for (const key of ['"stage":"*","country":"*"', '"stage":"*","country":"SI"', '"stage":"moduleCompleted","country":"*"']) {
      expect([key, moved['reach_counts'].some((row) => row.includes(key))]).toEqual([key, true]);
    }
    for (const table of COUNTER_TABLES) expect([table, moved[table].length > 0]).toEqual([table, true]);
    await recount();
    expect(await counterRows()).toEqual(moved);

    // The rebuild's replay, in another order and chunking (every event twice), then its finish: the same.
    await dataSource.transaction(prepareForReplay);
    await apply(shuffled(mixed, 33), 13, 'replay');
    // The replay only appended to the event log (and noted who was erased): the finish writes the facts, then the counters.
    const [{ written, logged }] = await dataSource.query(
      `SELECT ${PROJECTION_TABLES.filter((table) => table !== 'event_log' && table !== 'erased_people').map((table) => `(SELECT count(*) FROM ${table})`).join(' + ')} AS written,
              (SELECT count(*) FROM event_log) AS logged`,
    );
    expect(Number(written)).toBe(0);
    expect(Number(logged)).toBeGreaterThan(events.length + 1);
    await finishReplay(dataSource);
    expect(await counterRows()).toEqual(moved);
    expect(await eventLog()).toEqual(movedLog);
    expect(await report()).toEqual(movedReport);
    // Keyed again: the live projector's upsert on the event log works, and a repeat adds nothing.
    await apply(mixed.slice(0, 30), 30);
    expect(await eventLog()).toEqual(movedLog);
    const [{ data }] = await dataSource.query(`SELECT data FROM event_log WHERE event_id = $1`, [awkward.id]);
    expect(data).toEqual(awkward.data);
  });

  it('holds live writers while a rebuild runs, and lets them go on when it ends', async () => {
    const { events } = programme();
    await reset();
    const rebuild = dataSource.createQueryRunner();
    await rebuild.connect();
    try {
      await holdLiveWriters(rebuild.manager);
      let applied = false;
      const live = apply(events.slice(0, 10), 10).then(() => (applied = true));
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(applied).toBe(false);
      expect(await eventLog()).toHaveLength(0);
      await rebuild.query('SELECT pg_advisory_unlock_all()');
      await live;
      expect(await eventLog()).toHaveLength(10);
    } finally {
      await rebuild.release();
    }
  });

  it('keys the event log again when a rebuild died after dropping its keys, and the live projector goes on', async () => {
    const { events } = programme();
    await reset();
    // A rebuild that got as far as its replay (keys dropped, a repeated delivery appended), then was killed.
    await dataSource.transaction(prepareForReplay);
    await apply([...events.slice(0, 20), ...events.slice(0, 5)], 25, 'replay');
    await apply(events.slice(0, 30), 30);
    const keys: Array<{ conname: string }> = await dataSource.query(`SELECT conname FROM pg_constraint WHERE conrelid = 'event_log'::regclass ORDER BY 1`);
    expect(keys.map((key) => key.conname)).toEqual(['event_log_event_key', 'event_log_pkey']);
    expect(await eventLog()).toHaveLength(30);
  });

  it('stages the next chunk on a connection whose failed chunk had created the staging table', async () => {
    await reset();
    // One connection, new to the staging table: the failing chunk's transaction creates the table,
    // and its rollback takes the table with it.
    const single = await new DataSource({ ...analyticsDataSourceOptions(db.url), extra: { max: 1 } }).initialize();
    try {
      const completion = (personId: string) =>
        envelope('org.socialmakers.learning.module.completed.v1', { personId, courseKey: 'academy', moduleKey: 'financing', country: 'SI', score: 90, completedAt: '2018-05-01T10:00:00.000Z' });
      // A payload the database refuses (the envelope skips the consumer's checks): the chunk fails after staging.
      await expect(single.transaction((manager) => projector.apply([completion('not-a-uuid')], manager))).rejects.toThrow(/uuid/);
      await single.transaction((manager) => projector.apply([completion('0b7f1c64-54a5-4a35-9d2b-3c2a3b1d9e02')], manager));
      const [{ n }] = await single.query(`SELECT count(*)::int AS n FROM module_completions`);
      expect(n).toBe(1);
    } finally {
      await single.destroy();
    }
  });

  it('moves a completion counted on a later day to the earlier one when that arrives later', async () => {
    await reset();
    const personId = '0b7f1c64-54a5-4a35-9d2b-3c2a3b1d9e01';
    const completion = (completedAt: string, country: string) =>
      envelope('org.socialmakers.learning.module.completed.v1', { personId, courseKey: 'academy', moduleKey: 'financing', country, score: 90, completedAt });
    await apply([completion('2019-01-05T10:00:00.000Z', 'AT')], 1);
    expect((await reports.report(parsePeriod({ year: '2019' }, 2019))).countryFunnel).toContainEqual(expect.objectContaining({ country: 'AT', moduleCompleted: 1 }));
    await apply([completion('2018-12-30T10:00:00.000Z', 'SI')], 1);
    const in2019 = await reports.report(parsePeriod({ year: '2019' }, 2019));
    expect(in2019.funnel).toEqual([]);
    expect(in2019.countryFunnel).toEqual([]);
    const in2018 = await report();
    expect(in2018.funnel[0].modules).toEqual([{ moduleKey: 'financing', position: null, title: null, completed: 1 }]);
    expect(in2018.countryFunnel).toContainEqual(expect.objectContaining({ country: 'SI', moduleCompleted: 1 }));
    expect(in2018).toEqual(await reports.report(year2018, 'facts'));
  });

  describe('erasure (community person.erased)', () => {
    const erasure = (personId: string) => envelope('org.socialmakers.community.person.erased.v1', { personId, erasedAt: '2019-03-01T00:00:00.000Z' });

    it('removes the person id from every projection and the event log, counts unchanged, when the erasure comes after their events', async () => {
      const { events, learners } = programme();
      // learners[2]: enrolled, modules, workshop A, a profile, an introduction and a connection to the funder.
      const erased = learners[2];
      await reset();
      await apply(events, 40);
      const before = await report();
      expect(await rowsNaming(erased)).toBeGreaterThan(5);
      // Their certificate's public verification code shows whose it is.
      expect(await rowsNaming('SIA-TEST-0002-AAAA')).toBe(1);
      await apply([erasure(erased)], 1);
      expect(await rowsNaming(erased)).toBe(0);
      expect(await rowsNaming('SIA-TEST-0002-AAAA')).toBe(0);
      expect(await rowsNaming('SIA-TEST-0003-AAAA')).toBe(1);
      expect(await report()).toEqual(before);
      expect(before.countryFunnel.find((row) => row.country === 'SI')).toMatchObject({ introductionRequested: 1, connectedToFunderOrPolicymaker: 1 });
      const [{ anonymous }] = await dataSource.query(`SELECT count(*)::int AS anonymous FROM erased_people`);
      expect(anonymous).toBe(1);
      // Delivered again (a replay without the inbox): still nothing of theirs.
      await apply(events.filter((e) => JSON.stringify(e.data).includes(erased)), 3);
      expect(await rowsNaming(erased)).toBe(0);
      expect(await report()).toEqual(before);
    });

    it('applies an erasure in the same chunk as repeats of the person\'s stored facts, live and in a replay: nothing of theirs left, nothing counted twice', async () => {
      const { events, learners } = programme();
      const erased = learners[2];
      const theirs = events.filter((e) => JSON.stringify(e.data).includes(erased));
      const facts = () => dataSource.query(`SELECT (SELECT count(*) FROM module_completions)::int AS modules, (SELECT count(*) FROM attendances)::int AS attended, (SELECT count(*) FROM enrolment_events)::int AS enrolments`);
      await reset();
      await apply(events, 40);
      const [factsBefore, reportBefore] = [await facts(), await report()];
      // (Stored first, the chunk's repeats made rows of the anonymous id that the rewrite of the stored ones then collided with.)
      await dataSource.transaction((manager) => projector.apply([...theirs, erasure(erased)], manager));
      expect(await rowsNaming(erased)).toBe(0);
      expect(await facts()).toEqual(factsBefore);
      expect(await report()).toEqual(reportBefore);
      // A replay: the chunk rewrites what was logged before it, and the facts written from the log at the end name them nowhere.
      await reset();
      await dataSource.transaction(prepareForReplay);
      await apply(events, 40, 'replay');
      await dataSource.transaction((manager) => projector.apply([...theirs, erasure(erased)], manager, 'replay'));
      await finishReplay(dataSource);
      expect(await rowsNaming(erased)).toBe(0);
      expect(await facts()).toEqual(factsBefore);
    });

    it("stores each event's data from its record's bytes when it has them as from the data, live and in a replay, and an erased person's from neither", async () => {
      const { events, learners } = programme();
      // Indented with tabs and new lines, as a producer may write it: COPY must escape both.
      const fromRecords = events.map((e) => {
        const copy = { ...e };
        keepRecordData(copy, Buffer.from(JSON.stringify(e.data, null, '\t')));
        return copy;
      });
      expect(fromRecords.every((e) => recordDataOf(e)?.includes('\n\t'))).toBe(true);
      for (const writer of ['live', 'replay'] as const) {
        await reset();
        await apply(events, 40, writer);
        const fromData = await eventLog();
        await reset();
        await apply(fromRecords, 40, writer);
        expect([writer, await eventLog()]).toEqual([writer, fromData]);
      }
      // Their events and their erasure in one chunk: the ids replaced in the data, which no record's bytes then carry.
      const erased = learners[2];
      await reset();
      await apply([...fromRecords.filter((e) => JSON.stringify(e.data).includes(erased)), erasure(erased)], 100);
      expect(await rowsNaming(erased)).toBe(0);
    });

    it('stores the events of an already erased person without their id, with the same report, in any interleaving', async () => {
      const { events, learners } = programme();
      const erased = [learners[2], learners[0]];
      await reset();
      await apply(events, 40);
      const expected = await report();

      for (const seed of [4, 5]) {
        await reset();
        // The erasures first, then everything else in a random order.
        await apply([...erased.map(erasure), ...shuffled(events, seed)], seed === 4 ? 1 : 25);
        for (const id of erased) expect(await rowsNaming(id)).toBe(0);
        expect(await rowsNaming('SIA-TEST-0000-AAAA')).toBe(0);
        expect([seed, await report()]).toEqual([seed, expected]);
      }
      await reset();
      // The erasures in the middle of the stream.
      const mixed = shuffled(events, 6);
      await apply([...mixed.slice(0, 60), erasure(erased[0]), ...mixed.slice(60, 120), erasure(erased[1]), ...mixed.slice(120)], 17);
      for (const id of erased) expect(await rowsNaming(id)).toBe(0);
      const report2018: ResultsReport = await report();
      expect(report2018).toEqual(expected);
      expect(await reports.report(year2018, 'facts')).toEqual(expected);
    });
  });
});
