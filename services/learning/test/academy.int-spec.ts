import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import {
  CertificateIssuedV1,
  CourseCompletedV1,
  CoursePublishedV1,
  EnrolmentCreatedV1,
  EnrolmentWithdrawnV1,
  ModuleCompletedV1,
  ModulePublishedV1,
  Topics,
  validatePayload,
  type EventType,
} from '@socialmakers/contracts';
import { waitFor } from '@socialmakers/testing';
import { adminToken, call, learningForSuite, MODULES, publishCourse, recordsKeyed, tokenFor, uniqueKey } from './support';

const ob3Schema = JSON.parse(readFileSync(resolve(__dirname, '../../../../shared/conformance/ob3-achievementcredential.schema.json'), 'utf8'));

function validateOpenBadge(document: unknown): string[] {
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(ob3Schema);
  return validate(document) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/**
 * The Academy on real parts: the compiled learning service on its own database and the real broker.
 * Catalogue, enrolment, progress, course completion, certificates and their events.
 */
describe('learning: catalogue, enrolment, progress and certificates', () => {
  const learning = learningForSuite('learning_academy');
  const url = learning.url;

  const outboxCount = async () => Number((await learning.db().query(`SELECT count(*) AS n FROM outbox`)).rows[0].n);

  it('publishes a course with its modules once, and republishes only after a change', async () => {
    const courseKey = uniqueKey('course');
    await publishCourse(url(), courseKey);

    const published = await waitFor('the catalogue events', () => recordsKeyed(Topics.learningCatalogue.name, courseKey), (r) => r.length === 5);
    expect(published.filter((r) => r.type === ModulePublishedV1.type).map((r) => r.data.moduleKey)).toEqual([...MODULES, 'extra-reading']);
    const course = published.find((r) => r.type === CoursePublishedV1.type)!;
    expect(validatePayload(CoursePublishedV1.type, course.data).ok).toBe(true);
    expect(course.data).toMatchObject({ courseKey, title: { en: 'Test course', sl: 'Testni tečaj' } });
    expect((course.data.modules as Array<{ moduleKey: string; position: number; required: boolean }>).map((m) => [m.moduleKey, m.position, m.required])).toEqual([
      ['active-citizenship', 1, true],
      ['social-challenges', 2, true],
      ['financing', 3, true],
      ['extra-reading', 4, false],
    ]);

    // Publishing again without a change, and upserting identical texts, emit nothing.
    const before = await outboxCount();
    expect((await call(url(), 'POST', `/courses/${courseKey}/publish`, { token: adminToken() })).status).toBe(200);
    expect(
      (await call(url(), 'PUT', `/courses/${courseKey}`, { token: adminToken(), body: { title: { en: 'Test course', sl: 'Testni tečaj' }, summary: { en: 'A course for tests.' } } }))
        .status,
    ).toBe(200);
    expect(await outboxCount()).toBe(before);

    // A changed module, published on its own: ModulePublishedV1 and the course again.
    const changed = await call(url(), 'PUT', `/courses/${courseKey}/modules/social-challenges`, {
      token: adminToken(),
      body: { position: 2, title: { en: 'Social challenges', sl: 'Družbeni izzivi' }, summary: { en: 'What needs changing.' } },
    });
    expect(changed.status).toBe(200);
    expect((await call(url(), 'POST', `/courses/${courseKey}/modules/social-challenges/publish`, { token: adminToken() })).status).toBe(200);
    const after = await waitFor('the republished module', () => recordsKeyed(Topics.learningCatalogue.name, courseKey), (r) => r.length === 7);
    expect(after[5]).toMatchObject({ type: ModulePublishedV1.type, data: { moduleKey: 'social-challenges', title: { sl: 'Družbeni izzivi' } } });
    expect(after[6].type).toBe(CoursePublishedV1.type);
  });

  it('shows texts in the asked language and falls back to English for a missing translation', async () => {
    const courseKey = uniqueKey('course');
    await publishCourse(url(), courseKey);
    const member = tokenFor(randomUUID(), 'member');
    const sl = await call<{ displayTitle: string; modules: Array<{ moduleKey: string; displayTitle: string }> }>(url(), 'GET', `/courses/${courseKey}?lang=sl`, { token: member });
    expect(sl.status).toBe(200);
    expect(sl.body.displayTitle).toBe('Testni tečaj');
    expect(sl.body.modules[0].displayTitle).toBe('Modul active-citizenship');
    expect(sl.body.modules[1].displayTitle).toBe('Module social-challenges');
    const response = await fetch(`${url()}/courses/${courseKey}`, { headers: { authorization: `Bearer ${member}`, 'accept-language': 'hr-HR,sl;q=0.8' } });
    expect(((await response.json()) as { language: string; displayTitle: string }).displayTitle).toBe('Test course');

    // A draft course is invisible to learners and visible to admins.
    const draft = uniqueKey('draft');
    await call(url(), 'PUT', `/courses/${draft}`, { token: adminToken(), body: { title: { en: 'Draft' }, summary: { en: 'Not yet.' } } });
    expect((await call(url(), 'GET', `/courses/${draft}`, { token: member })).status).toBe(404);
    expect((await call(url(), 'GET', `/courses/${draft}`, { token: adminToken() })).status).toBe(200);
    const listed = await call<Array<{ courseKey: string }>>(url(), 'GET', '/courses', { token: member });
    expect(listed.body.map((c) => c.courseKey)).toContain(courseKey);
    expect(listed.body.map((c) => c.courseKey)).not.toContain(draft);
  });

  it('enrols once however often asked, withdraws, and re-enrols the same enrolment', async () => {
    const courseKey = uniqueKey('course');
    await publishCourse(url(), courseKey);
    const personId = randomUUID();
    const token = tokenFor(personId, 'member');

    const first = await call(url(), 'POST', `/learners/${personId}/enrolments`, { token, body: { courseKey, country: 'SI' } });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ personId, courseKey, country: 'SI', status: 'enrolled' });
    const again = await call(url(), 'POST', `/learners/${personId}/enrolments`, { token, body: { courseKey } });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);

    const withdrawn = await call(url(), 'DELETE', `/learners/${personId}/enrolments/${courseKey}`, { token });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    expect((await call(url(), 'DELETE', `/learners/${personId}/enrolments/${courseKey}`, { token })).status).toBe(200);

    const back = await call(url(), 'POST', `/learners/${personId}/enrolments`, { token, body: { courseKey } });
    expect(back.status).toBe(201);
    expect(back.body).toMatchObject({ id: first.body.id, status: 'enrolled', country: 'SI' });

    const events = await waitFor('the enrolment events', () => recordsKeyed(Topics.learningEnrolment.name, personId), (r) => r.length === 3);
    expect(events.map((e) => e.type)).toEqual([EnrolmentCreatedV1.type, EnrolmentWithdrawnV1.type, EnrolmentCreatedV1.type]);
    expect(events[0].data).toMatchObject({ enrolmentId: first.body.id, personId, courseKey, country: 'SI' });
    expect(events[1].data).toMatchObject({ enrolmentId: first.body.id, personId, courseKey, country: 'SI' });
    for (const event of events) expect(validatePayload(event.type as EventType, event.data).ok).toBe(true);

    const list = await call<Array<{ courseKey: string; status: string }>>(url(), 'GET', `/learners/${personId}/enrolments`, { token });
    expect(list.body).toEqual([expect.objectContaining({ courseKey, status: 'enrolled' })]);
  });

  it('completes modules once, completes the course once when the required modules are done, and issues a verifiable certificate', async () => {
    const courseKey = uniqueKey('course');
    await publishCourse(url(), courseKey);
    const personId = randomUUID();
    const token = tokenFor(personId, 'member');
    expect((await call(url(), 'POST', `/learners/${personId}/enrolments`, { token, body: { courseKey, country: 'HR' } })).status).toBe(201);

    expect((await call(url(), 'POST', `/learners/${personId}/module-starts`, { token, body: { courseKey, moduleKey: 'active-citizenship' } })).status).toBe(201);
    expect((await call(url(), 'POST', `/learners/${personId}/module-starts`, { token, body: { courseKey, moduleKey: 'active-citizenship' } })).status).toBe(200);
    const first = await call(url(), 'POST', `/learners/${personId}/module-completions`, { token, body: { courseKey, moduleKey: 'active-citizenship' } });
    expect(first.status).toBe(201);
    expect(first.body.country).toBe('HR');
    const before = await outboxCount();
    const again = await call(url(), 'POST', `/learners/${personId}/module-completions`, { token, body: { courseKey, moduleKey: 'active-citizenship', score: 90 } });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect(await outboxCount()).toBe(before);

    // The quiz: no score, or a score below the pass mark, completes nothing.
    const noScore = await call(url(), 'POST', `/learners/${personId}/module-completions`, { token, body: { courseKey, moduleKey: 'financing' } });
    expect(noScore.status).toBe(422);
    expect(noScore.body.detail).toMatch(/pass mark 60%/);
    const low = await call(url(), 'POST', `/learners/${personId}/module-completions`, { token, body: { courseKey, moduleKey: 'financing', score: 59 } });
    expect(low.status).toBe(422);
    expect(low.body.detail).toMatch(/below the pass mark/);
    expect(await outboxCount()).toBe(before);

    expect((await call(url(), 'POST', `/learners/${personId}/module-completions`, { token, body: { courseKey, moduleKey: 'financing', score: 75 } })).status).toBe(201);
    // The optional module does not hold the course back; the last required one completes it.
    const progressBefore = await call<Array<{ percentComplete: number; completedAt: string | null }>>(url(), 'GET', `/learners/${personId}/progress`, { token });
    expect(progressBefore.body[0]).toMatchObject({ percentComplete: 67, completedAt: null });
    expect((await call(url(), 'POST', `/learners/${personId}/module-completions`, { token, body: { courseKey, moduleKey: 'social-challenges' } })).status).toBe(201);
    expect((await call(url(), 'POST', `/learners/${personId}/module-completions`, { token, body: { courseKey, moduleKey: 'extra-reading' } })).status).toBe(201);

    const progress = await call<Array<Record<string, unknown> & { modules: Array<{ moduleKey: string; status: string; score: number | null }> }>>(
      url(),
      'GET',
      `/learners/${personId}/progress?lang=sl`,
      { token },
    );
    expect(progress.status).toBe(200);
    expect(progress.body[0]).toMatchObject({ courseKey, title: 'Testni tečaj', requiredModules: 3, requiredModulesCompleted: 3, percentComplete: 100 });
    expect(progress.body[0].completedAt).toEqual(expect.any(String));
    expect(progress.body[0].modules.find((m) => m.moduleKey === 'financing')).toMatchObject({ status: 'completed', score: 75 });
    const code = progress.body[0].certificateCode as string;
    expect(code).toMatch(/^SIA-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    const events = await waitFor('the progress events', () => recordsKeyed(Topics.learningProgress.name, personId), (r) => r.length === 6);
    expect(events.map((e) => e.type)).toEqual([
      ModuleCompletedV1.type,
      ModuleCompletedV1.type,
      ModuleCompletedV1.type,
      CourseCompletedV1.type,
      CertificateIssuedV1.type,
      ModuleCompletedV1.type,
    ]);
    expect(events[1].data).toMatchObject({ personId, courseKey, moduleKey: 'financing', score: 75, country: 'HR' });
    expect(events[3].data).toMatchObject({ personId, courseKey, country: 'HR' });
    expect(events[4].data).toMatchObject({ personId, courseKey, verificationCode: code, country: 'HR' });
    for (const event of events) expect(validatePayload(event.type as EventType, event.data).ok).toBe(true);

    // The course is complete once: withdrawing and coming back completes nothing again.
    await call(url(), 'DELETE', `/learners/${personId}/enrolments/${courseKey}`, { token });
    await call(url(), 'POST', `/learners/${personId}/enrolments`, { token, body: { courseKey } });
    expect((await learning.db().query(`SELECT count(*)::int AS n FROM course_completions WHERE person_id = $1`, [personId])).rows[0].n).toBe(1);
    expect((await learning.db().query(`SELECT count(*)::int AS n FROM certificates WHERE person_id = $1`, [personId])).rows[0].n).toBe(1);

    // Verification needs no login; the code is read case-insensitively.
    const verification = await call(url(), 'GET', `/certificates/${code.toLowerCase()}/verification`);
    expect(verification.status).toBe(200);
    expect(verification.body).toMatchObject({ valid: true, verificationCode: code, courseKey, courseTitle: 'Test course', personId });
    expect((await call(url(), 'GET', '/certificates/SIA-0000-0000-0000/verification')).status).toBe(404);

    const credential = await call(url(), 'GET', `/certificates/${code}/credential`);
    expect(credential.status).toBe(200);
    expect(credential.headers.get('content-type')).toContain('application/ld+json');
    expect(validateOpenBadge(credential.body)).toEqual([]);
    expect(credential.body).toMatchObject({
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      credentialSubject: { id: `urn:uuid:${personId}`, achievement: { name: 'Test course', achievementType: 'CertificateOfCompletion' } },
    });

    const certificates = await call<Array<{ verificationCode: string }>>(url(), 'GET', `/learners/${personId}/certificates`, { token });
    expect(certificates.body.map((c) => c.verificationCode)).toEqual([code]);
  });

  it('completes the course once when its last two modules are completed at the same moment', async () => {
    const courseKey = uniqueKey('course');
    await publishCourse(url(), courseKey);
    const personId = randomUUID();
    const token = tokenFor(personId, 'member');
    await call(url(), 'POST', `/learners/${personId}/enrolments`, { token, body: { courseKey } });
    await call(url(), 'POST', `/learners/${personId}/module-completions`, { token, body: { courseKey, moduleKey: 'active-citizenship' } });
    const statuses = await Promise.all([
      call(url(), 'POST', `/learners/${personId}/module-completions`, { token, body: { courseKey, moduleKey: 'social-challenges' } }),
      call(url(), 'POST', `/learners/${personId}/module-completions`, { token, body: { courseKey, moduleKey: 'financing', score: 100 } }),
      call(url(), 'POST', `/learners/${personId}/module-completions`, { token, body: { courseKey, moduleKey: 'financing', score: 100 } }),
    ]);
    expect(statuses.map((s) => s.status).sort()).toEqual([200, 201, 201]);
    const events = await waitFor('the course completion', () => recordsKeyed(Topics.learningProgress.name, personId), (r) => r.length === 5);
    expect(events.filter((e) => e.type === CourseCompletedV1.type)).toHaveLength(1);
    expect(events.filter((e) => e.type === CertificateIssuedV1.type)).toHaveLength(1);
  });
});
