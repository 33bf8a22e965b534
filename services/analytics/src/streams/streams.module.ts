import { Module } from '@nestjs/common';
import { EventLogService } from './event-log.service';
import { StreamsController } from './streams.controller';

@Module({ controllers: [StreamsController], providers: [EventLogService], exports: [EventLogService] })
export class StreamsModule {}
