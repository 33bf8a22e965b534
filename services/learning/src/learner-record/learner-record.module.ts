import { Module } from '@nestjs/common';
import { CertificatesModule } from '../certificates/certificates.module';
import { AttendanceConsumer } from './attendance.consumer';
import { LearnerRecordController } from './learner-record.controller';
import { LearnerRecordService } from './learner-record.service';

@Module({ imports: [CertificatesModule], controllers: [LearnerRecordController, AttendanceConsumer], providers: [LearnerRecordService] })
export class LearnerRecordModule {}
