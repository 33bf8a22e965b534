import { Module } from '@nestjs/common';
import { ErasureService } from './erasure.service';
import { PrivacyController } from './privacy.controller';

@Module({ controllers: [PrivacyController], providers: [ErasureService] })
export class PrivacyModule {}
