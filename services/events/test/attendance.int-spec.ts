import { randomUUID } from 'node:crypto';
import ICAL from 'ical.js';
import { ActivityHeldV1, AttendanceRecordedV1, HeadcountRecordedV1, personIdForEmail, validatePayload } from '@socialmakers/contracts';
import { waitFor, type ServiceProcess, type TestDatabase } from '@socialmakers/testing';
import { pdfText } from './pdf-text';
import { call, eventsAbout, festivalBody, organiser, publishCourse, startEvents, token, webinarBody, workshopBody } from './support';

interface AttendanceList {
  participants: Array<{ personId: string; source: string }>;
  participantCount: number;
  walkIns: number;
  total: number;
}

const SHEET = [
  'Name,Email,Organisation,Country,Role',
  'Ana Novak,ana.novak@example.org,"Zavod Ypsilon, Maribor",SI,innovator',
  'Marko Horvat,MARKO.HORVAT@example.org,Občina Maribor,si,policymaker',
  'No Email,,Somewhere,AT,funder',
  'Bad Country,bad.country@example.org,Somewhere,Slovenia,funder',
  'Bad Role,bad.role@example.org,Somewhere,HU,astronaut',
  'Ana again,ana.novak@example.org,Zavod Ypsilon,SI,innovator',
  'Eva Kovač,eva@example.org,,,',
].join('\r\n');

