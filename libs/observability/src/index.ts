// Public API of @socialmakers/observability: the process-wide Prometheus registry, and the Nest
// module that exposes it and measures HTTP latency.
export { metricsRegistry } from './registry';
export { httpRequestDuration } from './http-request-duration.histogram';
export { ObservabilityModule } from './observability.module';
