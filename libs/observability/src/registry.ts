import { collectDefaultMetrics, Registry } from 'prom-client';

/** One Prometheus registry per process; every library registers its metrics here. */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });
