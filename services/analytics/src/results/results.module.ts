import { Module } from '@nestjs/common';
import { PublicationService } from './publication.service';
import { ReportService } from './report.service';
import { ResultsController } from './results.controller';
import { ResultsService } from './results.service';

@Module({ controllers: [ResultsController], providers: [ResultsService, ReportService, PublicationService], exports: [ReportService] })
export class ResultsModule {}
