import { Module } from '@nestjs/common';
import { ReportService } from './report.service';
import { ResultsController } from './results.controller';
import { ResultsService } from './results.service';

@Module({ controllers: [ResultsController], providers: [ResultsService, ReportService], exports: [ReportService] })
export class ResultsModule {}
