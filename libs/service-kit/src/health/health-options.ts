import type { ModuleMetadata } from '@nestjs/common';

export type HealthCheckName = 'database' | 'broker';

export interface HealthModuleOptions {
  /** Which dependencies GET /health checks; both when omitted. */
  checks?: HealthCheckName[];
  /** Modules that provide BROKER_PROBE, when it is not provided globally. */
  imports?: ModuleMetadata['imports'];
  /** How long one check may take before it counts as down; 1500 ms when omitted. */
  timeoutMs?: number;
}

export interface ResolvedHealthOptions {
  checks: HealthCheckName[];
  timeoutMs: number;
}

export const HEALTH_OPTIONS = Symbol('HEALTH_OPTIONS');
