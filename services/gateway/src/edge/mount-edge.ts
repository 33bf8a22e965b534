import type { INestApplication } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ROUTED_SERVICES, readGatewaySettings } from '../config/gateway-settings';
import { consoleCacheHeaders, consoleFallback } from './console-files';
import { apiRateLimit, credentialRateLimit, CREDENTIAL_ROUTES } from './rate-limits';
import { securityHeaders } from './security-headers';
import { createServiceProxy } from './service-proxy';

/**
 * The public edge, in the order a request meets it: (the request id, already installed by
 * configureHttpApp), security headers, rate limits, then either the proxy to a service or the console's
 * files; only what is left (the gateway's own API, health, metrics) goes through Nest's body parsers,
 * guards and pipes. Installed before Nest registers its body parsers, so proxied bodies stream
 * through untouched.
 */
export function mountEdge(nest: INestApplication): void {
  const app = nest as NestExpressApplication;
  const settings = readGatewaySettings(app.get(ConfigService));
  app.set('trust proxy', settings.trustProxyHops);
  app.use(securityHeaders());
  app.use('/api', apiRateLimit(settings.rateLimitPerMinute));
  for (const route of CREDENTIAL_ROUTES) app.use(route, credentialRateLimit(settings.authRateLimitPerMinute));
  for (const service of ROUTED_SERVICES) {
    app.use(`/api/${service}`, createServiceProxy(service, settings.serviceUrls[service], settings.proxyBodyLimitBytes));
  }
  app.useStaticAssets(settings.consoleDir, { index: false, setHeaders: consoleCacheHeaders });
  app.use(consoleFallback(settings.consoleDir));
  // The accounts API takes small JSON bodies only; Nest sees these parsers and adds none of its own.
  app.useBodyParser('json', { limit: settings.apiBodyLimitBytes });
  app.useBodyParser('urlencoded', { limit: settings.apiBodyLimitBytes, extended: false });
}
