import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { ServiceClient } from '../common/service-client';
import { ErasureService } from './erasure.service';
import { MemberDataExportService } from './member-data-export.service';
import { PortabilityController } from './portability.controller';

/** A member's own data: download it all, or have it erased everywhere. */
@Module({
  imports: [AccountsModule],
  controllers: [PortabilityController],
  providers: [MemberDataExportService, ErasureService, ServiceClient],
})
export class PortabilityModule {}
