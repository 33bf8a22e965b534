import pino, { Logger } from 'pino';
import { RequestContext } from './request-context';

/**
 * The platform's one logger: JSON lines on stdout, each stamped with the service name and,
 * inside a request or a consumed event, its request id.
 */
export const rootLogger: Logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: { service: process.env.SERVICE_NAME ?? 'socialmakers' },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
  mixin() {
    const context = RequestContext.current();
    return context ? { requestId: context.requestId } : {};
  },
});

export function createLogger(component: string): Logger {
  return rootLogger.child({ component });
}

export type { Logger };
