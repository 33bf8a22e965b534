import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@socialmakers/auth';
import { ObservabilityModule } from '@socialmakers/observability';
import { createConfigModule, HealthModule } from '@socialmakers/service-kit';
import { AccountsModule } from './accounts/accounts.module';
import { BackboneModule } from './backbone/backbone.module';
import { gatewayConfigSchema } from './config/gateway.config';
import { GatewaySettingsModule } from './config/gateway-settings.module';
import { gatewayDataSourceOptions } from './database/data-source';
import { OperationsModule } from './operations/operations.module';
import { PortabilityModule } from './portability/portability.module';

@Module({
  imports: [
    createConfigModule(gatewayConfigSchema),
    GatewaySettingsModule,
    TypeOrmModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        ...gatewayDataSourceOptions(config.getOrThrow('DATABASE_URL')),
        migrationsRun: true,
      }),
    }),
    AuthModule.forRoot(),
    ObservabilityModule,
    BackboneModule,
    HealthModule.forRoot(),
    AccountsModule,
    PortabilityModule,
    OperationsModule,
  ],
})
export class AppModule {}
