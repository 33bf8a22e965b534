// The metrics without Nest (its module, controller and middleware are in index.ts): what the
// messaging library's plain layer and processes without Nest use.
export { metricsRegistry } from './registry';
export { httpRequestDuration } from './http-request-duration.histogram';
