import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { GATEWAY_SETTINGS, readGatewaySettings } from './gateway-settings';

/** GatewaySettings for every module of the gateway. */
@Global()
@Module({
  providers: [{ provide: GATEWAY_SETTINGS, inject: [ConfigService], useFactory: readGatewaySettings }],
  exports: [GATEWAY_SETTINGS],
})
export class GatewaySettingsModule {}
