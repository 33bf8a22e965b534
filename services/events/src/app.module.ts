import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConsumerGroups } from '@socialmakers/contracts';
import { AuthModule } from '@socialmakers/auth';
import { MessagingModule } from '@socialmakers/messaging';
import { ObservabilityModule } from '@socialmakers/observability';
import { createConfigModule, HealthModule } from '@socialmakers/service-kit';
import { ActivitiesModule } from './activities/activities.module';
import { AttendanceModule } from './attendance/attendance.module';
import { CalendarModule } from './calendar/calendar.module';
import { CatalogueModule } from './catalogue/catalogue.module';
import { CertificatesModule } from './certificates/certificates.module';
import { eventsConfigSchema } from './config/events.config';
import { ErasureModule } from './erasure/erasure.module';
import { eventsDataSourceOptions } from './database/data-source';
import { RegistrationModule } from './registration/registration.module';
import { SignInSheetsModule } from './sign-in-sheets/sign-in-sheets.module';

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
    MessagingModule.forRoot({ service: 'events', consumerGroup: ConsumerGroups.events }),
    CatalogueModule,
    ActivitiesModule,
    RegistrationModule,
    AttendanceModule,
    SignInSheetsModule,
    CertificatesModule,
    CalendarModule,
    ErasureModule,
  ],
})
export class AppModule {}
