import { randomUUID } from 'node:crypto';
import {
  ConsumerGroups,
  deadLetterTopicFor,
  PersonErasedV1,
  qualified,
  Topics,
  type AttendanceRecordedV1Payload,
  type PersonErasedV1Payload,
} from '@socialmakers/contracts';
import { headersToStrings, sourceOf, toKafkaRecord, type EventEnvelope } from '@socialmakers/messaging';
import { produceRaw, readTopic, waitFor } from '@socialmakers/testing';
import { adminToken, attendanceOnTopic, call, learningForSuite, MODULES, publishCourse, tokenFor, uniqueKey } from './support';

/** Community's erasure, put on its stakeholder topic the way community's relay does. */
async function erasureOnTopic(payload: PersonErasedV1Payload | Record<string, unknown>, id = randomUUID()): Promise<string> {
  const envelope = {
    id,
    source: sourceOf('community'),
    type: PersonErasedV1.type,
    subject: `person/${String(payload.personId)}`,
    time: new Date().toISOString(),
    specversion: '1.0',
    datacontenttype: 'application/json',
    data: payload,
    partitionkey: String(payload.personId),
  } as EventEnvelope;
  await produceRaw(qualified(Topics.communityStakeholders.name), [toKafkaRecord(envelope)]);
  return id;
}

const workshop = (personId: string, attendedAt: string): AttendanceRecordedV1Payload => ({
  attendanceId: randomUUID(),
  activityId: randomUUID(),
  kind: 'workshop',
  personId,
  country: 'SI',
  organiserId: randomUUID(),
  lecturerIds: [randomUUID()],
  source: 'check-in',
  attendedAt,
});

/** Rows that still name the person, table by table. */
const TABLES = ['enrolments', 'module_starts', 'module_completions', 'course_completions', 'certificates', 'attendances'];

