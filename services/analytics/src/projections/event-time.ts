import type { EventType } from '@socialmakers/contracts';
import type { EventEnvelope } from '@socialmakers/messaging';

/**
 * The payload field that says when the thing itself happened (an enrolment, an attendance), which
 * for imported history is long before the event was published. Exhaustive: a new event type in the
 * catalogue does not compile until it is given here.
 */
export const OCCURRED_AT_FIELD: Record<EventType, string> = {
  'org.socialmakers.learning.course.published.v1': 'publishedAt',
  'org.socialmakers.learning.module.published.v1': 'publishedAt',
  'org.socialmakers.learning.enrolment.created.v1': 'enrolledAt',
  'org.socialmakers.learning.enrolment.withdrawn.v1': 'withdrawnAt',
  'org.socialmakers.learning.module.completed.v1': 'completedAt',
  'org.socialmakers.learning.course.completed.v1': 'completedAt',
  'org.socialmakers.learning.certificate.issued.v1': 'issuedAt',
  'org.socialmakers.events.activity.scheduled.v1': 'scheduledAt',
  'org.socialmakers.events.activity.rescheduled.v1': 'rescheduledAt',
  'org.socialmakers.events.activity.cancelled.v1': 'cancelledAt',
  'org.socialmakers.events.activity.held.v1': 'heldAt',
  'org.socialmakers.events.registration.created.v1': 'registeredAt',
  'org.socialmakers.events.registration.cancelled.v1': 'cancelledAt',
  'org.socialmakers.events.waitlist.promoted.v1': 'promotedAt',
  'org.socialmakers.events.attendance.recorded.v1': 'attendedAt',
  'org.socialmakers.events.headcount.recorded.v1': 'recordedAt',
  'org.socialmakers.community.stakeholder.registered.v1': 'occurredAt',
  'org.socialmakers.community.stakeholder.updated.v1': 'occurredAt',
  'org.socialmakers.community.person.erased.v1': 'erasedAt',
  'org.socialmakers.community.introduction.requested.v1': 'occurredAt',
  'org.socialmakers.community.introduction.accepted.v1': 'occurredAt',
  'org.socialmakers.community.introduction.declined.v1': 'occurredAt',
  'org.socialmakers.community.introduction.expired.v1': 'occurredAt',
  'org.socialmakers.community.connection.formed.v1': 'formedAt',
  'org.socialmakers.community.network.snapshotted.v1': 'computedAt',
};

/** When the event's subject happened, from its payload; the CloudEvents time when the payload has none. */
export function occurredAt(envelope: Pick<EventEnvelope, 'type' | 'data' | 'time'>): string {
  const value = (envelope.data as unknown as Record<string, unknown>)[OCCURRED_AT_FIELD[envelope.type]];
  return typeof value === 'string' ? value : envelope.time;
}
