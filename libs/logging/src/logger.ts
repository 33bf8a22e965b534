import pino, { Logger } from 'pino';
import { RequestContext } from './request-context';

/**
 * The platform's one logger: JSON lines on stdout, each stamped with the service name and,
 * inside a request or a consumed event, its request id.
 */
let serviceName = process.env.SERVICE_NAME ?? 'socialmakers';

/** Names the service in every log line, including those of loggers created before start-up. */
export function setServiceName(name: string): void {
  serviceName = name;
}

export const rootLogger: Logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: undefined,
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
  mixin() {
    const context = RequestContext.current();
    return context ? { service: serviceName, requestId: context.requestId } : { service: serviceName };
  },
});

export function createLogger(component: string): Logger {
  return rootLogger.child({ component });
}

export type { Logger };
