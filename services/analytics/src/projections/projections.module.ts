import { Module } from '@nestjs/common';
import { ProjectionsConsumer } from './projections.consumer';
import { ProjectorService } from './projector.service';

@Module({ controllers: [ProjectionsConsumer], providers: [ProjectorService], exports: [ProjectorService] })
export class ProjectionsModule {}
