import { Module } from '@nestjs/common';
import { ServiceClient } from '../common/service-client';
import { DeadLettersService } from './dead-letters.service';
import { OperationsController } from './operations.controller';
import { PlatformOverviewService } from './platform-overview.service';

/** What the operator page shows and does: the services' state, and dead letters to read and replay. */
@Module({
  controllers: [OperationsController],
  providers: [PlatformOverviewService, DeadLettersService, ServiceClient],
})
export class OperationsModule {}
