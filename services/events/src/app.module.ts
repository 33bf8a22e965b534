import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@socialmakers/auth';
import { MessagingModule } from '@socialmakers/messaging';
import { ObservabilityModule } from '@socialmakers/observability';
import { createConfigModule, HealthModule } from '@socialmakers/service-kit';
import { eventsConfigSchema } from './config/events.config';
import { eventsDataSourceOptions } from './database/data-source';

@Module({
  imports: [
    createConfigModule(eventsConfigSchema),
    TypeOrmModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        ...eventsDataSourceOptions(config.getOrThrow('DATABASE_URL')),
        migrationsRun: true,
      }),
    }),
    AuthModule.forRoot(),
    ObservabilityModule,
    HealthModule.forRoot(),
    MessagingModule.forRoot({ service: 'events' }),
  ],
})
export class AppModule {}
