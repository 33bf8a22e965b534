import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConsumerGroups } from '@socialmakers/contracts';
import { AuthModule } from '@socialmakers/auth';
import { MessagingModule } from '@socialmakers/messaging';
import { ObservabilityModule } from '@socialmakers/observability';
import { createConfigModule, HealthModule } from '@socialmakers/service-kit';
import { CatalogueModule } from './catalogue/catalogue.module';
import { CertificatesModule } from './certificates/certificates.module';
import { learningConfigSchema } from './config/learning.config';
import { learningDataSourceOptions } from './database/data-source';
import { EnrolmentModule } from './enrolment/enrolment.module';
import { ErasureModule } from './erasure/erasure.module';
import { ImportModule } from './import/import.module';
import { LearnerRecordModule } from './learner-record/learner-record.module';
import { ProgressModule } from './progress/progress.module';
import { StatisticsModule } from './statistics/statistics.module';

@Module({
  imports: [
    createConfigModule(learningConfigSchema),
    TypeOrmModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        ...learningDataSourceOptions(config.getOrThrow('DATABASE_URL')),
        migrationsRun: true,
      }),
    }),
    AuthModule.forRoot(),
    ObservabilityModule,
    HealthModule.forRoot(),
    MessagingModule.forRoot({ service: 'learning', consumerGroup: ConsumerGroups.learning }),
    CatalogueModule,
    EnrolmentModule,
    ProgressModule,
    CertificatesModule,
    LearnerRecordModule,
    ImportModule,
    StatisticsModule,
    ErasureModule,
  ],
})
export class AppModule {}
