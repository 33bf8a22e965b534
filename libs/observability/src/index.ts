// Public API of @socialmakers/observability: the process-wide Prometheus registry, and the Nest
// module that exposes it and measures HTTP latency.
export * from './plain';
export { ObservabilityModule } from './observability.module';
