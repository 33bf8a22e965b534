import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import { ModuleCompletedV1, personIdForEmail, Topics, type AttendanceRecordedV1Payload } from '@socialmakers/contracts';
import { waitFor } from '@socialmakers/testing';
import { adminToken, attendanceOnTopic, call, learningForSuite, publishCourse, recordsKeyed, tokenFor, uniqueKey } from './support';

const ob3Schema = JSON.parse(readFileSync(resolve(__dirname, '../../../../shared/conformance/ob3-achievementcredential.schema.json'), 'utf8'));

function validateOpenBadge(document: unknown): string[] {
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(ob3Schema);
  return validate(document) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

type Report = {
  rowsReceived: number;
  rowsImported: number;
  rowsAlreadyOnRecord: number;
  rowsRejected: number;
  created: { enrolments: number; moduleCompletions: number; courseCompletions: number };
  rejected: Array<{ line: number; reason: string }>;
};

describe('learning: learner record, bulk import and statistics', () => {
  const learning = learningForSuite('learning_record');
  const url = learning.url;

  it("builds the learner record from completions and the events service's attendance, consumed once", async () => {
    const courseKey = uniqueKey('course');
    await publishCourse(url(), courseKey);
    const personId = randomUUID();
    const token = tokenFor(personId, 'member');
    await call(url(), 'POST', `/learners/${personId}/enrolments`, { token, body: { courseKey, country: 'SI' } });
    await call(url(), 'POST', `/learners/${personId}/module-completions`, { token, body: { courseKey, moduleKey: 'active-citizenship', score: 88 } });

    const workshop: AttendanceRecordedV1Payload = {
      attendanceId: randomUUID(),
      activityId: randomUUID(),
      kind: 'workshop',
      personId,
      country: 'SI',
      organiserId: randomUUID(),
      courseKey,
      moduleKey: 'active-citizenship',
      lecturerIds: [],
      source: 'sign-in-sheet',
      attendedAt: '2018-11-15T16:00:00.000Z',
    };
    const festival: AttendanceRecordedV1Payload = { ...workshop, attendanceId: randomUUID(), activityId: randomUUID(), kind: 'festival', courseKey: undefined, moduleKey: undefined };
    delete festival.courseKey;
    delete festival.moduleKey;
    const eventId = randomUUID();
    await attendanceOnTopic(workshop, eventId);
    await attendanceOnTopic(workshop, eventId); // the same event delivered twice
    await attendanceOnTopic(festival);

    const record = await waitFor(
      'the record to show both activities',
      async () => (await call<Record<string, unknown> & { evidence: Array<{ genre: string; name: string }> }>(url(), 'GET', `/learners/${personId}/record`, { token })).body,
      (body) => body.evidence.filter((e) => e.genre === 'workshop' || e.genre === 'festival').length === 2,
    );
    expect(validateOpenBadge(record)).toEqual([]);
    expect(record).toMatchObject({ type: ['VerifiableCredential', 'OpenBadgeCredential'], credentialSubject: { id: `urn:uuid:${personId}` } });
    expect(record.evidence.map((e) => e.genre).sort()).toEqual(['festival', 'module-completion', 'workshop']);
    expect(record.evidence.find((e) => e.genre === 'module-completion')!.name).toBe('Module completed: Module active-citizenship');
    expect((await learning.db().query(`SELECT count(*)::int AS n FROM attendances WHERE person_id = $1`, [personId])).rows[0].n).toBe(2);

    // Only the person themself (or an admin or analyst) reads it.
    expect((await call(url(), 'GET', `/learners/${personId}/record`, { token: tokenFor(randomUUID(), 'member') })).status).toBe(403);
  });

  it('imports CSV rows, reports every rejected row with its line and reason, and imports nothing twice on a re-run', async () => {
    const courseKey = uniqueKey('course');
    await publishCourse(url(), courseKey);
    const ana = personIdForEmail('Ana.Novak@example.org');
    const ben = randomUUID();
    const csv = [
      'email,personId,courseKey,country,enrolledAt,moduleKey,completedAt,score',
      `ana.novak@example.org,,${courseKey},SI,2018-09-12,,,`,
      `ana.novak@example.org,,${courseKey},SI,,active-citizenship,2018-09-20T10:00:00Z,90`,
      `ana.novak@example.org,,${courseKey},SI,,social-challenges,2018-10-01T10:00:00Z,`,
      `ana.novak@example.org,,${courseKey},SI,,financing,2018-10-20T10:00:00Z,70`,
      `,${ben},${courseKey},HR,2018-09-15,,,`,
      `,${ben},no-such-course,HR,,,,`,
      `,${ben},${courseKey},HR,,no-such-module,,`,
      `,${ben},${courseKey},hr,,financing,2018-13-01,140`,
      `,${ben},${courseKey},HR,,financing,2018-10-01,40`,
      `,,${courseKey},HR,,,,`,
      `"not,an-email",,${courseKey},HR,,,,`,
      `,${ben},${courseKey},HR,,active-citizenship,2018-10-02T08:00:00Z,`,
      'too,few,fields',
    ].join('\n');
    const first = await call<Report>(url(), 'POST', '/imports/learners', { token: adminToken(), rawBody: csv, contentType: 'text/csv' });
    expect(first.status).toBe(200);
    expect(first.body.rejected).toEqual([
      { line: 7, reason: 'There is no published course "no-such-course".' },
      { line: 8, reason: `The course "${courseKey}" has no published module "no-such-module".` },
      { line: 9, reason: 'Country must be an ISO 3166-1 alpha-2 code in capitals, such as SI; completedAt must be an ISO 8601 date or timestamp; score must be a whole number from 0 to 100.' },
      { line: 10, reason: 'A score of 40% is below the pass mark of 60% for "financing".' },
      { line: 11, reason: 'PersonId or email is required.' },
      { line: 12, reason: 'Email is not an email address.' },
      { line: 14, reason: 'The row has 3 fields where the header has 8.' },
    ]);
    expect(first.body).toMatchObject({ rowsReceived: 13, rowsImported: 6, rowsAlreadyOnRecord: 0, rowsRejected: 7, created: { enrolments: 2, moduleCompletions: 4, courseCompletions: 1 } });

    // Ana completed all three required modules: her course is complete with its history's date.
    const progress = await call<Array<{ completedAt: string; enrolledAt: string; certificateCode: string | null }>>(url(), 'GET', `/learners/${ana}/progress`, { token: tokenFor(ana, 'member') });
    expect(progress.body[0]).toMatchObject({ enrolledAt: '2018-09-12T00:00:00.000Z', completedAt: '2018-10-20T10:00:00.000Z' });
    expect(progress.body[0].certificateCode).toEqual(expect.any(String));
    const events = await waitFor('the imported events', () => recordsKeyed(Topics.learningProgress.name, ana), (r) => r.length === 5);
    expect(events.filter((e) => e.type === ModuleCompletedV1.type).map((e) => e.data.completedAt)).toEqual([
      '2018-09-20T10:00:00.000Z',
      '2018-10-01T10:00:00.000Z',
      '2018-10-20T10:00:00.000Z',
    ]);

    const outboxBefore = (await learning.db().query(`SELECT count(*)::int AS n FROM outbox`)).rows[0].n;
    const again = await call<Report>(url(), 'POST', '/imports/learners', { token: adminToken(), rawBody: csv, contentType: 'text/csv' });
    expect(again.body).toMatchObject({ rowsImported: 0, rowsAlreadyOnRecord: 6, rowsRejected: 7, created: { enrolments: 0, moduleCompletions: 0, courseCompletions: 0 } });
    expect((await learning.db().query(`SELECT count(*)::int AS n FROM outbox`)).rows[0].n).toBe(outboxBefore);
  });

  it('imports JSON and NDJSON rows the same way', async () => {
    const courseKey = uniqueKey('course');
    await publishCourse(url(), courseKey);
    const people = [randomUUID(), randomUUID()];
    const json = await call<Report>(url(), 'POST', '/imports/learners', {
      token: adminToken(),
      body: { rows: [{ personId: people[0], courseKey, country: 'AT' }, { personId: people[0], courseKey, moduleKey: 'active-citizenship' }, { personId: 'x', courseKey }] },
    });
    expect(json.body).toMatchObject({ rowsImported: 2, rowsRejected: 1, rejected: [{ line: 3, reason: 'PersonId must be a UUID.' }] });
    const ndjson = [JSON.stringify({ personId: people[1], courseKey, country: 'PL' }), '', '{not json', JSON.stringify({ personId: people[1], courseKey, moduleKey: 'social-challenges', score: 50 })].join('\n');
    const answer = await call<Report>(url(), 'POST', '/imports/learners', { token: adminToken(), rawBody: ndjson, contentType: 'application/x-ndjson' });
    expect(answer.body).toMatchObject({ rowsImported: 2, rowsRejected: 1, rejected: [{ line: 3, reason: 'The line is not valid JSON.' }], created: { enrolments: 1, moduleCompletions: 1 } });
    const completion = (await learning.db().query(`SELECT country, score FROM module_completions WHERE person_id = $1`, [people[1]])).rows[0];
    expect(completion).toEqual({ country: 'PL', score: 50 });
  });

  it('answers per-course and per-module statistics to admins and analysts', async () => {
    const courseKey = uniqueKey('course');
    await publishCourse(url(), courseKey);
    const rows: Array<Record<string, unknown>> = [];
    for (let i = 0; i < 10; i += 1) {
      const personId = randomUUID();
      const country = i < 6 ? 'SI' : 'HU';
      rows.push({ personId, courseKey, country });
      if (i < 8) rows.push({ personId, courseKey, moduleKey: 'active-citizenship', score: 70 + i });
      if (i < 4) rows.push({ personId, courseKey, moduleKey: 'social-challenges' });
      if (i < 2) rows.push({ personId, courseKey, moduleKey: 'financing', score: 90 });
    }
    expect((await call<Report>(url(), 'POST', '/imports/learners', { token: adminToken(), body: { rows } })).body.rowsRejected).toBe(0);
    const someone = randomUUID();
    await call(url(), 'POST', `/learners/${someone}/enrolments`, { token: tokenFor(someone, 'member'), body: { courseKey, country: 'SI' } });
    await call(url(), 'DELETE', `/learners/${someone}/enrolments/${courseKey}`, { token: tokenFor(someone, 'member') });

    const statistics = await call<Record<string, unknown> & { modules: Array<Record<string, unknown>> }>(url(), 'GET', `/statistics/courses/${courseKey}`, { token: adminToken() });
    expect(statistics.status).toBe(200);
    expect(statistics.body).toMatchObject({ courseKey, enrolled: 11, active: 10, withdrawn: 1, enrolledByCountry: { SI: 7, HU: 4 }, courseCompletions: 2, certificatesIssued: 2 });
    expect(statistics.body.modules.map((m) => [m.moduleKey, m.completed, m.started])).toEqual([
      ['active-citizenship', 8, 8],
      ['social-challenges', 4, 4],
      ['financing', 2, 2],
      ['extra-reading', 0, 0],
    ]);
    expect(statistics.body.modules[0]).toMatchObject({ averageScore: 73.5, completedByCountry: { SI: 6, HU: 2 } });
    const one = await call(url(), 'GET', `/statistics/courses/${courseKey}/modules/financing`, { token: tokenFor(randomUUID(), 'analyst') });
    expect(one.body).toMatchObject({ moduleKey: 'financing', completed: 2, averageScore: 90, passMark: 60 });
  });
});
