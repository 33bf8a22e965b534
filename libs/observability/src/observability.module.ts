import { Global, Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { HttpMetricsMiddleware } from './http-metrics.middleware';
import { MetricsController } from './metrics.controller';

/**
 * GET /metrics plus the HTTP latency histogram for every route. Import once, in the root module.
 * Global so the module is set up once however many feature modules import it.
 */
@Global()
@Module({ controllers: [MetricsController] })
export class ObservabilityModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*');
  }
}
