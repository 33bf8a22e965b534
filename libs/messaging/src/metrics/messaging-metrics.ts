import { Counter, Gauge } from 'prom-client';
import { metricsRegistry } from '@socialmakers/observability/plain';

/** The backbone's Prometheus metrics; gauges that need I/O are filled by collectors on scrape. */
export const messagingMetrics = {
  produced: new Counter({
    name: 'events_produced_total',
    help: 'Events the outbox relay published to Kafka',
    labelNames: ['topic', 'type'] as const,
    registers: [metricsRegistry],
  }),
  consumed: new Counter({
    name: 'events_consumed_total',
    help: 'Events a consumer group handled; outcome is processed or duplicate (absorbed by the inbox)',
    labelNames: ['group', 'type', 'outcome'] as const,
    registers: [metricsRegistry],
  }),
  retried: new Counter({
    name: 'events_retried_total',
    help: 'Handler attempts that failed and were retried in place',
    labelNames: ['group', 'type'] as const,
    registers: [metricsRegistry],
  }),
  deadLettered: new Counter({
    name: 'events_dead_lettered_total',
    help: 'Records parked on a dead-letter topic, by reason (malformed, unknown-type, contract, handler)',
    labelNames: ['group', 'reason'] as const,
    registers: [metricsRegistry],
  }),
  relayFailures: new Counter({
    name: 'outbox_relay_failures_total',
    help: 'Relay rounds that could not publish (the rows stay unsent and are retried)',
    registers: [metricsRegistry],
  }),
};

export function registerOutboxBacklogGauge(countUnsent: () => Promise<number>): Gauge {
  const existing = metricsRegistry.getSingleMetric('outbox_backlog');
  if (existing) metricsRegistry.removeSingleMetric('outbox_backlog');
  return new Gauge({
    name: 'outbox_backlog',
    help: 'Outbox rows written but not yet published to Kafka',
    registers: [metricsRegistry],
    async collect() {
      this.set(await countUnsent().catch(() => -1));
    },
  });
}

export function registerConsumerLagGauge(
  readLag: () => Promise<Array<{ group: string; topic: string; partition: number; lag: number }>>,
): Gauge {
  const existing = metricsRegistry.getSingleMetric('consumer_lag');
  if (existing) metricsRegistry.removeSingleMetric('consumer_lag');
  return new Gauge({
    name: 'consumer_lag',
    help: 'Records on a partition not yet committed by the consumer group',
    labelNames: ['group', 'topic', 'partition'] as const,
    registers: [metricsRegistry],
    async collect() {
      this.reset();
      for (const row of await readLag().catch(() => [])) {
        this.set({ group: row.group, topic: row.topic, partition: String(row.partition) }, row.lag);
      }
    },
  });
}
