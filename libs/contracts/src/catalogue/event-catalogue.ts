import { CertificateIssuedV1 } from '../events/learning/certificate-issued.v1';
import { CourseCompletedV1 } from '../events/learning/course-completed.v1';
import { CoursePublishedV1 } from '../events/learning/course-published.v1';
import { EnrolmentCreatedV1 } from '../events/learning/enrolment-created.v1';
import { EnrolmentWithdrawnV1 } from '../events/learning/enrolment-withdrawn.v1';
import { ModuleCompletedV1 } from '../events/learning/module-completed.v1';
import { ModulePublishedV1 } from '../events/learning/module-published.v1';
import { ActivityCancelledV1 } from '../events/events/activity-cancelled.v1';
import { ActivityHeldV1 } from '../events/events/activity-held.v1';
import { ActivityRescheduledV1 } from '../events/events/activity-rescheduled.v1';
import { ActivityScheduledV1 } from '../events/events/activity-scheduled.v1';
import { AttendanceRecordedV1 } from '../events/events/attendance-recorded.v1';
import { HeadcountRecordedV1 } from '../events/events/headcount-recorded.v1';
import { RegistrationCancelledV1 } from '../events/events/registration-cancelled.v1';
import { RegistrationCreatedV1 } from '../events/events/registration-created.v1';
import { WaitlistPromotedV1 } from '../events/events/waitlist-promoted.v1';
import { StakeholderRegisteredV1 } from '../events/community/stakeholder-registered.v1';
import { StakeholderUpdatedV1 } from '../events/community/stakeholder-updated.v1';
import { PersonErasedV1 } from '../events/community/person-erased.v1';
import { IntroductionRequestedV1 } from '../events/community/introduction-requested.v1';
import { IntroductionAcceptedV1 } from '../events/community/introduction-accepted.v1';
import { IntroductionDeclinedV1 } from '../events/community/introduction-declined.v1';
import { IntroductionExpiredV1 } from '../events/community/introduction-expired.v1';
import { ConnectionFormedV1 } from '../events/community/connection-formed.v1';
import { NetworkIndicatorsSnapshottedV1 } from '../events/community/network-indicators-snapshotted.v1';
import type { EventDefinition } from './event-definition';

/**
 * The one catalogue of every event type the platform publishes. Producers and consumers are typed
 * against it, every consumed event is validated against it, and the AsyncAPI document is generated
 * from it.
 */
export const EventCatalogue = {
  [CoursePublishedV1.type]: CoursePublishedV1,
  [ModulePublishedV1.type]: ModulePublishedV1,
  [EnrolmentCreatedV1.type]: EnrolmentCreatedV1,
  [EnrolmentWithdrawnV1.type]: EnrolmentWithdrawnV1,
  [ModuleCompletedV1.type]: ModuleCompletedV1,
  [CourseCompletedV1.type]: CourseCompletedV1,
  [CertificateIssuedV1.type]: CertificateIssuedV1,
  [ActivityScheduledV1.type]: ActivityScheduledV1,
  [ActivityRescheduledV1.type]: ActivityRescheduledV1,
  [ActivityCancelledV1.type]: ActivityCancelledV1,
  [ActivityHeldV1.type]: ActivityHeldV1,
  [RegistrationCreatedV1.type]: RegistrationCreatedV1,
  [RegistrationCancelledV1.type]: RegistrationCancelledV1,
  [WaitlistPromotedV1.type]: WaitlistPromotedV1,
  [AttendanceRecordedV1.type]: AttendanceRecordedV1,
  [HeadcountRecordedV1.type]: HeadcountRecordedV1,
  [StakeholderRegisteredV1.type]: StakeholderRegisteredV1,
  [StakeholderUpdatedV1.type]: StakeholderUpdatedV1,
  [PersonErasedV1.type]: PersonErasedV1,
  [IntroductionRequestedV1.type]: IntroductionRequestedV1,
  [IntroductionAcceptedV1.type]: IntroductionAcceptedV1,
  [IntroductionDeclinedV1.type]: IntroductionDeclinedV1,
  [IntroductionExpiredV1.type]: IntroductionExpiredV1,
  [ConnectionFormedV1.type]: ConnectionFormedV1,
  [NetworkIndicatorsSnapshottedV1.type]: NetworkIndicatorsSnapshottedV1,
} as const;

export type EventCatalogueMap = typeof EventCatalogue;
export type EventType = keyof EventCatalogueMap;
export type PayloadOf<T extends EventType> = InstanceType<EventCatalogueMap[T]['payload']>;

export function isKnownEventType(type: string): type is EventType {
  return Object.prototype.hasOwnProperty.call(EventCatalogue, type);
}

export function definitionOf<T extends EventType>(type: T): EventDefinition<T, PayloadOf<T>> {
  return EventCatalogue[type] as unknown as EventDefinition<T, PayloadOf<T>>;
}

export function eventTypesOnTopic(topic: string): EventType[] {
  return (Object.keys(EventCatalogue) as EventType[]).filter((type) => EventCatalogue[type].topic.name === topic);
}
