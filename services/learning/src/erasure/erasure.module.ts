import { Module } from '@nestjs/common';
import { ErasureConsumer } from './erasure.consumer';
import { ErasureService } from './erasure.service';

@Module({ controllers: [ErasureConsumer], providers: [ErasureService] })
export class ErasureModule {}
