import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Helmet's defaults (CSP, nosniff, frame-ancestors, referrer policy, HSTS, ...), with two changes: no
 * upgrade-insecure-requests, since the local platform is plain http on 127.0.0.1 and upgrading would
 * break every request of the console; and connect-src/img-src allowing data: and blob: URLs the
 * console's exports and graph drawings use.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        'upgrade-insecure-requests': null,
        'img-src': ["'self'", 'data:', 'blob:'],
        'connect-src': ["'self'", 'blob:'],
      },
    },
  });
}
