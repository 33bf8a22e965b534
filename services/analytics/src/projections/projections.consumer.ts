import { Controller } from '@nestjs/common';
import { Ctx } from '@nestjs/microservices';
import {
  ActivityCancelledV1, ActivityHeldV1, ActivityRescheduledV1, ActivityScheduledV1, AttendanceRecordedV1, CertificateIssuedV1,
  CourseCompletedV1, CoursePublishedV1, EnrolmentCreatedV1, EnrolmentWithdrawnV1, HeadcountRecordedV1, ModuleCompletedV1,
  ModulePublishedV1, RegistrationCancelledV1, RegistrationCreatedV1, WaitlistPromotedV1, StakeholderRegisteredV1, StakeholderUpdatedV1,
  PersonErasedV1, IntroductionRequestedV1, IntroductionAcceptedV1, IntroductionDeclinedV1, IntroductionExpiredV1, ConnectionFormedV1,
  NetworkIndicatorsSnapshottedV1,
} from '@socialmakers/contracts';
import { ConsumedEvent, OnEvent } from '@socialmakers/messaging';
import { ProjectorService } from './projector.service';

/**
 * Every event type of the catalogue, live: each goes to the projector in the consumer's transaction
 * (the inbox row is in it too). A replay (rebuild/) applies the same projector to whole chunks.
 */
@Controller()
export class ProjectionsConsumer {
  constructor(private readonly projector: ProjectorService) {}

  private apply(event: ConsumedEvent): Promise<void> {
    return this.projector.apply([event.envelope], event.manager);
  }

  @OnEvent(CoursePublishedV1) coursePublished(@Ctx() event: ConsumedEvent) { return this.apply(event); }
  @OnEvent(ModulePublishedV1) modulePublished(@Ctx() event: ConsumedEvent) { return this.apply(event); }
  @OnEvent(EnrolmentCreatedV1) enrolmentCreated(@Ctx() event: ConsumedEvent) { return this.apply(event); }
  @OnEvent(EnrolmentWithdrawnV1) enrolmentWithdrawn(@Ctx() event: ConsumedEvent) { return this.apply(event); }
  @OnEvent(ModuleCompletedV1) moduleCompleted(@Ctx() event: ConsumedEvent) { return this.apply(event); }
  @OnEvent(CourseCompletedV1) courseCompleted(@Ctx() event: ConsumedEvent) { return this.apply(event); }
  @OnEvent(CertificateIssuedV1) certificateIssued(@Ctx() event: ConsumedEvent) { return this.apply(event); }
  @OnEvent(ActivityScheduledV1) activityScheduled(@Ctx() event: ConsumedEvent) { return this.apply(event); }
  @OnEvent(ActivityRescheduledV1) activityRescheduled(@Ctx() event: ConsumedEvent) { return this.apply(event); }
  @OnEvent(ActivityCancelledV1) activityCancelled(@Ctx() event: ConsumedEvent) { return this.apply(event); }
  @OnEvent(ActivityHeldV1) activityHeld(@Ctx() event: ConsumedEvent) { return this.apply(event); }
  @OnEvent(RegistrationCreatedV1) registrationCreated(@Ctx() event: ConsumedEvent) { return this.apply(event); }
  @OnEvent(RegistrationCancelledV1) registrationCancelled(@Ctx() event: ConsumedEvent) { return this.apply(event); }
  @OnEvent(WaitlistPromotedV1) waitlistPromoted(@Ctx() event: ConsumedEvent) { return this.apply(event); }
  @OnEvent(AttendanceRecordedV1) attendanceRecorded(@Ctx() event: ConsumedEvent) { return this.apply(event); }
  @OnEvent(HeadcountRecordedV1) headcountRecorded(@Ctx() event: ConsumedEvent) { return this.apply(event); }
  @OnEvent(StakeholderRegisteredV1) stakeholderRegistered(@Ctx() event: ConsumedEvent) { return this.apply(event); }
  @OnEvent(StakeholderUpdatedV1) stakeholderUpdated(@Ctx() event: ConsumedEvent) { return this.apply(event); }
  @OnEvent(PersonErasedV1) personErased(@Ctx() event: ConsumedEvent) { return this.apply(event); }
  @OnEvent(IntroductionRequestedV1) introductionRequested(@Ctx() event: ConsumedEvent) { return this.apply(event); }
  @OnEvent(IntroductionAcceptedV1) introductionAccepted(@Ctx() event: ConsumedEvent) { return this.apply(event); }
  @OnEvent(IntroductionDeclinedV1) introductionDeclined(@Ctx() event: ConsumedEvent) { return this.apply(event); }
  @OnEvent(IntroductionExpiredV1) introductionExpired(@Ctx() event: ConsumedEvent) { return this.apply(event); }
  @OnEvent(ConnectionFormedV1) connectionFormed(@Ctx() event: ConsumedEvent) { return this.apply(event); }
  @OnEvent(NetworkIndicatorsSnapshottedV1) networkSnapshotted(@Ctx() event: ConsumedEvent) { return this.apply(event); }
}
