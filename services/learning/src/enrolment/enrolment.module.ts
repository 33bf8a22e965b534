import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { EnrolmentController } from './enrolment.controller';
import { EnrolmentService } from './enrolment.service';

@Module({ imports: [CatalogueModule], controllers: [EnrolmentController], providers: [EnrolmentService], exports: [EnrolmentService] })
export class EnrolmentModule {}
