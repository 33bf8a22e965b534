import { Module } from '@nestjs/common';
import { StreamsModule } from '../streams/streams.module';
import { ExportsController } from './exports.controller';

@Module({ imports: [StreamsModule], controllers: [ExportsController] })
export class ExportsModule {}
