import type { ConfigService } from '@nestjs/config';
import { resolve } from 'node:path';

/** The services behind the gateway, by the path segment that routes to them (/api/<name>/...). */
export const ROUTED_SERVICES = ['learning', 'events', 'community', 'analytics'] as const;
export type RoutedService = (typeof ROUTED_SERVICES)[number];

/** The gateway's settings, typed, from a ConfigService built with gatewayConfigSchema (so already validated). */
export interface GatewaySettings {
  serviceUrls: Record<RoutedService, string>;
  consoleDir: string;
  publicUrl: string;
  smtpUrl?: string;
  mailFrom: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  passwordResetTtlSeconds: number;
  lockout: { maxFailures: number; windowSeconds: number; lockSeconds: number };
  rateLimitPerMinute: number;
  authRateLimitPerMinute: number;
  proxyBodyLimitBytes: number;
  apiBodyLimitBytes: number;
  trustProxyHops: number;
}

export function readGatewaySettings(config: ConfigService): GatewaySettings {
  const number = (key: string) => Number(config.getOrThrow(key));
  const port = number('PORT');
  return {
    serviceUrls: {
      learning: config.getOrThrow('LEARNING_URL'),
      events: config.getOrThrow('EVENTS_URL'),
      community: config.getOrThrow('COMMUNITY_URL'),
      analytics: config.getOrThrow('ANALYTICS_URL'),
    },
    consoleDir: resolve(config.getOrThrow<string>('CONSOLE_DIR')),
    publicUrl: (config.get<string>('PUBLIC_URL') ?? `http://127.0.0.1:${port}`).replace(/\/+$/, ''),
    smtpUrl: config.get<string>('SMTP_URL'),
    mailFrom: config.getOrThrow('MAIL_FROM'),
    accessTokenTtlSeconds: number('ACCESS_TOKEN_TTL_SECONDS'),
    refreshTokenTtlSeconds: number('REFRESH_TOKEN_TTL_SECONDS'),
    passwordResetTtlSeconds: number('PASSWORD_RESET_TTL_SECONDS'),
    lockout: { maxFailures: number('LOCKOUT_MAX_FAILURES'), windowSeconds: number('LOCKOUT_WINDOW_SECONDS'), lockSeconds: number('LOCKOUT_SECONDS') },
    rateLimitPerMinute: number('RATE_LIMIT_PER_MINUTE'),
    authRateLimitPerMinute: number('AUTH_RATE_LIMIT_PER_MINUTE'),
    proxyBodyLimitBytes: number('PROXY_BODY_LIMIT_BYTES'),
    apiBodyLimitBytes: number('API_BODY_LIMIT_BYTES'),
    trustProxyHops: number('TRUST_PROXY_HOPS'),
  };
}

/** Injection token of GatewaySettings. */
export const GATEWAY_SETTINGS = Symbol('GATEWAY_SETTINGS');
