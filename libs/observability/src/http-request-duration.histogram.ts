import { Histogram } from 'prom-client';
import { metricsRegistry } from './registry';

/**
 * Latency of every HTTP response. `route` is the matched route pattern (`/workshops/:id`), never
 * the raw URL: one series per id would grow without bound and overwhelm Prometheus.
 */
export const httpRequestDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'Time from receiving an HTTP request to finishing its response, by method, route pattern and status.',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

/** The route label of requests that matched no route (404s, scanners probing random paths). */
export const UNMATCHED_ROUTE = 'unmatched';
