import { Controller } from '@nestjs/common';
import { Ctx } from '@nestjs/microservices';
import {
  ActivityCancelledV1, ActivityHeldV1, ActivityRescheduledV1, ActivityScheduledV1, AttendanceRecordedV1, CertificateIssuedV1,
  CourseCompletedV1, CoursePublishedV1, EnrolmentCreatedV1, EnrolmentWithdrawnV1, HeadcountRecordedV1, ModuleCompletedV1,
  ModulePublishedV1, RegistrationCancelledV1, RegistrationCreatedV1, WaitlistPromotedV1, StakeholderRegisteredV1, StakeholderUpdatedV1,
  PersonErasedV1, IntroductionRequestedV1, IntroductionAcceptedV1, IntroductionDeclinedV1, IntroductionExpiredV1, ConnectionFormedV1,
  NetworkIndicatorsSnapshottedV1,
} from '@socialmakers/contracts';
import { ConsumedBatch, OnEventBatch } from '@socialmakers/messaging';
import { ProjectorService } from './projector.service';

/**
 * Every event type of the catalogue, live, a chunk at a time: the projector applies the chunk with
 * one multi-row statement per table in the consumer's transaction (the inbox rows are in it too).
 * A replay (rebuild/) applies the same projector to the same kind of chunks.
 */
@Controller()
export class ProjectionsConsumer {
  constructor(private readonly projector: ProjectorService) {}

  @OnEventBatch(
    CoursePublishedV1, ModulePublishedV1, EnrolmentCreatedV1, EnrolmentWithdrawnV1, ModuleCompletedV1, CourseCompletedV1, CertificateIssuedV1,
    ActivityScheduledV1, ActivityRescheduledV1, ActivityCancelledV1, ActivityHeldV1, RegistrationCreatedV1, RegistrationCancelledV1,
    WaitlistPromotedV1, AttendanceRecordedV1, HeadcountRecordedV1, StakeholderRegisteredV1, StakeholderUpdatedV1, PersonErasedV1,
    IntroductionRequestedV1, IntroductionAcceptedV1, IntroductionDeclinedV1, IntroductionExpiredV1, ConnectionFormedV1,
    NetworkIndicatorsSnapshottedV1,
  )
  project(@Ctx() chunk: ConsumedBatch): Promise<void> {
    return this.projector.apply(chunk.envelopes, chunk.manager);
  }
}
