import type { LoggerService } from '@nestjs/common';
import { rootLogger } from './logger';

/** Routes Nest's own framework logs into the platform logger, so there is one log format. */
export class PlatformNestLogger implements LoggerService {
  log(message: unknown, context?: string): void {
    rootLogger.info({ component: context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string): void {
    rootLogger.error({ component: context, trace }, String(message));
  }
  warn(message: unknown, context?: string): void {
    rootLogger.warn({ component: context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    rootLogger.debug({ component: context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    rootLogger.trace({ component: context }, String(message));
  }
}
