import validateStatement from 'xapi-validation';
import type { LoggedEvent } from '../../streams/event-log.service';
import { toXapiStatement } from '../xapi';

const person = '3f1c1a52-7a47-4f54-9a57-8b4c1f0e2a11';
const event = (type: string, data: Record<string, unknown>): LoggedEvent => ({
  seq: '1', source: '/socialmakers/learning', id: 'b1e6d3a4-0c55-4d4e-9d1c-2a7f3f0b6e01', type: type as LoggedEvent['type'], subject: `person/${person}`,
  occurredAt: '2018-10-01T09:00:00.000Z', recordedAt: '2026-11-28T05:00:00.000Z', country: 'SI', data,
});
const options = { homePage: 'https://socialmakers.eu', personName: (id: string) => id };

describe('xAPI statements', () => {
  const statements = [
    event('org.socialmakers.learning.enrolment.created.v1', { enrolmentId: person, personId: person, courseKey: 'social-innovation-academy', country: 'SI', enrolledAt: '2018-10-01T09:00:00Z' }),
    event('org.socialmakers.learning.module.completed.v1', { personId: person, courseKey: 'social-innovation-academy', moduleKey: 'financing', score: 87, completedAt: '2018-10-01T09:00:00Z' }),
    event('org.socialmakers.learning.module.completed.v1', { personId: person, courseKey: 'social-innovation-academy', moduleKey: 'design', completedAt: '2018-10-01T09:00:00Z' }),
    event('org.socialmakers.learning.course.completed.v1', { personId: person, courseKey: 'social-innovation-academy', completedAt: '2018-10-01T09:00:00Z' }),
    event('org.socialmakers.events.attendance.recorded.v1', {
      attendanceId: person, activityId: '9a1f0c1e-2b3d-4e5f-8a9b-0c1d2e3f4a5b', kind: 'workshop', personId: person, country: 'SI', organiserId: person,
      courseKey: 'social-innovation-academy', moduleKey: 'financing', lecturerIds: [], source: 'check-in', attendedAt: '2018-10-12T09:00:00Z',
    }),
    event('org.socialmakers.events.attendance.recorded.v1', {
      attendanceId: person, activityId: '9a1f0c1e-2b3d-4e5f-8a9b-0c1d2e3f4a5c', kind: 'festival', personId: person, country: 'SI', organiserId: person,
      lecturerIds: [], source: 'sign-in-sheet', attendedAt: '2018-11-17T09:00:00Z',
    }),
  ].map((e) => toXapiStatement(e, options)!);

  it('are valid xAPI statements, as a learning record store checks them', () => {
    for (const statement of statements) expect(validateStatement(statement)).toEqual([]);
  });

  it('use an account actor, ADL verbs and stable ids', () => {
    expect(statements.map((s) => (s.verb as { id: string }).id)).toEqual([
      'http://adlnet.gov/expapi/verbs/registered',
      'http://adlnet.gov/expapi/verbs/completed',
      'http://adlnet.gov/expapi/verbs/completed',
      'http://adlnet.gov/expapi/verbs/completed',
      'http://adlnet.gov/expapi/verbs/attended',
      'http://adlnet.gov/expapi/verbs/attended',
    ]);
    expect(statements[0].actor).toEqual({ objectType: 'Agent', account: { homePage: 'https://socialmakers.eu', name: person } });
    expect(statements[1].result).toEqual({ completion: true, success: true, score: { scaled: 0.87, raw: 87, min: 0, max: 100 } });
    expect(statements[0].timestamp).toBe('2018-10-01T09:00:00.000Z');
    expect(toXapiStatement(event('org.socialmakers.learning.course.completed.v1', { personId: person, courseKey: 'x', completedAt: '2018-10-01T09:00:00Z' }), options)!.id).toBe(statements[3].id);
    expect(toXapiStatement(event('org.socialmakers.events.headcount.recorded.v1', {}), options)).toBeUndefined();
  });

  it('names no person when given a pseudonym', () => {
    const anonymous = toXapiStatement(event('org.socialmakers.learning.course.completed.v1', { personId: person, courseKey: 'x', completedAt: '2018-10-01T09:00:00Z' }), {
      ...options,
      personName: () => 'anon-0123456789abcdef01234567',
    })!;
    expect(JSON.stringify(anonymous)).not.toContain(person);
    expect(validateStatement(anonymous)).toEqual([]);
  });

  it('are refused by the validator when broken, so the check above means something', () => {
    expect(validateStatement({ ...statements[0], verb: { id: 'not an iri' } }).length).toBeGreaterThan(0);
  });
});
