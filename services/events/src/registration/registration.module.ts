import { Module } from '@nestjs/common';
import { PersonRegistrationsController } from './person-registrations.controller';
import { PersonRegistrationsService } from './person-registrations.service';
import { RegistrationController } from './registration.controller';
import { RegistrationService } from './registration.service';

@Module({ controllers: [RegistrationController, PersonRegistrationsController], providers: [RegistrationService, PersonRegistrationsService], exports: [RegistrationService] })
export class RegistrationModule {}
