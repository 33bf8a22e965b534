import { createLogger, RequestContext, type Logger } from '@socialmakers/logging';
import type { NextFunction, Request, Response } from 'express';
import { REQUEST_ID_HEADER, resolveRequestId } from './request-id';

// Kubernetes probes and Prometheus call these every few seconds; at info they would drown the
// requests people make.
const QUIET_ROUTE = /^\/(health|metrics)(\/|$)/;

/**
 * Gives each request an id (the caller's, or a new one), returns it in the x-request-id header,
 * and runs the rest of the request inside RequestContext so every log line and every event it
 * publishes carries it. Logs one line when the response is done.
 *
 * Installed with app.use() before Nest adds its body parsers, so even a request with a malformed
 * body gets an id; raw-body keeps the async context across the body's chunks.
 */
export function createRequestIdMiddleware(logger: Logger = createLogger('http')) {
  return function requestIdMiddleware(request: Request, response: Response, next: NextFunction): void {
    const requestId = resolveRequestId(request.headers[REQUEST_ID_HEADER]);
    const startedAt = process.hrtime.bigint();
    response.setHeader(REQUEST_ID_HEADER, requestId);

    response.once('close', () => {
      const route = (request.route as { path?: unknown } | undefined)?.path;
      const path = request.originalUrl.split('?')[0];
      const line = {
        requestId,
        method: request.method,
        route: typeof route === 'string' ? route : undefined,
        path,
        status: response.statusCode,
        durationMs: Number((process.hrtime.bigint() - startedAt) / 1000n) / 1000,
        // The client went away before the response was complete.
        ...(response.writableFinished ? {} : { aborted: true }),
      };
      if (QUIET_ROUTE.test(path)) logger.debug(line, 'request completed');
      else logger.info(line, 'request completed');
    });

    RequestContext.run({ requestId }, () => next());
  };
}
