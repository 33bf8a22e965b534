import type { EntityManager } from 'typeorm';
import { definitionOf, ModuleCompletedV1 } from '@socialmakers/contracts';
import { RequestContext } from '@socialmakers/logging';
import { ContractViolationError, EventOutbox } from '../event-outbox';

interface RecordedQuery {
  sql: string;
  params: unknown[][];
}

/** The part of an EntityManager the outbox uses: query() and the transaction flag of its runner. */
function fakeManager(inTransaction: boolean): { manager: EntityManager; queries: RecordedQuery[] } {
  const queries: RecordedQuery[] = [];
  const manager = {
    queryRunner: { isTransactionActive: inTransaction },
    query: async (sql: string, params: unknown[][]) => {
      queries.push({ sql, params });
      return [];
    },
  } as unknown as EntityManager;
  return { manager, queries };
}

const TYPE = ModuleCompletedV1.type;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function completion(personId: string, moduleKey = 'financing') {
  return { personId, courseKey: 'social-innovation-academy', moduleKey, completedAt: '2026-03-14T09:30:00.000Z' };
}

const ana = '6f1c2b9e-4d3a-4b8e-9f21-0a7c5d3e8b14';
const bor = '1d8e4a7c-2b3f-4e9a-8c5d-7f0b6a1e2c93';

describe('EventOutbox', () => {
  const outbox = new EventOutbox('learning');
  const savedNamespace = process.env.KAFKA_NAMESPACE;
  beforeEach(() => delete process.env.KAFKA_NAMESPACE);
  afterAll(() => {
    if (savedNamespace !== undefined) process.env.KAFKA_NAMESPACE = savedNamespace;
  });

  it('refuses to write outside a transaction', async () => {
    const { manager, queries } = fakeManager(false);

    await expect(outbox.publish(manager, TYPE, completion(ana))).rejects.toThrow(/inside the transaction/);
    expect(queries).toEqual([]);
  });

  it('refuses to write through a manager that has no query runner (not in a transaction)', async () => {
    const manager = { query: async () => [] } as unknown as EntityManager;

    await expect(outbox.publish(manager, TYPE, completion(ana))).rejects.toThrow(/inside the transaction/);
  });

  it('refuses a payload that breaks its contract, naming the field', async () => {
    const { manager, queries } = fakeManager(true);

    const publishing = outbox.publish(manager, TYPE, { ...completion(ana), personId: 'ana' });

    await expect(publishing).rejects.toThrow(ContractViolationError);
    await expect(publishing).rejects.toThrow(/personId: personId must be a person id/);
    expect(queries).toEqual([]);
  });

  it('refuses an event that the catalogue says another service produces', async () => {
    const { manager, queries } = fakeManager(true);

    const publishing = new EventOutbox('community').publish(manager, TYPE, completion(ana));

    await expect(publishing).rejects.toThrow(ContractViolationError);
    await expect(publishing).rejects.toThrow('community may not publish org.socialmakers.learning.module.completed.v1');
    expect(queries).toEqual([]);
  });

  it('writes several events with one INSERT, taking topics, keys and subjects from the catalogue', async () => {
    const { manager, queries } = fakeManager(true);

    const envelopes = await outbox.publishAll(manager, [
      { type: TYPE, payload: completion(ana) },
      { type: TYPE, payload: completion(bor) },
      { type: TYPE, payload: completion(ana, 'governance') },
    ]);

    expect(queries).toHaveLength(1);
    const [{ sql, params }] = queries;
    expect(sql).toMatch(/^INSERT INTO outbox/);
    const [ids, topics, keys, types, sources, subjects, times, payloads, requestIds] = params;
    expect(ids).toEqual(envelopes.map((envelope) => envelope.id));
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).toMatch(UUID);
    expect(topics).toEqual(Array(3).fill(definitionOf(TYPE).topic.name));
    expect(keys).toEqual([ana, bor, ana]);
    expect(types).toEqual([TYPE, TYPE, TYPE]);
    expect(sources).toEqual(Array(3).fill('/socialmakers/learning'));
    expect(subjects).toEqual([`person/${ana}`, `person/${bor}`, `person/${ana}`]);
    for (const time of times) expect(Number.isNaN(Date.parse(String(time)))).toBe(false);
    expect(payloads.map((payload) => JSON.parse(String(payload)))).toEqual([completion(ana), completion(bor), completion(ana, 'governance')]);
    expect(requestIds).toEqual([null, null, null]);
  });

  it('writes nothing for no events', async () => {
    const { manager, queries } = fakeManager(false);

    await expect(outbox.publishAll(manager, [])).resolves.toEqual([]);
    expect(queries).toEqual([]);
  });

  it('stores the validated payload, without fields its contract does not know', async () => {
    const { manager, queries } = fakeManager(true);
    const payload = { ...completion(ana), internalNote: 'not part of the contract' };

    const envelope = await outbox.publish(manager, TYPE, payload);

    expect(envelope.data).toEqual(completion(ana));
    expect(JSON.parse(String(queries[0].params[7][0]))).toEqual(completion(ana));
  });

  it('stamps the request id of the surrounding RequestContext on the event', async () => {
    const { manager, queries } = fakeManager(true);

    const envelope = await RequestContext.run({ requestId: 'req-7d2f' }, () => outbox.publish(manager, TYPE, completion(ana)));

    expect(envelope).toMatchObject({ requestid: 'req-7d2f', source: '/socialmakers/learning', type: TYPE, partitionkey: ana });
    expect(queries[0].params[8]).toEqual(['req-7d2f']);
  });

  describe('insertStatement (the outbox insert embedded in a caller\'s own statement)', () => {
    it('numbers its parameters from where the caller\'s end and inserts only when the condition holds', () => {
      const insert = outbox.insertStatement([{ type: TYPE, payload: completion(ana) }], { firstParameter: 4, when: 'EXISTS (SELECT 1 FROM created)' });

      expect(insert.sql).toMatch(/^INSERT INTO outbox \(event_id, topic, partition_key, event_type, source, subject, occurred_at, payload, request_id\)/);
      expect(insert.sql).toContain('unnest($4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::timestamptz[], $11::jsonb[], $12::text[])');
      expect(insert.sql).not.toContain('$3');
      expect(insert.sql).not.toContain('$13');
      expect(insert.sql.endsWith(' WHERE EXISTS (SELECT 1 FROM created)')).toBe(true);
      expect(insert.parameters).toHaveLength(9);
      expect(insert.parameters[0]).toEqual([insert.envelopes[0].id]);
      expect(insert.parameters[2]).toEqual([ana]);
      expect(JSON.parse(String((insert.parameters[7] as string[])[0]))).toEqual(completion(ana));
    });

    it('gives the same rows as publishAll', async () => {
      const { manager, queries } = fakeManager(true);
      await outbox.publishAll(manager, [{ type: TYPE, payload: completion(bor) }]);
      const insert = outbox.insertStatement([{ type: TYPE, payload: completion(bor) }]);

      expect(insert.sql).toBe(queries[0].sql);
      const withoutIdAndTime = (params: unknown[]) => params.filter((_, i) => i !== 0 && i !== 6);
      expect(withoutIdAndTime(insert.parameters)).toEqual(withoutIdAndTime(queries[0].params));
    });

    it('refuses a payload that breaks its contract before any SQL exists', () => {
      expect(() => outbox.insertStatement([{ type: TYPE, payload: { ...completion(ana), moduleKey: '' } }])).toThrow(ContractViolationError);
    });
  });
});
