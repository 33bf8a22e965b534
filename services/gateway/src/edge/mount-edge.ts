import type { INestApplication } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Server } from 'node:http';
import { createRequestIdMiddleware } from '@socialmakers/service-kit';
import { ROUTED_SERVICES, readGatewaySettings, type RoutedService } from '../config/gateway-settings';
import { consoleCacheHeaders, consoleFallback } from './console-files';
import { installProxyLane } from './proxy-lane';
import { apiRateLimit, credentialRateLimit, CREDENTIAL_ROUTES } from './rate-limits';
import { securityHeaders } from './security-headers';
import { createServiceProxy, type ServiceProxy } from './service-proxy';

/**
 * The public edge. Requests for a service take the proxy lane: request id, security headers, the /api
 * rate limit, the proxy. Everything else meets, in Express: (the request id, already installed by
 * configureHttpApp) the same security headers and rate limits, then the console's files, and only
 * then Nest's body parsers, guards and pipes (the gateway's own API, health, metrics).
 */
export function mountEdge(nest: INestApplication): void {
  const app = nest as NestExpressApplication;
  const settings = readGatewaySettings(app.get(ConfigService));
  const headers = securityHeaders();
  const apiLimit = apiRateLimit(settings.rateLimitPerMinute);

  const proxies = Object.fromEntries(
    ROUTED_SERVICES.map((service) => [service, createServiceProxy(service, settings.serviceUrls[service], settings.proxyBodyLimitBytes)]),
  ) as Record<RoutedService, ServiceProxy>;
  installProxyLane(app.getHttpServer() as Server, {
    proxies,
    requestContext: createRequestIdMiddleware(),
    securityHeaders: headers,
    rateLimit: apiLimit,
    trustProxyHops: settings.trustProxyHops,
  });

  app.set('trust proxy', settings.trustProxyHops);
  app.use(headers);
  app.use('/api', apiLimit);
  for (const route of CREDENTIAL_ROUTES) app.use(route, credentialRateLimit(settings.authRateLimitPerMinute));
  app.useStaticAssets(settings.consoleDir, { index: false, setHeaders: consoleCacheHeaders });
  app.use(consoleFallback(settings.consoleDir));
  // The accounts API takes small JSON bodies only; Nest sees these parsers and adds none of its own.
  app.useBodyParser('json', { limit: settings.apiBodyLimitBytes });
  app.useBodyParser('urlencoded', { limit: settings.apiBodyLimitBytes, extended: false });
}
