import { Module } from '@nestjs/common';
import { IntroductionExpiryScheduler } from './introduction-expiry.scheduler';
import { IntroductionsController } from './introductions.controller';
import { IntroductionsService } from './introductions.service';

@Module({ controllers: [IntroductionsController], providers: [IntroductionsService, IntroductionExpiryScheduler] })
export class IntroductionsModule {}
