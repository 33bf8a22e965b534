import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@socialmakers/auth';
import { MessagingModule } from '@socialmakers/messaging';
import { ObservabilityModule } from '@socialmakers/observability';
import { createConfigModule, HealthModule } from '@socialmakers/service-kit';
import { learningConfigSchema } from './config/learning.config';
import { learningDataSourceOptions } from './database/data-source';
import { ProgressModule } from './progress/progress.module';

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
    MessagingModule.forRoot({ service: 'learning' }),
    ProgressModule,
  ],
})
export class AppModule {}
