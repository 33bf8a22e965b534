import { Global, Module } from '@nestjs/common';
import { AttendanceConsumer } from './attendance.consumer';
import { GraphProjectionService } from './graph-projection.service';
import { LearningConsumer } from './learning.consumer';

@Global()
@Module({ controllers: [LearningConsumer, AttendanceConsumer], providers: [GraphProjectionService], exports: [GraphProjectionService] })
export class GraphModule {}
