import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@socialmakers/auth';
import { metricsRegistry } from './registry';

/**
 * Prometheus scrape endpoint. Public because the scraper holds no person's token; it exposes
 * counts and timings only, no personal data. Kept out of the OpenAPI document: it is for the
 * monitoring stack, not for API clients.
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  @Public()
  @Get()
  @Header('Content-Type', metricsRegistry.contentType)
  @Header('Cache-Control', 'no-store')
  scrape(): Promise<string> {
    return metricsRegistry.metrics();
  }
}
