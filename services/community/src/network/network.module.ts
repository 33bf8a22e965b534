import { Module } from '@nestjs/common';
import { LearningProgressConsumer } from './learning-progress.consumer';
import { NetworkController } from './network.controller';
import { NetworkService } from './network.service';

@Module({ controllers: [NetworkController, LearningProgressConsumer], providers: [NetworkService] })
export class NetworkModule {}
