import { Inject, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { BrokerHealthIndicator } from './broker.health';
import { HealthController } from './health.controller';
import { HEALTH_OPTIONS, type HealthModuleOptions, type ResolvedHealthOptions } from './health-options';

const DEFAULT_TIMEOUT_MS = 1500;

/**
 * GET /health (database and broker) and GET /health/live (the process only), both public.
 */
@Module({})
export class HealthModule implements OnModuleInit {
  constructor(
    private readonly broker: BrokerHealthIndicator,
    @Inject(HEALTH_OPTIONS) private readonly options: ResolvedHealthOptions,
  ) {}

  static forRoot(options: HealthModuleOptions = {}): DynamicModule {
    const resolved: ResolvedHealthOptions = {
      checks: options.checks ?? ['database', 'broker'],
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    };
    return {
      module: HealthModule,
      // Terminus's own logger writes to the console past the platform logger; the controller
      // logs failed checks itself.
      imports: [TerminusModule.forRoot({ logger: false }), ...(options.imports ?? [])],
      controllers: [HealthController],
      providers: [BrokerHealthIndicator, { provide: HEALTH_OPTIONS, useValue: resolved }],
    };
  }

  onModuleInit(): void {
    // Better to refuse to start than to report a healthy broker nobody checks.
    if (!this.options.checks.includes('broker') || this.broker.isAvailable) return;
    throw new Error(
      'HealthModule checks the broker, but nothing provides BROKER_PROBE: import the messaging module, ' +
        "or use HealthModule.forRoot({ checks: ['database'] }).",
    );
  }
}
