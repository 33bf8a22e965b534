import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { httpRequestDuration, UNMATCHED_ROUTE } from './http-request-duration.histogram';

/**
 * Times each request from the moment it reaches Nest until its response is sent. A middleware
 * rather than an interceptor so requests refused by the auth guard (401/403) and unmatched
 * routes (404) are measured too.
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  use(request: Request, response: Response, next: NextFunction): void {
    const stopTimer = httpRequestDuration.startTimer();
    response.once('finish', () => {
      // Express sets request.route once a route matched, so by the time the response is
      // finished it holds the pattern the request was routed by.
      const route = (request.route as { path?: unknown } | undefined)?.path;
      stopTimer({
        method: request.method,
        route: typeof route === 'string' ? route : UNMATCHED_ROUTE,
        status: String(response.statusCode),
      });
    });
    next();
  }
}
