import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { CertificatesModule } from '../certificates/certificates.module';
import { EnrolmentModule } from '../enrolment/enrolment.module';
import { CourseCompletionService } from './course-completion.service';
import { LearnerProgressController } from './learner-progress.controller';
import { ProgressController } from './progress.controller';
import { ProgressService } from './progress.service';

@Module({
  imports: [CatalogueModule, EnrolmentModule, CertificatesModule],
  controllers: [ProgressController, LearnerProgressController],
  providers: [ProgressService, CourseCompletionService],
  exports: [CourseCompletionService],
})
export class ProgressModule {}
