import { Module } from '@nestjs/common';
import { LearningProgressConsumer } from './learning-progress.consumer';
import { ResultsController } from './results.controller';
import { ResultsService } from './results.service';

@Module({ controllers: [ResultsController, LearningProgressConsumer], providers: [ResultsService] })
export class ResultsModule {}
