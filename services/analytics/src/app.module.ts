import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConsumerGroups } from '@socialmakers/contracts';
import { AuthModule } from '@socialmakers/auth';
import { MessagingModule } from '@socialmakers/messaging';
import { ObservabilityModule } from '@socialmakers/observability';
import { createConfigModule, HealthModule } from '@socialmakers/service-kit';
import { analyticsConfigSchema } from './config/analytics.config';
import { analyticsDataSourceOptions } from './database/data-source';
import { ProjectionsModule } from './projections/projections.module';
import { ResultsModule } from './results/results.module';
import { ExportsModule } from './exports/exports.module';
import { PrivacyModule } from './privacy/privacy.module';
import { StreamsModule } from './streams/streams.module';

@Module({
  imports: [
    createConfigModule(analyticsConfigSchema),
    TypeOrmModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        ...analyticsDataSourceOptions(config.getOrThrow('DATABASE_URL')),
        migrationsRun: true,
      }),
    }),
    AuthModule.forRoot(),
    ObservabilityModule,
    HealthModule.forRoot(),
    MessagingModule.forRoot({ service: 'analytics', consumerGroup: ConsumerGroups.analytics }),
    ProjectionsModule,
    PrivacyModule,
    ResultsModule,
    StreamsModule,
    ExportsModule,
  ],
})
export class AppModule {}
