import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConsumerGroups } from '@socialmakers/contracts';
import { AuthModule } from '@socialmakers/auth';
import { MessagingModule } from '@socialmakers/messaging';
import { ObservabilityModule } from '@socialmakers/observability';
import { createConfigModule, HealthModule } from '@socialmakers/service-kit';
import { communityConfigSchema } from './config/community.config';
import { communityDataSourceOptions } from './database/data-source';
import { GraphModule } from './graph/graph.module';
import { IntroductionsModule } from './introductions/introductions.module';
import { MatchmakingModule } from './matchmaking/matchmaking.module';
import { MetricsModule } from './metrics/metrics.module';
import { NetworkModule } from './network/network.module';
import { PrivacyModule } from './privacy/privacy.module';
import { StakeholdersModule } from './stakeholders/stakeholders.module';

@Module({
  imports: [
    createConfigModule(communityConfigSchema),
    TypeOrmModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        ...communityDataSourceOptions(config.getOrThrow('DATABASE_URL')),
        migrationsRun: true,
      }),
    }),
    AuthModule.forRoot(),
    ObservabilityModule,
    HealthModule.forRoot(),
    MessagingModule.forRoot({ service: 'community', consumerGroup: ConsumerGroups.community }),
    GraphModule,
    NetworkModule,
    StakeholdersModule,
    MatchmakingModule,
    IntroductionsModule,
    MetricsModule,
    PrivacyModule,
  ],
})
export class AppModule {}
