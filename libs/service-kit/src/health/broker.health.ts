import { Inject, Injectable, Optional } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { BROKER_PROBE, type BrokerProbe } from './broker-probe';

/** Reports the broker as up or down, by asking the BrokerProbe the messaging library provides. */
@Injectable()
export class BrokerHealthIndicator {
  constructor(
    private readonly indicator: HealthIndicatorService,
    @Optional() @Inject(BROKER_PROBE) private readonly probe?: BrokerProbe,
  ) {}

  /** True when something provides BROKER_PROBE; HealthModule refuses to start a broker check without it. */
  get isAvailable(): boolean {
    return this.probe !== undefined;
  }

  async check(key: string, timeoutMs: number): Promise<HealthIndicatorResult> {
    const check = this.indicator.check(key);
    try {
      await withTimeout(this.probe!.ping(), timeoutMs);
      return check.up();
    } catch (error) {
      return check.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }
}

function withTimeout(work: Promise<void>, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