describe('events service: attendance, sign-in sheets, headcounts, certificates and the calendar', () => {
  let service: ServiceProcess;
  let db: TestDatabase;
  const partner = organiser();
  const lecturer = randomUUID();

  beforeAll(async () => {
    ({ service, db } = await startEvents('attendance'));
    await publishCourse();
    await waitFor('the catalogue', async () => (await call<{ modules: unknown[] }>(service.url, 'GET', '/catalogue/modules', { token: partner.token })).body.modules.length, (n) => n === 7);
  });

  afterAll(async () => {
    await service?.stop();
    await db?.drop();
  });

  const schedule = async (body: Record<string, unknown>) => {
    const answer = await call(service.url, 'POST', '/activities', { token: partner.token, body });
    expect(answer.status).toBe(201);
    return answer.body.id as string;
  };
  const checkIn = (activityId: string, personId: string, bearer = partner.token) =>
    call(service.url, 'POST', `/activities/${activityId}/check-ins`, { token: bearer, body: { personId } });
  const importSheet = (activityId: string, csv: string) => call(service.url, 'POST', `/activities/${activityId}/sign-in-sheets`, { token: partner.token, csv });
  const attendances = async (activityId: string) => (await call<AttendanceList>(service.url, 'GET', `/activities/${activityId}/attendances`, { token: partner.token })).body;

  it('records a workshop\'s participants from check-ins and a sign-in sheet, and publishes what analytics and community need', async () => {
    const activityId = await schedule(
      workshopBody(partner.organisationId, { lecturerIds: [lecturer], startsAt: '2018-10-12T09:00:00+02:00', endsAt: '2018-10-12T13:00:00+02:00' }),
    );
    const learner = randomUUID();
    const first = await checkIn(activityId, learner);
    const again = await checkIn(activityId, learner);
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.id).toBe(first.body.id);

    const report = await importSheet(activityId, SHEET);
    expect(report.status).toBe(200);
    expect(report.body).toEqual({
      rows: 7,
      imported: 3,
      alreadyRecorded: 0,
      rejected: [
        { line: 4, reason: 'the email is missing: a participant is identified by their email' },
        { line: 5, reason: '"Slovenia" is not an ISO 3166-1 alpha-2 country code such as SI' },
        { line: 6, reason: expect.stringMatching(/^"astronaut" is not a role; use one of innovator, funder/) },
      ],
      duplicates: [{ line: 7, sameAs: 2 }],
    });
    const reimport = await importSheet(activityId, SHEET);
    expect(reimport.body).toMatchObject({ imported: 0, alreadyRecorded: 3 });

    const list = await attendances(activityId);
    expect(list.participantCount).toBe(4);
    expect(list.participants.map((p) => p.personId)).toEqual(
      expect.arrayContaining([learner, personIdForEmail('ana.novak@example.org'), personIdForEmail('marko.horvat@example.org'), personIdForEmail('eva@example.org')]),
    );

    const events = await waitFor('four attendance events', () => eventsAbout('eventsAttendance', activityId), (e) => e.length === 4);
    for (const event of events) {
      expect(event.type).toBe(AttendanceRecordedV1.type);
      expect(validatePayload(AttendanceRecordedV1.type, event.data).ok).toBe(true);
      expect(event.data).toMatchObject({
        activityId,
        kind: 'workshop',
        country: 'SI',
        organiserId: partner.organisationId,
        courseKey: 'social-innovation-academy',
        moduleKey: 'financing',
        lecturerIds: [lecturer],
        attendedAt: '2018-10-12T07:00:00.000Z',
      });
    }
    const marko = events.find((e) => e.data.personId === personIdForEmail('marko.horvat@example.org'))!;
    expect(marko.data).toMatchObject({ source: 'sign-in-sheet', personCountry: 'SI', role: 'policymaker' });
    expect(JSON.stringify(events)).not.toMatch(/Horvat|example\.org/);
    expect(events.find((e) => e.data.personId === learner)!.data.source).toBe('check-in');

    const held = await call(service.url, 'POST', `/activities/${activityId}/held`, { token: partner.token });
    expect(held.body.counts).toMatchObject({ participants: 4, walkIns: 0 });
  });

  it('records concurrent check-ins at a busy door once each, however often each person is checked in', async () => {
    const activityId = await schedule(festivalBody(partner.organisationId, { startsAt: '2018-11-21T10:00:00+01:00', endsAt: '2018-11-21T20:00:00+01:00', programme: [{ kind: 'film-screening', title: 'Demain', startsAt: '2018-11-21T18:00:00+01:00' }] }));
    const people = Array.from({ length: 60 }, () => randomUUID());
    const stranger = organiser();
    const answers = await Promise.all([
      ...people.flatMap((personId) => [checkIn(activityId, personId), checkIn(activityId, personId)]),
      checkIn(activityId, randomUUID(), stranger.token),
    ]);
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(60);
    expect(statuses.filter((s) => s === 200)).toHaveLength(60);
    expect(statuses.filter((s) => s === 403)).toHaveLength(1);
    expect((await attendances(activityId)).participantCount).toBe(60);
    const events = await waitFor('60 attendance events', () => eventsAbout('eventsAttendance', activityId), (e) => e.length >= 60);
    expect(new Set(events.map((e) => e.data.personId)).size).toBe(60);
    expect(events).toHaveLength(60);
  });

  it('counts walk-ins who gave no name in the totals and the held event, without attendance events', async () => {
    const activityId = await schedule(festivalBody(partner.organisationId, { startsAt: '2018-11-20T10:00:00+01:00', endsAt: '2018-11-20T20:00:00+01:00', programme: [{ kind: 'film-screening', title: 'Demain', startsAt: '2018-11-20T18:00:00+01:00' }] }));
    await checkIn(activityId, randomUUID());
    const set = await call(service.url, 'PUT', `/activities/${activityId}/headcount`, { token: partner.token, body: { walkIns: 35 } });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ walkIns: 35, participants: 1, total: 36 });
    await call(service.url, 'PUT', `/activities/${activityId}/headcount`, { token: partner.token, body: { walkIns: 35 } });
    expect((await attendances(activityId)).total).toBe(36);
    await call(service.url, 'POST', `/activities/${activityId}/held`, { token: partner.token });

    const events = await waitFor('attendance and headcount', () => eventsAbout('eventsAttendance', activityId), (e) => e.length === 2);
    expect(events.map((e) => e.type)).toEqual([AttendanceRecordedV1.type, HeadcountRecordedV1.type]);
    expect(events[1].data).toMatchObject({ walkIns: 35, kind: 'festival', country: 'SI' });
    const activity = await waitFor('held', () => eventsAbout('eventsActivity', activityId), (e) => e.length === 2);
    expect(activity[1]).toMatchObject({ type: ActivityHeldV1.type, data: { participants: 1, walkIns: 35 } });
  });

  describe('bad input writes nothing', () => {
    it('refuses a check-in to a cancelled activity with 409', async () => {
      const activityId = await schedule(webinarBody(partner.organisationId));
      await call(service.url, 'POST', `/activities/${activityId}/cancellation`, { token: partner.token, body: {} });
      const answer = await checkIn(activityId, randomUUID());
      expect(answer.status).toBe(409);
      expect(answer.body.detail).toMatch(/was cancelled, so you cannot check anyone in/);
      const sheet = await importSheet(activityId, 'name,email,organisation,country,role\nA,a@example.org,,,\n');
      expect(sheet.status).toBe(409);
      expect((await attendances(activityId)).participantCount).toBe(0);
    });

    it('refuses a sheet with a missing column with 400, naming it', async () => {
      const activityId = await schedule(webinarBody(partner.organisationId));
      const answer = await importSheet(activityId, 'name,email,country,role\nAna,ana@example.org,SI,innovator\n');
      expect(answer.status).toBe(400);
      expect(answer.body.detail).toMatch(/has no column "organisation"/);
      expect((await attendances(activityId)).participantCount).toBe(0);
    });

    it('refuses a sheet that is not text/csv with 415', async () => {
      const activityId = await schedule(webinarBody(partner.organisationId));
      const answer = await call(service.url, 'POST', `/activities/${activityId}/sign-in-sheets`, { token: partner.token, body: { csv: 'name' } });
      expect(answer.status).toBe(415);
    });
  });

  it('issues a certificate of attendance the participant can download, with a code anyone can verify', async () => {
    const activityId = await schedule(webinarBody(partner.organisationId, { startsAt: '2018-12-04T16:00:00+01:00', endsAt: '2018-12-04T17:30:00+01:00' }));
    await importSheet(activityId, 'name,email,organisation,country,role\nČedomir Šuštar,cedomir@example.org,Zavod,SI,innovator\n');
    const cedomir = personIdForEmail('cedomir@example.org');
    const download = await fetch(`${service.url}/activities/${activityId}/certificates/${cedomir}`, { headers: { authorization: `Bearer ${token(cedomir, ['member'])}` } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    const { pages } = await pdfText(Buffer.from(await download.arrayBuffer()));
    expect(pages[0].slice(0, 5)).toEqual(['Certificate of attendance', 'This certifies that', 'Čedomir Šuštar', 'took part in', 'Can blockchain be a tool for social innovation?']);
    expect(pages[0]).toContain('2018-12-04, SI');
    const code = /^Verification code: (EV-[0-9A-Z-]+)$/.exec(pages[0].find((line) => line.startsWith('Verification code:'))!)![1];
    expect(pages[0].at(-1)).toMatch(new RegExp(`^Verify at http://[^ ]+/certificates/${code}$`));

    const again = await fetch(`${service.url}/activities/${activityId}/certificates/${cedomir}`, { headers: { authorization: `Bearer ${partner.token}` } });
    expect((await pdfText(Buffer.from(await again.arrayBuffer()))).pages[0]).toContain(`Verification code: ${code}`);
    expect((await call(service.url, 'GET', `/activities/${activityId}/certificates/${cedomir}`, { token: token(randomUUID(), ['member']) })).status).toBe(403);
    expect((await call(service.url, 'GET', `/activities/${activityId}/certificates/${randomUUID()}`, { token: partner.token })).status).toBe(404);

    const verified = await call(service.url, 'GET', `/certificates/${code.toLowerCase()}`);
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ valid: true, verificationCode: code, participant: 'Čedomir Šuštar', activity: { id: activityId, kind: 'webinar', date: '2018-12-04' } });
    expect((await call(service.url, 'GET', '/certificates/EV-0000-0000-0000-0000')).status).toBe(404);
  });

  it('publishes upcoming activities as an iCalendar feed that parses, filterable by country and kind', async () => {
    const other = organiser();
    const workshop = await schedule(workshopBody(partner.organisationId, { title: 'Financing; money, and "trust" — a very long title that certainly needs folding across lines in iCalendar' }));
    const festival = await schedule(festivalBody(partner.organisationId));
    const austrian = await call(service.url, 'POST', '/activities', { token: other.token, body: webinarBody(other.organisationId, { country: 'AT', timeZone: 'Europe/Vienna' }) });
    const cancelled = await schedule(webinarBody(partner.organisationId, { title: 'Cancelled webinar' }));
    await call(service.url, 'POST', `/activities/${cancelled}/cancellation`, { token: partner.token, body: { reason: 'No speaker' } });

    const feed = await call<string>(service.url, 'GET', '/calendar.ics');
    expect(feed.body).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(feed.body.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const calendar = new ICAL.Component(ICAL.parse(feed.body));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const byUid = new Map(events.map((e) => [e.uid, e]));
    const ws = byUid.get(`${workshop}@events.socialmakers`)!;
    expect(ws.summary).toBe('Financing; money, and "trust" — a very long title that certainly needs folding across lines in iCalendar');
    expect(ws.startDate.toJSDate().toISOString()).toBe('2030-10-12T07:00:00.000Z');
    expect(ws.location).toBe('Pekarna Magdalenske mreže, Maribor, SI');
    expect(byUid.get(`${cancelled}@events.socialmakers`)!.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(byUid.has(`${austrian.body.id}@events.socialmakers`)).toBe(true);
    // The past workshops of the other tests are not upcoming.
    expect(events.every((e) => e.endDate.toJSDate().getTime() > Date.now())).toBe(true);

    const slovenianFestivals = new ICAL.Component(ICAL.parse((await call<string>(service.url, 'GET', '/calendar.ics?country=si&kind=festival')).body));
    expect(slovenianFestivals.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v).uid)).toEqual([`${festival}@events.socialmakers`]);
    const austrianOnly = new ICAL.Component(ICAL.parse((await call<string>(service.url, 'GET', '/calendar.ics?country=AT')).body));
    expect(austrianOnly.getAllSubcomponents('vevent')).toHaveLength(1);
    expect((await call(service.url, 'GET', '/calendar.ics?kind=party')).status).toBe(400);
  });
});
