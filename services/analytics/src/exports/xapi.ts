import { createHash } from 'node:crypto';
import type { AttendanceRecordedV1Payload, CourseCompletedV1Payload, EnrolmentCreatedV1Payload, ModuleCompletedV1Payload } from '@socialmakers/contracts';
import type { LoggedEvent } from '../streams/event-log.service';

/** The event types that become xAPI statements: the learning and attendance history. */
export const XAPI_TYPES = [
  'org.socialmakers.learning.enrolment.created.v1',
  'org.socialmakers.learning.module.completed.v1',
  'org.socialmakers.learning.course.completed.v1',
  'org.socialmakers.events.attendance.recorded.v1',
] as const;

/** ADL's verb vocabulary (http://adlnet.gov/expapi/verbs/), as learning record stores know it. */
const VERBS = {
  registered: { id: 'http://adlnet.gov/expapi/verbs/registered', display: { 'en-US': 'registered' } },
  completed: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } },
  attended: { id: 'http://adlnet.gov/expapi/verbs/attended', display: { 'en-US': 'attended' } },
};

const ACTIVITY_TYPES = {
  course: 'http://adlnet.gov/expapi/activities/course',
  module: 'http://adlnet.gov/expapi/activities/module',
  meeting: 'http://adlnet.gov/expapi/activities/meeting',
};

/** RFC 9562 name-based UUID (v5): a statement's id follows from its event, so exporting twice gives the same ids (an LRS refuses a changed duplicate and accepts the same one). */
function uuidV5(name: string): string {
  const namespace = Buffer.from('2b0f4a0e6c1d5e7f8a9b0c1d2e3f4a5b', 'hex');
  const hash = createHash('sha1').update(namespace).update(name, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export interface XapiOptions {
  /** The platform's address: the account home page and the root of activity IRIs. */
  homePage: string;
  /** How a person id appears as the account name (the id itself for admins, a pseudonym otherwise). */
  personName: (personId: string) => string;
}

/**
 * One learning or attendance event as an xAPI 1.0.3 statement: the actor is an account (home page +
 * person id, no name or email), verbs and activity types from ADL's vocabulary, the time the thing
 * happened as the timestamp, and the platform's event id in the context's registration-free extensions.
 */
export function toXapiStatement(event: LoggedEvent, options: XapiOptions): Record<string, unknown> | undefined {
  const base = options.homePage.replace(/\/$/, '');
  const actor = (personId: string) => ({ objectType: 'Agent', account: { homePage: base, name: options.personName(personId) } });
  const course = (courseKey: string) => ({
    objectType: 'Activity',
    id: `${base}/xapi/activities/courses/${encodeURIComponent(courseKey)}`,
    definition: { type: ACTIVITY_TYPES.course, name: { 'en-US': courseKey } },
  });
  const context = (extra: Record<string, unknown> = {}) => ({
    platform: 'Social(i)Makers',
    extensions: { [`${base}/xapi/extensions/event`]: { type: event.type, source: event.source, id: event.id } },
    ...extra,
  });
  const common = { id: uuidV5(`${event.source} ${event.id}`), timestamp: event.occurredAt, version: '1.0.3' };

  switch (event.type) {
    case 'org.socialmakers.learning.enrolment.created.v1': {
      const data = event.data as unknown as EnrolmentCreatedV1Payload;
      return { ...common, actor: actor(data.personId), verb: VERBS.registered, object: course(data.courseKey), context: context() };
    }
    case 'org.socialmakers.learning.module.completed.v1': {
      const data = event.data as unknown as ModuleCompletedV1Payload;
      return {
        ...common,
        actor: actor(data.personId),
        verb: VERBS.completed,
        object: {
          objectType: 'Activity',
          id: `${base}/xapi/activities/courses/${encodeURIComponent(data.courseKey)}/modules/${encodeURIComponent(data.moduleKey)}`,
          definition: { type: ACTIVITY_TYPES.module, name: { 'en-US': data.moduleKey } },
        },
        result: {
          completion: true,
          ...(data.score !== undefined ? { success: true, score: { scaled: data.score / 100, raw: data.score, min: 0, max: 100 } } : {}),
        },
        context: context({ contextActivities: { parent: [course(data.courseKey)] } }),
      };
    }
    case 'org.socialmakers.learning.course.completed.v1': {
      const data = event.data as unknown as CourseCompletedV1Payload;
      return { ...common, actor: actor(data.personId), verb: VERBS.completed, object: course(data.courseKey), result: { completion: true }, context: context() };
    }
    case 'org.socialmakers.events.attendance.recorded.v1': {
      const data = event.data as unknown as AttendanceRecordedV1Payload;
      const related = data.courseKey && data.moduleKey
        ? { contextActivities: { other: [{ objectType: 'Activity', id: `${base}/xapi/activities/courses/${encodeURIComponent(data.courseKey)}/modules/${encodeURIComponent(data.moduleKey)}` }] } }
        : {};
      return {
        ...common,
        actor: actor(data.personId),
        verb: VERBS.attended,
        object: {
          objectType: 'Activity',
          id: `${base}/xapi/activities/${data.kind}s/${data.activityId}`,
          definition: { type: ACTIVITY_TYPES.meeting, name: { 'en-US': `${data.kind} in ${data.country}` } },
        },
        context: context(related),
      };
    }
    default:
      return undefined;
  }
}
