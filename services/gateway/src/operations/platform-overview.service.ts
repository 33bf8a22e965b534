import { Injectable } from '@nestjs/common';
import { ROUTED_SERVICES, type RoutedService } from '../config/gateway-settings';
import { ServiceClient } from '../common/service-client';
import { samplesOf } from './prometheus-samples';

export interface ConsumerLag {
  group: string;
  topic: string;
  partition: number;
  lag: number;
}

export interface ServiceOverview {
  service: RoutedService;
  url: string;
  /** up: /health answered 200; down: it answered otherwise; unreachable: it did not answer. */
  status: 'up' | 'down' | 'unreachable';
  health: unknown;
  outboxBacklog: number | null;
  consumerLag: ConsumerLag[];
}

const PROBE_TIMEOUT_MS = 3000;

/** The operator's view: each service's health, consumer lag per group and partition, and outbox backlog, read from /health and /metrics. */
@Injectable()
export class PlatformOverviewService {
  constructor(private readonly services: ServiceClient) {}

  async overview(): Promise<{ checkedAt: string; services: ServiceOverview[] }> {
    const services = await Promise.all(ROUTED_SERVICES.map((service) => this.inspect(service)));
    return { checkedAt: new Date().toISOString(), services };
  }

  private async inspect(service: RoutedService): Promise<ServiceOverview> {
    const url = this.services.urlOf(service);
    const [health, metrics] = await Promise.all([
      this.services.call(service, 'GET', '/health', undefined, PROBE_TIMEOUT_MS).catch(() => undefined),
      this.services.call<string>(service, 'GET', '/metrics', undefined, PROBE_TIMEOUT_MS).catch(() => undefined),
    ]);
    const exposition = metrics && metrics.status === 200 && typeof metrics.body === 'string' ? metrics.body : '';
    const backlog = samplesOf(exposition, 'outbox_backlog')[0]?.value;
    return {
      service,
      url,
      status: !health ? 'unreachable' : health.status === 200 ? 'up' : 'down',
      health: health?.body ?? null,
      outboxBacklog: backlog === undefined || backlog < 0 ? null : backlog,
      consumerLag: samplesOf(exposition, 'consumer_lag').map(({ labels, value }) => ({
        group: labels.group,
        topic: labels.topic,
        partition: Number(labels.partition),
        lag: value,
      })),
    };
  }
}
