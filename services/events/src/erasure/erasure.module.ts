import { Module } from '@nestjs/common';
import { RegistrationModule } from '../registration/registration.module';
import { ErasureConsumer } from './erasure.consumer';
import { ErasureService } from './erasure.service';

@Module({ imports: [RegistrationModule], controllers: [ErasureConsumer], providers: [ErasureService] })
export class ErasureModule {}
