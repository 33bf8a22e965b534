import { Global, Module } from '@nestjs/common';
import { AttendanceConsumer } from './attendance.consumer';
import { GraphIndexService } from './graph-index.service';
import { GraphProjectionService } from './graph-projection.service';
import { LearningConsumer } from './learning.consumer';

@Global()
@Module({ controllers: [LearningConsumer, AttendanceConsumer], providers: [GraphProjectionService, GraphIndexService], exports: [GraphProjectionService, GraphIndexService] })
export class GraphModule {}
