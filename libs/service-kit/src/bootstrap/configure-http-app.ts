import type { INestApplication } from '@nestjs/common';
import { createLogger, type Logger } from '@socialmakers/logging';
import { ProblemDetailsFilter } from '../errors/problem-details.filter';
import { createRequestIdMiddleware } from '../request-context/request-id.middleware';
import { createValidationPipe } from '../validation/create-validation-pipe';

export interface HttpAppOptions {
  /** Where request lines and request failures are logged; the platform logger when omitted. */
  logger?: Logger;
}

/**
 * The HTTP conventions of every service: request ids, validation and the problem-details error
 * shape. bootstrapService calls it; tests call it on their test app so they exercise the same
 * behaviour as production. Call it before app.init(), so the request id middleware runs before
 * Nest's body parsers.
 */
export function configureHttpApp(app: INestApplication, options: HttpAppOptions = {}): void {
  const logger = options.logger ?? createLogger('http');
  // No need to tell every caller (and every scanner) which framework and version to probe for.
  const server = app.getHttpAdapter().getInstance() as { disable?: (setting: string) => void };
  server.disable?.('x-powered-by');
  app.use(createRequestIdMiddleware(logger));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter(logger));
}