describe('learning: erasure of a person (community PersonErasedV1)', () => {
  const service = learningForSuite('learning_erasure');
  const url = service.url;
  const db = { query: (sql: string, values: unknown[]) => service.db().query(sql, values) };

  const rowsNaming = async (personId: string) => {
    const counts: Record<string, number> = {};
    for (const table of TABLES) counts[table] = (await db.query(`SELECT count(*)::int AS n FROM ${table} WHERE person_id = $1`, [personId])).rows[0].n;
    return counts;
  };
  const processed = async (eventId: string) => (await db.query(`SELECT count(*)::int AS n FROM inbox WHERE event_id = $1`, [eventId])).rows[0].n as number;

  it("moves the person's records to an anonymous id: counts stay, the certificate verifies as erased, a late event brings nothing back", async () => {
    const courseKey = uniqueKey('course');
    await publishCourse(url(), courseKey);
    const personId = randomUUID();
    const other = randomUUID();
    const token = tokenFor(personId, 'member');
    for (const learner of [personId, other]) {
      const asLearner = tokenFor(learner, 'member');
      expect((await call(url(), 'POST', `/learners/${learner}/enrolments`, { token: asLearner, body: { courseKey, country: 'SI' } })).status).toBe(201);
      await call(url(), 'POST', `/learners/${learner}/module-starts`, { token: asLearner, body: { courseKey, moduleKey: MODULES[0] } });
    }
    for (const moduleKey of MODULES) {
      const answer = await call(url(), 'POST', `/learners/${personId}/module-completions`, { token, body: { courseKey, moduleKey, score: 80 } });
      expect(answer.status).toBe(201);
    }
    const attendanceId = await attendanceOnTopic(workshop(personId, '2018-10-12T07:00:00.000Z'));
    await waitFor('the attendance', () => processed(attendanceId), (n) => n === 1);
    const code = (await call<Array<{ verificationCode: string }>>(url(), 'GET', `/learners/${personId}/certificates`, { token })).body[0].verificationCode;
    const statistics = async () => (await call(url(), 'GET', `/statistics/courses/${courseKey}`, { token: adminToken() })).body;
    const before = await statistics();
    expect(before).toMatchObject({ enrolled: 2, courseCompletions: 1, certificatesIssued: 1, enrolledByCountry: { SI: 2 } });
    const held = await rowsNaming(personId);
    expect(held).toMatchObject({ enrolments: 1, module_completions: 3, course_completions: 1, certificates: 1, attendances: 1 });
    expect(held.module_starts).toBeGreaterThanOrEqual(1);

    // Delivered twice (a relay retry): the inbox applies it once.
    const erasedAt = new Date().toISOString();
    const erasureId = randomUUID();
    await erasureOnTopic({ personId, erasedAt }, erasureId);
    await erasureOnTopic({ personId, erasedAt }, erasureId);
    await waitFor('the erasure', () => processed(erasureId), (n) => n === 1);

    expect(await rowsNaming(personId)).toEqual({ enrolments: 0, module_starts: 0, module_completions: 0, course_completions: 0, certificates: 0, attendances: 0 });
    expect(await statistics()).toEqual(before);
    // The other learner is untouched.
    expect((await rowsNaming(other)).enrolments).toBe(1);
    // Everything moved together to one id that is stored nowhere next to the person's.
    const moved = await db.query(`SELECT DISTINCT person_id FROM enrolments WHERE course_key = $1 AND person_id <> $2`, [courseKey, other]);
    expect(moved.rows).toHaveLength(1);
    const anonymous = moved.rows[0].person_id as string;
    expect(anonymous).not.toBe(personId);
    expect(await rowsNaming(anonymous)).toEqual({ ...held, attendances: 0 });
    expect((await db.query(`SELECT erased_at FROM erased_people WHERE person_id = $1`, [personId])).rows[0].erased_at.toISOString()).toBe(erasedAt);

    const verification = await call(url(), 'GET', `/certificates/${code}/verification`);
    expect(verification.status).toBe(200);
    expect(verification.body).toMatchObject({ valid: true, verificationCode: code, courseKey, personId: null, holderErased: true });
    const credential = await call(url(), 'GET', `/certificates/${code}/credential`);
    expect(credential.status).toBe(410);
    expect(credential.body).toMatchObject({ status: 410, code: 'CERTIFICATE_HOLDER_ERASED' });
    expect(String(credential.body.detail)).toContain('erased at their request');

    const record = await call<{ evidence: unknown[]; credentialSubject: { id: string } }>(url(), 'GET', `/learners/${personId}/record`, { token });
    expect(record.status).toBe(200);
    expect(record.body.evidence).toEqual([]);
    expect((await call<unknown[]>(url(), 'GET', `/learners/${personId}/enrolments`, { token })).body).toEqual([]);

    // An attendance from before the erasure arrives late (its topic has its own order): not kept.
    const late = await attendanceOnTopic(workshop(personId, '2018-11-20T09:00:00.000Z'));
    await waitFor('the late attendance', () => processed(late), (n) => n === 1);
    expect((await rowsNaming(personId)).attendances).toBe(0);
    // A migration file made before the erasure is imported again: the person's rows are refused.
    const reimport = await call<{ rowsImported: number; rejected: Array<{ line: number; reason: string }> }>(url(), 'POST', '/imports/learners', {
      token: adminToken(),
      body: { rows: [{ personId, courseKey, country: 'SI', enrolledAt: '2018-10-01T09:00:00Z' }, { personId, courseKey, moduleKey: MODULES[0], completedAt: '2018-10-05T09:00:00Z' }] },
    });
    expect(reimport.status).toBe(200);
    expect(reimport.body.rowsImported).toBe(0);
    expect(reimport.body.rejected).toEqual([
      { line: 1, reason: expect.stringContaining('asked to be erased') },
      { line: 2, reason: expect.stringContaining('asked to be erased') },
    ]);
    expect(await rowsNaming(personId)).toMatchObject({ enrolments: 0, module_completions: 0 });
    expect(await statistics()).toEqual(before);

    // What the person does after the erasure starts afresh, as a new profile does in community.
    const afterwards = await attendanceOnTopic(workshop(personId, new Date(Date.now() + 60_000).toISOString()));
    await waitFor('the attendance after the erasure', () => processed(afterwards), (n) => n === 1);
    expect((await rowsNaming(personId)).attendances).toBe(1);
  });

  it('dead-letters an erasure that breaks its contract and goes on with the next', async () => {
    const bad = await erasureOnTopic({ personId: 'not-a-person-id', erasedAt: 'yesterday' });
    const personId = randomUUID();
    const courseKey = uniqueKey('course');
    await publishCourse(url(), courseKey);
    await call(url(), 'POST', `/learners/${personId}/enrolments`, { token: tokenFor(personId, 'member'), body: { courseKey } });
    const good = await erasureOnTopic({ personId, erasedAt: new Date().toISOString() });
    await waitFor('the next erasure', () => processed(good), (n) => n === 1);
    expect((await rowsNaming(personId)).enrolments).toBe(0);

    const deadLetters = await waitFor(
      'the dead letter',
      async () => (await readTopic(deadLetterTopicFor(qualified(ConsumerGroups.learning)).name)).map((r) => headersToStrings(r.message.headers)),
      (headers) => headers.some((h) => h.ce_id === bad),
    );
    expect(deadLetters.find((h) => h.ce_id === bad)).toMatchObject({ 'dlt.reason': 'contract', ce_type: PersonErasedV1.type });
    expect(await processed(bad)).toBe(0);
  });
});
